import { Readable } from 'node:stream';
import { createDepartment, createUser, ensureAdminUser } from '../access/index.js';
import { createArticle } from '../articles/index.js';
import {
  DEMO_ARTICLES,
  demoScan,
  generateCommitments,
  DEPARTMENTS,
  generateCity,
  generateListDecisions,
  GOVERNMENT_COLUMNS,
  LICENCE_COLUMNS,
  PENALTY_COLUMNS,
  REGISTRATION_COLUMNS,
  toCsv,
  type CityOptions,
  type DemoCity,
  type DemoFollowUp,
} from '../demo/index.js';
import { attachCommitmentFile, COMMITMENT_TEMPLATES, signCommitment, transitionCommitment } from '../commitments/index.js';
import { submitBatch } from '../ingest/index.js';
import { ensureBuiltinListTypes, proposeEntryIn, sweepLists, transitionEntry } from '../lists/index.js';
import { answerJointTask, ensureBuiltinMeasures, listPendingTaskDueDates } from '../measures/index.js';
import { systemActor, type Actor } from '../kernel/actor.js';
import { addCalendarDays, chinaDate } from '../kernel/calendar.js';
import { normalizeName, SubjectResolver } from '../subjects/index.js';
import type { AppContext } from './context.js';

/** Demo-only credentials, printed by `xinyong demo` and the README; never use them on real data. */
export const DEMO_ADMIN = { username: 'admin', password: 'xinyong-admin-demo' };
export const DEMO_PASSWORD = 'xinyong-demo-2025';
/** A subject account of the demo: the enterprise with the most records, to see its own fuller report. */
export const DEMO_SUBJECT_USERNAME = 'demo-company';
const DEMO_SEED = 2025;
const TOPIC_NAMES = { DJXX: '市场主体登记信息', XZXK: '行政许可', XZCF: '行政处罚', ZWSX: '政务失信记录' } as const;

