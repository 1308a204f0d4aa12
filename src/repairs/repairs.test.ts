import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { buildPenaltyRow, buildUscc, insertDepartment, streamOf, submitterOf, toCsv } from '../../test/factories.js';
import { buildUser, signIn } from '../access/test-factories.js';
import { invalidateCheckReferenceData, runCheck } from '../checks/index.js';
import { buildServer } from '../http/build-server.js';
import type { HttpApp } from '../http/types.js';
import { submitBatch } from '../ingest/index.js';
import type { Actor } from '../kernel/actor.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import { getRecord, getSubjectRecord, listBadges, listPublications } from '../records/index.js';
import {
  addMaterial,
  certificateNumber,
  checkEligibility,
  entryEligibility,
  fileRepair,
  getRepair,
  listRepairs,
  recordEligibility,
  transitionRepair,
  type RepairInput,
} from './index.js';

let ctx: TestContext;
let app: HttpApp;
let scjg: number;
let swj: number;
let admin: { token: string; actor: Actor };
let auditor: { token: string; actor: Actor };
let reviewer: { token: string; actor: Actor };
let otherReviewer: { token: string; actor: Actor };
let clerk: { token: string; actor: Actor };
let otherClerk: { token: string; actor: Actor };
let subjectA: { token: string; actor: Actor };
const company = {
  a: { name: '福州修复测试甲有限公司', uscc: buildUscc() },
  b: { name: '福州修复测试乙有限公司', uscc: buildUscc() },
  c: { name: '福州修复测试丙有限公司', uscc: buildUscc() },
  d: { name: '福州修复测试丁有限公司', uscc: buildUscc() },
};
const ids = { a: 0, b: 0, c: 0, d: 0, old: 0, recent: 0, refuse: 0, race: 0, penaltyB: 0, entryC: 0, entryD: 0, taskC: 0 };

