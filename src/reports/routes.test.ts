import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { buildPenaltyRow, buildResidentId, streamOf, toCsv } from '../../test/factories.js';
import { buildDepartment, buildUser, signIn } from '../access/test-factories.js';
import { buildServer } from '../http/build-server.js';
import type { HttpApp } from '../http/types.js';
import { submitBatch } from '../ingest/index.js';
import { systemActor } from '../kernel/actor.js';
import { pdfText } from './pdf-tools.test-support.js';
import { canonicalReportString } from './report-signer.js';

let ctx: TestContext;
let app: HttpApp;
let companyId: number;
let personId: number;
const COMPANY = '福州闽江源食品有限公司';
const PENALTY_NO = '榕市监处罚〔2025〕3301号';

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
  await buildDepartment(ctx, { code: 'SCJG', name: '福州市市场监督管理局' });
  await buildDepartment(ctx, { code: 'XYZX', name: '福州市公共信用信息中心', kind: 'credit_centre' });
  const rows = [
    buildPenaltyRow({ CF_XDR_MC: COMPANY, CF_WSH: PENALTY_NO }),
    buildPenaltyRow({ CF_XDR_MC: '林小明', CF_XDR_LB: '自然人', CF_XDR_SHXYM: '', CF_FRDB: '', CF_XDR_ZJLX: '身份证', CF_XDR_ZJHM: buildResidentId() }),
  ];
  const batch = await submitBatch(ctx, systemActor, { departmentCode: 'SCJG', topicCode: 'XZCF', channel: 'api', fileName: 'p.csv', input: streamOf(toCsv(rows)) });
  expect(batch.rejected).toBe(0);
  const subjects = await ctx.db.selectFrom('subjects').select(['id', 'name']).execute();
  companyId = subjects.find((s) => s.name === COMPANY)!.id;
  personId = subjects.find((s) => s.name === '林小明')!.id;
});
afterAll(async () => {
  await app.close();
  await ctx.dispose();
});

const requestReport = (id: number) => app.inject({ method: 'POST', url: `/api/v1/public/subjects/${id}/report` });

async function storedCode(number: string): Promise<string> {
  const row = await ctx.db.selectFrom('reports').select('verification_code').where('number', '=', number).executeTakeFirstOrThrow();
  return row.verification_code;
}

