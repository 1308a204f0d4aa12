import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { buildPenaltyRow, buildResidentId, streamOf, toCsv } from '../../test/factories.js';
import { createApiToken } from '../access/index.js';
import { buildDepartment } from '../access/test-factories.js';
import { buildServer } from '../http/build-server.js';
import type { HttpApp } from '../http/types.js';
import { submitBatch } from '../ingest/index.js';
import { systemActor } from '../kernel/actor.js';

let ctx: TestContext;
let app: HttpApp;
let token: string;
const residentId = buildResidentId({ birthDate: '1990-02-03', sex: 'F' });

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
  const dept = await buildDepartment(ctx, { code: 'SCJG', name: '福州市市场监督管理局' });
  token = (await createApiToken(ctx, systemActor, dept.id, { name: '市场监管审核', roles: ['reviewer'] })).token;
  await submitBatch(ctx, systemActor, {
    departmentCode: 'SCJG',
    topicCode: 'XZCF',
    channel: 'api',
    fileName: 'p.csv',
    input: streamOf(
      toCsv([
        buildPenaltyRow({ CF_XDR_MC: '福州华信达贸易有限公司' }),
        buildPenaltyRow({ CF_XDR_MC: '林华信', CF_XDR_LB: '自然人', CF_XDR_SHXYM: '', CF_FRDB: '', CF_XDR_ZJLX: '身份证', CF_XDR_ZJHM: residentId }),
      ]),
    ),
  });
});
afterAll(async () => {
  await app.close();
  await ctx.dispose();
});

const get = (query: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: `/api/v1/public/search?${query}`, headers });

describe('GET /api/v1/public/search', () => {
  it('answers the public without natural persons, and signed-in staff with them (masked)', async () => {
    const pub = await get(`q=${encodeURIComponent('华信')}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ total: 1, totalIsLowerBound: false, page: 1, pageSize: 20, items: [{ name: '福州华信达贸易有限公司', kind: 'enterprise' }] });
    const staff = await get(`q=${encodeURIComponent('华信')}&pageSize=10`, { authorization: `Bearer ${token}` });
    expect(staff.statusCode).toBe(200);
    expect(staff.json().items.map((i: { name: string }) => i.name)).toEqual(['福州华信达贸易有限公司', '林华信']);
    expect(staff.json().items[1].code).toBe(`${residentId.slice(0, 10)}****${residentId.slice(14)}`);
    expect(staff.body).not.toContain(residentId);
  });

  it.each([
    ['', 'SEARCH_QUERY_INVALID', '请输入查询词'],
    ['q=', 'SEARCH_QUERY_INVALID', '请输入查询词'],
    [`q=${encodeURIComponent('   ')}`, 'SEARCH_QUERY_INVALID', '空格'],
    [`q=${encodeURIComponent('华'.repeat(51))}`, 'SEARCH_QUERY_INVALID', '50 个字符'],
    [`q=${encodeURIComponent('华信\u0007')}`, 'SEARCH_QUERY_INVALID', '控制字符'],
    [`q=${encodeURIComponent('华信')}&q=x`, 'SEARCH_QUERY_INVALID', '只能有一个'],
    [`q=${encodeURIComponent('华')}`, 'SEARCH_QUERY_TOO_SHORT', '两个字'],
    [`q=${encodeURIComponent('华信')}&pageSize=51`, 'SEARCH_PAGE_INVALID', 'pageSize'],
    [`q=${encodeURIComponent('华信')}&pageSize=abc`, 'SEARCH_PAGE_INVALID', 'pageSize'],
    [`q=${encodeURIComponent('华信')}&page=51`, 'SEARCH_PAGE_INVALID', 'page'],
    [`q=${encodeURIComponent('华信')}&page=-1`, 'SEARCH_PAGE_INVALID', 'page'],
  ])('refuses %s with %s', async (query, code, words) => {
    const response = await get(query);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe(code);
    expect(response.json().message).toContain(words);
  });

  it('is described in the OpenAPI document with its query and response', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/v1/public/search'].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(['q', 'page', 'pageSize']);
    expect(op.parameters[0]).toMatchObject({ in: 'query', required: true, schema: { maxLength: 50 } });
    const item = op.responses['200'].content['application/json'].schema.properties.items.items;
    expect(Object.keys(item.properties)).toEqual(['id', 'name', 'kind', 'uscc', 'code', 'regionCode', 'regionName', 'status', 'formerName', 'badges']);
  });
});
