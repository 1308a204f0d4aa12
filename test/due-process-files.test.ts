import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, signIn } from '../src/access/test-factories.js';
import { addComplaintEvidence, submitComplaint, transitionComplaint } from '../src/complaints/index.js';
import { buildServer } from '../src/http/build-server.js';
import type { HttpApp } from '../src/http/types.js';
import { submitBatch } from '../src/ingest/index.js';
import type { Actor } from '../src/kernel/actor.js';
import { addEvidence, submitObjection } from '../src/objections/index.js';
import { addMaterial, CERTIFICATE_LEGAL_BASIS, fileRepair, transitionRepair } from '../src/repairs/index.js';
import { pdfPageCount, pdfText } from '../src/reports/pdf-tools.test-support.js';
import { createTestContext, type TestContext } from './context.js';
import { buildPenaltyRow, buildUscc, insertDepartment, streamOf, submitterOf, toCsv } from './factories.js';

/** Downloads of evidence and materials, and the repair certificate: bytes, headers and who may fetch them. */

type Who = { token: string; actor: Actor };
let ctx: TestContext;
let app: HttpApp;
let admin: Who;
let auditor: Who;
let reviewerA: Who;
let reviewerB: Who;
let subjectA: Who;
let subjectB: Who;
const companyA = { name: '福州下载测试甲有限公司', uscc: buildUscc() };
const companyB = { name: '福州下载测试乙有限公司', uscc: buildUscc() };
const PDF = Buffer.from('%PDF-1.4 证明材料 proof bytes');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 1, 2, 3]);
const ids = { objection: 0, objectionFile: 0, repair: 0, commitment: 0, proof: 0, complaint: 0, complaintFile: 0, subjectA: 0 };

const get = (url: string, who?: Who) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who ? { authorization: `Bearer ${who.token}` } : {} });

beforeAll(async () => {
  ctx = await createTestContext({ now: '2025-06-16T02:00:00Z' });
  app = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
  const scjg = await insertDepartment(ctx.db, 'SCJG', '福州市市场监督管理局');
  const swj = await insertDepartment(ctx.db, 'SWJ', '福州市税务局');
  const row = (c: { name: string; uscc: string }, no: string, date: string) => buildPenaltyRow({ CF_XDR_MC: c.name, CF_XDR_SHXYM: c.uscc, CF_WSH: no, CF_JDRQ: date });
  const report = await submitBatch(ctx, submitterOf(scjg), {
    departmentCode: 'SCJG',
    topicCode: 'XZCF',
    channel: 'api',
    fileName: 'rows.csv',
    input: streamOf(toCsv([row(companyA, '榕下载〔2025〕1号', '2025-01-15'), row(companyA, '榕下载〔2025〕2号', '2025-01-16'), row(companyB, '榕下载〔2025〕3号', '2025-01-10')])),
  });
  expect(report.rejected).toBe(0);
  const records = await ctx.db.selectFrom('records').select(['id', 'subject_id', 'data']).where('is_current', '=', true).execute();
  const recordOf = (no: string) => records.find((r) => (r.data as Record<string, string>).CF_WSH === no)!;
  ids.subjectA = Number(recordOf('榕下载〔2025〕1号').subject_id);
  admin = await signIn(ctx, await buildUser(ctx, { roles: ['admin'] }));
  auditor = await signIn(ctx, await buildUser(ctx, { roles: ['auditor'] }));
  reviewerA = await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: scjg }));
  reviewerB = await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: swj }));
  subjectA = await signIn(ctx, await buildUser(ctx, { roles: ['subject'], subjectId: ids.subjectA }));
  subjectB = await signIn(ctx, await buildUser(ctx, { roles: ['subject'], subjectId: Number(recordOf('榕下载〔2025〕3号').subject_id) }));

  const objection = await submitObjection(ctx, subjectA.actor, { target: { kind: 'record', id: Number(recordOf('榕下载〔2025〕1号').id) }, reasonCode: 'wrong', reasonText: '处罚金额有误' });
  ids.objection = objection.id;
  ids.objectionFile = (await addEvidence(ctx, subjectA.actor, objection.id, { fileName: '缴款凭证 "2025".pdf', content: PDF })).id;

  const repair = await fileRepair(ctx, subjectA.actor, { target: { kind: 'record', id: Number(recordOf('榕下载〔2025〕2号').id) }, statement: '已缴纳全部罚款并完成整改' });
  ids.repair = repair.id;
  ids.commitment = (await addMaterial(ctx, subjectA.actor, repair.id, { kind: 'commitment', fileName: '信用修复承诺书.pdf', content: PDF })).id;
  ids.proof = (await addMaterial(ctx, subjectA.actor, repair.id, { kind: 'proof', fileName: '整改照片.png', content: PNG })).id;
  await transitionRepair(ctx, subjectA.actor, repair.id, { action: 'submit', reason: '' });

  const receipt = await submitComplaint(ctx, { subject: { name: companyB.name, code: companyB.uscc }, category: 'fraud', description: '以虚假宣传诱导消费者预付款后拒不退款', complainant: { name: '张三', phone: '13800000000' } });
  ids.complaint = Number((await ctx.db.selectFrom('complaints').select('id').where('tracking_number', '=', receipt.trackingNumber).executeTakeFirstOrThrow()).id);
  ids.complaintFile = (await addComplaintEvidence(ctx, receipt.trackingNumber, receipt.queryCode, { fileName: '聊天记录.png', content: PNG })).id;
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('GET /objections/:id/evidence/:fileId', () => {
  it('sends the bytes with the checked type, a safe download name and nosniff to those who may read the objection', async () => {
    for (const who of [subjectA, admin, auditor, reviewerA]) {
      const res = await get(`/objections/${ids.objection}/evidence/${ids.objectionFile}`, who);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(PDF)).toBe(true);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="file.pdf"; filename*=UTF-8''${encodeURIComponent('缴款凭证 "2025".pdf')}`);
    }
  });

  it('answers 404 to another subject and to a department that may not read it, and for a file of no such objection', async () => {
    for (const who of [subjectB, reviewerB]) {
      const res = await get(`/objections/${ids.objection}/evidence/${ids.objectionFile}`, who);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'OBJECTION_NOT_FOUND' });
    }
    const missing = await get(`/objections/${ids.objection}/evidence/${ids.objectionFile + 1000}`, admin);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'OBJECTION_EVIDENCE_NOT_FOUND', message: `异议 ${ids.objection} 没有编号为 ${ids.objectionFile + 1000} 的证明材料` });
    expect((await get(`/objections/${ids.objection}/evidence/${ids.objectionFile}`)).statusCode).toBe(401);
  });
});

describe('GET /repairs/:id/materials/:fileId', () => {
  it('sends each material to the applicant, the source department and the centre; others get 404', async () => {
    for (const who of [subjectA, reviewerA, admin, auditor]) {
      const res = await get(`/repairs/${ids.repair}/materials/${ids.proof}`, who);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(PNG)).toBe(true);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="file.png"; filename*=UTF-8''${encodeURIComponent('整改照片.png')}`);
    }
    for (const who of [subjectB, reviewerB]) expect((await get(`/repairs/${ids.repair}/materials/${ids.proof}`, who)).statusCode).toBe(404);
    // A material id of another application is not this application's.
    const other = await get(`/repairs/${ids.repair}/materials/${ids.objectionFile + 5000}`, admin);
    expect(other.json()).toMatchObject({ code: 'REPAIR_MATERIAL_NOT_FOUND' });
  });
});

