import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from '../db/database.js';
import type { DB, ListEntryStatus } from '../db/schema.js';
import type { Actor } from '../kernel/actor.js';

/**
 * The court list sync's SQL (the lists module's second repository file: this part works on temporary
 * staging tables and in bulk, and reads better apart from `repository.ts`). Every statement is
 * set-based; the sync runs them in one transaction on one connection.
 */

/**
 * Columns of the fast staging table: every line of a JSON Lines snapshot, unparsed — its row number,
 * the keyed hash of its raw bytes and where it is in the file.
 */
export const STAGE_COLUMNS = ['row_no', 'raw_hash', 'pos', 'len'] as const;

/**
 * Columns of the table of parsed and checked rows: all rows of a CSV feed or a delta, and the lines of
 * a JSON Lines snapshot whose raw hash the mirror does not know. A refused row of a snapshot is kept
 * without a content hash (its listing must not be revoked by a data error).
 */
export const CHECKED_COLUMNS = ['row_no', 'case_code', 'content_hash', 'raw_hash', 'op', 'pos', 'len'] as const;

/** Columns of the table the rows that change the list are COPYed into, with what the sync made of them. */
export const DRAFT_COLUMNS = [
  'row_no',
  'case_code',
  'content_hash',
  'raw_hash',
  'subject_id',
  'decision_no',
  'decision_date',
  'effective_from',
  'reasons',
  'data',
  'data_enc',
] as const;

/**
 * The ingest pipeline's advisory lock (`ingest/repository.ts`, key 7468002): the sync creates subjects
 * through the same resolver, which assumes nobody else creates subjects meanwhile.
 */
