import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { insertDepartment, insertSubject } from '../../test/factories.js';
import { buildUser, signIn } from '../access/test-factories.js';
import { buildServer } from '../http/build-server.js';
import type { HttpApp } from '../http/types.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/errors.js';
import { sweepLists } from '../lists/index.js';
import { getSubjectRecord } from '../records/index.js';
import { COMMITMENT_TEMPLATES, getCommitment, listCommitments, signCommitment, transitionCommitment, type CommitmentInput } from './index.js';

let ctx: TestContext;
let app: HttpApp;
let scjg: number;
let swj: number;
const ids = { a: 0, b: 0, serious: 0, suspended: 0, gov: 0 };
type Who = { token: string; actor: Actor };
let admin: Who;
let auditor: Who;
let reviewer: Who;
let otherReviewer: Who;
let clerk: Who;
let subjectA: Who;
let subjectSerious: Who;

const bearer = (who: { token: string }) => ({ authorization: `Bearer ${who.token}` });
const PDF = Buffer.from('%PDF-1.4 信用承诺书（签字盖章）');
const multipart = (fileName: string, content: Buffer) => {
  const boundary = '----xinyong-commitment-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
const count = async () => Number((await ctx.db.selectFrom('commitments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const audits = async (id: number) =>
  (await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'commitment').where('entity_id', '=', String(id)).orderBy('id').execute()).map((r) => r.action);
const events = async (id: number) =>
  (await ctx.db.selectFrom('outbox').select('topic').where('topic', 'like', 'commitment.%').where('entity_key', '=', String(id)).orderBy('id').execute()).map((r) => r.topic);
const commitmentSection = async (subject: number) => (await getSubjectRecord(ctx, subject, 'public'))!.sections.find((s) => s.category === 'commitment')!.records;
const online = (overrides: Partial<CommitmentInput> = {}): CommitmentInput => ({
  type: 'approval_substitute',
  matter: 'licensing',
  matterDetail: '食品经营许可证新办',
  content: COMMITMENT_TEMPLATES.approval_substitute,
  departmentId: scjg,
  ...overrides,
});

beforeAll(async () => {
  ctx = await createTestContext({ now: '2025-06-16T02:00:00Z' }); // a Monday
  app = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
  scjg = await insertDepartment(ctx.db, 'SCJG', '福州市市场监督管理局');
  swj = await insertDepartment(ctx.db, 'SWJ', '福州市税务局');
  ids.a = await insertSubject(ctx, { name: '福州承诺测试甲有限公司' });
  ids.b = await insertSubject(ctx, { name: '福州承诺测试乙有限公司' });
  ids.serious = await insertSubject(ctx, { name: '福州承诺测试严重失信有限公司' });
  ids.suspended = await insertSubject(ctx, { name: '福州承诺测试异议中有限公司' });
  ids.gov = await insertSubject(ctx, { kind: 'government', name: '福州市鼓楼区人民政府' });
  admin = await signIn(ctx, await buildUser(ctx, { roles: ['admin'] }));
  auditor = await signIn(ctx, await buildUser(ctx, { roles: ['auditor'] }));
  reviewer = await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: scjg }));
  otherReviewer = await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: swj }));
  clerk = await signIn(ctx, await buildUser(ctx, { roles: ['submitter'], departmentId: scjg }));
  subjectA = await signIn(ctx, await buildUser(ctx, { roles: ['subject'], subjectId: ids.a }));
  subjectSerious = await signIn(ctx, await buildUser(ctx, { roles: ['subject'], subjectId: ids.serious }));
  const now = ctx.clock.now();
  for (const [subject, status] of [[ids.serious, 'active'], [ids.suspended, 'suspended']] as const) {
    const listType = await ctx.db.selectFrom('list_types').select('id').where('code', '=', 'YZWFSX').executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('list_entries')
      .values({ list_type_id: listType.id, subject_id: subject, status, source: 'console', department_id: scjg, decision_no: `榕市监列〔2025〕${subject}号`, decision_date: '2025-01-20', reasons: '严重违法', effective_from: '2025-02-10', created_at: now, updated_at: now })
      .execute();
  }
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('signing (信用承诺)', () => {
  it('lets a subject account sign online for itself; the public record shows type, matter, date, department and status, not the text', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/commitments', headers: bearer(subjectA), payload: online() });
    expect(response.statusCode).toBe(201);
    const c = response.json();
    expect(c).toMatchObject({
      type: 'approval_substitute',
      subjectId: ids.a,
      matter: 'licensing',
      matterName: '行政许可',
      signedVia: 'online',
      departmentId: scjg,
      departmentName: '福州市市场监督管理局',
      signedOn: '2025-06-16',
      dueDate: '2025-09-15', // 告知承诺: verification within 3 months by default
      status: 'signed',
      overdue: false,
      hasFile: false,
      file: null,
    });
    expect(c.number).toBe(`CN20250616${String(c.id).padStart(6, '0')}`);
    expect(c.events).toMatchObject([{ from: null, to: 'signed' }]);
    expect(await audits(c.id)).toEqual(['commitment.sign']);
    expect(await events(c.id)).toEqual(['commitment.signed']);

    const [shown] = await commitmentSection(ids.a);
    expect(shown).toMatchObject({ id: c.id, source: 'commitment', category: 'commitment', departmentName: '福州市市场监督管理局', decisionDate: '2025-06-16', documentNo: c.number });
    expect(shown!.fields.map((f) => [f.name, f.value])).toEqual([
      ['承诺类型', '审批替代型（告知承诺）'],
      ['承诺事项', '行政许可（食品经营许可证新办）'],
      ['承诺日期', '2025-06-16'],
      ['受理部门', '福州市市场监督管理局'],
      ['履约期限', '2025-09-15'],
      ['履约状态', '履约中'],
    ]);
    const site = await app.inject({ method: 'GET', url: `/api/v1/public/subjects/${ids.a}` });
    expect(site.statusCode).toBe(200);
    expect(site.body).toContain('审批替代型（告知承诺）');
    expect(site.body).not.toContain(COMMITMENT_TEMPLATES.approval_substitute);
  });

  it('refuses bad input with a coded Chinese error and stores nothing', async () => {
    const before = await count();
    const post = (who: Who, payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/commitments', headers: bearer(who), payload: payload as object });
    let r = await post(subjectA, online({ content: '   ' }));
    expect([r.statusCode, r.json().code, r.json().message]).toEqual([400, 'COMMITMENT_TEXT_REQUIRED', '请填写承诺内容（承诺书正文不能为空）']);
    r = await post(subjectA, online({ subjectId: ids.b }));
    expect([r.statusCode, r.json().code]).toEqual([403, 'COMMITMENT_SUBJECT_FORBIDDEN']);
    expect(r.json().message).toContain('只能以本主体的名义签署');
    r = await post(subjectA, online({ departmentId: undefined }));
    expect([r.statusCode, r.json().code]).toEqual([400, 'COMMITMENT_DEPARTMENT_REQUIRED']);
    r = await post(subjectA, online({ matter: 'no_such_matter' }));
    expect([r.statusCode, r.json().code]).toEqual([400, 'COMMITMENT_MATTER_UNKNOWN']);
    r = await post(subjectA, online({ dueDate: '2025-06-01' }));
    expect([r.statusCode, r.json().code]).toEqual([400, 'COMMITMENT_DUE_INVALID']);
    r = await post(auditor, online({ subjectId: ids.a }));
    expect([r.statusCode, r.json().code]).toEqual([403, 'FORBIDDEN']);
    r = await post(clerk, online({ subjectId: ids.b, departmentId: swj }));
    expect([r.statusCode, r.json().code]).toEqual([403, 'COMMITMENT_DEPARTMENT_FORBIDDEN']);
    r = await post(clerk, online({ departmentId: undefined }));
    expect([r.statusCode, r.json().code]).toEqual([400, 'COMMITMENT_SUBJECT_REQUIRED']);
    r = await app.inject({ method: 'POST', url: '/api/v1/commitments', payload: online({ subjectId: ids.a }) });
    expect(r.statusCode).toBe(401);
    r = await post(subjectA, { ...online(), type: 'bogus' });
    expect(r.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('refuses 告知承诺 and 容缺受理 to a subject on a serious list, naming the list; other types and suspended entries are allowed', async () => {
    for (const type of ['approval_substitute', 'tolerance'] as const) {
      const error = await failure(signCommitment(ctx, subjectSerious.actor, online({ type })));
      expect(error.code).toBe('COMMITMENT_SERIOUS_LIST');
      expect(error.status).toBe(409);
      expect(error.message).toContain('严重违法失信名单');
      expect(error.message).toContain('2025-02-10');
    }
    const voluntary = await signCommitment(ctx, subjectSerious.actor, online({ type: 'voluntary', content: COMMITMENT_TEMPLATES.voluntary, matter: 'supervision' }));
    expect(voluntary).toMatchObject({ type: 'voluntary', dueDate: null });
    // An entry under objection (suspended) does not exclude: its measures are suspended.
    const underObjection = await signCommitment(ctx, admin.actor, online({ subjectId: ids.suspended }));
    expect(underObjection).toMatchObject({ signedVia: 'upload', status: 'signed' });
  });

  it('offers the signing forms the five types with their standard text, the matters and the departments', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/commitments/options', headers: bearer(subjectA) });
    expect(r.statusCode).toBe(200);
    const options = r.json();
    expect(options.types.map((t: { type: string; notifyAndCommit: boolean }) => [t.type, t.notifyAndCommit])).toEqual([
      ['approval_substitute', true],
      ['tolerance', true],
      ['voluntary', false],
      ['industry', false],
      ['repair', false],
    ]);
    expect(options.types[0].template).toBe(COMMITMENT_TEMPLATES.approval_substitute);
    expect(options.matters).toContainEqual({ code: 'commitment_approval', name: '告知承诺审批' });
    expect(options.departments).toContainEqual({ id: scjg, name: '福州市市场监督管理局' });
    expect((await app.inject({ method: 'GET', url: '/api/v1/commitments/options' })).statusCode).toBe(401);
  });

  it('lets a government body make a 主动型 commitment (政务服务承诺)', async () => {
    const c = await signCommitment(ctx, admin.actor, online({ type: 'voluntary', subjectId: ids.gov, matter: 'supervision', matterDetail: '政务服务“一次办好”承诺', content: '本机关承诺依法行政、按时办结。', signerName: '区政府办公室' }));
    expect(c).toMatchObject({ subjectName: '福州市鼓楼区人民政府', signerName: '区政府办公室', dueDate: null });
    expect((await commitmentSection(ids.gov)).map((r) => r.id)).toEqual([c.id]);
  });
});

describe('paper commitments and the signed file', () => {
  it('registers paper by the accepting department, checks the upload by magic bytes and size, and serves it to the parties only', async () => {
    const registered = await app.inject({ method: 'POST', url: '/api/v1/commitments', headers: bearer(clerk), payload: online({ type: 'tolerance', subjectId: ids.b, departmentId: undefined, content: COMMITMENT_TEMPLATES.tolerance, signerName: '张法代' }) });
    expect(registered.statusCode).toBe(201);
    const c = registered.json();
    expect(c).toMatchObject({ signedVia: 'upload', signerName: '张法代', departmentId: scjg, dueDate: '2025-07-14', hasFile: false });

    // A verdict needs the signed paper first.
    const early = await app.inject({ method: 'POST', url: `/api/v1/commitments/${c.id}/transitions`, headers: bearer(reviewer), payload: { action: 'kept', reason: '' } });
    expect([early.statusCode, early.json().code]).toEqual([409, 'COMMITMENT_FILE_REQUIRED']);

    const upload = (who: Who, name: string, content: Buffer) => {
      const form = multipart(name, content);
      return app.inject({ method: 'POST', url: `/api/v1/commitments/${c.id}/file`, headers: { ...bearer(who), ...form.headers }, payload: form.payload });
    };
    let r = await upload(clerk, '承诺书.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 0x90)]));
    expect([r.statusCode, r.json().code, r.json().message]).toEqual([400, 'COMMITMENT_FILE_TYPE', '文件“承诺书.pdf”不是有效的 PDF、JPEG 或 PNG 文件']);
    r = await upload(clerk, '承诺书.exe', PDF);
    expect(r.json().code).toBe('COMMITMENT_FILE_TYPE');
    r = await upload(clerk, '承诺书.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect([r.statusCode, r.json().code]).toEqual([413, 'COMMITMENT_FILE_TOO_LARGE']);
    r = await upload(otherReviewer, '承诺书.pdf', PDF);
    expect(r.statusCode).toBe(404);
    expect((await ctx.db.selectFrom('commitments').select('file_name').where('id', '=', c.id).executeTakeFirstOrThrow()).file_name).toBeNull();
    r = await upload(clerk, '承诺书.pdf', PDF);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ hasFile: true, file: { fileName: '承诺书.pdf', contentType: 'application/pdf', size: PDF.length } });
    expect(await audits(c.id)).toEqual(['commitment.sign', 'commitment.file.upload']);

    const subjectB = await signIn(ctx, await buildUser(ctx, { roles: ['subject'], subjectId: ids.b }));
    const download = await app.inject({ method: 'GET', url: `/api/v1/commitments/${c.id}/file`, headers: bearer(subjectB) });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await app.inject({ method: 'GET', url: `/api/v1/commitments/${c.id}/file`, headers: bearer(subjectA) })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/v1/commitments/${c.id}/file`, headers: bearer(otherReviewer) })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/v1/commitments/${c.id}/file` })).statusCode).toBe(401);
    // Online commitments take no file.
    const mine = (await listCommitments(ctx, subjectA.actor, { page: 1, pageSize: 20 })).items[0]!;
    const form = multipart('x.pdf', PDF);
    const refused = await app.inject({ method: 'POST', url: `/api/v1/commitments/${mine.id}/file`, headers: { ...bearer(admin), ...form.headers }, payload: form.payload });
    expect(refused.json().code).toBe('COMMITMENT_FILE_NOT_ALLOWED');
  });
});

