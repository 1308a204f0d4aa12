import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { AGENCY_USCC, buildPenaltyRow, buildResidentId, buildUscc, insertDepartment, streamOf, submitterOf, toCsv } from '../../test/factories.js';
import { buildUser, signIn } from '../access/test-factories.js';
import { createTopic, LICENCE_TOPIC, PENALTY_TOPIC, type TopicDefinition } from '../catalog/index.js';
import { buildServer } from '../http/build-server.js';
import type { HttpApp } from '../http/types.js';
import { submitBatch } from '../ingest/index.js';
import { systemActor } from '../kernel/actor.js';
import { browseRecords, getPublicStats, getRecord, getSubjectRecord, listBadges, listPublications } from './index.js';

let ctx: TestContext;
let app: HttpApp;
let scjg: number;
let jtys: number;

async function submit(departmentId: number, departmentCode: string, rows: Record<string, string>[], topicCode = 'XZCF', columns?: readonly string[]) {
  return submitBatch(ctx, submitterOf(departmentId), {
    departmentCode,
    topicCode,
    channel: 'api',
    fileName: 'rows.csv',
    input: streamOf(toCsv(rows, columns ?? Object.keys(rows[0] ?? {}))),
  });
}

async function subjectIdOf(name: string): Promise<number> {
  const row = await ctx.db.selectFrom('subjects').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return Number(row.id);
}