export async function lockSubjectCreation(db: Kysely<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(7468002)`.execute(db);
}

/**
 * Temporary tables for this transaction. On the server the match's hash join of multi-million-row
 * sets gets the memory to run in one pass, and the apply's statements look changed rows up by key
 * (SET LOCAL: this transaction only).
 */
export async function createSyncTables(db: Kysely<DB>, kind: DatabaseKind): Promise<void> {
  if (kind === 'pg') {
    await sql`set local work_mem = '1GB'`.execute(db);
    await sql`set local synchronous_commit = on`.execute(db);
    // A sync touches 1–2% of a list of millions: at the default random_page_cost the planner scans the
    // whole mirror and list (and hashes them) to update those rows instead of looking them up by key,
    // which makes apply grow with the list rather than with the changes. The tables are in memory or on SSD.
    await sql`set local random_page_cost = 1.1`.execute(db);
  }
  await sql`create temp table court_sync_stage (
    row_no int not null,
    raw_hash uuid not null,
    pos bigint not null,
    len int not null
  ) on commit drop`.execute(db);
  await sql`create temp table court_sync_checked (
    row_no int not null,
    case_code text collate "C" not null,
    content_hash text,
    raw_hash uuid,
    op text not null,
    pos bigint,
    len int
  ) on commit drop`.execute(db);
  await sql`create temp table court_sync_rows (
    row_no int not null,
    case_code text collate "C" not null,
    content_hash text not null,
    raw_hash uuid,
    subject_id bigint not null,
    decision_no text,
    decision_date date not null,
    effective_from date not null,
    reasons text not null,
    data jsonb not null,
    data_enc text
  ) on commit drop`.execute(db);
}

export async function analyzeStage(db: Kysely<DB>): Promise<void> {
  await sql`analyze court_sync_stage`.execute(db);
}

/** Statistics for the apply statements: with them the planner looks rows up by key instead of scanning the list. */
export async function analyzeDrafts(db: Kysely<DB>): Promise<void> {
  await sql`analyze court_sync_rows`.execute(db);
  await sql`analyze court_sync_diff`.execute(db);
}

export async function analyzeChecked(db: Kysely<DB>): Promise<void> {
  await sql`analyze court_sync_checked`.execute(db);
}

/**
 * Snapshot match, one full join of the staged lines and the mirror on the raw hash: a line the mirror
 * knows byte for byte is an unchanged listing. What is left on either side goes to
 * `court_sync_unmatched`: staged lines to parse and check (row_no, pos, len, raw_hash), and mirror rows
 * no line matched (case_code: changed, re-formatted or revoked, which the checked lines tell).
 * Returns how many lines are to be checked.
 */
export async function matchStage(db: Kysely<DB>): Promise<number> {
  await sql`create temp table court_sync_unmatched on commit drop as
    select s.row_no, s.pos, s.len, s.raw_hash, c.case_code
    from court_sync_stage s
    full join court_listings c on c.raw_hash = s.raw_hash
    where s.raw_hash is null or c.raw_hash is null`.execute(db);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from court_sync_unmatched where row_no is not null`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Opens a cursor over the staged lines to check, in file order (read with `fetchToCheck`). */
export async function openLinesToCheck(db: Kysely<DB>): Promise<void> {
  await sql`declare court_sync_to_check no scroll cursor for
    select row_no, pos, len, raw_hash from court_sync_unmatched where row_no is not null order by row_no`.execute(db);
}

export interface LineToCheck {
  row_no: number;
  pos: number;
  len: number;
  raw_hash: string;
}

export async function fetchToCheck(db: Kysely<DB>, n: number): Promise<LineToCheck[]> {
  const { rows } = await sql<LineToCheck>`fetch ${sql.raw(String(Math.trunc(n)))} from court_sync_to_check`.execute(db);
  return rows.map((r) => ({ row_no: r.row_no, pos: Number(r.pos), len: r.len, raw_hash: r.raw_hash }));
}

export async function closeLinesToCheck(db: Kysely<DB>): Promise<void> {
  await sql`close court_sync_to_check`.execute(db);
}

export type Change = 'new' | 'changed' | 'reformatted' | 'revoked';

/**
 * Snapshot diff of the checked rows against the mirror on the case number: not mirrored → new; other
 * content hash → changed; same content in another raw form → re-formatted (only the raw hash is
 * updated: not a change of the listing). Revoked: mirror rows no staged line matched and no checked
 * row names (refused rows without a hash only keep their listing from being revoked). Without the fast
 * path (CSV), nothing was staged and every mirror row is unmatched: the same statement holds.
 */
export async function diffSnapshot(db: Kysely<DB>, fastPath: boolean): Promise<void> {
  await sql`create temp table court_sync_diff on commit drop as
    select k.row_no, k.case_code, k.raw_hash,
      case when c.case_code is null then 'new' when c.content_hash = k.content_hash then 'reformatted' else 'changed' end as change
    from court_sync_checked k
    left join court_listings c on c.case_code = k.case_code
    where k.content_hash is not null
      and (c.case_code is null or c.content_hash <> k.content_hash or (k.raw_hash is not null and c.raw_hash is distinct from k.raw_hash))`.execute(db);
  if (fastPath) {
    await sql`insert into court_sync_diff (row_no, case_code, raw_hash, change)
      select null, u.case_code, null, 'revoked'
      from court_sync_unmatched u
      where u.case_code is not null and not exists (select 1 from court_sync_checked k where k.case_code = u.case_code)`.execute(db);
  } else {
    await sql`insert into court_sync_diff (row_no, case_code, raw_hash, change)
      select null, c.case_code, null, 'revoked'
      from court_listings c
      where not exists (select 1 from court_sync_checked k where k.case_code = c.case_code)`.execute(db);
  }
}

/** Delta diff: upserts that are new or differ from the mirror, and revocations of mirrored listings. */
export async function diffDelta(db: Kysely<DB>): Promise<void> {
  await sql`create temp table court_sync_diff on commit drop as
    select k.row_no, k.case_code, k.raw_hash, case when c.case_code is null then 'new' else 'changed' end as change
    from court_sync_checked k
    left join court_listings c on c.case_code = k.case_code
    where k.op = 'u' and k.content_hash is not null and (c.case_code is null or c.content_hash <> k.content_hash)
    union all
    select min(k.row_no), c.case_code, null::uuid, 'revoked'
    from court_listings c
    join court_sync_checked k on k.case_code = c.case_code and k.op = 'r'
    group by c.case_code`.execute(db);
}

/**
 * A case number on several rows that would change the list: the first row stays, the others are
 * returned (and dropped). Re-formatted rows change nothing and are left alone.
 */
export async function dropDuplicateCases(db: Kysely<DB>): Promise<{ row_no: number; case_code: string }[]> {
  const { rows } = await sql<{ row_no: number; case_code: string }>`
    with ranked as (
      select row_no, row_number() over (partition by case_code order by row_no) as n
      from court_sync_diff
      where change <> 'reformatted'
        and case_code in (select case_code from court_sync_diff where change <> 'reformatted' group by case_code having count(*) > 1)
    )
    delete from court_sync_diff d using ranked r
    where d.row_no = r.row_no and r.n > 1
    returning d.row_no, d.case_code`.execute(db);
  return rows;
}

export async function countChanges(db: Kysely<DB>): Promise<Record<Change, number>> {
  const { rows } = await sql<{ change: Change; n: number }>`select change, count(*)::int as n from court_sync_diff group by change`.execute(db);
  const out: Record<Change, number> = { new: 0, changed: 0, reformatted: 0, revoked: 0 };
  for (const row of rows) out[row.change] = row.n;
  return out;
}

/** The feed rows whose full content the apply step needs (new and changed listings), with where they are. */
export async function rowsToDraft(db: Kysely<DB>): Promise<{ row_no: number; pos: number | null; len: number | null }[]> {
  const { rows } = await sql<{ row_no: number; pos: number | null; len: number | null }>`
    select d.row_no, k.pos, k.len
    from court_sync_diff d
    join court_sync_checked k on k.row_no = d.row_no
    where d.change in ('new', 'changed')
    order by d.row_no`.execute(db);
  return rows.map((r) => ({ row_no: r.row_no, pos: r.pos === null ? null : Number(r.pos), len: r.len }));
}

/** Re-formatted listings: the mirror learns the new raw hash; the entry is untouched. */
export async function updateRawHashes(db: Kysely<DB>, at: Date): Promise<number> {
  const result = await sql`
    update court_listings l set raw_hash = d.raw_hash, synced_at = ${at}
    from court_sync_diff d
    where d.change = 'reformatted' and l.case_code = d.case_code`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export interface AppliedEntry {
  id: number;
  subject_id: number;
  case_code: string;
  from_status: ListEntryStatus | null;
}

interface ApplyContext {
  at: Date;
  actor: Actor;
  listTypeId: number;
}

/** New listings: active entries, their mirror rows and their first event, in one statement. */
export async function insertNewEntries(db: Kysely<DB>, c: ApplyContext, reason: string): Promise<AppliedEntry[]> {
  const { rows } = await sql<AppliedEntry>`
    with inserted as (
      insert into list_entries (list_type_id, subject_id, status, source, source_key, decision_no, decision_date, reasons,
        effective_from, expires_on, data, data_enc, content_hash, created_at, updated_at)
      select ${c.listTypeId}, r.subject_id, 'active', 'court_sync', r.case_code, r.decision_no, r.decision_date, r.reasons,
        r.effective_from, null, r.data, r.data_enc, r.content_hash, ${c.at}, ${c.at}
      from court_sync_rows r
      join court_sync_diff d on d.row_no = r.row_no and d.change = 'new'
      order by r.row_no
      returning id, subject_id, source_key, content_hash
    ), mirrored as (
      insert into court_listings (case_code, content_hash, raw_hash, entry_id, synced_at)
      select i.source_key, i.content_hash, r.raw_hash, i.id, ${c.at}
      from inserted i
      join court_sync_rows r on r.case_code = i.source_key
    ), events as (
      insert into list_entry_events (entry_id, at, from_status, to_status, reason, actor_type, actor_name, department_id)
      select id, ${c.at}, null, 'active', ${reason}, ${c.actor.type}, ${c.actor.name}, ${c.actor.departmentId} from inserted
    )
    select id, subject_id, source_key as case_code, null as from_status from inserted order by id`.execute(db);
  return rows;
}

/** Changed listings: the entry takes the feed's new content (its status stays), the mirror its new hash. */
export async function updateChangedEntries(db: Kysely<DB>, c: ApplyContext, reason: string): Promise<AppliedEntry[]> {
  const { rows } = await sql<AppliedEntry>`
    with changed as (
      update list_entries e set
        subject_id = r.subject_id, decision_no = r.decision_no, decision_date = r.decision_date, reasons = r.reasons,
        effective_from = r.effective_from, data = r.data, data_enc = r.data_enc, content_hash = r.content_hash, updated_at = ${c.at}
      from court_sync_rows r
      join court_sync_diff d on d.row_no = r.row_no and d.change = 'changed'
      join court_listings l on l.case_code = r.case_code
      where e.id = l.entry_id
      returning e.id, e.subject_id, e.status, r.case_code, r.content_hash, r.raw_hash
    ), mirrored as (
      update court_listings l set content_hash = ch.content_hash, raw_hash = ch.raw_hash, synced_at = ${c.at}
      from changed ch where l.case_code = ch.case_code
    ), events as (
      insert into list_entry_events (entry_id, at, from_status, to_status, reason, actor_type, actor_name, department_id)
      select id, ${c.at}, status, status, ${reason}, ${c.actor.type}, ${c.actor.name}, ${c.actor.departmentId} from changed
    )
    select id, subject_id, case_code, status as from_status from changed order by id`.execute(db);
  return rows;
}

/**
 * Revoked listings leave the mirror; their entries, if still live, become `revoked` (ended now, with
 * the reason) and get an event. Entries that had already ended (expired, repaired) keep their status.
 */
export async function revokeEntries(db: Kysely<DB>, c: ApplyContext, reason: string): Promise<AppliedEntry[]> {
  const { rows } = await sql<AppliedEntry>`
    with gone as (
      delete from court_listings l using court_sync_diff d
      where d.change = 'revoked' and l.case_code = d.case_code
      returning l.entry_id, l.case_code
    ), ended as (
      update list_entries e set status = 'revoked', ended_at = ${c.at}, end_reason = ${reason}, updated_at = ${c.at}
      from gone g, list_entries old
      where e.id = g.entry_id and old.id = e.id and e.status in ('proposed', 'notified', 'active', 'suspended')
      returning e.id, e.subject_id, g.case_code, old.status as from_status
    ), events as (
      insert into list_entry_events (entry_id, at, from_status, to_status, reason, actor_type, actor_name, department_id)
      select id, ${c.at}, from_status, 'revoked', ${reason}, ${c.actor.type}, ${c.actor.name}, ${c.actor.departmentId} from ended
    )
    select id, subject_id, case_code, from_status from ended order by id`.execute(db);
  return rows;
}
