import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { buildResidentId, buildUscc, insertSubject } from '../../test/factories.js';
import { createApiToken } from '../access/index.js';
import { buildDepartment, buildUser, signIn } from '../access/test-factories.js';
import type { ListEntryStatus, MeasureBinds, MeasureStrength } from '../db/schema.js';
import { buildServer } from '../http/build-server.js';
import type { HttpApp } from '../http/types.js';
import { systemActor, type Actor } from '../kernel/actor.js';
import { invalidateCheckReferenceData, runBatchCheck, runCheck, type CheckResult, type CheckSubjectQuery } from './index.js';

let ctx: TestContext;
let app: HttpApp;
let deptA: number;
let deptB: number;
let tokenA: string;
let tokenB: string;
let adminToken: string;
let subjectToken: string;
const actorA: Actor = { type: 'token', id: '1', name: '交易中心系统', departmentId: 0, roles: ['submitter'] };

const repId = buildResidentId({ birthDate: '1980-04-05', sex: 'M' });
const twinIds = [buildResidentId({ birthDate: '1991-01-02' }), buildResidentId({ birthDate: '1992-03-04' })];
const s = {} as Record<'blocked' | 'rep' | 'watched' | 'red' | 'clear' | 'suspended' | 'expiring' | 'twinOrg', number>;
const uscc = { blocked: buildUscc(), watched: buildUscc(), red: buildUscc(), clear: buildUscc(), suspended: buildUscc(), expiring: buildUscc() };
const listTypeIds = new Map<string, number>();

