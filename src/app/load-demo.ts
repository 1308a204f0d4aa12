import { Readable } from 'node:stream';
import { createDepartment, createUser, ensureAdminUser } from '../access/index.js';
import { createArticle } from '../articles/index.js';
import { DEMO_ARTICLES, DEPARTMENTS, generateCity, type CityOptions, LICENCE_COLUMNS, PENALTY_COLUMNS, REGISTRATION_COLUMNS, toCsv } from '../demo/index.js';
import { submitBatch } from '../ingest/index.js';
import { systemActor, type Actor } from '../kernel/actor.js';
import { chinaDate } from '../kernel/calendar.js';
import type { AppContext } from './context.js';

/** Demo-only credentials, printed by `xinyong demo` and the README; never use them on real data. */
export const DEMO_ADMIN = { username: 'admin', password: 'xinyong-admin-demo' };
export const DEMO_PASSWORD = 'xinyong-demo-2025';
/** A subject account of the demo: the enterprise with the most records, to see its own fuller report. */
export const DEMO_SUBJECT_USERNAME = 'demo-company';
const DEMO_SEED = 2025;
const TOPIC_NAMES = { DJXX: '市场主体登记信息', XZXK: '行政许可', XZCF: '行政处罚' } as const;

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
  const accountSubject = await loadDemoWebsite(ctx, log);
  const subjects = await ctx.db.selectFrom('subjects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const summary = `${DEPARTMENTS.length} 个部门，${Number(subjects.n)} 个信用主体，${stored} 条记录入库，${refused} 行因数据错误被拒收（见各批次错误报告）`;
  return { summary, departmentIds, batches, accountSubject };
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
