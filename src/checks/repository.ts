import { sql, type Kysely } from 'kysely';
import type { CheckVerdict, DB, LegalBasis, MeasureBinds, MeasureStrength } from '../db/schema.js';
import type { LookupKind } from './parse-subject.js';

/** All SQL of the credit check module. */

// ---- reference data (cached in memory by reference-data.ts) ----

export async function findMatters(db: Kysely<DB>) {
  return db.selectFrom('matters').select(['code', 'name', 'active']).orderBy('code').execute();
}

export async function findListTypes(db: Kysely<DB>) {
  return db.selectFrom('list_types').select(['id', 'code', 'name', 'kind', 'legal_basis']).execute();
}

/** Active measures with the list types that trigger them. */
export async function findActiveMeasures(db: Kysely<DB>) {
  const { rows } = await sql<{
    id: number;
    code: string;
    name: string;
    content: string;
    kind: 'punishment' | 'incentive';
    strength: MeasureStrength;
    legal_basis: LegalBasis[];
    matters: string[];
    binds: MeasureBinds[];
    list_type_ids: number[];
  }>`
    select m.id, m.code, m.name, m.content, m.kind, m.strength, m.legal_basis, m.matters, m.binds,
      coalesce(array_agg(ml.list_type_id order by ml.list_type_id) filter (where ml.list_type_id is not null), '{}') as list_type_ids
    from measures m left join measure_list_types ml on ml.measure_id = m.id
    where m.active
    group by m.id
    order by m.id`.execute(db);
  return rows;
}

// ---- the check itself ----

export interface Lookup {
  kind: LookupKind;
  key: string;
}

/**
 * One row per (asked subject, matching subject, list entry in force): who each look-up finds, how many
 * subjects match it (a name may match several), and — when exactly one — the entries that count: its own
 * and those of the organisations it is legal representative of. Entries are in force when active or
 * suspended and `today` lies between effective_from and expires_on (either may be open); only entries of
 * `listTypeIds` (the lists some measure for the matter is triggered by) are read. One statement for
 * one subject or a batch of ten thousand.
 */
export async function findCheckHits(db: Kysely<DB>, lookups: readonly Lookup[], today: string, listTypeIds: readonly number[]) {
  // The statement lives in the check_hits function (migration 0009), so each connection plans it once.
  const { rows } = await sql<CheckHitRow>`
    select * from check_hits(${lookups.map((l) => l.kind)}::text[], ${lookups.map((l) => l.key)}::text[], ${today}::date, ${listTypeIds}::int4[])`.execute(db);
  return rows;
}

export interface CheckHitRow {
  ord: number;
  id: number;
  kind: string;
  name: string;
  uscc: string | null;
  matches: number;
  rep_id: number | null;
  rep_name: string | null;
  id_masked: string | null;
  via_org_id: number | null;
  via_org_name: string | null;
  entry_id: number | null;
  list_type_id: number | null;
  status: 'active' | 'suspended' | null;
  decision_no: string | null;
  decision_date: string | null;
  department: string | null;
  reasons: string | null;
  basis: string | null;
  effective_from: string | null;
  expires_on: string | null;
}

// ---- the check log (查询使用登记) ----

export interface NewCheckRow {
  at: Date;
  departmentId: number | null;
  operator: string;
  purpose: string;
  matter: string;
  subjectId: number | null;
  query: string;
  verdict: CheckVerdict;
  result: string;
  batchId: string | null;
}

/** Inserts the rows in one statement and returns their ids in the rows' order. */
export async function insertChecks(db: Kysely<DB>, rows: readonly NewCheckRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  // The ids are drawn in a materialised CTE (nextval is volatile) and returned with each row's position.
  const { rows: ids } = await sql<{ id: number; ord: number }>`
    with t as (
      select nextval('checks_id_seq')::int8 as id, u.*
      from unnest(${rows.map((r) => r.at.toISOString())}::timestamptz[], ${rows.map((r) => r.departmentId)}::int4[],
        ${rows.map((r) => r.operator)}::text[], ${rows.map((r) => r.purpose)}::text[], ${rows.map((r) => r.matter)}::text[],
        ${rows.map((r) => r.subjectId)}::int8[], ${rows.map((r) => r.query)}::text[], ${rows.map((r) => r.verdict)}::text[],
        ${rows.map((r) => r.result)}::text[], ${rows.map((r) => r.batchId)}::text[])
        with ordinality as u(at, department_id, operator, purpose, matter, subject_id, query, verdict, result, batch_id, ord)
    ),
    ins as (
      insert into checks (id, at, department_id, operator, purpose, matter, subject_id, query, verdict, result, batch_id)
      select id, at, department_id, operator, purpose, matter, subject_id, query::jsonb, verdict, result::jsonb, batch_id from t
    )
    select id, ord::int4 as ord from t`.execute(db);
  const out = new Array<number>(rows.length);
  for (const row of ids) out[row.ord - 1] = row.id;
  return out;
}

export async function findCheck(db: Kysely<DB>, id: number) {
  return db.selectFrom('checks').select(['id', 'department_id', 'outcome']).where('id', '=', id).executeTakeFirst();
}

export async function setCheckOutcome(db: Kysely<DB>, id: number, outcome: string, at: Date): Promise<void> {
  await db.updateTable('checks').set({ outcome, outcome_at: at }).where('id', '=', id).execute();
}

export interface CheckLogFilter {
  departmentId?: number | undefined;
  verdict?: CheckVerdict | undefined;
  matter?: string | undefined;
  subjectId?: number | undefined;
}

/** A page of the check log, newest first, with department, subject and matter names. */
export async function listCheckLog(db: Kysely<DB>, filter: CheckLogFilter, page: { offset: number; limit: number }) {
  let base = db.selectFrom('checks as c');
  if (filter.departmentId !== undefined) base = base.where('c.department_id', '=', filter.departmentId);
  if (filter.verdict !== undefined) base = base.where('c.verdict', '=', filter.verdict);
  if (filter.matter !== undefined) base = base.where('c.matter', '=', filter.matter);
  if (filter.subjectId !== undefined) base = base.where('c.subject_id', '=', filter.subjectId);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('departments as d', 'd.id', 'c.department_id')
    .leftJoin('subjects as s', 's.id', 'c.subject_id')
    .leftJoin('matters as m', 'm.code', 'c.matter')
    .select([
      'c.id', 'c.at', 'c.department_id', 'd.name as department_name', 'c.operator', 'c.purpose', 'c.matter', 'm.name as matter_name',
      'c.query', 'c.subject_id', 's.name as subject_name', 'c.verdict', 'c.batch_id', 'c.outcome', 'c.outcome_at',
    ])
    .select(sql<string>`coalesce(c.result->>'summary', '')`.as('summary'))
    .orderBy('c.at', 'desc')
    .orderBy('c.id', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total: Number(total.n), rows };
}

/** The checks about one subject, newest first: which department, when, matter and purpose. */
export async function listChecksAbout(db: Kysely<DB>, subjectId: number, page: { offset: number; limit: number }) {
  const base = db.selectFrom('checks as c').where('c.subject_id', '=', subjectId);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('departments as d', 'd.id', 'c.department_id')
    .leftJoin('matters as m', 'm.code', 'c.matter')
    .select(['c.at', 'd.name as department_name', 'd.kind as department_kind', 'c.matter', 'm.name as matter_name', 'c.purpose'])
    .orderBy('c.at', 'desc')
    .orderBy('c.id', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total: Number(total.n), rows };
}