describe('public report', () => {
  let pdf: Buffer;
  let number: string;

  it('answers with the signed PDF, its number and a Chinese file name', async () => {
    const response = await requestReport(companyId);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    number = String(response.headers['x-report-number']);
    expect(number).toMatch(/^XY20250616\d{6}$/);
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toContain(`filename="credit-report-${number}.pdf"`);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1];
    expect(decodeURIComponent(encoded!)).toBe(`信用报告-${COMPANY}-${number}.pdf`);
    pdf = response.rawPayload;
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain(number);
    expect(text).toContain(COMPANY);
    expect(text).toContain(PENALTY_NO);
    expect(text).toContain('公开版');
    expect(text).toContain('未查见相关记录');
  });

  it('is verified by number and code, and the same 404 answers a wrong code or an unknown number', async () => {
    const code = await storedCode(number);
    const ok = await app.inject({ method: 'GET', url: `/api/v1/reports/${number}/verify?code=${code}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ authentic: true, signatureValid: true, number, subjectName: COMPANY, scope: 'public', issuedAt: '2025-06-16T02:00:00.000Z' });
    const wrong = await app.inject({ method: 'GET', url: `/api/v1/reports/${number}/verify?code=ZZZZZZZZ` });
    const unknown = await app.inject({ method: 'GET', url: `/api/v1/reports/XY20250616999999/verify?code=${code}` });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().code).toBe('REPORT_NOT_FOUND');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual(wrong.json());
    const malformed = await app.inject({ method: 'GET', url: `/api/v1/reports/12345/verify?code=${code}` });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('VALIDATION_FAILED');
  });

  it('verifies the uploaded file: unchanged passes, one flipped byte fails', async () => {
    const upload = (body: Buffer, type = 'application/pdf') =>
      app.inject({ method: 'POST', url: '/api/v1/reports/verify', headers: { 'content-type': type }, payload: body });
    const ok = await upload(pdf);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ authentic: true, unchanged: true, number, subjectName: COMPANY });
    const tampered = Buffer.from(pdf);
    tampered[Math.floor(tampered.length / 3)]! ^= 0x20;
    const bad = await upload(tampered);
    expect(bad.statusCode).toBe(200);
    expect(bad.json()).toMatchObject({ authentic: false, unchanged: false });
    expect(bad.json().message).toContain('核验未通过');
    const notPdf = await upload(Buffer.from('这不是PDF'));
    expect(notPdf.statusCode).toBe(400);
    expect(notPdf.json().code).toBe('REPORT_NOT_PDF');
    const tooLarge = await upload(Buffer.concat([Buffer.from('%PDF-1.3\n'), Buffer.alloc(10 * 1024 * 1024)]));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('publishes the public key that checks the stored signature', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/reports/public-key' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/x-pem-file');
    expect(response.body).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const row = await ctx.db.selectFrom('reports').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
    expect(row.key_id).toBe(response.headers['x-key-id']);
    const signed = canonicalReportString({ number, sha256: row.sha256, issuedAt: row.issued_at, subjectId: row.subject_id, scope: row.scope });
    expect(crypto.verify(null, Buffer.from(signed), crypto.createPublicKey(response.body), Buffer.from(row.signature, 'base64'))).toBe(true);
  });

  it('refuses natural persons as if they did not exist', async () => {
    const person = await requestReport(personId);
    const missing = await requestReport(999_999);
    expect(person.statusCode).toBe(404);
    expect(person.json()).toMatchObject({ code: 'SUBJECT_NOT_FOUND', message: `没有编号为 ${personId} 的公开信用主体` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('SUBJECT_NOT_FOUND');
  });
});

describe("a subject's own report", () => {
  it('needs a signed-in subject account', async () => {
    const anonymous = await app.inject({ method: 'POST', url: '/api/v1/my/report' });
    expect(anonymous.statusCode).toBe(401);
    const staff = await signIn(ctx, await buildUser(ctx, { roles: ['admin'] }));
    const refused = await app.inject({ method: 'POST', url: '/api/v1/my/report', headers: { authorization: `Bearer ${staff.token}` } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'REPORT_NOT_SUBJECT_ACCOUNT', message: '只有信用主体账号登录后才能申请本主体的自查版信用报告' });
  });

  it('gives the subject account the shared-scope report of its own subject, recording who asked', async () => {
    const account = await signIn(ctx, await buildUser(ctx, { roles: ['subject'], subjectId: companyId, departmentId: null }));
    const response = await app.inject({ method: 'POST', url: '/api/v1/my/report', headers: { authorization: `Bearer ${account.token}` } });
    expect(response.statusCode).toBe(200);
    const number = String(response.headers['x-report-number']);
    const text = pdfText(response.rawPayload).replace(/\s+/g, '');
    expect(text).toContain('自查版（含政务共享信息）');
    expect(text).toContain(COMPANY);
    const row = await ctx.db.selectFrom('reports').select(['scope', 'subject_id', 'requested_by_id']).where('number', '=', number).executeTakeFirstOrThrow();
    expect(row).toEqual({ scope: 'shared', subject_id: companyId, requested_by_id: account.actor.id });
  });
});

describe('OpenAPI', () => {
  it('lists every report route', async () => {
    const paths = Object.keys((await app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/public/subjects/{id}/report',
        '/api/v1/my/report',
        '/api/v1/reports/{number}/verify',
        '/api/v1/reports/verify',
        '/api/v1/reports/public-key',
      ]),
    );
  });
});

describe('rate limit', () => {
  it('lets an anonymous client issue at most 20 public reports a minute', async () => {
    const fresh = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 21; i += 1) statuses.push((await fresh.inject({ method: 'POST', url: `/api/v1/public/subjects/${companyId}/report` })).statusCode);
      expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
      expect(statuses[20]).toBe(429);
    } finally {
      await fresh.close();
    }
  });
});
