import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { buildResidentId, buildUscc } from '../../test/factories.js';
import { buildDepartment, buildUser, signIn } from '../access/test-factories.js';
import { buildServer } from '../http/build-server.js';
import type { HttpApp } from '../http/types.js';
import { ensureBuiltinListTypes } from './ensure-builtin-list-types.js';
import { LIST_CODES } from './index.js';

let ctx: TestContext;
let app: HttpApp;
let admin: string;
let market: string;
let tax: string;

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
  const scjg = await buildDepartment(ctx, { code: 'SCJG', name: '福州市市场监督管理局' });
  const sw = await buildDepartment(ctx, { code: 'SW', name: '国家税务总局福州市税务局' });
  await ensureBuiltinListTypes(ctx.db, ctx.clock.now());
  admin = (await signIn(ctx, await buildUser(ctx, { roles: ['admin'] }))).token;
  market = (await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: scjg.id }))).token;
  tax = (await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: sw.id }))).token;
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('the lists API', () => {
  it('publishes list types with their basis and the entries in force, never persons of lists that do not publish them', async () => {
    const types = (await app.inject({ method: 'GET', url: '/api/v1/public/list-types' })).json() as { code: string; legalBasis: unknown[] }[];
    expect(types).toHaveLength(13);
    expect(types.every((t) => t.legalBasis.length > 0)).toBe(true);

    const company = await app.inject({
      method: 'POST',
      url: '/api/v1/list-entries',
      headers: auth(tax),
      payload: { listType: LIST_CODES.taxA, subject: { name: '福州诚信纳税科技有限公司', uscc: buildUscc() }, reasons: '2025 年度纳税信用 A 级', notify: true },
    });
    expect(company.statusCode).toBe(201);
    expect(company.json()).toMatchObject({ status: 'active', source: 'console', department: { name: '国家税务总局福州市税务局' } });
    const person = await app.inject({
      method: 'POST',
      url: '/api/v1/list-entries',
      headers: auth(tax),
      payload: { listType: LIST_CODES.taxA, subject: { name: '陈某', residentId: buildResidentId({ birthDate: '1970-01-01' }) }, reasons: '个人纳税信用', notify: true },
    });
    expect(person.statusCode).toBe(201);

    const red = (await app.inject({ method: 'GET', url: '/api/v1/public/lists?kind=red' })).json() as { total: number; items: { subjectName: string }[] };
    expect(red.items.map((i) => i.subjectName)).toEqual(['福州诚信纳税科技有限公司']);
    const badges = await app.inject({ method: 'GET', url: `/api/v1/public/subjects/${company.json().subject.id}` });
    expect(badges.json().subject.badges).toEqual(['red']);
    expect((await app.inject({ method: 'GET', url: '/api/v1/public/lists?pageSize=51' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/public/lists?listType=NOSUCH' })).json().code).toBe('LIST_TYPE_NOT_FOUND');
  });

  it('keeps entries to the credit centre and the deciding department', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/list-entries' })).statusCode).toBe(401);
    const own = (await app.inject({ method: 'GET', url: '/api/v1/list-entries', headers: auth(tax) })).json() as { total: number; items: { id: number }[] };
    expect(own.total).toBe(2);
    expect((await app.inject({ method: 'GET', url: '/api/v1/list-entries', headers: auth(market) })).json().total).toBe(0);
    const other = await app.inject({ method: 'GET', url: `/api/v1/list-entries/${own.items[0]!.id}`, headers: auth(market) });
    expect(other.statusCode).toBe(404);
    const exit = await app.inject({ method: 'POST', url: `/api/v1/list-entries/${own.items[0]!.id}/transitions`, headers: auth(market), payload: { action: 'exit', reason: '越权' } });
    expect(exit.statusCode).toBe(404);
    const noReason = await app.inject({ method: 'POST', url: `/api/v1/list-entries/${own.items[0]!.id}/transitions`, headers: auth(tax), payload: { action: 'exit', reason: ' ' } });
    expect(noReason.json()).toMatchObject({ code: 'LIST_ENTRY_REASON_REQUIRED', message: '请说明移出的理由' });
    const bad = await app.inject({ method: 'POST', url: '/api/v1/list-entries', headers: auth(admin), payload: { listType: LIST_CODES.taxA, subject: { name: '无代码' }, reasons: 'x', extra: 1 } });
    expect(bad.statusCode).toBe(400);
  });

  it('imports a CSV of decisions over HTTP, refusing the whole file with each wrong row named', async () => {
    const header = '名单类型代码,主体名称,统一社会信用代码,决定文书号,列入事由';
    const file = `${header}\n${LIST_CODES.abnormalOperation},福州甲商贸有限公司,${buildUscc()},榕市监异〔2025〕1号,未按期公示年报\n${LIST_CODES.abnormalOperation},福州乙商贸有限公司,123,榕市监异〔2025〕2号,无法联系\n`;
    const refused = await app.inject({ method: 'POST', url: '/api/v1/list-entries/import?notify=true', headers: { ...auth(market), 'content-type': 'text/csv' }, payload: file });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'LIST_FILE_INVALID', details: { rows: [{ row: 3, code: 'LIST_ENTRY_SUBJECT_INVALID' }] } });
    const good = file.split('\n').slice(0, 2).join('\n');
    const imported = await app.inject({ method: 'POST', url: '/api/v1/list-entries/import?notify=true', headers: { ...auth(market), 'content-type': 'text/csv' }, payload: good });
    expect(imported.statusCode).toBe(201);
    expect(imported.json().imported).toBe(1);
    const sweep = await app.inject({ method: 'POST', url: '/api/v1/lists/sweep', headers: auth(market) });
    expect(sweep.statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/v1/lists/sweep', headers: auth(admin) })).json()).toEqual({ expired: 0, activated: 0, warned: 0, proposedByRules: 0 });
  });
});
