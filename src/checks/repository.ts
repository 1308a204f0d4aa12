import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
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

// The single check's fast path: the same rows as check_hits gives one look-up, from a plain statement per
// kind of key (no unnest, no lateral union, no per-row window partitions), run as a named prepared
// statement — neither parsed nor planned again on a pooled connection. $1 key, $2 today, $3 list types.
const FOUND_BY: Record<'uscc' | 'identifier' | 'name', string> = {
  uscc: `select s.id, s.kind, s.name, s.uscc, s.legal_rep_id from subjects s where s.uscc = $1`,
  identifier: `select s.id, s.kind, s.name, s.uscc, s.legal_rep_id from subject_identifiers i join subjects s on s.id = i.subject_id
    where i.kind = $4 and i.value_key = $1`,
  name: `select s.id, s.kind, s.name, s.uscc, s.legal_rep_id from subjects s where s.name_norm = $1 order by s.id limit 21`,
};

const checkHitStatement = (found: string) => `
  with found as (${found}),
  counted as (select f.*, count(*) over ()::int4 as matches from found f)
  select 0 as ord, c.id, c.kind, c.name, c.uscc, c.matches, rep.id as rep_id, rep.name as rep_name, pid.value_masked as id_masked,
    h.via_org_id, h.via_org_name, h.entry_id, h.list_type_id, h.status, h.decision_no, h.decision_date, h.department,
    h.reasons, h.basis, h.effective_from, h.expires_on
  from counted c
  left join subjects rep on rep.id = c.legal_rep_id
  left join lateral (
    select i.value_masked from subject_identifiers i where c.kind = 'natural_person' and i.subject_id = c.id and i.kind = 'resident-id' limit 1
  ) pid on true
  left join lateral (
    select hd.via_org_id, org.name as via_org_name, e.id as entry_id, e.list_type_id, e.status, e.decision_no,
      e.decision_date, d.name as department, e.reasons, e.basis, e.effective_from, e.expires_on
    from (select c.id as holder_id, null::int8 as via_org_id union all select o.id, o.id from subjects o where o.legal_rep_id = c.id) hd
    join list_entries e on e.subject_id = hd.holder_id
      and e.status in ('active', 'suspended')
      and (e.effective_from is null or e.effective_from <= $2::date)
      and (e.expires_on is null or e.expires_on >= $2::date)
      and e.list_type_id = any($3::int4[])
    left join subjects org on org.id = hd.via_org_id
    left join departments d on d.id = e.department_id
    where c.matches = 1
  ) h on true
  order by c.id, h.entry_id`;

const CHECK_HIT = {
  uscc: { name: 'check_hit_uscc', text: checkHitStatement(FOUND_BY.uscc) },
  identifier: { name: 'check_hit_identifier', text: checkHitStatement(FOUND_BY.identifier) },
  name: { name: 'check_hit_name', text: checkHitStatement(FOUND_BY.name) },
};

/**
 * `findCheckHits` for one look-up (ord 0), the single check's path: one prepared statement. The batch
 * path and this one answer alike (checks.test.ts compares them for every kind of key).
 */
export async function findCheckHit(database: Database, lookup: Lookup, today: string, listTypeIds: readonly number[]): Promise<CheckHitRow[]> {
  if (lookup.kind === 'uscc' || lookup.kind === 'name') {
    const statement = CHECK_HIT[lookup.kind];
    return database.prepared<CheckHitRow>(statement.name, statement.text, [lookup.key, today, listTypeIds]);
  }
  const statement = CHECK_HIT.identifier;
  return database.prepared<CheckHitRow>(statement.name, statement.text, [lookup.key, today, listTypeIds, lookup.kind]);
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

// The ids are drawn in a materialised CTE (nextval is volatile) and returned with each row's position.
const INSERT_CHECKS = `
  with t as (
    select nextval('checks_id_seq')::int8 as id, u.*
    from unnest($1::timestamptz[], $2::int4[], $3::text[], $4::text[], $5::text[], $6::int8[], $7::text[], $8::text[], $9::text[], $10::text[])
      with ordinality as u(at, department_id, operator, purpose, matter, subject_id, query, verdict, result, batch_id, ord)
  ),
  ins as (
    insert into checks (id, at, department_id, operator, purpose, matter, subject_id, query, verdict, result, batch_id)
    select id, at, department_id, operator, purpose, matter, subject_id, query::jsonb, verdict, result::jsonb, batch_id from t
  )
  select id, ord::int4 as ord from t`;

/**
 * Inserts the rows in one statement (autocommit) and returns their ids in the rows' order. A prepared
 * statement: the group-commit writer runs it many times a second.
 */
export async function insertChecks(database: Database, rows: readonly NewCheckRow[]): Promise<number[]> {
  const n = rows.length;
  if (n === 0) return [];
  const at = new Array<string>(n);
  const departmentId = new Array<number | null>(n);
  const operator = new Array<string>(n);
  const purpose = new Array<string>(n);
  const matter = new Array<string>(n);
  const subjectId = new Array<number | null>(n);
  const query = new Array<string>(n);
  const verdict = new Array<string>(n);
  const result = new Array<string>(n);
  const batchId = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    at[i] = r.at.toISOString();
    departmentId[i] = r.departmentId;
    operator[i] = r.operator;
    purpose[i] = r.purpose;
    matter[i] = r.matter;
    subjectId[i] = r.subjectId;
    query[i] = r.query;
    verdict[i] = r.verdict;
    result[i] = r.result;
    batchId[i] = r.batchId;
  }
  const ids = await database.prepared<{ id: number; ord: number }>('insert_checks', INSERT_CHECKS, [
    at, departmentId, operator, purpose, matter, subjectId, query, verdict, result, batchId,
  ]);
  const out = new Array<number>(n);
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