async function measure(code: string, strength: MeasureStrength, matters: string[], binds: MeasureBinds[], lists: string[], active = true) {
  const now = ctx.clock.now();
  const row = await ctx.db
    .insertInto('measures')
    .values({
      code,
      name: `${code} 措施`,
      content: `${code} 的措施内容`,
      kind: ['fast_track', 'accept_missing', 'fewer_inspections', 'bonus_points'].includes(strength) ? 'incentive' : 'punishment',
      strength,
      legal_basis: JSON.stringify([{ title: `${code} 的依据`, article: '第一条' }]),
      matters,
      binds,
      active,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('measure_list_types')
    .values(lists.map((l) => ({ measure_id: row.id, list_type_id: listTypeIds.get(l)! })))
    .execute();
}

async function listEntry(subjectId: number, list: string, opts: { status?: ListEntryStatus; effectiveFrom?: string | null; expiresOn?: string | null } = {}) {
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('list_entries')
    .values({
      list_type_id: listTypeIds.get(list)!,
      subject_id: subjectId,
      status: opts.status ?? 'active',
      source: 'console',
      department_id: deptA,
      decision_no: `榕决〔2025〕${subjectId}号`,
      decision_date: '2025-05-01',
      reasons: '未履行生效法律文书确定的义务',
      effective_from: opts.effectiveFrom === undefined ? '2025-05-10' : opts.effectiveFrom,
      expires_on: opts.expiresOn ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

const body = (subject: CheckSubjectQuery, extra: Record<string, unknown> = {}) => ({
  subject,
  matter: 'tendering',
  purpose: '公共资源交易投标报名资格审查',
  operator: '王经办',
  ...extra,
});
const post = (url: string, payload: unknown, token?: string) =>
  app.inject({ method: 'POST', url: `/api/v1${url}`, payload: payload as object, headers: token ? { authorization: `Bearer ${token}` } : {} });
const check = (subject: CheckSubjectQuery, matter = 'tendering') => runCheck(ctx, actorA, body(subject, { matter }));
const codes = (r: CheckResult) => ({
  verdict: r.verdict,
  blocking: r.blocking.map((m) => m.code),
  restrictions: r.restrictions.map((m) => m.code),
  incentives: r.incentives.map((m) => m.code),
  suspended: r.suspended.map((m) => m.code),
  rep: r.legalRepresentative?.measures.map((m) => m.code) ?? null,
  subject: r.subject?.id ?? null,
  candidates: r.candidates.map((c) => c.id),
});

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
  deptA = (await buildDepartment(ctx, { code: 'GGZY', name: '福州市公共资源交易中心' })).id;
  deptB = (await buildDepartment(ctx, { code: 'CZJ', name: '福州市财政局' })).id;
  actorA.departmentId = deptA;
  tokenA = (await createApiToken(ctx, systemActor, deptA, { name: '交易系统', roles: ['submitter'] })).token;
  tokenB = (await createApiToken(ctx, systemActor, deptB, { name: '财政系统', roles: ['reviewer'] })).token;
  adminToken = (await signIn(ctx, await buildUser(ctx, { roles: ['admin'] }))).token;
  for (const row of await ctx.db.selectFrom('list_types').select(['id', 'code']).execute()) listTypeIds.set(row.code, row.id);
  // These tests define their own measures; the built-in library is switched off so each verdict is known.
  await ctx.db.updateTable('measures').set({ active: false }).where('builtin', '=', true).execute();

  await measure('BAN_TENDER', 'prohibit', ['tendering', 'procurement'], ['subject'], ['SXBZXR', 'ZTBSX']);
  await measure('REP_LIMIT', 'restrict', ['tendering', 'high_consumption'], ['subject', 'legal_rep'], ['SXBZXR']);
  await measure('WATCH_SUPERVISE', 'supervise', ['tendering'], ['subject'], ['JYYCML']);
  await measure('RED_FAST', 'fast_track', ['tendering'], ['subject'], ['CXDX']);
  await measure('OLD_BAN', 'prohibit', ['tendering'], ['subject'], ['CXDX'], false);
  invalidateCheckReferenceData(ctx.db);

  s.blocked = await insertSubject(ctx, { name: '福州失信建设工程有限公司', uscc: uscc.blocked, legalRep: { name: '陈法人', residentId: repId } });
  s.rep = (await ctx.db.selectFrom('subjects').select('legal_rep_id').where('id', '=', s.blocked).executeTakeFirstOrThrow()).legal_rep_id!;
  s.watched = await insertSubject(ctx, { name: '福州异常贸易有限公司', uscc: uscc.watched });
  s.red = await insertSubject(ctx, { name: '福州诚信示范有限公司', uscc: uscc.red });
  s.clear = await insertSubject(ctx, { name: '福州清白科技有限公司', uscc: uscc.clear });
  s.suspended = await insertSubject(ctx, { name: '福州异议中建筑有限公司', uscc: uscc.suspended });
  s.expiring = await insertSubject(ctx, { name: '福州即将期满有限公司', uscc: uscc.expiring });
  s.twinOrg = await insertSubject(ctx, { name: '福州同名贸易有限公司' });
  await insertSubject(ctx, { name: '福州同名贸易有限公司', uscc: buildUscc('350103') });
  for (const residentId of twinIds) await insertSubject(ctx, { kind: 'natural_person', name: '张同名', residentId });

  await listEntry(s.blocked, 'SXBZXR');
  await listEntry(s.watched, 'JYYCML');
  await listEntry(s.red, 'CXDX');
  await listEntry(s.suspended, 'ZTBSX', { status: 'suspended' });
  await listEntry(s.expiring, 'SXBZXR', { expiresOn: '2025-06-20' });
  // Entries that do not count: ended, not yet effective, and already past their last day.
  await listEntry(s.clear, 'SXBZXR', { status: 'exited' });
  await listEntry(s.clear, 'ZTBSX', { effectiveFrom: '2025-07-01' });
  await listEntry(s.clear, 'ZTBSX', { expiresOn: '2025-06-15' });

  const account = await buildUser(ctx, { roles: ['subject'], subjectId: s.blocked });
  subjectToken = (await signIn(ctx, account)).token;
});
afterAll(async () => {
  await app.close();
  await ctx.dispose();
});

describe('POST /api/v1/checks', () => {
  it('blocks a listed bidder, with the measure, its entry, both legal bases and what binds its legal representative', async () => {
    const response = await post('/checks', body({ uscc: uscc.blocked }), tokenA);
    expect(response.statusCode).toBe(200);
    const result = response.json() as CheckResult;
    expect(codes(result)).toMatchObject({ verdict: 'block', blocking: ['BAN_TENDER'], restrictions: ['REP_LIMIT'], rep: ['REP_LIMIT'], subject: s.blocked });
    expect(result.checkId).toBeGreaterThan(0);
    expect(result.summary).toContain('BAN_TENDER 措施');
    const [ban] = result.blocking;
    expect(ban).toMatchObject({ content: 'BAN_TENDER 的措施内容', legalBasis: [{ title: 'BAN_TENDER 的依据', article: '第一条' }], suspended: false, appliesTo: 'subject' });
    expect(ban!.entries).toEqual([
      expect.objectContaining({
        listType: expect.objectContaining({ code: 'SXBZXR', name: '失信被执行人名单', kind: 'black' }),
        status: 'active',
        listedSubject: { id: s.blocked, name: '福州失信建设工程有限公司' },
        decisionNo: `榕决〔2025〕${s.blocked}号`,
        department: '福州市公共资源交易中心',
      }),
    ]);
    expect(ban!.entries[0]!.listType.legalBasis.length).toBeGreaterThan(0);
    expect(result.legalRepresentative).toMatchObject({ id: s.rep, name: '陈法人', measures: [{ code: 'REP_LIMIT', appliesTo: 'legal_rep' }] });
    const row = await ctx.db.selectFrom('checks').selectAll().where('id', '=', result.checkId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ department_id: deptA, operator: '王经办', purpose: '公共资源交易投标报名资格审查', matter: 'tendering', subject_id: s.blocked, verdict: 'block', batch_id: null });
    expect(row.query).toEqual({ uscc: uscc.blocked });
  });

  it('answers restrict, incentive and clear; only active or suspended entries in force count', async () => {
    expect(codes(await check({ uscc: uscc.watched }))).toMatchObject({ verdict: 'restrict', restrictions: ['WATCH_SUPERVISE'], rep: null });
    expect(codes(await check({ uscc: uscc.red }))).toMatchObject({ verdict: 'incentive', incentives: ['RED_FAST'], blocking: [] });
    const clear = await check({ name: '福州清白科技有限公司' });
    expect(codes(clear)).toMatchObject({ verdict: 'clear', blocking: [], restrictions: [], incentives: [], suspended: [], subject: s.clear });
    expect(clear.summary).toBe('未查见与该事项相关的惩戒或激励措施');
    // A measure for another matter only: REP_LIMIT counts for high_consumption, BAN_TENDER does not.
    expect(codes(await check({ code: uscc.blocked }, 'high_consumption'))).toMatchObject({ verdict: 'restrict', restrictions: ['REP_LIMIT'] });
    expect(codes(await check({ uscc: uscc.blocked }, 'honours'))).toMatchObject({ verdict: 'clear' });
  });

  it('shows the measures of an entry under objection as suspended, not blocking', async () => {
    const result = await check({ uscc: uscc.suspended });
    expect(codes(result)).toMatchObject({ verdict: 'clear', blocking: [], suspended: ['BAN_TENDER'] });
    expect(result.suspended[0]).toMatchObject({ suspended: true, entries: [{ status: 'suspended' }] });
    expect(result.summary).toContain('异议');
  });

  it('stops counting an entry the day after its expires_on, before any sweep', async () => {
    expect((await check({ uscc: uscc.expiring })).verdict).toBe('block');
    ctx.clock.set('2025-06-20T15:30:00Z'); // 2025-06-20 23:30 in China: the last day
    expect((await check({ uscc: uscc.expiring })).verdict).toBe('block');
    ctx.clock.set('2025-06-20T16:30:00Z'); // 2025-06-21 00:30 in China
    try {
      expect((await check({ uscc: uscc.expiring })).verdict).toBe('clear');
    } finally {
      ctx.clock.set('2025-06-16T02:00:00Z');
    }
  });

  it('binds the legal representative through the company listing, only for measures that bind legal representatives', async () => {
    const response = await post('/checks', body({ residentId: repId }), tokenA);
    expect(response.statusCode).toBe(200);
    const result = response.json() as CheckResult;
    expect(codes(result)).toMatchObject({ verdict: 'restrict', blocking: [], restrictions: ['REP_LIMIT'], rep: null, subject: s.rep });
    expect(result.restrictions[0]).toMatchObject({
      appliesTo: 'legal_rep',
      legalRepresentativeOf: { id: s.blocked, name: '福州失信建设工程有限公司' },
      entries: [{ listedSubject: { id: s.blocked, name: '福州失信建设工程有限公司' } }],
    });
    expect(result.query).toEqual({ residentId: `${repId.slice(0, 10)}****${repId.slice(14)}` });
    expect(result.subject?.idMasked).toBe(`${repId.slice(0, 10)}****${repId.slice(14)}`);
    expect(response.body).not.toContain(repId);
    // The same number given as `code` is recognised as a resident ID.
    expect(codes(await check({ code: repId }))).toMatchObject({ verdict: 'restrict', subject: s.rep });
  });

  it('answers not_found for an unknown subject, logged, and ambiguous with masked candidates for a shared name', async () => {
    const unknown = await post('/checks', body({ uscc: buildUscc() }), tokenA);
    expect(unknown.statusCode).toBe(200);
    expect(unknown.json()).toMatchObject({ verdict: 'not_found', subject: null, summary: '未找到该信用主体' });
    const row = await ctx.db.selectFrom('checks').select(['verdict', 'subject_id']).where('id', '=', unknown.json().checkId).executeTakeFirstOrThrow();
    expect(row).toEqual({ verdict: 'not_found', subject_id: null });

    const orgs = await check({ name: '福州同名贸易有限公司' });
    expect(orgs.verdict).toBe('ambiguous');
    expect(orgs.candidates.map((c) => c.name)).toEqual(['福州同名贸易有限公司', '福州同名贸易有限公司']);
    const persons = await post('/checks', body({ name: '张同名' }), tokenA);
    expect(persons.json().verdict).toBe('ambiguous');
    expect(persons.json().candidates.map((c: { idMasked: string }) => c.idMasked)).toEqual(twinIds.map((id) => `${id.slice(0, 10)}****${id.slice(14)}`));
    for (const id of twinIds) expect(persons.body).not.toContain(id);
  });

  it.each([
    [{ ...body({ uscc: uscc.clear }), purpose: undefined }, 'CHECK_PURPOSE_REQUIRED', '用途'],
    [{ ...body({ uscc: uscc.clear }), purpose: '   ' }, 'CHECK_PURPOSE_REQUIRED', '用途'],
    [{ ...body({ uscc: uscc.clear }), operator: '' }, 'CHECK_OPERATOR_REQUIRED', '经办人'],
    [{ ...body({ uscc: uscc.clear }), matter: 'space_travel' }, 'CHECK_MATTER_UNKNOWN', 'space_travel'],
    [{ ...body({ uscc: uscc.clear }), matter: undefined }, 'CHECK_MATTER_REQUIRED', '事项'],
    [body({}), 'CHECK_SUBJECT_KEYS', '实际给出：无'],
    [body({ uscc: uscc.clear, name: '福州清白科技有限公司' }), 'CHECK_SUBJECT_KEYS', 'uscc、name'],
    [body({ uscc: `${uscc.clear.slice(0, 17)}${uscc.clear.endsWith('0') ? '1' : '0'}` }), 'CHECK_USCC_INVALID', '第 18 位校验码'],
    [body({ code: '12345' }), 'CHECK_CODE_INVALID', '长度'],
    [body({ name: '福' }), 'CHECK_NAME_INVALID', '名称'],
  ])('refuses a malformed check with a coded 400 (%#)', async (payload, code, words) => {
    const response = await post('/checks', payload, tokenA);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code });
    expect(response.json().message).toContain(words);
  });

  it('refuses a bad resident ID without echoing it', async () => {
    const bad = `${repId.slice(0, 17)}${repId.endsWith('0') ? '1' : '0'}`;
    const response = await post('/checks', body({ residentId: bad }), tokenA);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'CHECK_RESIDENT_ID_INVALID' });
    expect(response.body).not.toContain(bad);
  });

  it('is for departments and the credit centre: the public gets 401, a subject account 403', async () => {
    expect((await post('/checks', body({ uscc: uscc.clear }))).statusCode).toBe(401);
    const response = await post('/checks', body({ uscc: uscc.clear }), subjectToken);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('CHECK_NOT_ALLOWED');
    expect((await post('/checks', body({ uscc: uscc.clear }), adminToken)).json().verdict).toBe('clear');
  });
});