describe('GET /repairs/:id/certificate.pdf', () => {
  it('has no certificate before the grant (409), then a one-page 信用修复决定书 naming the subject, the record and the basis', async () => {
    const early = await get(`/repairs/${ids.repair}/certificate.pdf`, subjectA);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'REPAIR_NOT_GRANTED', message: `信用修复申请 ${ids.repair} 尚未准予修复，没有修复证书` });

    await transitionRepair(ctx, reviewerA.actor, ids.repair, { action: 'approve', reason: '经核实已整改' });
    const granted = await transitionRepair(ctx, admin.actor, ids.repair, { action: 'grant', reason: '材料齐全，准予修复' });
    const number = granted.certificateNo!;
    expect(number).toMatch(/^XF20250616\d{6}$/);

    const res = await get(`/repairs/${ids.repair}/certificate.pdf`, subjectA);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="repair-certificate-${number}.pdf"; filename*=UTF-8''${encodeURIComponent(`信用修复决定书-${companyA.name}-${number}.pdf`)}`,
    );
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const expected of ['信用修复决定书', `修复证书编号：${number}`, companyA.name, companyA.uscc, '榕下载〔2025〕2号', '福州市市场监督管理局', '2025年06月16日', '材料齐全，准予修复', '终止公示、停止共享']) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(CERTIFICATE_LEGAL_BASIS.replace(/\s+/g, ''));
  });

  it('is given to the source department and the centre, not to an auditor, another department or another subject', async () => {
    for (const who of [reviewerA, admin]) expect((await get(`/repairs/${ids.repair}/certificate.pdf`, who)).statusCode).toBe(200);
    for (const who of [auditor, reviewerB, subjectB]) {
      const res = await get(`/repairs/${ids.repair}/certificate.pdf`, who);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'REPAIR_NOT_FOUND' });
    }
  });
});

describe('GET /complaints/:id/evidence/:fileId', () => {
  it('gives the evidence to the centre; a department only once the complaint is assigned to it; never to a subject account', async () => {
    const url = `/complaints/${ids.complaint}/evidence/${ids.complaintFile}`;
    const first = await get(url, admin);
    expect(first.statusCode).toBe(200);
    expect(first.rawPayload.equals(PNG)).toBe(true);
    expect(first.headers['content-type']).toBe('image/png');
    expect(JSON.stringify(first.headers)).not.toContain(encodeURIComponent('张三'));
    expect((await get(url, reviewerA)).statusCode).toBe(404);

    const assigned = await transitionComplaint(ctx, admin.actor, ids.complaint, { action: 'assign', departmentId: reviewerA.actor.departmentId!, reason: '' });
    expect(assigned.departmentId).toBe(reviewerA.actor.departmentId);
    const department = await get(url, reviewerA);
    expect(department.statusCode).toBe(200);
    expect(department.rawPayload.equals(PNG)).toBe(true);
    // The department's view of the case carries no identity of the complainant either.
    const detail = await get(`/complaints/${ids.complaint}`, reviewerA);
    expect(detail.body).not.toContain('张三');
    expect(detail.body).not.toContain('13800000000');

    expect((await get(url, reviewerB)).statusCode).toBe(404);
    expect((await get(url, subjectB)).statusCode).toBe(403);
    const missing = await get(`/complaints/${ids.complaint}/evidence/${ids.complaintFile + 1000}`, admin);
    expect(missing.json()).toMatchObject({ code: 'COMPLAINT_EVIDENCE_NOT_FOUND' });
  });
});
