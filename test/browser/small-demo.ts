import { Readable } from 'node:stream';
import { createDepartment, createUser, ensureAdminUser } from '../../src/access/index.js';
import { createArticle } from '../../src/articles/index.js';
import type { AppContext } from '../../src/app/context.js';
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_SUBJECT_USERNAME } from '../../src/app/load-demo.js';
import { DEMO_ARTICLES, DEPARTMENTS, generateCity, LICENCE_COLUMNS, PENALTY_COLUMNS, toCsv } from '../../src/demo/index.js';
import { submitBatch } from '../../src/ingest/index.js';
import { systemActor, type Actor } from '../../src/kernel/actor.js';
import { chinaDate } from '../../src/kernel/calendar.js';

export { DEMO_ADMIN, DEMO_PASSWORD, DEMO_SUBJECT_USERNAME };

export interface SmallDemo {
  /** Department code → id. */
  departmentIds: Map<string, number>;
  batches: { id: number; departmentCode: string; topicCode: string; accepted: number; rejected: number }[];
  /** The subject the demo subject account (DEMO_SUBJECT_USERNAME / DEMO_PASSWORD) acts for. */
  accountSubject: { id: number; name: string };
}

/**
 * The demo city of `loadDemo`, small enough for a browser test to load in seconds: every department
 * and its user (`<code lower-case>` / DEMO_PASSWORD), a few hundred subjects, licences and penalties
 * submitted per department through the real ingest pipeline, 2% of rows spoiled for the error reports;
 * the demo articles, and a subject account for the enterprise with the most records (as `loadDemo`).
 */
export async function loadSmallDemo(ctx: AppContext): Promise<SmallDemo> {
  await ensureAdminUser(ctx, { ...DEMO_ADMIN, displayName: '平台管理员' });
  const departmentIds = new Map<string, number>();
  for (const dept of DEPARTMENTS) {
    const created = await createDepartment(ctx, systemActor, { code: dept.code, name: dept.name, uscc: dept.uscc, kind: dept.kind });
    const roles: Actor['roles'] = dept.kind === 'credit_centre' ? ['reviewer', 'auditor'] : ['submitter', 'reviewer'];
    await createUser(ctx, systemActor, {
      username: dept.code.toLowerCase(),
      displayName: `${dept.name}信用专员`,
      password: DEMO_PASSWORD,
      departmentId: created.id,
      roles: [...roles],
    });
    departmentIds.set(dept.code, created.id);
  }
  const city = generateCity({
    seed: 2025,
    today: chinaDate(ctx.clock.now()),
    enterprises: 200,
    individualBusinesses: 60,
    persons: 60,
    publicInstitutions: 20,
    socialOrganisations: 15,
    penalties: 300,
    licences: 400,
    invalidRate: 0.02,
  });
  const byAgency = new Map(DEPARTMENTS.map((d) => [d.uscc, d.code]));
  const batches: SmallDemo['batches'] = [];
  for (const [topicCode, rows, columns, agencyColumn] of [
    ['XZXK', city.licenceRows, LICENCE_COLUMNS, 'XK_XKJGDM'],
    ['XZCF', city.penaltyRows, PENALTY_COLUMNS, 'CF_CFJGDM'],
  ] as const) {
    const groups = new Map<string, Record<string, string>[]>();
    for (const row of rows) {
      const code = byAgency.get(row[agencyColumn] ?? '') ?? 'SCJG';
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
    }
  }
  const now = ctx.clock.now().getTime();
  for (const article of DEMO_ARTICLES) {
    const publishedAt = new Date(now - article.daysAgo * 86_400_000).toISOString();
    await createArticle(ctx, systemActor, { channel: article.channel, title: article.title, body: article.body, status: 'published', publishedAt });
  }
  const busiest = await ctx.db
    .selectFrom('records')
    .innerJoin('subjects', 'subjects.id', 'records.subject_id')
    .select(['records.subject_id', 'subjects.name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('subjects.kind', '=', 'enterprise')
    .groupBy(['records.subject_id', 'subjects.name'])
    .orderBy('n', 'desc')
    .orderBy('records.subject_id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const accountSubject = { id: Number(busiest.subject_id), name: busiest.name };
  await createUser(ctx, systemActor, {
    username: DEMO_SUBJECT_USERNAME,
    displayName: busiest.name,
    password: DEMO_PASSWORD,
    departmentId: null,
    roles: ['subject'],
    subjectId: accountSubject.id,
  });
  return { departmentIds, batches, accountSubject };
}
