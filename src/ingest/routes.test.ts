import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { buildPenaltyRow, toCsv } from '../../test/factories.js';
import { createApiToken } from '../access/index.js';
import { buildDepartment } from '../access/test-factories.js';
import { buildServer } from '../http/build-server.js';
import type { HttpApp } from '../http/types.js';
import { systemActor } from '../kernel/actor.js';

let ctx: TestContext;
let app: HttpApp;
let tokenA: string;
let tokenB: string;
let reviewerA: string;

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.config.maxUploadBytes = 2 * 1024 * 1024;
  app = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
  const a = await buildDepartment(ctx, { code: 'SCJG', name: '福州市市场监督管理局' });
  const b = await buildDepartment(ctx, { code: 'STHJ', name: '福州市生态环境局' });
  tokenA = (await createApiToken(ctx, systemActor, a.id, { name: '市场监管系统对接', roles: ['submitter'] })).token;
  tokenB = (await createApiToken(ctx, systemActor, b.id, { name: '生态环境系统对接', roles: ['submitter'] })).token;
  reviewerA = (await createApiToken(ctx, systemActor, a.id, { name: '市场监管审核', roles: ['reviewer'] })).token;
});
afterAll(async () => {
  await app.close();
  await ctx.dispose();
});

function postCsv(body: string | Buffer, token: string, query = 'topic=XZCF', type = 'text/csv') {
  return app.inject({
    method: 'POST',
    url: `/api/v1/batches?${query}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    payload: body,
  });
}

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer | string; type: string }) {
  const boundary = '----xinyong-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    Buffer.from(file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('batch API', () => {
  let batchOfA: number;

  it('accepts a CSV body from a department token and answers with the batch report', async () => {
    const response = await postCsv(toCsv([buildPenaltyRow(), buildPenaltyRow({ CF_JDRQ: '2025-13-01' })]), tokenA);
    expect(response.statusCode).toBe(201);
    const batch = response.json();
    expect(batch).toMatchObject({
      department: { code: 'SCJG' },
      topic: { code: 'XZCF', name: '行政处罚' },
      status: 'completed',
      totalRows: 2,
      accepted: 1,
      created: 1,
      rejected: 1,
      encoding: 'utf-8',
    });
    batchOfA = batch.id;
  });

  it('accepts an XLSX upload as multipart form data', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('处罚');
    const row = buildPenaltyRow();
    sheet.addRow(Object.keys(row));
    sheet.addRow(Object.values(row));
    const form = multipart({ topic: 'XZCF' }, { name: '处罚.xlsx', content: Buffer.from(await book.xlsx.writeBuffer()), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const response = await app.inject({ method: 'POST', url: '/api/v1/batches/upload', headers: { ...form.headers, authorization: `Bearer ${tokenA}` }, payload: form.payload });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ format: 'xlsx', channel: 'upload', fileName: '处罚.xlsx', created: 1 });
  });

  it("hides another department's batch: 404 for its report and its error file", async () => {
    const own = await app.inject({ method: 'GET', url: `/api/v1/batches/${batchOfA}`, headers: { authorization: `Bearer ${reviewerA}` } });
    expect(own.statusCode).toBe(200);
    for (const url of [`/api/v1/batches/${batchOfA}`, `/api/v1/batches/${batchOfA}/errors.csv`, `/api/v1/batches/${batchOfA}/errors.xlsx`]) {
      const response = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokenB}` } });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().code).toBe('INGEST_BATCH_NOT_FOUND');
    }
    const list = await app.inject({ method: 'GET', url: '/api/v1/batches', headers: { authorization: `Bearer ${tokenB}` } });
    expect(list.json()).toEqual([]);
  });

  it('refuses to submit for another department, and refuses the public', async () => {
    const forOther = await postCsv(toCsv([buildPenaltyRow()]), tokenA, 'topic=XZCF&department=STHJ');
    expect(forOther.statusCode).toBe(403);
    expect(forOther.json().code).toBe('FORBIDDEN');
    const reviewer = await postCsv(toCsv([buildPenaltyRow()]), reviewerA);
    expect(reviewer.statusCode).toBe(403);
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/batches' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('serves the error report as CSV and XLSX naming row, column and reason', async () => {
    const csv = await app.inject({ method: 'GET', url: `/api/v1/batches/${batchOfA}/errors.csv`, headers: { authorization: `Bearer ${tokenA}` } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('3,CF_JDRQ,处罚决定日期,2025-13-01,错误,bad-date');
    const xlsx = await app.inject({ method: 'GET', url: `/api/v1/batches/${batchOfA}/errors.xlsx`, headers: { authorization: `Bearer ${tokenA}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('错误报告');
    expect(sheet?.getRow(2).values).toEqual([undefined, '3', 'CF_JDRQ', '处罚决定日期', '2025-13-01', '错误', 'bad-date', expect.stringContaining('不是有效日期')]);
  });

  it('answers hostile and malformed bodies with a 400 naming the problem, storing nothing', async () => {
    const before = await ctx.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const cases: [string | Buffer, string, string][] = [
      ['[{"__proto__": {"polluted": 1}, "CF_XDR_MC": "x"}]', 'application/json', 'PARSE_JSON_FORBIDDEN_KEY'],
      ['[{"CF_XDR_MC": ' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + '}]', 'application/json', 'PARSE_JSON_TOO_DEEP'],
      ['['.repeat(5000) + ']'.repeat(5000), 'application/json', 'PARSE_JSON_RECORD_NOT_OBJECT'],
      ['{"records": "no"}', 'application/json', 'PARSE_JSON_SHAPE'],
      ['行政相对人名称,颜色\n某公司,红\n', 'text/csv', 'INGEST_UNKNOWN_COLUMNS'],
      ['CF_XDR_MC\n"unclosed,\n', 'text/csv', 'PARSE_CSV_UNCLOSED_QUOTE'],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'PARSE_XLSX_LEGACY'],
      [Buffer.from('PK\u0003\u0004garbage'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'PARSE_XLSX_INVALID'],
      [Array.from({ length: 600 }, (_, i) => `c${i}`).join(',') + '\n', 'text/csv', 'PARSE_TOO_MANY_COLUMNS'],
    ];
    for (const [body, type, code] of cases) {
      const response = await postCsv(body, tokenA, 'topic=XZCF', type);
      expect(response.statusCode, code).toBe(400);
      expect(response.json().code, code).toBe(code);
      expect(response.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const after = await ctx.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });

  it('refuses an upload over the size limit with 413', async () => {
    const big = toCsv(Array.from({ length: 8000 }, () => buildPenaltyRow()));
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const response = await postCsv(big, tokenA);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'PARSE_FILE_TOO_LARGE', message: expect.stringContaining('请拆分后分批上传') });
  });

  it('refuses an unknown topic with 404 and a clear message', async () => {
    const response = await postCsv(toCsv([buildPenaltyRow()]), tokenA, 'topic=NOPE');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'CATALOG_TOPIC_NOT_FOUND', message: '目录中没有数据主题「NOPE」' });
  });
});

describe('catalogue, codes and calendar API', () => {
  it('serves a topic template with required marks, field codes and drop-down lists', async () => {
    const topics = await app.inject({ method: 'GET', url: '/api/v1/catalog/topics' });
    const penalty = topics.json().find((t: { definition: { code: string } }) => t.definition.code === 'XZCF');
    const response = await app.inject({ method: 'GET', url: `/api/v1/catalog/topics/${penalty.id}/template.xlsx` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('XZCF.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('行政处罚');
    const headers = (sheet?.getRow(1).values as string[]).slice(1);
    expect(headers[0]).toBe('*行政相对人名称');
    expect(headers).toContain('统一社会信用代码');
    const note = sheet?.getRow(1).getCell(1).note;
    expect(typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('')).toContain('CF_XDR_MC');
    const categoryColumn = headers.indexOf('*处罚类别') + 1;
    expect(sheet?.getCell(2, categoryColumn).dataValidation).toMatchObject({ type: 'list' });
  });

  it('validates codes', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/codes/validate', payload: { code: '９１３５０１００Ｍ０００１００Ｙ４３' } });
    expect(response.json()).toMatchObject({ valid: true, kind: 'uscc', normalized: '91350100M000100Y43', details: { orgCode: 'M000100Y4', region: '350100' } });
    const bad = await app.inject({ method: 'POST', url: '/api/v1/codes/validate', payload: { code: '91350100M000100Y44' } });
    expect(bad.json()).toMatchObject({ valid: false, issues: [expect.objectContaining({ code: 'checksum-mismatch' })] });
  });

  it('adds and counts working days, and refuses bad dates in Chinese', async () => {
    expect((await app.inject({ url: '/api/v1/calendar/add-workdays?date=2025-09-26&days=7' })).json()).toEqual({ date: '2025-10-13' });
    expect((await app.inject({ url: '/api/v1/calendar/workdays-between?from=2025-09-26&to=2025-10-13' })).json()).toEqual({ days: 7 });
    const bad = await app.inject({ url: '/api/v1/calendar/add-workdays?date=2025-02-30&days=1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('2025-02-30');
  });

  it('answers health and lists every public endpoint in the OpenAPI document', async () => {
    expect((await app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/v1/batches', '/api/v1/batches/upload', '/api/v1/batches/{id}', '/api/v1/codes/validate', '/api/v1/calendar/add-workdays', '/api/v1/catalog/topics/{id}/template.xlsx', '/api/v1/auth/login']) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
  });
});
