import type { Kysely } from 'kysely';
import type { AppContext } from '../app/context.js';
import type { DB } from '../db/schema.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/errors.js';
import { MeasureErrors } from './errors.js';
import { authorizeReadMeasures } from './policies.js';
import * as repo from './repository.js';
import type { Matter, Measure, MeasureListQuery } from './schemas.js';

type MeasureRow = NonNullable<Awaited<ReturnType<typeof repo.findMeasureById>>>;

/** Measures as the API shows them, with their matters' names, list types and departments. */
export async function presentMeasures(db: Kysely<DB>, rows: readonly MeasureRow[]): Promise<Measure[]> {
  const links = await repo.findLinks(db, rows.map((r) => r.id));
  const matterNames = new Map((await repo.listMatters(db)).map((m) => [m.code, m.name]));
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    content: row.content,
    kind: row.kind,
    strength: row.strength,
    legalBasis: row.legal_basis,
    matters: row.matters.map((code) => ({ code, name: matterNames.get(code) ?? code })),
    binds: row.binds,
    listTypes: links.listTypes.filter((l) => l.measure_id === row.id).map(({ id, code, name, kind }) => ({ id, code, name, kind })),
    departments: links.departments.filter((d) => d.measure_id === row.id).map(({ id, code, name }) => ({ id, code, name })),
    responseWorkdays: row.response_workdays,
    active: row.active,
    builtin: row.builtin,
    updatedAt: new Date(row.updated_at).toISOString(),
  }));
}

/** 措施清单: every measure (punishments first), filtered by kind, list type, matter or state. */
export async function listMeasures(ctx: AppContext, actor: Actor, query: MeasureListQuery): Promise<Measure[]> {
  authorizeReadMeasures(actor);
  return presentMeasures(ctx.db, await repo.listMeasures(ctx.db, query));
}

/** One measure. */
export async function getMeasure(ctx: AppContext, actor: Actor, id: number): Promise<Measure> {
  authorizeReadMeasures(actor);
  const row = await repo.findMeasureById(ctx.db, id);
  if (!row) throw new AppError(MeasureErrors.MEASURE_NOT_FOUND, { id });
  const [measure] = await presentMeasures(ctx.db, [row]);
  return measure!;
}

/** 事项: what measures apply to and checks ask about. */
export async function listMatters(ctx: AppContext, actor: Actor): Promise<Matter[]> {
  authorizeReadMeasures(actor);
  return (await repo.listMatters(ctx.db)).map((m) => ({ code: m.code, name: m.name, active: m.active, builtin: m.builtin }));
}
