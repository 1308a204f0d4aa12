import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from '../db/database.js';
import type { DB, ListEntryStatus } from '../db/schema.js';
import type { Actor } from '../kernel/actor.js';

/**
 * The court list sync's SQL (the lists module's second repository file: this part works on temporary
 * staging tables and in bulk, and reads better apart from `repository.ts`). Every statement is
 * set-based; the sync runs them in one transaction on one connection.
 */

/** Columns of the staging table the whole feed is COPYed into: one narrow line per row. */
export const STAGE_COLUMNS = ['row_no', 'case_code', 'content_hash', 'op'] as const;

/** Columns of the table the rows that change the list are COPYed into, with what the sync made of them. */
export const DRAFT_COLUMNS = [
  'row_no',
  'case_code',
  'content_hash',
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
 * Temporary tables for this transaction. On the server the diff's hash join of two multi-million-row
 * sets gets the memory to run in one pass (SET LOCAL: this transaction only).
 */
export async function createSyncTables(db: Kysely<DB>, kind: DatabaseKind): Promise<void> {
  if (kind === 'pg') {
    await sql`set local work_mem = '1GB'`.execute(db);
    await sql`set local synchronous_commit = on`.execute(db);
  }
  await sql`create temp table court_sync_stage (
    row_no int not null,
    case_code text collate "C" not null,
    content_hash text,
    op text not null
  ) on commit drop`.execute(db);
  await sql`create temp table court_sync_rows (
    row_no int not null,
    case_code text collate "C" not null,
    content_hash text not null,
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

export type Change = 'new' | 'changed' | 'revoked';

/**
 * Snapshot diff, one full join on the case number: staged and not mirrored → new; both with another
 * content hash → changed; mirrored and not staged → revoked. Staged rows without a hash (refused rows)
 * only keep their listing from being revoked.
 */
export async function diffSnapshot(db: Kysely<DB>): Promise<void> {
  await sql`create temp table court_sync_diff on commit drop as
    select s.row_no, coalesce(s.case_code, c.case_code) as case_code,
      case when c.case_code is null then 'new' when s.case_code is null then 'revoked' else 'changed' end as change
    from court_sync_stage s
    full join court_listings c on c.case_code = s.case_code
    where s.case_code is null
      or (s.content_hash is not null and (c.case_code is null or c.content_hash <> s.content_hash))`.execute(db);
}

/** Delta diff: upserts that are new or differ from the mirror, and revocations of mirrored listings. */
export async function diffDelta(db: Kysely<DB>): Promise<void> {
  await sql`create temp table court_sync_diff on commit drop as
    select s.row_no, s.case_code, case when c.case_code is null then 'new' else 'changed' end as change
    from court_sync_stage s
    left join court_listings c on c.case_code = s.case_code
    where s.op = 'u' and s.content_hash is not null and (c.case_code is null or c.content_hash <> s.content_hash)
    union all
    select min(s.row_no), c.case_code, 'revoked'
    from court_listings c
    join court_sync_stage s on s.case_code = c.case_code and s.op = 'r'
    group by c.case_code`.execute(db);
}

/** A case number on several rows that would change the list: the first row stays, the others are returned (and dropped). */
export async function dropDuplicateCases(db: Kysely<DB>): Promise<{ row_no: number; case_code: string }[]> {
  const { rows } = await sql<{ row_no: number; case_code: string }>`
    with ranked as (
      select row_no, row_number() over (partition by case_code order by row_no) as n
      from court_sync_diff
      where case_code in (select case_code from court_sync_diff group by case_code having count(*) > 1)
    )
    delete from court_sync_diff d using ranked r
    where d.row_no = r.row_no and r.n > 1
    returning d.row_no, d.case_code`.execute(db);
  return rows;
}

export async function countChanges(db: Kysely<DB>): Promise<Record<Change, number>> {
  const { rows } = await sql<{ change: Change; n: number }>`select change, count(*)::int as n from court_sync_diff group by change`.execute(db);
  const out: Record<Change, number> = { new: 0, changed: 0, revoked: 0 };
  for (const row of rows) out[row.change] = row.n;
  return out;
}

/** Row numbers of the feed rows whose full content the apply step needs (new and changed listings). */
export async function rowsToDraft(db: Kysely<DB>): Promise<number[]> {
  const { rows } = await sql<{ row_no: number }>`
    select row_no from court_sync_diff where change in ('new', 'changed') order by row_no`.execute(db);
  return rows.map((row) => row.row_no);
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
      insert into court_listings (case_code, content_hash, entry_id, synced_at)
      select source_key, content_hash, id, ${c.at} from inserted
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
      returning e.id, e.subject_id, e.status, r.case_code, r.content_hash
    ), mirrored as (
      update court_listings l set content_hash = ch.content_hash, synced_at = ${c.at}
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
