import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { buildPenaltyRow, buildRegistrationRow, buildUscc, insertDepartment, streamOf, submitterOf, toCsv } from '../../test/factories.js';
import { buildUser, signIn } from '../access/test-factories.js';
import { REGISTRATION_TOPIC } from '../catalog/index.js';
import { invalidateCheckReferenceData, runCheck } from '../checks/index.js';
import { buildServer } from '../http/build-server.js';
import type { HttpApp } from '../http/types.js';
import { submitBatch } from '../ingest/index.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/errors.js';
import { getEntry, sweepLists, transitionEntry } from '../lists/index.js';
import { getSubjectRecord } from '../records/index.js';
import { getObjection, listObjections, submitObjection, transitionObjection, type ObjectionInput } from './index.js';

let ctx: TestContext;
let app: HttpApp;
let scjg: number;
let swj: number;
let admin: { token: string; actor: Actor };
let reviewer: { token: string; actor: Actor };
let clerk: { token: string; actor: Actor };
let otherClerk: { token: string; actor: Actor };
let subjectA: { token: string; actor: Actor };
const company = { a: { name: '福州异议测试甲有限公司', uscc: buildUscc() }, b: { name: '福州异议测试乙有限公司', uscc: buildUscc() }, c: { name: '福州异议测试丙有限公司', uscc: buildUscc() } };
const ids = { a: 0, b: 0, c: 0, registrationA: 0, penaltyA: 0, penaltyA2: 0, penaltyB: 0, entryC: 0 };

