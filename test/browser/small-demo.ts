import { Readable } from 'node:stream';
import { createDepartment, createUser, ensureAdminUser } from '../../src/access/index.js';
import type { AppContext } from '../../src/app/context.js';
import { DEMO_ADMIN, DEMO_PASSWORD } from '../../src/app/load-demo.js';
import { DEPARTMENTS, generateCity, LICENCE_COLUMNS, PENALTY_COLUMNS, toCsv } from '../../src/demo/index.js';
import { submitBatch } from '../../src/ingest/index.js';
import { systemActor, type Actor } from '../../src/kernel/actor.js';
import { chinaDate } from '../../src/kernel/calendar.js';

export { DEMO_ADMIN, DEMO_PASSWORD };

export interface SmallDemo {
  /** Department code → id. */
  departmentIds: Map<string, number>;
  batches: { id: number; departmentCode: string; topicCode: string; accepted: number; rejected: number }[];
}

/**
 * The demo city of `loadDemo`, small enough for a browser test to load in seconds: every department
 * and its user (`<code lower-case>` / DEMO_PASSWORD), a few hundred subjects, licences and penalties
 * submitted per department through the real ingest pipeline, 2% of rows spoiled for the error reports.
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
  return { departmentIds, batches };
}