async function subjectId(uscc: string) {
  return Number((await ctx.db.selectFrom('subject_identifiers').select('subject_id').where('kind', '=', 'uscc').where('value_key', '=', uscc).executeTakeFirstOrThrow()).subject_id);
}
async function recordOf(documentNo: string) {
  const rows = await ctx.db.selectFrom('records').select(['id', 'data']).where('is_current', '=', true).execute();
  return Number(rows.find((r) => (r.data as Record<string, string>).CF_WSH === documentNo)!.id);
}
async function code(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
const multipart = (fields: Record<string, string>, fileName: string, content: Buffer) => {
  const boundary = '----xinyong-repair-boundary';
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const payload = Buffer.concat([
    ...parts,
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};
const bearer = (who: { token: string }) => ({ authorization: `Bearer ${who.token}` });
const PDF = Buffer.from('%PDF-1.4 信用修复承诺书');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const recordTarget = (id: number): RepairInput => ({ target: { kind: 'record', id }, statement: '已缴纳全部罚款并完成整改' });
const entryTarget = (id: number): RepairInput => ({ target: { kind: 'list_entry', id }, statement: '已整改到位，满足信用修复条件' });
const checkActor: Actor = { type: 'token', id: '9', name: '交易系统', departmentId: null, roles: ['submitter'] };
const blocking = async (uscc: string) =>
  (await runCheck(ctx, checkActor, { subject: { uscc }, matter: 'tendering', purpose: '投标资格审查', operator: '王经办' })).blocking.map((m) => m.code);
const recordStatus = async (id: number) => (await ctx.db.selectFrom('records').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const audits = async (id: number) =>
  (await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'repair').where('entity_id', '=', String(id)).orderBy('id').execute()).map((r) => r.action);
const outbox = async (id: number) =>
  await ctx.db.selectFrom('outbox').select(['topic', 'payload']).where('topic', 'like', 'repair.%').where('entity_key', '=', String(id)).orderBy('id').execute();
const publicIds = async (subject: number) => (await getSubjectRecord(ctx, subject, 'public'))!.sections.flatMap((s) => s.records).map((r) => r.id);

/** Files, adds both required materials, submits and has the source department approve. */
async function throughDepartment(actor: Actor, input: RepairInput) {
  const filed = await fileRepair(ctx, actor, input);
  await addMaterial(ctx, actor, filed.id, { kind: 'commitment', fileName: '承诺书.pdf', content: PDF });
  await addMaterial(ctx, actor, filed.id, { kind: 'proof', fileName: '缴款凭证.png', content: PNG });
  await transitionRepair(ctx, actor, filed.id, { action: 'submit', reason: '' });
  await transitionRepair(ctx, reviewer.actor, filed.id, { action: 'approve', reason: '经核实已整改' });
  return filed.id;
}

beforeAll(async () => {
  ctx = await createTestContext({ now: '2025-06-16T02:00:00Z' }); // a Monday
  app = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
  scjg = await insertDepartment(ctx.db, 'SCJG', '福州市市场监督管理局');
  swj = await insertDepartment(ctx.db, 'SWJ', '福州市税务局');
  checkActor.departmentId = swj;
  const row = (c: { name: string; uscc: string }, no: string, date: string) => buildPenaltyRow({ CF_XDR_MC: c.name, CF_XDR_SHXYM: c.uscc, CF_WSH: no, CF_JDRQ: date });
  const report = await submitBatch(ctx, submitterOf(scjg), {
    departmentCode: 'SCJG',
    topicCode: 'XZCF',
    channel: 'api',
    fileName: 'rows.csv',
    input: streamOf(toCsv([
      row(company.a, '榕修复〔2025〕1号', '2025-01-15'),
      row(company.a, '榕修复〔2025〕2号', '2025-06-10'),
      row(company.a, '榕修复〔2025〕3号', '2025-02-01'),
      row(company.a, '榕修复〔2025〕4号', '2025-02-02'),
      row(company.b, '榕修复〔2025〕5号', '2025-01-10'),
      row(company.c, '榕修复〔2025〕6号', '2025-01-10'),
      row(company.d, '榕修复〔2025〕7号', '2025-01-10'),
    ])),
  });
  expect(report.rejected).toBe(0);
  ids.a = await subjectId(company.a.uscc);
  ids.b = await subjectId(company.b.uscc);
  ids.c = await subjectId(company.c.uscc);
  ids.d = await subjectId(company.d.uscc);
  ids.old = await recordOf('榕修复〔2025〕1号');
  ids.recent = await recordOf('榕修复〔2025〕2号');
  ids.refuse = await recordOf('榕修复〔2025〕3号');
  ids.race = await recordOf('榕修复〔2025〕4号');
  ids.penaltyB = await recordOf('榕修复〔2025〕5号');

  admin = await signIn(ctx, await buildUser(ctx, { roles: ['admin'] }));
  auditor = await signIn(ctx, await buildUser(ctx, { roles: ['auditor'] }));
  reviewer = await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: scjg }));
  otherReviewer = await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: swj }));
  clerk = await signIn(ctx, await buildUser(ctx, { roles: ['submitter'], departmentId: scjg }));
  otherClerk = await signIn(ctx, await buildUser(ctx, { roles: ['submitter'], departmentId: swj }));
  subjectA = await signIn(ctx, await buildUser(ctx, { roles: ['subject'], subjectId: ids.a }));

  // Company C on the 严重违法失信名单 (repairable), with a measure and a pending joint task; company D on
  // the 失信被执行人名单 (not repaired: the court removes it).
  const now = ctx.clock.now();
  const entry = async (code: string, subject: number) => {
    const listType = await ctx.db.selectFrom('list_types').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    const inserted = await ctx.db
      .insertInto('list_entries')
      .values({ list_type_id: listType.id, subject_id: subject, status: 'active', source: 'console', department_id: scjg, decision_no: `榕市监列〔2025〕${subject}号`, decision_date: '2025-01-20', reasons: '严重违法', effective_from: '2025-02-10', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { entryId: Number(inserted.id), listTypeId: listType.id };
  };
  const c = await entry('YZWFSX', ids.c);
  ids.entryC = c.entryId;
  ids.entryD = (await entry('SXBZXR', ids.d)).entryId;
  const measure = await ctx.db
    .insertInto('measures')
    .values({ code: 'REP_BAN', name: '限制投标', content: '限制参与投标', kind: 'punishment', strength: 'prohibit', legal_basis: JSON.stringify([{ title: '测试依据' }]), matters: ['tendering'], binds: ['subject'], created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db.insertInto('measure_list_types').values({ measure_id: measure.id, list_type_id: c.listTypeId }).execute();
  await ctx.db.insertInto('measure_departments').values({ measure_id: measure.id, department_id: swj }).execute();
  const task = await ctx.db
    .insertInto('joint_tasks')
    .values({ entry_id: ids.entryC, measure_id: measure.id, department_id: swj, status: 'pending', due_on: '2025-06-30', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.taskC = Number(task.id);
  invalidateCheckReferenceData(ctx.db);
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('repair eligibility (pure)', () => {
  it('gives the earliest date per severity tier, counted from the decision date', () => {
    expect(recordEligibility({ tier: 'minor', decisionDate: '2025-06-01', today: '2025-06-02' })).toMatchObject({ eligible: true, eligibleFrom: null, minMonths: 0 });
    expect(recordEligibility({ tier: 'general', decisionDate: '2025-03-10', today: '2025-06-09' })).toMatchObject({ eligible: false, eligibleFrom: '2025-06-10', minMonths: 3 });
    expect(recordEligibility({ tier: 'general', decisionDate: '2025-03-10', today: '2025-06-10' })).toMatchObject({ eligible: true, eligibleFrom: '2025-06-10' });
    const serious = recordEligibility({ tier: 'serious', decisionDate: '2025-03-10', today: '2026-03-09' });
    expect(serious).toMatchObject({ eligible: false, eligibleFrom: '2026-03-10', minMonths: 12 });
    expect(serious.explanation).toContain('严重');
    expect(serious.explanation).toContain('2026-03-10');
    // No tier: NDRC Order 58's 3 months for penalties; month ends clamp.
    expect(recordEligibility({ tier: null, decisionDate: '2024-11-30', today: '2025-02-27' })).toMatchObject({ eligible: false, eligibleFrom: '2025-02-28', minMonths: 3 });
    expect(recordEligibility({ tier: 'general', decisionDate: null, today: '2025-01-01' })).toMatchObject({ eligible: true, eligibleFrom: null });
  });

  it('lets only entries in force be repaired, and never 失信被执行人', () => {
    expect(entryEligibility({ listTypeCode: 'YZWFSX', listTypeName: '严重违法失信名单', status: 'active' })).toMatchObject({ eligible: true, repairable: true });
    expect(entryEligibility({ listTypeCode: 'YZWFSX', listTypeName: '严重违法失信名单', status: 'suspended' })).toMatchObject({ eligible: false, repairable: true });
    const court = entryEligibility({ listTypeCode: 'SXBZXR', listTypeName: '失信被执行人名单', status: 'active' });
    expect(court).toMatchObject({ eligible: false, repairable: false });
    expect(court.explanation).toContain('人民法院');
    expect(certificateNumber('2025-06-16', 42)).toBe('XF20250616000042');
  });
});

describe('credit repair (信用修复)', () => {
  it('grants repair of a penalty record: it leaves the public record and publications, stays visible to auditors, with certificate, audit and outbox', async () => {
    expect(await publicIds(ids.a)).toContain(ids.old);
    const eligibility = await app.inject({ method: 'GET', url: `/api/v1/repairs/eligibility?recordId=${ids.old}`, headers: bearer(subjectA) });
    expect(eligibility.statusCode).toBe(200);
    expect(eligibility.json()).toMatchObject({ eligible: true, eligibleFrom: '2025-04-15', tier: 'general', minMonths: 3 });

    const filed = await app.inject({ method: 'POST', url: '/api/v1/repairs', headers: bearer(subjectA), payload: recordTarget(ids.old) });
    expect(filed.statusCode).toBe(201);
    const id = filed.json().id as number;
    expect(filed.json()).toMatchObject({ status: 'submitted', applicantKind: 'subject', subjectId: ids.a, sourceDepartmentId: scjg, eligibleFrom: '2025-04-15', platformDue: '2025-06-30', departmentDue: null, certificate: null });
    expect((await app.inject({ method: 'POST', url: '/api/v1/repairs', headers: bearer(subjectA), payload: recordTarget(ids.old) })).json().code).toBe('REPAIR_ALREADY_OPEN');

    // Materials are required before submission: both the commitment letter and the proof of correction.
    const submit = () => app.inject({ method: 'POST', url: `/api/v1/repairs/${id}/transitions`, headers: bearer(subjectA), payload: { action: 'submit', reason: '' } });
    let refused = await submit();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('REPAIR_MATERIALS_MISSING');
    expect(refused.json().message).toContain('信用修复承诺书');
    expect(refused.json().message).toContain('整改证明材料');
    const upload = (fields: Record<string, string>, name: string, content: Buffer, who = subjectA) => {
      const f = multipart(fields, name, content);
      return app.inject({ method: 'POST', url: `/api/v1/repairs/${id}/materials`, headers: { ...bearer(who), ...f.headers }, payload: f.payload });
    };
    expect((await upload({ kind: 'commitment' }, '承诺书.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 0x90)]))).json().code).toBe('REPAIR_MATERIAL_TYPE');
    expect((await upload({}, '承诺书.pdf', PDF)).statusCode).toBe(400);
    expect((await upload({ kind: 'commitment' }, '承诺书.pdf', PDF, otherClerk)).statusCode).toBe(404);
    const commitment = await upload({ kind: 'commitment' }, '承诺书.pdf', PDF);
    expect(commitment.statusCode).toBe(201);
    expect(commitment.json()).toMatchObject({ kind: 'commitment', contentType: 'application/pdf' });
    refused = await submit();
    expect(refused.json().code).toBe('REPAIR_MATERIALS_MISSING');
    expect(refused.json().message).not.toContain('承诺书');
    expect((await upload({ kind: 'proof' }, '缴款凭证.PNG', PNG)).json()).toMatchObject({ kind: 'proof', contentType: 'image/png' });
    const submitted = await submit();
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'department_review', departmentDue: '2025-06-19', overdue: false });
    expect((await upload({ kind: 'other' }, '补充.pdf', PDF)).json().code).toBe('REPAIR_TRANSITION_INVALID');

    // The source department reviews, the credit centre decides.
    expect(await code(transitionRepair(ctx, otherReviewer.actor, id, { action: 'approve', reason: '' }))).toBe('FORBIDDEN');
    expect(await code(transitionRepair(ctx, admin.actor, id, { action: 'grant', reason: '' }))).toBe('REPAIR_TRANSITION_INVALID');
    const approved = await transitionRepair(ctx, reviewer.actor, id, { action: 'approve', reason: '经核实已缴清罚款' });
    expect(approved).toMatchObject({ status: 'platform_review', departmentOpinion: '经核实已缴清罚款' });
    expect(await code(transitionRepair(ctx, reviewer.actor, id, { action: 'grant', reason: '' }))).toBe('FORBIDDEN');
    const granted = await app.inject({ method: 'POST', url: `/api/v1/repairs/${id}/transitions`, headers: bearer(admin), payload: { action: 'grant', reason: '符合修复条件' } });
    expect(granted.statusCode).toBe(200);
    const repair = granted.json();
    expect(repair).toMatchObject({ status: 'granted', decision: 'granted', decisionReasons: '符合修复条件' });
    expect(repair.certificateNo).toMatch(/^XF20250616\d{6}$/);
    expect(repair.certificate).toMatchObject({ number: repair.certificateNo, subjectId: ids.a, subjectName: company.a.name, target: { kind: 'record', id: ids.old } });
    expect(repair.events.map((e: { to: string }) => e.to)).toEqual(['submitted', 'department_review', 'platform_review', 'granted']);
    expect(repair.materials.map((m: { kind: string }) => m.kind)).toEqual(['commitment', 'proof']);

    // 终止公示: gone from the public record and the 双公示 column; kept, and visible to an auditor.
    expect(await recordStatus(ids.old)).toBe('repaired');
    const visible = await publicIds(ids.a);
    expect(visible).not.toContain(ids.old);
    expect(visible).toContain(ids.recent);
    const page = await app.inject({ method: 'GET', url: `/api/v1/public/subjects/${ids.a}` });
    expect(page.statusCode).toBe(200);
    expect(JSON.stringify(page.json())).not.toContain('榕修复〔2025〕1号');
    expect(JSON.stringify(page.json())).toContain('榕修复〔2025〕2号');
    const publications = await listPublications(ctx, { kind: 'penalty', page: 1, pageSize: 50 });
    expect(JSON.stringify(publications)).not.toContain('榕修复〔2025〕1号');
    expect(JSON.stringify(publications)).toContain('榕修复〔2025〕3号');
    expect((await getRecord(ctx, auditor.actor, ids.old)).record.status).toBe('repaired');
    expect((await getRecord(ctx, admin.actor, ids.old)).record.status).toBe('repaired');

    expect(await audits(id)).toEqual(['repair.file', 'repair.material.add', 'repair.material.add', 'repair.submit', 'repair.approve', 'repair.grant']);
    const events = await outbox(id);
    expect(events.map((e) => e.topic)).toEqual(['repair.filed', 'repair.department_review', 'repair.platform_review', 'repair.granted']);
    expect(events[3]!.payload).toMatchObject({ certificateNo: repair.certificateNo, sourceDepartmentId: scjg, target: { kind: 'record', id: ids.old } });
    expect(await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'record').where('entity_id', '=', String(ids.old)).where('action', '=', 'record.repair').execute()).toHaveLength(1);
    expect(await ctx.db.selectFrom('outbox').select('topic').where('topic', '=', 'record.repaired').where('entity_key', '=', String(ids.old)).execute()).toHaveLength(1);
    // A repaired record is not repaired again.
    expect(await code(fileRepair(ctx, subjectA.actor, recordTarget(ids.old)))).toBe('REPAIR_TARGET_NOT_FOUND');
  });

  it('refuses before the minimum period with the date it becomes eligible, and accepts from that date', async () => {
    const early = await app.inject({ method: 'POST', url: '/api/v1/repairs', headers: bearer(subjectA), payload: recordTarget(ids.recent) });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('REPAIR_NOT_YET_ELIGIBLE');
    expect(early.json().message).toContain('2025-09-10');
    expect(early.json().message).toContain('一般');
    const eligibility = await checkEligibility(ctx, subjectA.actor, { recordId: ids.recent });
    expect(eligibility).toMatchObject({ eligible: false, eligibleFrom: '2025-09-10' });
    expect(eligibility.explanation).toContain('2025-09-10');

    // A topic graded 严重: a year from the decision date.
    const version = await ctx.db.selectFrom('catalog_topic_versions as v').innerJoin('catalog_topics as t', 't.id', 'v.topic_id').select(['v.topic_id', 'v.version', 'v.definition']).where('t.code', '=', 'XZCF').execute();
    const setSeverity = async (severity: string) => {
      for (const v of version) {
        const definition = v.definition as { publication: Record<string, unknown> };
        await ctx.db.updateTable('catalog_topic_versions').set({ definition: JSON.stringify({ ...definition, publication: { ...definition.publication, defaultSeverity: severity } }) }).where('topic_id', '=', v.topic_id).where('version', '=', v.version).execute();
      }
    };
    await setSeverity('serious');
    try {
      const serious = await failure(fileRepair(ctx, clerk.actor, recordTarget(ids.refuse)));
      expect(serious.code).toBe('REPAIR_NOT_YET_ELIGIBLE');
      expect(serious.message).toContain('2026-02-01');
      expect(serious.message).toContain('严重');
      await setSeverity('minor');
      expect(await checkEligibility(ctx, clerk.actor, { recordId: ids.recent })).toMatchObject({ eligible: true, eligibleFrom: null, tier: 'minor' });
    } finally {
      await setSeverity('general');
    }

    ctx.clock.set('2025-09-09T15:00:00Z'); // 23:00 on the 9th in China
    expect(await code(fileRepair(ctx, subjectA.actor, recordTarget(ids.recent)))).toBe('REPAIR_NOT_YET_ELIGIBLE');
    ctx.clock.set('2025-09-10T02:00:00Z');
    try {
      const filed = await fileRepair(ctx, subjectA.actor, recordTarget(ids.recent));
      expect(filed).toMatchObject({ status: 'submitted', eligibleFrom: '2025-09-10' });
    } finally {
      ctx.clock.set('2025-06-16T02:00:00Z');
    }
  });

  it("refuses another subject's record without revealing it, and scopes reading by role", async () => {
    const missing = await app.inject({ method: 'POST', url: '/api/v1/repairs', headers: bearer(subjectA), payload: recordTarget(999_999) });
    const foreign = await app.inject({ method: 'POST', url: '/api/v1/repairs', headers: bearer(subjectA), payload: recordTarget(ids.penaltyB) });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('REPAIR_TARGET_NOT_FOUND');
    expect(foreign.json().message).toBe(missing.json().message.replace('999999', String(ids.penaltyB)));
    const foreignCheck = await app.inject({ method: 'GET', url: `/api/v1/repairs/eligibility?recordId=${ids.penaltyB}`, headers: bearer(subjectA) });
    expect(foreignCheck.statusCode).toBe(404);
    expect(await code(fileRepair(ctx, subjectA.actor, entryTarget(ids.entryC)))).toBe('REPAIR_TARGET_NOT_FOUND');
    expect(await code(fileRepair(ctx, otherClerk.actor, recordTarget(ids.penaltyB)))).toBe('REPAIR_TARGET_NOT_FOUND');
    expect((await app.inject({ method: 'POST', url: '/api/v1/repairs', payload: recordTarget(ids.penaltyB) })).statusCode).toBe(401);
    expect(await ctx.db.selectFrom('repairs').select('id').where('record_id', '=', ids.penaltyB).execute()).toEqual([]);

    const all = await listRepairs(ctx, admin.actor, { page: 1, pageSize: 50 });
    const own = await listRepairs(ctx, subjectA.actor, { page: 1, pageSize: 50 });
    expect(own.total).toBeGreaterThan(0);
    expect(own.items.every((r) => r.subjectId === ids.a)).toBe(true);
    expect((await listRepairs(ctx, auditor.actor, { page: 1, pageSize: 50 })).total).toBe(all.total);
    expect((await listRepairs(ctx, otherClerk.actor, { page: 1, pageSize: 50 })).total).toBe(0);
    expect(await code(getRepair(ctx, otherClerk.actor, own.items[0]!.id))).toBe('REPAIR_NOT_FOUND');
    expect((await app.inject({ method: 'GET', url: '/api/v1/repairs?pageSize=51', headers: bearer(admin) })).statusCode).toBe(400);
    const listed = await app.inject({ method: 'GET', url: '/api/v1/repairs?status=granted', headers: bearer(subjectA) });
    expect(listed.json().items.map((r: { status: string }) => r.status)).toEqual(['granted']);
  });

  it('grants repair of a list entry: the entry is repaired, its joint tasks cancelled, the check no longer reports its measures; 失信被执行人 is refused', async () => {
    expect(await blocking(company.c.uscc)).toContain('REP_BAN');
    expect((await listBadges(ctx, [ids.c])).get(ids.c)?.length ?? 0).toBeGreaterThan(0);
    const court = await failure(fileRepair(ctx, admin.actor, entryTarget(ids.entryD)));
    expect(court.code).toBe('REPAIR_NOT_REPAIRABLE');
    expect(court.message).toContain('人民法院');
    expect(await checkEligibility(ctx, admin.actor, { entryId: ids.entryD })).toMatchObject({ eligible: false });

    const id = await throughDepartment(clerk.actor, entryTarget(ids.entryC));
    const granted = await transitionRepair(ctx, admin.actor, id, { action: 'grant', reason: '' });
    expect(granted).toMatchObject({ status: 'granted', target: { kind: 'list_entry', id: ids.entryC }, applicantKind: 'department' });
    expect(granted.certificate?.effect).toContain('移出名单');
    expect((await ctx.db.selectFrom('list_entries').select('status').where('id', '=', ids.entryC).executeTakeFirstOrThrow()).status).toBe('repaired');
    expect((await ctx.db.selectFrom('joint_tasks').select('status').where('id', '=', ids.taskC).executeTakeFirstOrThrow()).status).toBe('cancelled');
    expect(await blocking(company.c.uscc)).not.toContain('REP_BAN');
    expect((await listBadges(ctx, [ids.c])).get(ids.c) ?? []).toEqual([]);
    expect((await outbox(id)).map((e) => e.topic)).toContain('repair.granted');
    expect(await ctx.db.selectFrom('outbox').select('topic').where('topic', '=', 'list.entry.ended').where('entity_key', '=', String(ids.entryC)).execute()).toHaveLength(1);
    // An entry no longer in force cannot be applied for.
    expect(await code(fileRepair(ctx, clerk.actor, entryTarget(ids.entryC)))).toBe('REPAIR_ENTRY_NOT_ACTIVE');
  });

  it('refusal by the department or by the credit centre, with reasons; the record stays published', async () => {
    const filed = await fileRepair(ctx, clerk.actor, recordTarget(ids.refuse));
    await addMaterial(ctx, clerk.actor, filed.id, { kind: 'commitment', fileName: 'c.pdf', content: PDF });
    await addMaterial(ctx, clerk.actor, filed.id, { kind: 'proof', fileName: 'p.jpg', content: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) });
    await transitionRepair(ctx, clerk.actor, filed.id, { action: 'submit', reason: '' });
    expect(await code(transitionRepair(ctx, reviewer.actor, filed.id, { action: 'refuse', reason: ' ' }))).toBe('REPAIR_REASON_REQUIRED');
    const refused = await transitionRepair(ctx, reviewer.actor, filed.id, { action: 'refuse', reason: '罚款尚未缴清' });
    expect(refused).toMatchObject({ status: 'refused', decision: 'refused', decisionReasons: '罚款尚未缴清', departmentOpinion: '罚款尚未缴清', certificateNo: null });
    expect(await recordStatus(ids.refuse)).toBe('active');
    expect(await code(transitionRepair(ctx, admin.actor, filed.id, { action: 'grant', reason: '' }))).toBe('REPAIR_TRANSITION_INVALID');

    // A new application after a refusal; this time the credit centre refuses at its stage.
    const again = await fileRepair(ctx, subjectA.actor, recordTarget(ids.refuse));
    await addMaterial(ctx, subjectA.actor, again.id, { kind: 'commitment', fileName: 'c.pdf', content: PDF });
    await addMaterial(ctx, subjectA.actor, again.id, { kind: 'proof', fileName: 'p.pdf', content: PDF });
    await transitionRepair(ctx, subjectA.actor, again.id, { action: 'submit', reason: '' });
    await transitionRepair(ctx, reviewer.actor, again.id, { action: 'approve', reason: '' });
    expect(await code(transitionRepair(ctx, reviewer.actor, again.id, { action: 'refuse', reason: '不同意' }))).toBe('FORBIDDEN');
    const final = await transitionRepair(ctx, admin.actor, again.id, { action: 'refuse', reason: '整改材料不能证明已消除不良影响' });
    expect(final.events.map((e) => e.to)).toEqual(['submitted', 'department_review', 'platform_review', 'refused']);
    expect(await recordStatus(ids.refuse)).toBe('active');
    expect(await publicIds(ids.a)).toContain(ids.refuse);
    expect(await audits(again.id)).toEqual(['repair.file', 'repair.material.add', 'repair.material.add', 'repair.submit', 'repair.approve', 'repair.refuse']);
    expect((await outbox(again.id)).map((e) => e.topic)).toEqual(['repair.filed', 'repair.department_review', 'repair.platform_review', 'repair.refused']);
  });

  it('flags applications past their working-day deadlines; refuses oversize materials', async () => {
    const filed = await fileRepair(ctx, subjectA.actor, recordTarget(ids.refuse));
    const big = multipart({ kind: 'proof' }, 'big.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024, 0x20)]));
    const tooLarge = await app.inject({ method: 'POST', url: `/api/v1/repairs/${filed.id}/materials`, headers: { ...bearer(subjectA), ...big.headers }, payload: big.payload });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().code).toBe('REPAIR_MATERIAL_TOO_LARGE');
    await addMaterial(ctx, subjectA.actor, filed.id, { kind: 'commitment', fileName: 'c.pdf', content: PDF });
    await addMaterial(ctx, subjectA.actor, filed.id, { kind: 'proof', fileName: 'p.pdf', content: PDF });
    const submitted = await transitionRepair(ctx, subjectA.actor, filed.id, { action: 'submit', reason: '' });
    expect(submitted).toMatchObject({ departmentDue: '2025-06-19', platformDue: '2025-06-30', overdue: false });
    try {
      const overdueIds = async () => (await listRepairs(ctx, admin.actor, { overdue: true, page: 1, pageSize: 50 })).items.map((r) => r.id);
      ctx.clock.set('2025-06-20T02:00:00Z');
      expect((await getRepair(ctx, admin.actor, filed.id)).overdue).toBe(true);
      expect(await overdueIds()).toContain(filed.id);
      await transitionRepair(ctx, reviewer.actor, filed.id, { action: 'approve', reason: '' });
      expect((await getRepair(ctx, admin.actor, filed.id)).overdue).toBe(false);
      expect(await overdueIds()).not.toContain(filed.id);
      ctx.clock.set('2025-07-01T02:00:00Z');
      expect((await getRepair(ctx, admin.actor, filed.id)).overdue).toBe(true);
      expect(await overdueIds()).toContain(filed.id);
      // The list's filter and the per-row flag agree on every application.
      const all = (await listRepairs(ctx, admin.actor, { page: 1, pageSize: 50 })).items;
      expect((await overdueIds()).sort()).toEqual(all.filter((r) => r.overdue).map((r) => r.id).sort());
      await transitionRepair(ctx, admin.actor, filed.id, { action: 'refuse', reason: '逾期未补正' });
      expect((await getRepair(ctx, admin.actor, filed.id)).overdue).toBe(false);
      expect(await overdueIds()).not.toContain(filed.id);
    } finally {
      ctx.clock.set('2025-06-16T02:00:00Z');
    }
  });

  it('two concurrent grants: one wins, the other gets a coded 409; one certificate; concurrent filings open one application', async () => {
    const filings = await Promise.allSettled([fileRepair(ctx, subjectA.actor, recordTarget(ids.race)), fileRepair(ctx, clerk.actor, recordTarget(ids.race))]);
    expect(filings.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(((filings.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as AppError).code).toBe('REPAIR_ALREADY_OPEN');
    const opened = (filings.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ id: number; applicantKind: string }>).value;
    const applicant = opened.applicantKind === 'subject' ? subjectA.actor : clerk.actor;
    await addMaterial(ctx, applicant, opened.id, { kind: 'commitment', fileName: 'c.pdf', content: PDF });
    await addMaterial(ctx, applicant, opened.id, { kind: 'proof', fileName: 'p.pdf', content: PDF });
    await transitionRepair(ctx, applicant, opened.id, { action: 'submit', reason: '' });
    await transitionRepair(ctx, reviewer.actor, opened.id, { action: 'approve', reason: '' });

    const results = await Promise.allSettled([
      transitionRepair(ctx, admin.actor, opened.id, { action: 'grant', reason: '' }),
      transitionRepair(ctx, admin.actor, opened.id, { action: 'grant', reason: '' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as AppError;
    expect(lost).toBeInstanceOf(AppError);
    expect(lost.code).toBe('REPAIR_TRANSITION_INVALID');
    expect(lost.status).toBe(409);
    expect((await audits(opened.id)).filter((a) => a === 'repair.grant')).toHaveLength(1);
    expect((await outbox(opened.id)).filter((e) => e.topic === 'repair.granted')).toHaveLength(1);
    expect(await ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'record.repair').where('entity_id', '=', String(ids.race)).execute()).toHaveLength(1);
    expect(await recordStatus(ids.race)).toBe('repaired');
    // A grant and a refusal at once: one wins as well.
    const third = await throughDepartment(clerk.actor, recordTarget(ids.penaltyB));
    const race = await Promise.allSettled([
      transitionRepair(ctx, admin.actor, third, { action: 'grant', reason: '' }),
      transitionRepair(ctx, admin.actor, third, { action: 'refuse', reason: '材料不全' }),
    ]);
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(((race.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as AppError).code).toBe('REPAIR_TRANSITION_INVALID');
    const after = await getRepair(ctx, admin.actor, third);
    expect(await recordStatus(ids.penaltyB)).toBe(after.status === 'granted' ? 'repaired' : 'active');
  });

  it('a repaired record stays repaired when the department sends it again: the new version is kept, not published', async () => {
    // ids.race was granted above.
    const again = buildPenaltyRow({ CF_XDR_MC: company.a.name, CF_XDR_SHXYM: company.a.uscc, CF_WSH: '榕修复〔2025〕4号', CF_JDRQ: '2025-02-02', CF_NR: '警告（更正）' });
    const report = await submitBatch(ctx, submitterOf(scjg), { departmentCode: 'SCJG', topicCode: 'XZCF', channel: 'api', fileName: 'again.csv', input: streamOf(toCsv([again])) });
    expect(report).toMatchObject({ updated: 1, warnings: 1, rejected: 0 });
    expect(await ctx.db.selectFrom('batch_errors').select(['severity', 'error_code']).where('batch_id', '=', report.id).execute()).toEqual([{ severity: 'warning', error_code: 'stays-repaired' }]);
    const current = await ctx.db.selectFrom('records').select(['id', 'status', 'version']).where('batch_id', '=', report.id).executeTakeFirstOrThrow();
    expect(current).toMatchObject({ status: 'repaired', version: 2 });
    expect(await publicIds(ids.a)).not.toContain(Number(current.id));
    expect(JSON.stringify((await app.inject({ method: 'GET', url: `/api/v1/public/subjects/${ids.a}` })).json())).not.toContain('榕修复〔2025〕4号');
  });

  it('uses the deadlines in force (configuration) and tells the website the rules at GET /public/due-process', async () => {
    const rules = await app.inject({ method: 'GET', url: '/api/v1/public/due-process' });
    expect(rules.statusCode).toBe(200);
    expect(rules.json()).toMatchObject({
      deadlines: { objectionAcceptWorkdays: 2, objectionVerifyWorkdays: 10, repairDepartmentWorkdays: 3, repairTotalWorkdays: 10, complaintWorkdays: 15 },
      repair: {
        tiers: [
          { tier: 'minor', name: '轻微', minMonths: 0 },
          { tier: 'general', name: '一般', minMonths: 3 },
          { tier: 'serious', name: '严重', minMonths: 12 },
        ],
        defaultMinMonths: 3,
        nonRepairable: [{ listTypeCode: 'SXBZXR' }],
      },
    });
    const saved = ctx.config.dueProcess;
    ctx.config.dueProcess = { ...saved, repairDepartmentWorkdays: 5, repairTotalWorkdays: 20 };
    try {
      expect((await app.inject({ method: 'GET', url: '/api/v1/public/due-process' })).json().deadlines).toMatchObject({ repairDepartmentWorkdays: 5, repairTotalWorkdays: 20 });
      const row = buildPenaltyRow({ CF_XDR_MC: company.b.name, CF_XDR_SHXYM: company.b.uscc, CF_WSH: '榕修复〔2025〕8号', CF_JDRQ: '2025-01-08' });
      await submitBatch(ctx, submitterOf(scjg), { departmentCode: 'SCJG', topicCode: 'XZCF', channel: 'api', fileName: 'late.csv', input: streamOf(toCsv([row])) });
      const record = await recordOf('榕修复〔2025〕8号');
      const today = chinaDate(ctx.clock.now());
      const filed = await fileRepair(ctx, clerk.actor, recordTarget(record));
      expect(filed.platformDue).toBe(ctx.calendar.addWorkdays(today, 20));
      await addMaterial(ctx, clerk.actor, filed.id, { kind: 'commitment', fileName: 'c.pdf', content: PDF });
      await addMaterial(ctx, clerk.actor, filed.id, { kind: 'proof', fileName: 'p.pdf', content: PDF });
      const submitted = await transitionRepair(ctx, clerk.actor, filed.id, { action: 'submit', reason: '' });
      expect(submitted.departmentDue).toBe(ctx.calendar.addWorkdays(today, 5));
      await transitionRepair(ctx, reviewer.actor, filed.id, { action: 'refuse', reason: '尚未缴清罚款' });
    } finally {
      ctx.config.dueProcess = saved;
    }
  });
});