/** Whether the database already holds departments (then the first-run demo is skipped). */
export async function isDemoLoaded(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('departments').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export interface LoadDemoOptions {
  log?: (line: string) => void;
  /** City sizes and the share of spoiled rows; the default is the full demo city with 1% spoiled. */
  city?: Omit<CityOptions, 'seed' | 'today'>;
}

export interface LoadedDemo {
  summary: string;
  /** Department code → id. */
  departmentIds: Map<string, number>;
  batches: { id: number; departmentCode: string; topicCode: string; accepted: number; rejected: number }[];
  /** The subject the demo subject account (DEMO_SUBJECT_USERNAME / DEMO_PASSWORD) acts for. */
  accountSubject: { id: number; name: string } | null;
}

/**
 * Loads the demo city through the real paths: departments and their users through the access
 * operations, the market regulation department's registrations (市场主体登记信息, which give subjects
 * their status) and every department's licences and penalties as batches through the ingest pipeline
 * (about 1% of rows deliberately wrong, so the error reports have something to show); then the
 * website's articles and a subject account. Browser tests load a smaller city the same way.
 */
export async function loadDemo(ctx: AppContext, options: LoadDemoOptions = {}): Promise<LoadedDemo> {
  const log = options.log ?? (() => {});
  await ensureAdminUser(ctx, { ...DEMO_ADMIN, displayName: '平台管理员' });
  log(`平台管理员：${DEMO_ADMIN.username} / ${DEMO_ADMIN.password}`);

  const existing = new Set((await ctx.db.selectFrom('departments').select('code').execute()).map((d) => d.code));
  const departmentIds = new Map<string, number>();
  for (const dept of DEPARTMENTS) {
    if (!existing.has(dept.code)) {
      const created = await createDepartment(ctx, systemActor, { code: dept.code, name: dept.name, uscc: dept.uscc, kind: dept.kind });
      const username = dept.code.toLowerCase();
      const roles: Actor['roles'] = dept.kind === 'credit_centre' ? ['reviewer', 'auditor'] : ['submitter', 'reviewer'];
      await createUser(ctx, systemActor, { username, displayName: `${dept.name}信用专员`, password: DEMO_PASSWORD, departmentId: created.id, roles: [...roles] });
      log(`${dept.name}：${username} / ${DEMO_PASSWORD}`);
    }
    const row = await ctx.db.selectFrom('departments').select('id').where('code', '=', dept.code).executeTakeFirstOrThrow();
    departmentIds.set(dept.code, row.id);
  }

  const city = generateCity({ invalidRate: 0.01, ...options.city, seed: DEMO_SEED, today: chinaDate(ctx.clock.now()) });
  const batches: LoadedDemo['batches'] = [];
  const byAgency = new Map(DEPARTMENTS.map((d) => [d.uscc, d.code]));
  let stored = 0;
  let refused = 0;
  // Registrations first: subjects take their registered names, and their status, from them.
  for (const [topicCode, rows, columns, agencyColumn] of [
    ['DJXX', city.registrationRows, REGISTRATION_COLUMNS, null],
    ['XZXK', city.licenceRows, LICENCE_COLUMNS, 'XK_XKJGDM'],
    ['XZCF', city.penaltyRows, PENALTY_COLUMNS, 'CF_CFJGDM'],
    ['ZWSX', city.governmentRows, GOVERNMENT_COLUMNS, 'ZW_RDDWDM'],
  ] as const) {
    const groups = new Map<string, Record<string, string>[]>();
    for (const row of rows) {
      // 市场主体登记信息 comes from the market regulation department (SCJG).
      const code = (agencyColumn && byAgency.get(row[agencyColumn] ?? '')) || 'SCJG';
      groups.set(code, [...(groups.get(code) ?? []), row]);
    }
    for (const [code, group] of groups) {
      const actor: Actor = { type: 'system', id: null, name: `demo:${code.toLowerCase()}`, departmentId: departmentIds.get(code) ?? null, roles: ['submitter'] };
      const report = await submitBatch(ctx, actor, {
        departmentCode: code,
        topicCode,
        channel: 'api',
        fileName: `${code}-${topicCode}.csv`,
        format: 'csv',
        input: Readable.from([Buffer.from(toCsv(group, columns), 'utf8')]),
      });
      batches.push({ id: report.id, departmentCode: code, topicCode, accepted: report.accepted, rejected: report.rejected });
      stored += report.accepted;
      refused += report.rejected;
      log(`${code} ${TOPIC_NAMES[topicCode]}：批次 ${report.id}，接收 ${report.accepted}，拒收 ${report.rejected}`);
    }
  }
  const listed = await loadDemoLists(ctx, city, departmentIds, log);
  await loadDemoCommitments(ctx, city, departmentIds, log);
  const accountSubject = await loadDemoWebsite(ctx, log);
  const subjects = await ctx.db.selectFrom('subjects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const summary = `${DEPARTMENTS.length} 个部门，${Number(subjects.n)} 个信用主体，${stored} 条记录入库，${refused} 行因数据错误被拒收（见各批次错误报告），${listed} 个名单条目`;
  return { summary, departmentIds, batches, accountSubject };
}

/**
 * The demo city's listing history, replayed through the real operations: each decision proposed and
 * notified on its decision date (the clock is set back for it), then one sweep today brings into force
 * what passed its objection period and runs the list rules; a few entries are then exited or put under
 * objection. Returns the number of entries.
 */
async function loadDemoLists(ctx: AppContext, city: DemoCity, departmentIds: Map<string, number>, log: (line: string) => void): Promise<number> {
  const already = await ctx.db.selectFrom('list_entries').select('id').limit(1).executeTakeFirst();
  if (already) return 0;
  // Links the list types and the measures to the departments just created.
  await ensureBuiltinListTypes(ctx.db, ctx.clock.now());
  await ensureBuiltinMeasures(ctx.db, ctx.clock.now());
  const decisions = generateListDecisions(city);
  const followUps: { entryId: number; departmentId: number | null; followUp: DemoFollowUp }[] = [];
  for (const decision of decisions) {
    const departmentId = departmentIds.get(decision.departmentCode) ?? null;
    const actor: Actor = { type: 'system', id: null, name: `demo:${decision.departmentCode.toLowerCase()}`, departmentId, roles: ['reviewer'] };
    const then: AppContext = { ...ctx, clock: { now: () => new Date(`${decision.decisionDate}T02:00:00Z`) } };
    const { departmentCode: _code, followUp, ...input } = decision;
    const entryId = await ctx.db.transaction().execute((trx) => proposeEntryIn(then, trx, actor, { ...input, notify: true }, 'console'));
    if (followUp) followUps.push({ entryId, departmentId, followUp });
  }
  const swept = await sweepLists(ctx);
  for (const { entryId, departmentId, followUp } of followUps) {
    // Objections are the credit centre's to suspend; exits the deciding department's.
    const actor: Actor = followUp.action === 'suspend' ? { ...systemActor, name: 'demo:xyzx' } : { type: 'system', id: null, name: 'demo', departmentId, roles: ['reviewer'] };
    await transitionEntry(ctx, actor, entryId, { action: followUp.action, reason: followUp.reason });
  }
  const answered = await answerDemoTasks(ctx, departmentIds);
  log(`信用名单：${decisions.length} 项列入决定，告知期满列入 ${swept.activated}，到期移出 ${swept.expired}，规则预警 ${swept.warned}、拟列入 ${swept.proposedByRules}；联合奖惩任务已反馈 ${answered}`);
  return decisions.length + swept.proposedByRules;
}

/**
 * The demo city's credit commitments, replayed on their signing days: enterprises sign online (as their
 * own subject), government bodies' 政务服务承诺 are registered on paper by the credit centre with a scan;
 * verdicts are recorded by the accepting department's reviewer on their day, a breach writing its
 * 违背信用承诺 record. Government bodies become subjects (kind 'government') here if no record made them.
 */
async function loadDemoCommitments(ctx: AppContext, city: DemoCity, departmentIds: Map<string, number>, log: (line: string) => void): Promise<void> {
  const already = await ctx.db.selectFrom('commitments').select('id').limit(1).executeTakeFirst();
  if (already) return;
  const plans = generateCommitments(city);
  let kept = 0;
  let broken = 0;
  for (const plan of plans) {
    const departmentId = departmentIds.get(plan.departmentCode);
    if (departmentId === undefined) continue;
    let subject = await ctx.db.selectFrom('subjects').select('id').where('uscc', '=', plan.subject.uscc).executeTakeFirst();
    if (!subject && plan.subject.kind === 'government') {
      const input = { kind: 'government' as const, name: plan.subject.name, nameNorm: normalizeName(plan.subject.name), region: city.region.code, identifiers: [{ kind: 'uscc' as const, valueKey: plan.subject.uscc }], legalRep: null };
      const [resolved] = await new SubjectResolver(ctx.db, ctx.clock.now()).resolve([input]);
      subject = resolved && { id: resolved.subjectId };
    }
    if (!subject) continue;
    const subjectId = Number(subject.id);
    const then = (date: string): AppContext => ({ ...ctx, clock: { now: () => new Date(`${date}T02:00:00Z`) } });
    const input = {
      type: plan.type,
      matter: plan.matter,
      matterDetail: plan.matterDetail,
      content: plan.content ?? COMMITMENT_TEMPLATES[plan.type],
      ...(plan.dueDate ? { dueDate: plan.dueDate } : {}),
    };
    let id: number;
    if (plan.subject.kind === 'enterprise') {
      const signer: Actor = { type: 'user', id: null, name: plan.subject.name, departmentId: null, roles: ['subject'], subjectId };
      id = (await signCommitment(then(plan.signedOn), signer, { ...input, departmentId })).id;
    } else {
      const centre: Actor = { ...systemActor, name: 'demo:xyzx' };
      id = (await signCommitment(then(plan.signedOn), centre, { ...input, subjectId, departmentId, signerName: `${plan.subject.name}主要负责人` })).id;
      await attachCommitmentFile(then(plan.signedOn), centre, id, { fileName: '政务服务承诺书.pdf', content: demoScan(`Commitment ${id}`) });
    }
    if (plan.verdict) {
      const reviewer: Actor = { type: 'user', id: null, name: plan.departmentCode.toLowerCase(), departmentId, roles: ['reviewer'] };
      await transitionCommitment(then(addCalendarDays(plan.signedOn, plan.verdict.daysAfter)), reviewer, id, { action: plan.verdict.action, reason: plan.verdict.reason });
      if (plan.verdict.action === 'kept') kept += 1;
      else broken += 1;
    }
  }
  log(`信用承诺：${plans.length} 项（已履约 ${kept}，未履约 ${broken}，其余履约中）`);
}

/**
 * Departments answer most of their older joint tasks (已落实, some 不适用) on the day they fall due, so
 * the inbox and 跟踪问效 show a realistic mix of answered, pending and overdue tasks.
 */
async function answerDemoTasks(ctx: AppContext, departmentIds: Map<string, number>): Promise<number> {
  const today = chinaDate(ctx.clock.now());
  const codeOf = new Map([...departmentIds].map(([code, id]) => [id, code]));
  const tasks = await listPendingTaskDueDates(ctx.db);
  let answered = 0;
  for (const [index, task] of tasks.entries()) {
    if (task.due_on >= addCalendarDays(today, -20) || index % 7 === 0) continue;
    const code = codeOf.get(task.department_id) ?? 'XYZX';
    // The department's demo user answers (answers are people's, not the platform's).
    const actor: Actor = { type: 'user', id: null, name: code.toLowerCase(), departmentId: task.department_id, roles: ['reviewer'] };
    const then: AppContext = { ...ctx, clock: { now: () => new Date(`${task.due_on}T01:00:00Z`) } };
    const notApplicable = index % 11 === 0;
    await answerJointTask(then, actor, task.id, {
      outcome: notApplicable ? 'not_applicable' : 'implemented',
      note: notApplicable ? '经核查，该主体未在本部门申办相关事项，本措施暂不适用' : '已在本部门业务系统中设置信用核查提示，办理相关事项时依法予以限制',
    });
    answered += 1;
  }
  return answered;
}

/** The website's demo articles and a subject account for the enterprise with the most records. */
async function loadDemoWebsite(ctx: AppContext, log: (line: string) => void): Promise<LoadedDemo['accountSubject']> {
  const admin: Actor = { ...systemActor, name: 'demo' };
  const hasArticles = await ctx.db.selectFrom('articles').select('id').limit(1).executeTakeFirst();
  if (!hasArticles) {
    const now = ctx.clock.now().getTime();
    for (const article of DEMO_ARTICLES) {
      const publishedAt = new Date(now - article.daysAgo * 86_400_000).toISOString();
      await createArticle(ctx, admin, { channel: article.channel, title: article.title, body: article.body, status: 'published', publishedAt });
    }
  }
  const account = await ctx.db
    .selectFrom('users')
    .innerJoin('subjects', 'subjects.id', 'users.subject_id')
    .select(['subjects.id', 'subjects.name'])
    .where('users.username', '=', DEMO_SUBJECT_USERNAME)
    .executeTakeFirst();
  if (account) return { id: Number(account.id), name: account.name };
  const busiest = await ctx.db
    .selectFrom('records')
    .innerJoin('subjects', 'subjects.id', 'records.subject_id')
    .select(['records.subject_id', 'subjects.name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('subjects.kind', '=', 'enterprise')
    .groupBy(['records.subject_id', 'subjects.name'])
    .orderBy('n', 'desc')
    .orderBy('records.subject_id')
    .limit(1)
    .executeTakeFirst();
  if (!busiest) return null;
  await createUser(ctx, systemActor, {
    username: DEMO_SUBJECT_USERNAME,
    displayName: busiest.name,
    password: DEMO_PASSWORD,
    departmentId: null,
    roles: ['subject'],
    subjectId: Number(busiest.subject_id),
  });
  log(`主体账号（${busiest.name}）：${DEMO_SUBJECT_USERNAME} / ${DEMO_PASSWORD}`);
  return { id: Number(busiest.subject_id), name: busiest.name };
}