describe('POST /api/v1/checks/batch', () => {
  it('gives each subject the verdict a single check gives, and logs each with the batch id', async () => {
    const subjects = [
      { uscc: uscc.blocked },
      { residentId: repId },
      { uscc: uscc.watched },
      { code: uscc.red },
      { name: '福州清白科技有限公司' },
      { uscc: uscc.suspended },
      { uscc: uscc.expiring },
      { name: '福州同名贸易有限公司' },
      { uscc: buildUscc() },
    ];
    const many = Array.from({ length: 450 }, (_, i) => subjects[i % subjects.length]!);
    const response = await post('/checks/batch', { subjects: many, matter: 'tendering', purpose: '财政资金拨付前核查', operator: '李经办' }, tokenB);
    expect(response.statusCode).toBe(200);
    const batch = response.json() as { batchId: string; count: number; verdicts: Record<string, number>; items: CheckResult[] };
    expect(batch.count).toBe(450);
    expect(batch.verdicts).toEqual({ block: 100, restrict: 100, incentive: 50, clear: 100, ambiguous: 50, not_found: 50 });
    const singles = await Promise.all(subjects.map((subject) => check(subject)));
    batch.items.forEach((item, i) => {
      const single = singles[i % subjects.length]!;
      expect(codes(item)).toEqual(codes(single));
      expect(item.blocking).toEqual(single.blocking);
      expect(item.legalRepresentative).toEqual(single.legalRepresentative);
    });
    expect(new Set(batch.items.map((i) => i.checkId)).size).toBe(450);
    const logged = await ctx.db.selectFrom('checks').select(['id', 'department_id', 'operator', 'purpose']).where('batch_id', '=', batch.batchId).execute();
    expect(logged).toHaveLength(450);
    expect(new Set(logged.map((r) => `${r.department_id}/${r.operator}/${r.purpose}`))).toEqual(new Set([`${deptB}/李经办/财政资金拨付前核查`]));
    expect(logged.map((r) => r.id).sort((a, b) => a - b)).toEqual(batch.items.map((i) => i.checkId).sort((a, b) => a - b));
  });

  it('refuses more than 10,000 subjects, an empty batch and a malformed item', async () => {
    const tooMany = await post('/checks/batch', { subjects: Array.from({ length: 10_001 }, () => ({ name: '福州清白科技有限公司' })), matter: 'tendering', purpose: 'x', operator: 'y' }, tokenA);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ code: 'CHECK_BATCH_TOO_LARGE' });
    expect(tooMany.json().message).toContain('10001');
    const empty = await post('/checks/batch', { subjects: [], matter: 'tendering', purpose: 'x', operator: 'y' }, tokenA);
    expect(empty.json().code).toBe('CHECK_BATCH_EMPTY');
    const bad = await post('/checks/batch', { subjects: [{ uscc: uscc.clear }, {}], matter: 'tendering', purpose: 'x', operator: 'y' }, tokenA);
    expect(bad.json()).toMatchObject({ code: 'CHECK_SUBJECT_KEYS' });
    expect(bad.json().message).toContain('第 2 个主体');
  });

  it('matches the domain function for a direct call too', async () => {
    const result = await runBatchCheck(ctx, actorA, { subjects: [{ uscc: uscc.red }], matter: 'tendering', purpose: 'p', operator: 'o' });
    expect(result.items[0]!.verdict).toBe('incentive');
  });

  it('answers a single check (its prepared statement per kind of key) exactly as the batch statement does', async () => {
    const subjects: CheckSubjectQuery[] = [
      { uscc: uscc.blocked },
      { code: uscc.blocked.slice(8, 17) },
      { residentId: repId },
      { code: repId },
      { uscc: uscc.watched },
      { code: uscc.red },
      { name: '福州清白科技有限公司' },
      { name: '福州同名贸易有限公司' },
      { name: '张同名' },
      { residentId: twinIds[0]! },
      { uscc: uscc.suspended },
      { uscc: uscc.expiring },
      { uscc: buildUscc() },
    ];
    const strip = ({ checkId: _id, at: _at, ...rest }: CheckResult) => rest;
    for (const matter of ['tendering', 'high_consumption']) {
      const batch = await runBatchCheck(ctx, actorA, { subjects, matter, purpose: 'p', operator: 'o' });
      const singles: CheckResult[] = [];
      for (const subject of subjects) singles.push(await runCheck(ctx, actorA, { subject, matter, purpose: 'p', operator: 'o' }));
      expect(singles.map(strip)).toEqual(batch.items.map(strip));
    }
    // Every kind of key is covered, and the legal representative carries the company's measures.
    const rep = await check({ residentId: repId }, 'high_consumption');
    expect(rep.restrictions.map((m) => m.legalRepresentativeOf?.id)).toEqual([s.blocked]);
  });
});