async function submit(topicCode: string, rows: Record<string, string>[], columns?: readonly string[]) {
  const report = await submitBatch(ctx, submitterOf(scjg), { departmentCode: 'SCJG', topicCode, channel: 'api', fileName: 'rows.csv', input: streamOf(toCsv(rows, columns)) });
  expect(report.rejected).toBe(0);
}
async function subjectId(uscc: string) {
  return Number((await ctx.db.selectFrom('subject_identifiers').select('subject_id').where('kind', '=', 'uscc').where('value_key', '=', uscc).executeTakeFirstOrThrow()).subject_id);
}
async function recordIds(subject: number, topicCode: string) {
  const rows = await ctx.db
    .selectFrom('records')
    .innerJoin('catalog_topics', 'catalog_topics.id', 'records.topic_id')
    .select('records.id')
    .where('records.subject_id', '=', subject)
    .where('catalog_topics.code', '=', topicCode)
    .orderBy('records.id')
    .execute();
  return rows.map((r) => Number(r.id));
}
async function code(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}
const file = (fileName: string, content: Buffer) => {
  const boundary = '----xinyong-objection-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};
const bearer = (who: { token: string }) => ({ authorization: `Bearer ${who.token}` });
const recordTarget = (id: number, reasonCode: ObjectionInput['reasonCode'] = 'wrong'): ObjectionInput => ({ target: { kind: 'record', id }, reasonCode, reasonText: '处罚决定已被行政复议撤销' });
const entryTarget = (id: number): ObjectionInput => ({ target: { kind: 'list_entry', id }, reasonCode: 'differs_from_source', reasonText: '已履行全部义务', onBehalfOf: '信用中国（福建）' });
const checkActor: Actor = { type: 'token', id: '9', name: '交易系统', departmentId: null, roles: ['submitter'] };
const check = async (uscc: string) => {
  const result = await runCheck(ctx, checkActor, { subject: { uscc }, matter: 'tendering', purpose: '投标资格审查', operator: '王经办' });
  return { blocking: result.blocking.map((m) => m.code), suspended: result.suspended.map((m) => m.code) };
};
const entryStatus = async (id: number) => (await ctx.db.selectFrom('list_entries').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const audits = async (id: number) =>
  (await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'objection').where('entity_id', '=', String(id)).orderBy('id').execute()).map((r) => r.action);
const topics = async (id: number) =>
  (await ctx.db.selectFrom('outbox').select('topic').where('topic', 'like', 'objection.%').where('entity_key', '=', String(id)).orderBy('id').execute()).map((r) => r.topic);

beforeAll(async () => {
  ctx = await createTestContext({ now: '2025-06-16T02:00:00Z' }); // a Monday
  app = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
  scjg = await insertDepartment(ctx.db, 'SCJG', '福州市市场监督管理局');
  swj = await insertDepartment(ctx.db, 'SWJ', '福州市税务局');
  checkActor.departmentId = swj;
  await submit('DJXX', [buildRegistrationRow({ DJ_ZTMC: company.a.name, DJ_SHXYM: company.a.uscc })], REGISTRATION_TOPIC.items.map((i) => i.code));
  await submit('XZCF', [
    buildPenaltyRow({ CF_XDR_MC: company.a.name, CF_XDR_SHXYM: company.a.uscc }),
    buildPenaltyRow({ CF_XDR_MC: company.a.name, CF_XDR_SHXYM: company.a.uscc }),
    buildPenaltyRow({ CF_XDR_MC: company.b.name, CF_XDR_SHXYM: company.b.uscc }),
    buildPenaltyRow({ CF_XDR_MC: company.c.name, CF_XDR_SHXYM: company.c.uscc }),
  ]);
  ids.a = await subjectId(company.a.uscc);
  ids.b = await subjectId(company.b.uscc);
  ids.c = await subjectId(company.c.uscc);
  ids.registrationA = (await recordIds(ids.a, 'DJXX'))[0]!;
  [ids.penaltyA, ids.penaltyA2] = (await recordIds(ids.a, 'XZCF')) as [number, number];
  ids.penaltyB = (await recordIds(ids.b, 'XZCF'))[0]!;

  admin = await signIn(ctx, await buildUser(ctx, { roles: ['admin'] }));
  reviewer = await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: scjg }));
  clerk = await signIn(ctx, await buildUser(ctx, { roles: ['submitter'], departmentId: scjg }));
  otherClerk = await signIn(ctx, await buildUser(ctx, { roles: ['submitter'], departmentId: swj }));
  subjectA = await signIn(ctx, await buildUser(ctx, { roles: ['subject'], subjectId: ids.a }));

  // A 失信被执行人 entry of company C in force, with a measure of its own so the check's verdict is known.
  const now = ctx.clock.now();
  const listType = await ctx.db.selectFrom('list_types').select('id').where('code', '=', 'SXBZXR').executeTakeFirstOrThrow();
  const entry = await ctx.db
    .insertInto('list_entries')
    .values({ list_type_id: listType.id, subject_id: ids.c, status: 'active', source: 'console', department_id: scjg, decision_no: '榕执〔2025〕1号', decision_date: '2025-05-01', reasons: '未履行义务', effective_from: '2025-05-10', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.entryC = Number(entry.id);
  const measure = await ctx.db
    .insertInto('measures')
    .values({ code: 'OBJ_BAN', name: '限制投标', content: '限制参与投标', kind: 'punishment', strength: 'prohibit', legal_basis: JSON.stringify([{ title: '测试依据' }]), matters: ['tendering'], binds: ['subject'], created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db.insertInto('measure_list_types').values({ measure_id: measure.id, list_type_id: listType.id }).execute();
  invalidateCheckReferenceData(ctx.db);
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('objections (异议)', () => {
  it('upheld: a subject objects to its registration record; accepted, flagged, verified; the record is withdrawn and the status refreshed', async () => {
    expect((await ctx.db.selectFrom('subjects').select('status').where('id', '=', ids.a).executeTakeFirstOrThrow()).status).toBe('存续');
    const filed = await app.inject({ method: 'POST', url: '/api/v1/objections', headers: bearer(subjectA), payload: recordTarget(ids.registrationA) });
    expect(filed.statusCode).toBe(201);
    const id = filed.json().id as number;
    expect(filed.json()).toMatchObject({ status: 'submitted', applicantKind: 'subject', subjectId: ids.a, sourceDepartmentId: scjg, acceptDue: '2025-06-18', verifyDue: null, overdue: false });
    // A second objection to the same record while this one is open.
    expect((await app.inject({ method: 'POST', url: '/api/v1/objections', headers: bearer(subjectA), payload: recordTarget(ids.registrationA) })).json().code).toBe('OBJECTION_ALREADY_OPEN');
    // Only the credit centre accepts.
    expect((await app.inject({ method: 'POST', url: `/api/v1/objections/${id}/transitions`, headers: bearer(reviewer), payload: { action: 'accept', reason: '' } })).statusCode).toBe(403);
    const accepted = await app.inject({ method: 'POST', url: `/api/v1/objections/${id}/transitions`, headers: bearer(admin), payload: { action: 'accept', reason: '' } });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'verifying', verifyDue: '2025-06-30' });
    expect(accepted.json().events.map((e: { to: string }) => e.to)).toEqual(['submitted', 'accepted', 'verifying']);

    const flagged = (await getSubjectRecord(ctx, ids.a, 'public'))!.sections.flatMap((s) => s.records);
    expect(flagged.find((r) => r.id === ids.registrationA)?.underObjection).toBe(true);
    expect(flagged.find((r) => r.id === ids.penaltyA)?.underObjection).toBeUndefined();
    const page = await app.inject({ method: 'GET', url: `/api/v1/public/subjects/${ids.a}` });
    expect(JSON.stringify(page.json())).toContain('"underObjection":true');

    // Another department's reviewer may not decide; the source department's reviewer may, with reasons.
    const otherReviewer = (await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: swj }))).actor;
    expect(await code(transitionObjection(ctx, otherReviewer, id, { action: 'uphold', reason: '经核实' }))).toBe('FORBIDDEN');
    expect(await code(transitionObjection(ctx, reviewer.actor, id, { action: 'uphold', reason: ' ' }))).toBe('OBJECTION_REASON_REQUIRED');
    const upheld = await transitionObjection(ctx, reviewer.actor, id, { action: 'uphold', reason: '经核实，登记信息有误' });
    expect(upheld).toMatchObject({ status: 'closed', decision: 'upheld', decisionReasons: '经核实，登记信息有误' });
    expect(upheld.events.map((e) => e.to)).toEqual(['submitted', 'accepted', 'verifying', 'upheld', 'closed']);

    expect((await ctx.db.selectFrom('records').select('status').where('id', '=', ids.registrationA).executeTakeFirstOrThrow()).status).toBe('withdrawn');
    expect((await ctx.db.selectFrom('subjects').select('status').where('id', '=', ids.a).executeTakeFirstOrThrow()).status).toBeNull();
    const after = (await getSubjectRecord(ctx, ids.a, 'public'))!;
    expect(after.sections.flatMap((s) => s.records).map((r) => r.id)).not.toContain(ids.registrationA);
    expect(after.subject.registration).toBeNull();

    // The applicant sees the result.
    const mine = await app.inject({ method: 'GET', url: `/api/v1/objections/${id}`, headers: bearer(subjectA) });
    expect(mine.json()).toMatchObject({ status: 'closed', decision: 'upheld' });
    expect(await audits(id)).toEqual(['objection.submit', 'objection.accept', 'objection.uphold']);
    expect(await topics(id)).toEqual(['objection.submitted', 'objection.accepted', 'objection.verifying', 'objection.upheld', 'objection.closed']);
    expect(await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'record').where('entity_id', '=', String(ids.registrationA)).execute()).toEqual([{ action: 'record.withdraw' }]);
    expect(await ctx.db.selectFrom('outbox').select('topic').where('topic', 'in', ['record.withdrawn', 'subject.status_changed']).where('entity_key', 'in', [String(ids.registrationA), String(ids.a)]).orderBy('id').execute()).toEqual(
      // The first status change is the ingest's (存续), the last the withdrawal's.
      [{ topic: 'subject.status_changed' }, { topic: 'record.withdrawn' }, { topic: 'subject.status_changed' }],
    );
  });

  it('rejected: a department objects to its own record; rejected with reasons, the record stays; refusal closes too', async () => {
    const filed = await submitObjection(ctx, clerk.actor, recordTarget(ids.penaltyA, 'duplicate'));
    expect(filed).toMatchObject({ applicantKind: 'department', status: 'submitted' });
    await transitionObjection(ctx, admin.actor, filed.id, { action: 'accept', reason: '材料齐全' });
    expect(await code(transitionObjection(ctx, reviewer.actor, filed.id, { action: 'reject', reason: '' }))).toBe('OBJECTION_REASON_REQUIRED');
    const rejected = await transitionObjection(ctx, reviewer.actor, filed.id, { action: 'reject', reason: '经核实，记录与原始决定书一致' });
    expect(rejected).toMatchObject({ status: 'closed', decision: 'rejected', decisionReasons: '经核实，记录与原始决定书一致' });
    expect(rejected.events.map((e) => e.to)).toEqual(['submitted', 'accepted', 'verifying', 'rejected', 'closed']);
    expect((await ctx.db.selectFrom('records').select('status').where('id', '=', ids.penaltyA).executeTakeFirstOrThrow()).status).toBe('active');
    const record = (await getSubjectRecord(ctx, ids.a, 'public'))!.sections.flatMap((s) => s.records).find((r) => r.id === ids.penaltyA);
    expect(record?.underObjection).toBeUndefined();
    // A closed objection moves no more.
    expect(await code(transitionObjection(ctx, admin.actor, filed.id, { action: 'uphold', reason: '再议' }))).toBe('OBJECTION_TRANSITION_INVALID');
    expect(await audits(filed.id)).toEqual(['objection.submit', 'objection.accept', 'objection.reject']);
    expect(await topics(filed.id)).toEqual(['objection.submitted', 'objection.accepted', 'objection.verifying', 'objection.rejected', 'objection.closed']);

    const refused = await submitObjection(ctx, subjectA.actor, recordTarget(ids.penaltyA, 'past_period'));
    expect(await code(transitionObjection(ctx, admin.actor, refused.id, { action: 'refuse', reason: '' }))).toBe('OBJECTION_REASON_REQUIRED');
    const closed = await transitionObjection(ctx, admin.actor, refused.id, { action: 'refuse', reason: '该记录仍在公示期内' });
    expect(closed).toMatchObject({ status: 'closed', decision: 'refused' });
    expect(await audits(refused.id)).toEqual(['objection.submit', 'objection.refuse']);
    expect(await topics(refused.id)).toEqual(['objection.submitted', 'objection.refused', 'objection.closed']);
  });

  it('a list entry under objection is suspended on acceptance, resumed on rejection and revoked when upheld', async () => {
    expect(await check(company.c.uscc)).toMatchObject({ blocking: expect.arrayContaining(['OBJ_BAN']) as unknown, suspended: [] });
    const first = await submitObjection(ctx, admin.actor, entryTarget(ids.entryC));
    expect(first).toMatchObject({ applicantKind: 'upstream_platform', applicantName: '信用中国（福建）', sourceDepartmentId: scjg });
    await transitionObjection(ctx, admin.actor, first.id, { action: 'accept', reason: '' });
    expect(await entryStatus(ids.entryC)).toBe('suspended');
    let verdict = await check(company.c.uscc);
    expect(verdict.suspended).toContain('OBJ_BAN');
    expect(verdict.blocking).not.toContain('OBJ_BAN');
    await transitionObjection(ctx, reviewer.actor, first.id, { action: 'reject', reason: '法院确认未履行' });
    expect(await entryStatus(ids.entryC)).toBe('active');
    verdict = await check(company.c.uscc);
    expect(verdict.blocking).toContain('OBJ_BAN');
    expect(verdict.suspended).toEqual([]);

    const second = await submitObjection(ctx, admin.actor, entryTarget(ids.entryC));
    await transitionObjection(ctx, admin.actor, second.id, { action: 'accept', reason: '' });
    await transitionObjection(ctx, admin.actor, second.id, { action: 'uphold', reason: '已全部履行，法院已屏蔽' });
    expect(await entryStatus(ids.entryC)).toBe('revoked');
    verdict = await check(company.c.uscc);
    expect([...verdict.blocking, ...verdict.suspended]).not.toContain('OBJ_BAN');
    const trail = await ctx.db.selectFrom('list_entry_events').select(['from_status', 'to_status']).where('entry_id', '=', ids.entryC).orderBy('id').execute();
    expect(trail).toEqual([
      { from_status: 'active', to_status: 'suspended' },
      { from_status: 'suspended', to_status: 'active' },
      { from_status: 'active', to_status: 'suspended' },
      { from_status: 'suspended', to_status: 'revoked' },
    ]);
  });

  it('lets a subject object only to its own items, a department only to what it submitted, without revealing others', async () => {
    const missing = await app.inject({ method: 'POST', url: '/api/v1/objections', headers: bearer(subjectA), payload: recordTarget(999_999) });
    const foreign = await app.inject({ method: 'POST', url: '/api/v1/objections', headers: bearer(subjectA), payload: recordTarget(ids.penaltyB) });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('OBJECTION_TARGET_NOT_FOUND');
    expect(foreign.json().message).toBe(missing.json().message.replace('999999', String(ids.penaltyB)));
    expect(await code(submitObjection(ctx, subjectA.actor, entryTarget(ids.entryC)))).toBe('OBJECTION_TARGET_NOT_FOUND');
    expect(await code(submitObjection(ctx, otherClerk.actor, recordTarget(ids.penaltyB)))).toBe('OBJECTION_TARGET_NOT_FOUND');
    expect((await app.inject({ method: 'POST', url: '/api/v1/objections', payload: recordTarget(ids.penaltyB) })).statusCode).toBe(401);
    expect(await ctx.db.selectFrom('objections').select('id').where('record_id', '=', ids.penaltyB).execute()).toEqual([]);

    // Reading is scoped the same way.
    const all = await listObjections(ctx, admin.actor, { page: 1, pageSize: 50 });
    const own = await listObjections(ctx, subjectA.actor, { page: 1, pageSize: 50 });
    expect(own.items.every((o) => o.subjectId === ids.a)).toBe(true);
    expect(own.total).toBeLessThan(all.total);
    expect((await listObjections(ctx, otherClerk.actor, { page: 1, pageSize: 50 })).total).toBe(0);
    expect(await code(getObjection(ctx, otherClerk.actor, own.items[0]!.id))).toBe('OBJECTION_NOT_FOUND');
    expect((await app.inject({ method: 'GET', url: '/api/v1/objections?pageSize=51', headers: bearer(admin) })).statusCode).toBe(400);
  });

  it('refuses bad evidence (an .exe renamed .pdf, a JPEG named .png, oversize) and stores nothing; keeps good evidence', async () => {
    const objection = await submitObjection(ctx, subjectA.actor, recordTarget(ids.penaltyA2, 'should_not_be_public'));
    const url = `/api/v1/objections/${objection.id}/evidence`;
    const post = (name: string, content: Buffer, who = subjectA) => {
      const f = file(name, content);
      return app.inject({ method: 'POST', url, headers: { ...bearer(who), ...f.headers }, payload: f.payload });
    };
    const exe = await post('决定书.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().code).toBe('OBJECTION_EVIDENCE_TYPE');
    expect((await post('photo.png', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))).json().code).toBe('OBJECTION_EVIDENCE_TYPE');
    const big = await post('big.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024, 0x20)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('OBJECTION_EVIDENCE_TOO_LARGE');
    expect(await ctx.db.selectFrom('objection_evidence').select('id').where('objection_id', '=', objection.id).execute()).toEqual([]);
    // Someone else's objection is not found.
    expect((await post('ok.pdf', Buffer.from('%PDF-1.4 x'), otherClerk)).statusCode).toBe(404);

    const good = await post('复议决定书.pdf', Buffer.from('%PDF-1.4 复议决定'));
    expect(good.statusCode).toBe(201);
    expect(good.json()).toMatchObject({ fileName: '复议决定书.pdf', contentType: 'application/pdf' });
    expect((await post('现场.JPG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).json().contentType).toBe('image/jpeg');
    const detail = await getObjection(ctx, subjectA.actor, objection.id);
    expect(detail.evidence.map((e) => e.fileName)).toEqual(['复议决定书.pdf', '现场.JPG']);
    expect(await audits(objection.id)).toEqual(['objection.submit', 'objection.evidence.add', 'objection.evidence.add']);
    expect(await topics(objection.id)).toEqual(['objection.submitted', 'objection.evidence_added', 'objection.evidence_added']);
    await transitionObjection(ctx, admin.actor, objection.id, { action: 'refuse', reason: '不属于异议受理范围' });
  });

  it('a re-submitted record stays withdrawn, unless the objection was upheld for a correction; a remedy only fits an upheld record', async () => {
    ctx.clock.set('2025-07-15T02:00:00Z');
    const rows = [
      buildPenaltyRow({ CF_XDR_MC: company.b.name, CF_XDR_SHXYM: company.b.uscc, CF_WSH: '榕市监处罚〔2025〕9001号' }),
      buildPenaltyRow({ CF_XDR_MC: company.b.name, CF_XDR_SHXYM: company.b.uscc, CF_WSH: '榕市监处罚〔2025〕9002号' }),
    ];
    await submit('XZCF', rows);
    const [withdrawnId, correctedId] = (await recordIds(ids.b, 'XZCF')).slice(-2) as [number, number];
    const decide = async (recordId: number, remedy?: 'withdraw' | 'correct') => {
      const filed = await submitObjection(ctx, clerk.actor, recordTarget(recordId, 'wrong'));
      await transitionObjection(ctx, admin.actor, filed.id, { action: 'accept', reason: '' });
      return transitionObjection(ctx, reviewer.actor, filed.id, { action: 'uphold', reason: '处罚金额录入错误', ...(remedy ? { remedy } : {}) });
    };
    const pending = await submitObjection(ctx, clerk.actor, recordTarget(withdrawnId, 'wrong'));
    await transitionObjection(ctx, admin.actor, pending.id, { action: 'accept', reason: '' });
    expect(await code(transitionObjection(ctx, reviewer.actor, pending.id, { action: 'reject', reason: '无误', remedy: 'withdraw' }))).toBe('OBJECTION_REMEDY_NOT_APPLICABLE');
    expect((await getObjection(ctx, admin.actor, pending.id)).status).toBe('verifying');
    const withdrawn = await transitionObjection(ctx, reviewer.actor, pending.id, { action: 'uphold', reason: '处罚金额录入错误' });
    expect(withdrawn.remedy).toBe('withdraw');
    expect(withdrawn.events.at(-2)?.reason).toBe('处罚金额录入错误（撤销记录）');
    expect((await decide(correctedId, 'correct')).remedy).toBe('correct');
    const visible = async () => (await getSubjectRecord(ctx, ids.b, 'public'))!.sections.flatMap((s) => s.records).map((r) => r.documentNo);
    expect(await visible()).not.toEqual(expect.arrayContaining(['榕市监处罚〔2025〕9001号']));
    expect(await visible()).not.toEqual(expect.arrayContaining(['榕市监处罚〔2025〕9002号']));

    // The department sends both again, corrected.
    const corrected = rows.map((row) => ({ ...row, CF_NR_FK: '0.2', CF_NR: '警告，并处罚款人民币贰仟元整' }));
    const report = await submitBatch(ctx, submitterOf(scjg), { departmentCode: 'SCJG', topicCode: 'XZCF', channel: 'api', fileName: 'again.csv', input: streamOf(toCsv(corrected)) });
    expect(report).toMatchObject({ updated: 2, rejected: 0, warnings: 1 });
    const warnings = await ctx.db.selectFrom('batch_errors').select(['row_no', 'severity', 'error_code', 'message']).where('batch_id', '=', report.id).execute();
    expect(warnings).toEqual([{ row_no: 2, severity: 'warning', error_code: 'stays-withdrawn', message: '该记录已因异议成立被撤销，新版本已保存，但不公示、不共享' }]);
    const current = await ctx.db.selectFrom('records').select(['business_key', 'status', 'version']).where('batch_id', '=', report.id).orderBy('source_row').execute();
    expect(current.map((r) => [r.status, r.version])).toEqual([
      ['withdrawn', 2],
      ['active', 2],
    ]);
    expect(await visible()).toContain('榕市监处罚〔2025〕9002号');
    expect(await visible()).not.toContain('榕市监处罚〔2025〕9001号');

    // A list entry is revoked when upheld, never corrected.
    const entryObjection = await submitObjection(ctx, admin.actor, entryTarget(ids.entryC));
    expect(await code(transitionObjection(ctx, admin.actor, entryObjection.id, { action: 'accept', reason: '', remedy: 'correct' }))).toBe('OBJECTION_REMEDY_NOT_APPLICABLE');
    await transitionObjection(ctx, admin.actor, entryObjection.id, { action: 'refuse', reason: '条目已撤销' });
  });

  it('tells a subject of an entry in its notice period (拟列入告知) with the last day to object, and shows the objection it files', async () => {
    ctx.clock.set('2025-07-21T02:00:00Z');
    const now = ctx.clock.now();
    const listType = await ctx.db.selectFrom('list_types').select('id').where('code', '=', 'YZWFSX').executeTakeFirstOrThrow();
    const inserted = await ctx.db
      .insertInto('list_entries')
      .values({ list_type_id: listType.id, subject_id: ids.a, status: 'notified', source: 'console', department_id: scjg, decision_no: '榕市监严失〔2025〕7号', decision_date: '2025-07-18', reasons: '提交虚假材料取得登记', notified_at: now, objection_until: '2025-07-31', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const entryId = Number(inserted.id);
    // Sessions signed in a month ago have expired: sign in again.
    const me = await signIn(ctx, await buildUser(ctx, { roles: ['subject'], subjectId: ids.a }));
    const staff = await signIn(ctx, await buildUser(ctx, { roles: ['submitter'], departmentId: scjg }));
    const notices = async () => (await app.inject({ method: 'GET', url: '/api/v1/my/list-notices', headers: bearer(me) })).json().items as { id: number; objectionUntil: string; openObjection: { id: number } | null }[];
    expect((await notices()).find((n) => n.id === entryId)).toMatchObject({
      listType: { code: 'YZWFSX' },
      department: '福州市市场监督管理局',
      decisionNo: '榕市监严失〔2025〕7号',
      reasons: '提交虚假材料取得登记',
      objectionUntil: '2025-07-31',
      openObjection: null,
    });
    // Only the subject's own account reads its notices.
    expect((await app.inject({ method: 'GET', url: '/api/v1/my/list-notices', headers: bearer(staff) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/my/list-notices' })).statusCode).toBe(401);

    const filed = await app.inject({ method: 'POST', url: '/api/v1/objections', headers: bearer(me), payload: { target: { kind: 'list_entry', id: entryId }, reasonCode: 'wrong', reasonText: '登记材料真实，有公证文书为证' } });
    expect(filed.statusCode).toBe(201);
    expect((await notices()).find((n) => n.id === entryId)?.openObjection).toMatchObject({ id: filed.json().id, status: 'submitted' });
    await transitionObjection(ctx, admin.actor, filed.json().id as number, { action: 'refuse', reason: '测试结束' });
    await ctx.db.updateTable('list_entries').set({ status: 'withdrawn', updated_at: now }).where('id', '=', entryId).execute();
    expect((await notices()).map((n) => n.id)).not.toContain(entryId);
  });

  it('two concurrent accepts: one wins, the other gets a coded 409; nothing is written twice', async () => {
    const objection = await submitObjection(ctx, subjectA.actor, recordTarget(ids.penaltyA2, 'missing'));
    const results = await Promise.allSettled([
      transitionObjection(ctx, admin.actor, objection.id, { action: 'accept', reason: '' }),
      transitionObjection(ctx, admin.actor, objection.id, { action: 'accept', reason: '' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(AppError);
    expect((lost.reason as AppError).code).toBe('OBJECTION_TRANSITION_INVALID');
    expect((lost.reason as AppError).status).toBe(409);
    expect(await audits(objection.id)).toEqual(['objection.submit', 'objection.accept']);
    expect((await getObjection(ctx, admin.actor, objection.id)).events.map((e) => e.to)).toEqual(['submitted', 'accepted', 'verifying']);
    await transitionObjection(ctx, admin.actor, objection.id, { action: 'reject', reason: '记录无误' });

    // Two filings about the same record at once: one objection is opened.
    const filings = await Promise.allSettled([submitObjection(ctx, subjectA.actor, recordTarget(ids.penaltyA2)), submitObjection(ctx, clerk.actor, recordTarget(ids.penaltyA2))]);
    expect(filings.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(((filings.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as AppError).code).toBe('OBJECTION_ALREADY_OPEN');
    const opened = (filings.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ id: number }>).value;
    await transitionObjection(ctx, admin.actor, opened.id, { action: 'refuse', reason: '重复提交' });
  });

  it('computes deadlines in working days and flags overdue objections as the clock moves', async () => {
    // Friday 2025-06-20: two working days later is Tuesday 2025-06-24.
    ctx.clock.set('2025-06-20T02:00:00Z');
    const objection = await submitObjection(ctx, subjectA.actor, recordTarget(ids.penaltyA2, 'wrong'));
    expect(objection).toMatchObject({ acceptDue: '2025-06-24', overdue: false });
    const overdueIds = async () => (await listObjections(ctx, admin.actor, { overdue: true, page: 1, pageSize: 50 })).items.map((o) => o.id);
    ctx.clock.set('2025-06-24T15:00:00Z'); // still the 24th in China until 16:00 UTC
    expect(await overdueIds()).not.toContain(objection.id);
    ctx.clock.set('2025-06-24T16:30:00Z'); // the 25th in China
    expect(await overdueIds()).toContain(objection.id);
    expect((await getObjection(ctx, admin.actor, objection.id)).overdue).toBe(true);
    const freshAdmin = await signIn(ctx, await buildUser(ctx, { roles: ['admin'] }));
    const open = await app.inject({ method: 'GET', url: '/api/v1/objections?status=submitted&overdue=true', headers: bearer(freshAdmin) });
    expect(open.json().items.map((o: { id: number }) => o.id)).toContain(objection.id);

    const accepted = await transitionObjection(ctx, admin.actor, objection.id, { action: 'accept', reason: '' });
    expect(accepted).toMatchObject({ status: 'verifying', verifyDue: ctx.calendar.addWorkdays('2025-06-25', 10), overdue: false });
    ctx.clock.set(`${ctx.calendar.addWorkdays('2025-06-25', 11)}T02:00:00Z`);
    expect((await getObjection(ctx, admin.actor, objection.id)).overdue).toBe(true);
    await transitionObjection(ctx, admin.actor, objection.id, { action: 'reject', reason: '记录无误' });
    const closed = await getObjection(ctx, admin.actor, objection.id);
    expect(closed.overdue).toBe(false);
    expect(await overdueIds()).not.toContain(objection.id);
  });
  it('holds a notified entry back while an objection about it is open: the sweep skips it until the objection is decided', async () => {
    ctx.clock.set('2025-07-01T02:00:00Z');
    const now = ctx.clock.now();
    const listType = await ctx.db.selectFrom('list_types').select('id').where('code', '=', 'SXBZXR').executeTakeFirstOrThrow();
    const inserted = await ctx.db
      .insertInto('list_entries')
      .values({ list_type_id: listType.id, subject_id: ids.b, status: 'notified', source: 'console', department_id: scjg, decision_no: '榕执〔2025〕9号', decision_date: '2025-06-25', reasons: '未履行义务', notified_at: now, objection_until: '2025-07-10', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const entryId = Number(inserted.id);
    // Filed and accepted during the notice period: the entry is not in force, so nothing is suspended.
    const objection = await submitObjection(ctx, admin.actor, entryTarget(entryId));
    await transitionObjection(ctx, admin.actor, objection.id, { action: 'accept', reason: '' });
    expect(await entryStatus(entryId)).toBe('notified');
    expect((await getEntry(ctx, admin.actor, entryId)).openObjection).toEqual({ id: objection.id, status: 'verifying' });

    // Past the objection period: the sweep leaves it notified, and nobody can activate it by hand.
    ctx.clock.set('2025-07-15T02:00:00Z');
    await sweepLists(ctx);
    expect(await entryStatus(entryId)).toBe('notified');
    const held = await getEntry(ctx, admin.actor, entryId);
    expect(held.actions).not.toContain('activate');
    expect(await code(transitionEntry(ctx, admin.actor, entryId, { action: 'activate', reason: '' }))).toBe('LIST_ENTRY_TRANSITION_INVALID');

    // The objection is rejected: the next sweep brings the entry into force.
    await transitionObjection(ctx, reviewer.actor, objection.id, { action: 'reject', reason: '法院确认未履行' });
    expect(await entryStatus(entryId)).toBe('notified');
    expect((await getEntry(ctx, admin.actor, entryId)).openObjection).toBeNull();
    await sweepLists(ctx);
    expect(await entryStatus(entryId)).toBe('active');
  });
});