beforeAll(async () => {
  ctx = await createTestContext({ now: '2025-06-16T02:00:00Z' });
  scjg = await insertDepartment(ctx.db, 'SCJG', '福州市市场监督管理局');
  jtys = await insertDepartment(ctx.db, 'JTYS', '福州市交通运输局');
  app = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('a subject’s public record and its publication window', () => {
  it('shows current penalties inside their window with public items only, and drops them when the window ends', async () => {
    const name = '福州窗口期测试科技有限公司';
    const recent = buildPenaltyRow({ CF_XDR_MC: name, CF_WSH: '榕市监罚〔2025〕101号', CF_JDRQ: '2025-06-10', CF_FR_ZJLX: '身份证', CF_FR_ZJHM: buildResidentId() });
    const uscc = recent.CF_XDR_SHXYM as string;
    const old = buildPenaltyRow({ CF_XDR_MC: name, CF_XDR_SHXYM: uscc, CF_WSH: '榕市监罚〔2024〕7号', CF_JDRQ: '2024-05-01' });
    const shortWindow = buildPenaltyRow({ CF_XDR_MC: name, CF_XDR_SHXYM: uscc, CF_WSH: '榕市监罚〔2025〕9号', CF_JDRQ: '2025-03-01', CF_GSJZQ: '2025-06-01' });
    const report = await submit(scjg, 'SCJG', [recent, old, shortWindow], 'XZCF', [...new Set([...Object.keys(recent), 'CF_GSJZQ'])]);
    expect(report.rejected).toBe(0);
    const id = await subjectIdOf(name);

    const view = await getSubjectRecord(ctx, id, 'public');
    expect(view?.subject).toMatchObject({ id, name, uscc, kind: 'enterprise', legalRepName: '陈明', badges: [] });
    expect(view?.sections.map((s) => s.category)).toEqual(['basic', 'licence', 'penalty', 'red_list', 'black_list', 'watch_list', 'judicial', 'honour', 'commitment', 'other']);
    const penalties = view?.sections.find((s) => s.category === 'penalty')?.records ?? [];
    // The 2024 penalty's year (general tier, 12 months) ended on 2025-04-30; the other one's 公示截止期 has passed.
    expect(penalties.map((r) => r.documentNo)).toEqual(['榕市监罚〔2025〕101号']);
    expect(penalties[0]).toMatchObject({ departmentName: '福州市市场监督管理局', decisionDate: '2025-06-10', publishUntil: '2026-06-09', title: '警告;罚款：警告，并处罚款人民币伍仟元整' });
    const codes = penalties[0]?.fields.map((f) => f.code) ?? [];
    expect(codes).toContain('CF_WSH');
    // 政务共享 and 授权查询 items never reach the public.
    expect(codes).not.toContain('CF_FR_ZJLX');
    expect(codes).not.toContain('CF_FR_ZJHM');
    const shared = await getSubjectRecord(ctx, id, 'shared');
    expect(shared?.sections.find((s) => s.category === 'penalty')?.records[0]?.fields.map((f) => f.code)).toContain('CF_FR_ZJLX');
    expect(JSON.stringify(shared)).not.toMatch(/CF_FR_ZJHM/);

    ctx.clock.set('2026-06-09T15:00:00Z'); // 23:00 on 2026-06-09 in China: the last day
    expect((await getSubjectRecord(ctx, id, 'public'))?.sections.find((s) => s.category === 'penalty')?.records).toHaveLength(1);
    ctx.clock.set('2026-06-09T16:00:00Z'); // midnight in China: the window has ended on its own
    expect((await getSubjectRecord(ctx, id, 'public'))?.sections.find((s) => s.category === 'penalty')?.records).toEqual([]);
    ctx.clock.set('2025-06-16T02:00:00Z');
  });

  it('publishes a licence while it is in force', async () => {
    const licenceUscc = buildUscc();
    const licence = (overrides: Record<string, string>) => ({
      XK_XDR_MC: '福州许可测试餐饮有限公司',
      XK_XDR_LB: '法人及非法人组织',
      XK_XDR_SHXYM: licenceUscc,
      XK_FRDB: '林芳',
      XK_XKWS: '食品经营许可决定书',
      XK_XKLB: '普通',
      XK_JDRQ: '2025-05-20',
      XK_YXQZ: '2025-05-20',
      XK_XKJG: '福州市市场监督管理局',
      XK_XKJGDM: AGENCY_USCC,
      XK_LYDW: '福州市市场监督管理局',
      XK_LYDWDM: AGENCY_USCC,
      ...overrides,
    });
    const rows = [licence({ XK_WSH: 'JY13501020001', XK_YXQZI: '2030-05-19', XK_ZT: '有效' }), licence({ XK_WSH: 'JY13501020002', XK_JDRQ: '2020-01-02', XK_YXQZ: '2020-01-02', XK_YXQZI: '2025-01-01', XK_ZT: '2' })];
    const probe = await submit(scjg, 'SCJG', rows, 'XZXK', LICENCE_TOPIC.items.map((i) => i.code).filter((c) => c in (rows[0] as object)));
    if (probe.rejected > 0) {
      // The fixture codes must be valid: fail loudly with the reasons rather than test nothing.
      const errors = await ctx.db.selectFrom('batch_errors').select(['column_code', 'message']).where('batch_id', '=', probe.id).execute();
      throw new Error(JSON.stringify(errors));
    }
    const view = await getSubjectRecord(ctx, await subjectIdOf('福州许可测试餐饮有限公司'), 'public');
    const licences = view?.sections.find((s) => s.category === 'licence')?.records ?? [];
    expect(licences.map((r) => r.documentNo)).toEqual(['JY13501020001']);
    expect(licences[0]).toMatchObject({ title: '食品经营许可决定书', publishUntil: '2030-05-19' });
    // Stored as the code 1, shown as the word; the legal representative comes from the record (no ID submitted).
    expect(licences[0]?.fields.find((f) => f.code === 'XK_ZT')?.value).toBe('有效');
    expect(view?.subject.legalRepName).toBe('林芳');
  });
});

describe('the 双公示 column, badges and headline figures', () => {
  it('lists organisations’ public penalties newest first, filtered, without natural persons', async () => {
    const rows = [
      buildPenaltyRow({ CF_XDR_MC: '福州双公示甲有限公司', CF_JDRQ: '2025-06-02' }),
      buildPenaltyRow({ CF_XDR_MC: '福州双公示乙有限公司', CF_JDRQ: '2025-06-05' }),
    ];
    await submit(jtys, 'JTYS', rows);
    const person = buildPenaltyRow({ CF_XDR_MC: '王小二', CF_XDR_LB: '自然人', CF_XDR_SHXYM: '', CF_FRDB: '', CF_XDR_ZJLX: '身份证', CF_XDR_ZJHM: buildResidentId(), CF_JDRQ: '2025-06-06' });
    const personReport = await submit(jtys, 'JTYS', [person]);
    expect(personReport.rejected).toBe(0);

    const page = await listPublications(ctx, { kind: 'penalty', department: 'JTYS', page: 1, pageSize: 20 });
    expect(page.items.map((i) => i.subjectName)).toEqual(['福州双公示乙有限公司', '福州双公示甲有限公司']);
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({ kind: 'penalty', departmentCode: 'JTYS', departmentName: '福州市交通运输局', decisionDate: '2025-06-05' });
    const ranged = await listPublications(ctx, { kind: 'penalty', department: 'JTYS', from: '2025-06-01', to: '2025-06-03', page: 1, pageSize: 20 });
    expect(ranged.items.map((i) => i.subjectName)).toEqual(['福州双公示甲有限公司']);
    const licences = await listPublications(ctx, { kind: 'licence', department: 'JTYS', page: 1, pageSize: 20 });
    expect(licences.items).toEqual([]);
    const second = await listPublications(ctx, { kind: 'penalty', department: 'JTYS', page: 2, pageSize: 1 });
    expect(second.items.map((i) => i.subjectName)).toEqual(['福州双公示甲有限公司']);
  });

  it('gives a black-list badge for a public record of a black-list topic, and counts headline figures', async () => {
    const def: TopicDefinition = { ...PENALTY_TOPIC, code: 'HMD_TEST', name: '测试严重失信主体名单', category: 'black_list', timelinessWorkdays: undefined, sourceDepartments: [] };
    await createTopic(ctx, systemActor, def);
    const row = buildPenaltyRow({ CF_XDR_MC: '福州黑名单测试有限公司' });
    const report = await submit(scjg, 'SCJG', [row], 'HMD_TEST');
    expect(report.rejected).toBe(0);
    const id = await subjectIdOf('福州黑名单测试有限公司');
    const other = await subjectIdOf('福州双公示甲有限公司');
    const badges = await listBadges(ctx, [id, other]);
    expect(badges.get(id)).toEqual(['black']);
    expect(badges.has(other)).toBe(false);
    expect((await getSubjectRecord(ctx, id, 'public'))?.subject.badges).toEqual(['black']);
    // Search results carry the badge too.
    const search = await app.inject({ method: 'GET', url: `/api/v1/public/search?q=${encodeURIComponent('黑名单测试')}` });
    expect(search.json().items.map((i: { name: string; badges: string[] }) => [i.name, i.badges])).toEqual([['福州黑名单测试有限公司', ['black']]]);

    const stats = await getPublicStats(ctx);
    const persons = await ctx.db.selectFrom('subjects').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'natural_person').executeTakeFirstOrThrow();
    const all = await ctx.db.selectFrom('subjects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(stats.subjects).toBe(Number(all.n) - Number(persons.n));
    // This month (June 2025): the 101号 penalty, the two 双公示 penalties and the person's (counted, not listed).
    expect(stats.publicationsThisMonth).toBeGreaterThanOrEqual(4);
    expect(stats.departments).toBe(2);
  });
});

describe('public HTTP routes', () => {
  it('serves the figures, the column and a subject, and hides natural persons', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/public/stats' })).statusCode).toBe(200);
    const column = await app.inject({ method: 'GET', url: '/api/v1/public/publications?kind=penalty&pageSize=5' });
    expect(column.statusCode).toBe(200);
    expect(column.json().items.length).toBeGreaterThan(0);
    const departments = await app.inject({ method: 'GET', url: '/api/v1/public/departments' });
    expect(departments.json().items).toEqual([{ code: 'JTYS', name: '福州市交通运输局' }, { code: 'SCJG', name: '福州市市场监督管理局' }]);

    const id = await subjectIdOf('福州双公示乙有限公司');
    const subject = await app.inject({ method: 'GET', url: `/api/v1/public/subjects/${id}` });
    expect(subject.statusCode).toBe(200);
    expect(subject.json().subject.name).toBe('福州双公示乙有限公司');
    const person = await app.inject({ method: 'GET', url: `/api/v1/public/subjects/${await subjectIdOf('王小二')}` });
    expect(person.statusCode).toBe(404);
    expect(person.json().code).toBe('SUBJECT_NOT_FOUND');
  });

  it('answers hostile or oversized queries with 400 and a message naming the problem', async () => {
    for (const url of [
      '/api/v1/public/publications?pageSize=51',
      '/api/v1/public/publications?page=0',
      '/api/v1/public/publications?kind=drop%20table',
      '/api/v1/public/publications?from=2025-02-30',
      '/api/v1/public/publications?from=2025-06-10&to=2025-06-01',
      '/api/v1/public/publications?department=%27%20or%201%3D1',
      '/api/v1/public/publications?unknown=1',
      '/api/v1/public/subjects/abc',
      '/api/v1/public/subjects/99999999999999999999',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().message, url).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('the console’s record browser', () => {
  it('shows a department only its own records, keeps every version, and audits each read', async () => {
    const row = buildPenaltyRow({ CF_XDR_MC: '福州版本测试有限公司', CF_WSH: '榕交罚〔2025〕55号' });
    await submit(jtys, 'JTYS', [row]);
    await submit(jtys, 'JTYS', [{ ...row, CF_NR: '警告，并处罚款人民币壹万元整', CF_NR_FK: '1' }]);
    const jtysUser = await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: jtys }));
    const scjgUser = await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: scjg }));

    const page = await browseRecords(ctx, jtysUser.actor, { q: '榕交罚〔2025〕55号', page: 1, pageSize: 20 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ version: 2, isCurrent: true, departmentCode: 'JTYS', documentNo: '榕交罚〔2025〕55号' });
    const withHistory = await browseRecords(ctx, jtysUser.actor, { q: '榕交罚〔2025〕55号', history: true, page: 1, pageSize: 20 });
    expect(withHistory.items.map((i) => i.version)).toEqual([2, 1]);
    expect((await browseRecords(ctx, scjgUser.actor, { q: '榕交罚〔2025〕55号', page: 1, pageSize: 20 })).items).toEqual([]);

    const recordId = page.items[0]?.id as number;
    const detail = await getRecord(ctx, jtysUser.actor, recordId);
    expect(detail.versions.map((v) => [v.version, v.isCurrent])).toEqual([[1, false], [2, true]]);
    expect(detail.record.fields.find((f) => f.code === 'CF_NR')?.value).toBe('警告，并处罚款人民币壹万元整');

    const other = await app.inject({ method: 'GET', url: `/api/v1/records/${recordId}`, headers: { authorization: `Bearer ${scjgUser.token}` } });
    expect(other.statusCode).toBe(404);
    const anonymous = await app.inject({ method: 'GET', url: `/api/v1/records/${recordId}` });
    expect(anonymous.statusCode).toBe(401);

    const audits = await ctx.db.selectFrom('audit_log').select(['action', 'actor_name']).where('entity_type', '=', 'record').execute();
    expect(audits.some((a) => a.action === 'record.viewed' && a.actor_name === jtysUser.actor.name)).toBe(true);
    expect(audits.some((a) => a.action === 'records.browsed')).toBe(true);
  });
});
