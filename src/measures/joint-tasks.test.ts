import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { buildResidentId, insertDepartment, insertSubject } from '../../test/factories.js';
import { buildUser, signIn, type BuiltUser } from '../access/test-factories.js';
import { buildServer } from '../http/build-server.js';
import type { HttpApp } from '../http/types.js';
import { LIST_CODES } from '../lists/index.js';
import { ensureBuiltinMeasures } from './builtin-measures.js';
import { endJointTasks, openJointTasks } from './joint-tasks.js';
import type { JointTask, JointTaskPage, JointTaskStats } from './schemas.js';

let ctx: TestContext;
let app: HttpApp;
const users: Record<'admin' | 'auditor' | 'cz' | 'cz2' | 'scjg' | 'scjgSubmitter', BuiltUser> = {} as never;
const tokens: Record<keyof typeof users, string> = {} as never;
const departments: Record<string, number> = {};

async function signInAll() {
  for (const key of Object.keys(users) as (keyof typeof users)[]) tokens[key] = (await signIn(ctx, users[key])).token;
}

const auth = (who: keyof typeof users) => ({ authorization: `Bearer ${tokens[who]}` });

async function listEntry(listCode: string, subjectId: number, extra: { reasons?: string; decisionNo?: string } = {}): Promise<number> {
  const listType = await ctx.db.selectFrom('list_types').select('id').where('code', '=', listCode).executeTakeFirstOrThrow();
  const at = ctx.clock.now();
  const row = await ctx.db
    .insertInto('list_entries')
    .values({
      list_type_id: listType.id,
      subject_id: subjectId,
      status: 'active',
      source: 'court_sync',
      source_key: `(2025)闽0102执${subjectId}号`,
      reasons: extra.reasons ?? '有履行能力而拒不履行生效法律文书确定义务',
      decision_no: extra.decisionNo ?? `(2025)闽0102执${subjectId}号`,
      decision_date: '2025-06-10',
      effective_from: '2025-06-16',
      expires_on: '2027-06-15',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function inbox(who: keyof typeof users, query = ''): Promise<JointTaskPage> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/joint-tasks${query}`, headers: auth(who) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<JointTaskPage>();
}

let company: number;
let entry: number;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
  for (const [code, name] of [['CZ', '福州市财政局'], ['GGZY', '福州市公共资源交易中心'], ['SCJG', '福州市市场监督管理局'], ['RS', '福州市人力资源和社会保障局']] as const)
    departments[code] = await insertDepartment(ctx.db, code, name);
  await ensureBuiltinMeasures(ctx.db, ctx.clock.now());
  users.admin = await buildUser(ctx, { roles: ['admin'] });
  users.auditor = await buildUser(ctx, { roles: ['auditor'] });
  users.cz = await buildUser(ctx, { roles: ['reviewer'], departmentId: departments.CZ });
  users.cz2 = await buildUser(ctx, { roles: ['submitter'], departmentId: departments.CZ });
  users.scjg = await buildUser(ctx, { roles: ['reviewer'], departmentId: departments.SCJG });
  users.scjgSubmitter = await buildUser(ctx, { roles: ['submitter'], departmentId: departments.SCJG });
  await signInAll();
  company = await insertSubject(ctx, { name: '福州失信测试建材有限公司', legalRep: { name: '林某某', residentId: buildResidentId() } });
  entry = await listEntry(LIST_CODES.courtDishonest, company, { reasons: '违反财产报告制度', decisionNo: '(2025)闽0102执恢88号' });
  await ctx.db.transaction().execute((trx) => openJointTasks(trx, ctx.calendar, ctx.clock.now(), [entry]));
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('发起: tasks for the implementing departments', () => {
  it('opens one task per measure × department, each an outbox event naming the subject and the measure', async () => {
    const tasks = await ctx.db.selectFrom('joint_tasks').innerJoin('measures', 'measures.id', 'joint_tasks.measure_id').innerJoin('departments', 'departments.id', 'joint_tasks.department_id').select(['measures.code as measure', 'departments.code as department']).where('entry_id', '=', entry).orderBy('measures.code').orderBy('departments.code').execute();
    expect(tasks.map((t) => `${t.measure}@${t.department}`)).toEqual([
      'SXBZXR_CIVIL_SERVICE@RS',
      'SXBZXR_COMMITMENT@SCJG',
      'SXBZXR_FISCAL_FUNDS@CZ',
      'SXBZXR_HONOURS@RS',
      'SXBZXR_PROCUREMENT@CZ',
      'SXBZXR_PROCUREMENT@GGZY',
      'SXBZXR_PUBLIC_OFFICE@RS',
      'SXBZXR_PUBLIC_OFFICE@SCJG',
      'SXBZXR_TENDERING@GGZY',
    ]);
    const events = await ctx.db.selectFrom('outbox').select(['topic', 'payload']).where('topic', '=', 'joint.task.created').execute();
    expect(events).toHaveLength(9);
    expect(events.find((e) => e.payload.measureCode === 'SXBZXR_PROCUREMENT' && e.payload.departmentId === departments.CZ)?.payload).toMatchObject({
      subjectName: '福州失信测试建材有限公司',
      listType: 'SXBZXR',
      decisionNo: '(2025)闽0102执恢88号',
      matters: ['procurement'],
      dueOn: '2025-06-30',
    });
    // Opening again for the same entry adds nothing.
    expect(await ctx.db.transaction().execute((trx) => openJointTasks(trx, ctx.calendar, ctx.clock.now(), [entry]))).toEqual([]);
  });
});

describe('the department inbox', () => {
  it('shows a department only its own tasks, with the subject, the entry, the measure and its basis', async () => {
    const page = await inbox('cz');
    expect(page.total).toBe(2);
    expect(page.items.every((t) => t.department.code === 'CZ')).toBe(true);
    const procurement = page.items.find((t) => t.measure.code === 'SXBZXR_PROCUREMENT')!;
    expect(procurement).toMatchObject({
      status: 'pending',
      dueOn: '2025-06-30',
      overdue: false,
      subject: { name: '福州失信测试建材有限公司', legalRepName: '林某某' },
      entry: { reasons: '违反财产报告制度', decisionNo: '(2025)闽0102执恢88号' },
      listType: { code: 'SXBZXR', name: '失信被执行人名单', kind: 'black' },
      measure: { name: '禁止参加政府采购活动', strength: 'prohibit', matters: ['procurement'] },
    });
    expect(procurement.measure.legalBasis[0]).toEqual({ title: '中华人民共和国政府采购法', article: '第二十二条' });
    const fiscal = page.items.find((t) => t.measure.code === 'SXBZXR_FISCAL_FUNDS')!;
    expect(fiscal.subject.legalRepName).toBeNull(); // binds only the subject

    expect((await inbox('admin')).total).toBe(9);
    expect((await inbox('auditor', `?departmentId=${departments.SCJG}`)).total).toBe(2);
    // A department user cannot widen the scope to another department.
    expect((await inbox('cz', `?departmentId=${departments.SCJG}`)).items.every((t) => t.department.code === 'CZ')).toBe(true);
    expect((await inbox('cz', '?listType=ZFCGSX')).total).toBe(0);
    const capped = await app.inject({ method: 'GET', url: '/api/v1/joint-tasks?pageSize=51', headers: auth('admin') });
    expect(capped.statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/joint-tasks' })).statusCode).toBe(401);
  });

  it('answers 已落实 / 不适用 with a note, once, only by the own department, with audit and outbox rows', async () => {
    const page = await inbox('cz');
    const task = page.items.find((t) => t.measure.code === 'SXBZXR_PROCUREMENT')!;
    const other = page.items.find((t) => t.measure.code === 'SXBZXR_FISCAL_FUNDS')!;
    const answer = (who: keyof typeof users, id: number, payload: object) =>
      app.inject({ method: 'POST', url: `/api/v1/joint-tasks/${id}/response`, headers: auth(who), payload });

    const noNote = await answer('cz', task.id, { outcome: 'implemented', note: '  ' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json()).toMatchObject({ code: 'JOINT_TASK_IMPLEMENTATION_REQUIRED', message: '反馈「已落实」时须说明采取了哪些措施' });
    expect((await answer('cz', task.id, { outcome: 'not_applicable' })).json().code).toBe('JOINT_TASK_REASON_REQUIRED');
    expect((await answer('scjg', task.id, { outcome: 'implemented', note: 'x' })).json().code).toBe('JOINT_TASK_NOT_FOUND');
    const admin = await answer('admin', task.id, { outcome: 'implemented', note: 'x' });
    expect(admin.statusCode).toBe(403);
    expect(admin.json().code).toBe('JOINT_TASK_NOT_OWN_DEPARTMENT');
    expect((await answer('cz', 987654, { outcome: 'implemented', note: 'x' })).statusCode).toBe(404);

    const done = await answer('cz', task.id, { outcome: 'implemented', note: '已在政府采购供应商库中标注，资格审查时拒绝其参与' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ id: task.id, status: 'implemented', respondedAt: '2025-06-16T02:00:00.000Z' });
    const again = await answer('cz2', task.id, { outcome: 'not_applicable', note: '重复' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'JOINT_TASK_NOT_PENDING', message: `联合奖惩任务 ${task.id} 已反馈为已落实，不能再次反馈` });

    expect((await answer('cz2', other.id, { outcome: 'not_applicable', note: '该主体未申请本局财政资金' })).statusCode).toBe(200);
    const audit = await ctx.db.selectFrom('audit_log').select(['entity_id', 'detail']).where('action', '=', 'joint_task.answer').orderBy('id').execute();
    expect(audit.map((a) => a.entity_id)).toEqual([String(task.id), String(other.id)]);
    const events = await ctx.db.selectFrom('outbox').select('payload').where('topic', '=', 'joint.task.answered').orderBy('id').execute();
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ taskId: task.id, departmentId: departments.CZ, outcome: 'implemented' }),
      expect.objectContaining({ taskId: other.id, departmentId: departments.CZ, outcome: 'not_applicable', note: '该主体未申请本局财政资金' }),
    ]);
    const answered = (await inbox('cz', '?status=implemented')).items;
    expect(answered.map((t: JointTask) => [t.id, t.response, t.respondedBy])).toEqual([[task.id, '已在政府采购供应商库中标注，资格审查时拒绝其参与', users.cz.user.username]]);
  });

  it('lets exactly one of two simultaneous answers win', async () => {
    const task = (await inbox('scjg', '?status=pending')).items[0]!;
    const results = await Promise.all(
      (['scjg', 'scjgSubmitter'] as const).map((who, i) =>
        app.inject({ method: 'POST', url: `/api/v1/joint-tasks/${task.id}/response`, headers: auth(who), payload: { outcome: i === 0 ? 'implemented' : 'not_applicable', note: `答复 ${i}` } }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('JOINT_TASK_NOT_PENDING');
    const events = await ctx.db.selectFrom('outbox').select('payload').where('topic', '=', 'joint.task.answered').execute();
    expect(events.filter((e) => e.payload.taskId === task.id)).toHaveLength(1);
  });
});

describe('deadlines and 跟踪问效', () => {
  it('flags pending tasks overdue once their due day has passed, and counts feedback per department and per list', async () => {
    ctx.clock.set('2025-06-30T15:00:00Z'); // 23:00 in China on the due day: not yet overdue
    await signInAll();
    expect((await inbox('admin', '?overdue=true')).total).toBe(0);
    ctx.clock.set('2025-06-30T16:30:00Z'); // 00:30 on 1 July in China
    await signInAll();
    const overdue = await inbox('admin', '?overdue=true');
    expect(overdue.total).toBe(6); // 9 tasks, 3 answered
    expect(overdue.items.every((t) => t.overdue && t.status === 'pending')).toBe(true);
    expect((await inbox('cz', '?overdue=true')).total).toBe(0);

    // An entry that ends cancels its pending tasks; cancelled tasks leave the figures.
    const second = await listEntry(LIST_CODES.courtDishonest, await insertSubject(ctx));
    await ctx.db.transaction().execute((trx) => openJointTasks(trx, ctx.calendar, ctx.clock.now(), [second]));
    await ctx.db.transaction().execute((trx) => endJointTasks(trx, ctx.clock.now(), [second], '已履行完毕'));

    const forbidden = await app.inject({ method: 'GET', url: '/api/v1/joint-tasks/stats', headers: auth('cz') });
    expect(forbidden.statusCode).toBe(403);
    const res = await app.inject({ method: 'GET', url: '/api/v1/joint-tasks/stats', headers: auth('auditor') });
    expect(res.statusCode).toBe(200);
    const stats = res.json<JointTaskStats>();
    expect(stats.today).toBe('2025-07-01');
    expect(stats.total).toMatchObject({ tasks: 9, answered: 3, implemented: 2, notApplicable: 1, pending: 6, overdue: 6, cancelled: 9, feedbackRate: 0.3333 });
    const byCode = Object.fromEntries(stats.byDepartment.map((d) => [d.code, d]));
    expect(byCode.CZ).toMatchObject({ name: '福州市财政局', tasks: 2, answered: 2, implemented: 1, notApplicable: 1, pending: 0, overdue: 0, feedbackRate: 1 });
    expect(byCode.GGZY).toMatchObject({ tasks: 2, answered: 0, overdue: 2, feedbackRate: 0 });
    expect(byCode.SCJG).toMatchObject({ tasks: 2, answered: 1, overdue: 1, feedbackRate: 0.5 });
    expect(stats.byListType).toEqual([expect.objectContaining({ code: 'SXBZXR', tasks: 9, answered: 3, overdue: 6 })]);
    const later = (await app.inject({ method: 'GET', url: '/api/v1/joint-tasks/stats?from=2025-07-01', headers: auth('admin') })).json<JointTaskStats>();
    expect(later.total).toMatchObject({ tasks: 0, cancelled: 9, feedbackRate: null });
  });
});