describe('the check log', () => {
  it('never holds a plain resident ID', async () => {
    await check({ residentId: repId });
    await check({ name: '张同名' });
    await post('/checks/batch', { subjects: [{ residentId: twinIds[0]! }, { code: twinIds[1]! }], matter: 'tendering', purpose: 'p', operator: 'o' }, tokenA);
    const { rows } = await sql<{ t: string }>`select string_agg(c::text, E'\n') as t from checks c`.execute(ctx.db);
    for (const id of [repId, ...twinIds]) expect(rows[0]!.t).not.toContain(id);
    expect(rows[0]!.t).toContain(`${repId.slice(0, 10)}****`);
  });

  it('logs concurrent checks exactly once each', async () => {
    const before = Number((await ctx.db.selectFrom('checks').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => runCheck(ctx, actorA, body({ uscc: [uscc.blocked, uscc.clear, uscc.red][i % 3]! }, { operator: `并发${i}` }))),
    );
    const ids = results.map((r) => r.checkId);
    expect(new Set(ids).size).toBe(60);
    const rows = await ctx.db.selectFrom('checks').select(['id', 'operator', 'subject_id']).where('id', 'in', ids).execute();
    expect(rows).toHaveLength(60);
    // Each answer's id is its own row.
    for (const [i, r] of results.entries()) expect(rows.find((row) => row.id === r.checkId)).toMatchObject({ operator: `并发${i}`, subject_id: r.subject!.id });
    const after = Number((await ctx.db.selectFrom('checks').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    expect(after - before).toBe(60);
  });

  it('takes an outcome only from the asking department', async () => {
    const { checkId } = (await post('/checks', body({ uscc: uscc.blocked }), tokenA)).json() as CheckResult;
    const other = await post(`/checks/${checkId}/outcome`, { outcome: '准予报名' }, tokenB);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('CHECK_OUTCOME_NOT_YOURS');
    const own = await post(`/checks/${checkId}/outcome`, { outcome: '报名被拦截' }, tokenA);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: checkId, outcome: '报名被拦截' });
    expect(await ctx.db.selectFrom('checks').select('outcome').where('id', '=', checkId).executeTakeFirstOrThrow()).toEqual({ outcome: '报名被拦截' });
    expect((await post('/checks/99999999/outcome', { outcome: 'x' }, tokenA)).json().code).toBe('CHECK_NOT_FOUND');
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'department_id']).where('entity_type', '=', 'check').where('entity_id', '=', String(checkId)).execute();
    expect(audit).toEqual([{ action: 'check.outcome', department_id: deptA }]);
  });

  it('lists every check to the credit centre and its own to a department, at most 50 a page', async () => {
    const get = (query: string, token: string) => app.inject({ method: 'GET', url: `/api/v1/checks?${query}`, headers: { authorization: `Bearer ${token}` } });
    const all = (await get('pageSize=50', adminToken)).json();
    const own = (await get('pageSize=50', tokenB)).json();
    expect(all.total).toBeGreaterThan(own.total);
    expect(own.total).toBeGreaterThanOrEqual(450);
    expect(own.items.every((i: { department: { id: number } }) => i.department.id === deptB)).toBe(true);
    expect(all.items[0]).toMatchObject({ matter: { code: 'tendering', name: '招标投标' } });
    const blocked = (await get(`verdict=block&subjectId=${s.blocked}`, tokenA)).json();
    expect(blocked.items[0]).toMatchObject({ verdict: 'block', subject: { id: s.blocked }, department: { name: '福州市公共资源交易中心' } });
    expect((await get('pageSize=51', adminToken)).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/checks' })).statusCode).toBe(401);
  });

  it('shows the subject account which departments checked it, for what, without the operator', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/my/checks?pageSize=50', headers: { authorization: `Bearer ${subjectToken}` } });
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.total).toBeGreaterThan(5);
    expect(new Set(page.items.map((i: { department: string }) => i.department))).toEqual(new Set(['福州市公共资源交易中心', '福州市财政局']));
    expect(page.items[0]).toEqual({ at: expect.any(String), department: expect.any(String), matter: expect.any(String), purpose: expect.any(String) });
    expect(page.items.map((i: { matter: string }) => i.matter)).toContain('招标投标');
    expect(response.body).not.toContain('王经办');
    const staff = await app.inject({ method: 'GET', url: '/api/v1/my/checks', headers: { authorization: `Bearer ${tokenA}` } });
    expect(staff.json().code).toBe('CHECK_NOT_SUBJECT_ACCOUNT');
  });
});