describe('fulfilment (履约)', () => {
  it('scopes the list by role and filters by status, type and overdue', async () => {
    const mine = await app.inject({ method: 'GET', url: '/api/v1/commitments', headers: bearer(subjectA) });
    expect(mine.json().items.every((c: { subjectId: number }) => c.subjectId === ids.a)).toBe(true);
    const dept = await listCommitments(ctx, otherReviewer.actor, { page: 1, pageSize: 50 });
    expect(dept.total).toBe(0);
    const all = await listCommitments(ctx, admin.actor, { page: 1, pageSize: 50 });
    expect(all.total).toBe(await count());
    expect((await listCommitments(ctx, admin.actor, { page: 1, pageSize: 50, type: 'tolerance' })).items.map((c) => c.type)).toEqual(['tolerance']);
    const other = await app.inject({ method: 'GET', url: `/api/v1/commitments/${all.items.at(-1)!.id}`, headers: bearer(otherReviewer) });
    expect([other.statusCode, other.json().code]).toEqual([404, 'COMMITMENT_NOT_FOUND']);
  });

  it('flags a commitment past its due date for verification as the clock moves', async () => {
    const c = await signCommitment(ctx, subjectA.actor, online({ type: 'tolerance', content: COMMITMENT_TEMPLATES.tolerance, dueDate: '2025-06-20' }));
    expect(c.overdue).toBe(false);
    const overdueIds = async () => (await listCommitments(ctx, reviewer.actor, { page: 1, pageSize: 50, overdue: true })).items.map((i) => i.id);
    expect(await overdueIds()).not.toContain(c.id);
    ctx.clock.set('2025-06-20T15:00:00Z'); // 23:00 in China: still the due day
    expect((await getCommitment(ctx, subjectA.actor, c.id)).overdue).toBe(false);
    ctx.clock.set('2025-06-20T16:00:00Z'); // 2025-06-21 00:00 in China
    expect((await getCommitment(ctx, subjectA.actor, c.id)).overdue).toBe(true);
    expect(await overdueIds()).toContain(c.id);
    await transitionCommitment(ctx, reviewer.actor, c.id, { action: 'kept', reason: '' });
    expect(await overdueIds()).not.toContain(c.id);
    ctx.clock.set('2025-06-16T02:00:00Z');
  });

  it('records a kept commitment by a reviewer of the accepting department only', async () => {
    const c = await signCommitment(ctx, subjectA.actor, online({ type: 'industry', matter: 'supervision', content: COMMITMENT_TEMPLATES.industry }));
    expect((await failure(transitionCommitment(ctx, clerk.actor, c.id, { action: 'kept', reason: '' }))).code).toBe('FORBIDDEN');
    expect((await failure(transitionCommitment(ctx, otherReviewer.actor, c.id, { action: 'kept', reason: '' }))).code).toBe('COMMITMENT_NOT_FOUND');
    expect((await failure(transitionCommitment(ctx, subjectA.actor, c.id, { action: 'kept', reason: '' }))).code).toBe('FORBIDDEN');
    const kept = await transitionCommitment(ctx, reviewer.actor, c.id, { action: 'kept', reason: '' });
    expect(kept).toMatchObject({ status: 'kept', verdictReason: '经核查已履行承诺', breachRecordId: null });
    expect(kept.verdictBy).toBeTruthy();
    expect(kept.events.map((e) => e.to)).toEqual(['signed', 'kept']);
    expect(await audits(c.id)).toEqual(['commitment.sign', 'commitment.kept']);
    expect(await events(c.id)).toEqual(['commitment.signed', 'commitment.kept']);
    expect((await commitmentSection(ids.a)).find((r) => r.id === c.id)!.fields.at(-1)).toMatchObject({ name: '履约状态', value: '已履约' });
    const again = await failure(transitionCommitment(ctx, reviewer.actor, c.id, { action: 'broken', reason: '未履行' }));
    expect([again.code, again.status, again.message]).toEqual(['COMMITMENT_TRANSITION_INVALID', 409, `信用承诺 ${c.id} 当前状态为“已履约”，不能认定未履约`]);
  });

  it('turns a broken commitment into a dishonesty record of 违背信用承诺 from the department, in the same transaction', async () => {
    const c = await signCommitment(ctx, subjectA.actor, online({ matterDetail: '小餐饮经营许可' }));
    const noReason = await app.inject({ method: 'POST', url: `/api/v1/commitments/${c.id}/transitions`, headers: bearer(reviewer), payload: { action: 'broken', reason: ' ' } });
    expect([noReason.statusCode, noReason.json().code, noReason.json().message]).toEqual([400, 'COMMITMENT_REASON_REQUIRED', '认定未履约须写明理由']);
    ctx.clock.set('2025-07-01T02:00:00Z'); // two weeks on: the session has expired, so sign in again
    const verifier = await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: scjg }));
    const r = await app.inject({ method: 'POST', url: `/api/v1/commitments/${c.id}/transitions`, headers: bearer(verifier), payload: { action: 'broken', reason: '经现场核查，经营场所不符合承诺的条件' } });
    expect(r.statusCode).toBe(200);
    const broken = r.json();
    expect(broken).toMatchObject({ status: 'broken', verdictReason: '经现场核查，经营场所不符合承诺的条件' });
    expect(broken.breachRecordId).toBeGreaterThan(0);
    expect(await audits(c.id)).toEqual(['commitment.sign', 'commitment.broken']);
    expect(await events(c.id)).toEqual(['commitment.signed', 'commitment.broken']);

    const record = await ctx.db.selectFrom('records as r').innerJoin('batches as b', 'b.id', 'r.batch_id').innerJoin('catalog_topics as t', 't.id', 'r.topic_id')
      .select(['r.subject_id', 'r.department_id', 'r.decision_date', 'r.publish_until', 'r.data', 'b.channel', 't.code']).where('r.id', '=', broken.breachRecordId).executeTakeFirstOrThrow();
    expect(record).toMatchObject({ subject_id: ids.a, department_id: scjg, code: 'XYCN_WY', channel: 'case' });
    expect(String(record.publish_until).slice(0, 10)).toBe('2026-06-30'); // 一般: one year from the 认定日期
    expect(record.data).toMatchObject({ WY_CNBH: c.number, WY_CNLX: '审批替代型（告知承诺）', WY_RDRQ: '2025-07-01', WY_RDJG: '福州市市场监督管理局', WY_WYQX: '经现场核查，经营场所不符合承诺的条件' });
    expect(await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'record').where('entity_id', '=', String(broken.breachRecordId)).execute()).toHaveLength(1);
    expect(await ctx.db.selectFrom('outbox').select('topic').where('topic', '=', 'record.created').where('entity_key', '=', String(broken.breachRecordId)).execute()).toHaveLength(1);

    const section = await commitmentSection(ids.a);
    const breach = section.find((x) => x.topicCode === 'XYCN_WY')!;
    expect(breach).toMatchObject({ id: broken.breachRecordId, topicName: '违背信用承诺', departmentName: '福州市市场监督管理局', decisionDate: '2025-07-01' });
    expect(breach.fields.find((f) => f.code === 'WY_CNNR')).toBeUndefined(); // the promise's text is 政务共享 only
    expect(section.find((x) => x.source === 'commitment' && x.id === c.id)!.fields.at(-1)!.value).toBe('未履约（失信）');

    // The list rule: a broken 告知承诺 proposes the subject for the 违背告知承诺重点关注名单, with notice,
    // decided by the accepting department.
    const entry = await ctx.db
      .selectFrom('list_entries as e')
      .innerJoin('list_types as t', 't.id', 'e.list_type_id')
      .select(['e.id', 'e.status', 'e.source', 'e.rule_code', 'e.department_id', 'e.reasons', 'e.objection_until', 't.code'])
      .where('e.source_key', '=', `commitment:${c.id}`)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ code: 'WBCNZD', status: 'notified', source: 'rule', rule_code: 'CN_WY', department_id: scjg });
    expect(entry.reasons).toContain(c.number);
    expect(String(entry.objection_until).slice(0, 10)).toBe('2025-07-08'); // 5 working days
    const payload = (await ctx.db.selectFrom('outbox').select('payload').where('topic', '=', 'commitment.broken').where('entity_key', '=', String(c.id)).executeTakeFirstOrThrow()).payload;
    expect(payload).toMatchObject({ listEntryId: Number(entry.id), breachRecordId: broken.breachRecordId });
    // After the notice period it comes into force and shows under 重点关注.
    ctx.clock.set('2025-07-09T02:00:00Z');
    await sweepLists(ctx);
    expect((await ctx.db.selectFrom('list_entries').select('status').where('id', '=', entry.id).executeTakeFirstOrThrow()).status).toBe('active');
    const watch = (await getSubjectRecord(ctx, ids.a, 'public'))!.sections.find((s) => s.category === 'watch_list')!.records;
    expect(watch.map((r) => r.topicCode)).toContain('WBCNZD');
    ctx.clock.set('2025-06-16T02:00:00Z');
  });

  it('lists nobody for a broken 主动型 commitment, and nobody twice for a second broken 告知承诺', async () => {
    const listed = async () => (await ctx.db.selectFrom('list_entries as e').innerJoin('list_types as t', 't.id', 'e.list_type_id').select('e.id').where('t.code', '=', 'WBCNZD').where('e.subject_id', '=', ids.a).execute()).length;
    const before = await listed();
    expect(before).toBe(1);
    const voluntary = await signCommitment(ctx, subjectA.actor, online({ type: 'voluntary', matter: 'supervision', content: COMMITMENT_TEMPLATES.voluntary, matterDetail: '主动承诺' }));
    const brokenVoluntary = await transitionCommitment(ctx, reviewer.actor, voluntary.id, { action: 'broken', reason: '未兑现主动承诺' });
    expect(brokenVoluntary.breachRecordId).toBeGreaterThan(0);
    const second = await signCommitment(ctx, subjectA.actor, online({ matterDetail: '第二次告知承诺' }));
    await transitionCommitment(ctx, reviewer.actor, second.id, { action: 'broken', reason: '再次违背承诺' });
    expect(await listed()).toBe(before);
  });

  it('lets exactly one of two concurrent verdicts win; the other gets a coded 409 and writes nothing', async () => {
    const c = await signCommitment(ctx, subjectA.actor, online({ matterDetail: '并发测试' }));
    const results = await Promise.allSettled([
      transitionCommitment(ctx, reviewer.actor, c.id, { action: 'broken', reason: '未按承诺补齐材料' }),
      transitionCommitment(ctx, admin.actor, c.id, { action: 'kept', reason: '已补齐' }),
    ]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    const lost = (results.find((x) => x.status === 'rejected') as PromiseRejectedResult).reason as AppError;
    expect(lost).toBeInstanceOf(AppError);
    expect([lost.code, lost.status]).toEqual(['COMMITMENT_TRANSITION_INVALID', 409]);
    const final = await getCommitment(ctx, admin.actor, c.id);
    expect((await audits(c.id)).filter((a) => a !== 'commitment.sign')).toHaveLength(1);
    expect((await events(c.id)).filter((e) => e !== 'commitment.signed')).toEqual([`commitment.${final.status}`]);
    const breaches = await ctx.db.selectFrom('records').select('id').where('business_key', '=', final.number).execute();
    expect(breaches).toHaveLength(final.status === 'broken' ? 1 : 0);
    expect(final.events).toHaveLength(2);
  });

  it('lets the credit centre revoke a commitment registered in error; it leaves the record', async () => {
    const c = await signCommitment(ctx, subjectA.actor, online({ type: 'voluntary', matter: 'supervision', content: COMMITMENT_TEMPLATES.voluntary, matterDetail: '误登记' }));
    expect((await failure(transitionCommitment(ctx, reviewer.actor, c.id, { action: 'revoke', reason: '登记错误' }))).code).toBe('FORBIDDEN');
    expect((await failure(transitionCommitment(ctx, admin.actor, c.id, { action: 'revoke', reason: '' }))).code).toBe('COMMITMENT_REASON_REQUIRED');
    const revoked = await transitionCommitment(ctx, admin.actor, c.id, { action: 'revoke', reason: '登记错误' });
    expect(revoked.status).toBe('revoked');
    expect(await events(c.id)).toEqual(['commitment.signed', 'commitment.revoked']);
    expect((await commitmentSection(ids.a)).some((r) => r.source === 'commitment' && r.id === c.id)).toBe(false);
  });
});
