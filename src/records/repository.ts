import { sql, type Kysely } from 'kysely';
import type { DB, RecordStatus } from '../db/schema.js';

/** All SQL of credit records. */

/**
 * Columns of `records` a batch writes with COPY, in order: those known only once the chunk is merged
 * (version, subject, 双公示 timeliness) first, so the rest of each line can be encoded as soon as the
 * row is validated, possibly in a worker thread.
 */
export const RECORD_COPY_COLUMNS = [
  'version',
  'subject_id',
  'timeliness_workdays',
  'late',
  'topic_id',
  'topic_version',
  'business_key',
  'is_current',
  'department_id',
  'batch_id',
  'source_row',
  'received_at',
  'decision_date',
  'publish_until',
  'data',
  'data_enc',
  'content_hash',
] as const;

/** The current version of a record. */
export interface CurrentVersion {
  id: number;
  version: number;
  contentHash: string;
  /** 'withdrawn' (an upheld objection) and 'repaired' (a granted credit repair) carry over to a new version. */
  status: 'active' | 'withdrawn' | 'repaired';
}

/** Whether a topic holds any record yet (a batch into an empty topic need not look for earlier versions). */
export async function topicHasRecords(db: Kysely<DB>, topicId: number): Promise<boolean> {
  const row = await db.selectFrom('records').select('id').where('topic_id', '=', topicId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The current versions of these business keys in a topic — one set-based look-up per chunk. */
export async function findCurrentVersions(db: Kysely<DB>, topicId: number, keys: readonly string[]): Promise<Map<string, CurrentVersion>> {
  const out = new Map<string, CurrentVersion>();
  if (keys.length === 0) return out;
  const { rows } = await sql<{ business_key: string; id: number; version: number; content_hash: string; status: CurrentVersion['status'] }>`
    select r.business_key, r.id, r.version, r.content_hash, r.status
    from records r
    where r.topic_id = ${topicId} and r.is_current and r.business_key = any(${[...keys]}::text[])`.execute(db);
  for (const row of rows) out.set(row.business_key, { id: row.id, version: row.version, contentHash: row.content_hash, status: row.status });
  return out;
}

/**
 * A new version of a withdrawn or repaired record stays off every view: the objection's or the repair's
 * decision was about the business key, not one wording of it, so re-submitting must not publish it
 * again — unless the objection was upheld with the remedy 'correct', which waits for the corrected
 * version. Gives the new current versions of the superseded ids their predecessor's status and writes a
 * warning line per row into the batch's error report; returns how many rows kept a status.
 */
export async function carryOverStatus(db: Kysely<DB>, batchId: number, supersededIds: readonly number[]): Promise<number> {
  if (supersededIds.length === 0) return 0;
  const { rows } = await sql<{ count: string }>`
    with kept as (
      update records n set status = o.status
      from records o
      where o.id = any(${sql.val([...supersededIds])}::bigint[])
        and n.topic_id = o.topic_id and n.business_key = o.business_key and n.is_current and n.batch_id = ${batchId}
        -- An upheld objection whose remedy is a correction waits for exactly this new version.
        and not (o.status = 'withdrawn' and exists (
          select 1 from objections ob where ob.record_id = o.id and ob.decision = 'upheld' and ob.remedy = 'correct'))
      returning n.source_row, o.status
    ), warned as (
      insert into batch_errors (batch_id, row_no, severity, error_code, message)
      select ${batchId}, source_row, 'warning',
        case status when 'withdrawn' then 'stays-withdrawn' else 'stays-repaired' end,
        case status
          when 'withdrawn' then '该记录已因异议成立被撤销，新版本已保存，但不公示、不共享'
          else '该记录已经信用修复终止公示，新版本已保存，但不公示、不共享'
        end
      from kept
      returning 1
    )
    select count(*)::text as count from warned`.execute(db);
  return Number(rows[0]?.count ?? 0);
}

/** Marks versions that a newer version replaces as no longer current (the rows themselves are kept). */
export async function supersedeRecords(db: Kysely<DB>, ids: readonly number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await sql`update records set is_current = false, superseded_at = ${at} where id = any(${sql.val([...ids])}::bigint[])`.execute(db);
}

/** A current, active record inside its publication window as of `today` (YYYY-MM-DD). */
const visibleOn = (today: string) =>
  sql`r.is_current and r.status = 'active'
    and (r.publish_until is null or r.publish_until >= ${today}::date)
    and (r.decision_date is null or r.decision_date <= ${today}::date)`;

export interface VisibleRecordRow {
  id: number;
  subject_id: number;
  topic_id: number;
  topic_version: number;
  category: string;
  department_code: string;
  department_name: string;
  decision_date: string | null;
  publish_until: string | null;
  data: Record<string, string>;
}

/** The subjects' records that are current, not withdrawn and inside their publication window, newest first. */
export async function findVisibleRecords(db: Kysely<DB>, subjectIds: readonly number[], today: string, limit = 2000): Promise<VisibleRecordRow[]> {
  const { rows } = await sql<VisibleRecordRow>`
    select r.id, r.subject_id, r.topic_id, r.topic_version, t.category, d.code as department_code, d.name as department_name,
      r.decision_date::text as decision_date, r.publish_until::text as publish_until, r.data
    from records r
    join catalog_topics t on t.id = r.topic_id
    join departments d on d.id = r.department_id
    where r.subject_id = any(${[...subjectIds]}::bigint[]) and ${visibleOn(today)}
    order by r.decision_date desc nulls last, r.id desc
    limit ${limit}`.execute(db);
  return rows.map((row) => ({ ...row, id: Number(row.id), subject_id: Number(row.subject_id) }));
}

/** Which list-category topics (with version) each subject has a visible record of. */
export async function findListMemberships(db: Kysely<DB>, subjectIds: readonly number[], today: string) {
  if (subjectIds.length === 0) return [];
  const { rows } = await sql<{ subject_id: number; category: string; topic_id: number; topic_version: number }>`
    select distinct r.subject_id, t.category, r.topic_id, r.topic_version
    from records r join catalog_topics t on t.id = r.topic_id
    where r.subject_id = any(${[...subjectIds]}::bigint[])
      and t.category in ('red_list', 'black_list', 'watch_list') and ${visibleOn(today)}`.execute(db);
  return rows.map((row) => ({ ...row, subject_id: Number(row.subject_id) }));
}

export interface PublicationFilter {
  topicIds: readonly number[];
  departmentCode?: string;
  from?: string;
  to?: string;
  today: string;
  limit: number;
  offset: number;
  /** Counting stops here: the 双公示 column may hold millions of rows. */
  countCap: number;
}

export interface PublicationRow extends VisibleRecordRow {
  subject_name: string;
}

/** 双公示: current public licences or penalties of organisations, newest decision first, with a capped count. */
export async function findPublications(db: Kysely<DB>, f: PublicationFilter): Promise<{ rows: PublicationRow[]; total: number }> {
  if (f.topicIds.length === 0) return { rows: [], total: 0 };
  const where = sql`r.topic_id = any(${[...f.topicIds]}::int[]) and ${visibleOn(f.today)}
    and s.kind <> 'natural_person'
    ${f.departmentCode ? sql`and d.code = ${f.departmentCode}` : sql``}
    ${f.from ? sql`and r.decision_date >= ${f.from}::date` : sql``}
    ${f.to ? sql`and r.decision_date <= ${f.to}::date` : sql``}`;
  const { rows } = await sql<PublicationRow>`
    select r.id, r.subject_id, s.name as subject_name, r.topic_id, r.topic_version, t.category,
      d.code as department_code, d.name as department_name,
      r.decision_date::text as decision_date, r.publish_until::text as publish_until, r.data
    from records r
    join subjects s on s.id = r.subject_id
    join catalog_topics t on t.id = r.topic_id
    join departments d on d.id = r.department_id
    where ${where}
    order by r.decision_date desc nulls last, r.id desc
    limit ${f.limit} offset ${f.offset}`.execute(db);
  const count = await sql<{ n: number }>`
    select count(*)::int as n from (
      select 1 from records r
      join subjects s on s.id = r.subject_id
      join departments d on d.id = r.department_id
      where ${where} limit ${f.countCap}) c`.execute(db);
  return { rows: rows.map((row) => ({ ...row, id: Number(row.id), subject_id: Number(row.subject_id) })), total: count.rows[0]?.n ?? 0 };
}

/** Headline figures of the website. */
export async function countHeadlines(db: Kysely<DB>, topicIds: readonly number[], monthStart: string, today: string) {
  const { rows } = await sql<{ subjects: number; records: number; publications: number; departments: number }>`
    select
      (select count(*)::int from subjects where kind <> 'natural_person') as subjects,
      (select count(*)::int from records r where ${visibleOn(today)}) as records,
      (select count(*)::int from records r where r.topic_id = any(${[...topicIds]}::int[]) and ${visibleOn(today)}
        and r.decision_date >= ${monthStart}::date) as publications,
      (select count(*)::int from departments where active and kind = 'department') as departments`.execute(db);
  return rows[0] ?? { subjects: 0, records: 0, publications: 0, departments: 0 };
}

export interface RecordBrowseFilter {
  subjectId?: number;
  topicCode?: string;
  departmentCode?: string;
  departmentId?: number;
  batchId?: number;
  /** A document number (exact) or the start of a subject's name. */
  q?: string;
  currentOnly: boolean;
  limit: number;
  offset: number;
  countCap: number;
}

export interface BrowsedRecordRow {
  id: number;
  topic_id: number;
  topic_version: number;
  topic_code: string;
  subject_id: number;
  subject_name: string;
  department_code: string;
  department_name: string;
  decision_date: string | null;
  version: number;
  is_current: boolean;
  status: RecordStatus;
  received_at: Date;
  batch_id: number;
  superseded_at: Date | null;
  business_key: string;
  publish_until: string | null;
  data: Record<string, string>;
}

const browseColumns = sql`r.id, r.topic_id, r.topic_version, t.code as topic_code, r.subject_id, s.name as subject_name,
  d.code as department_code, d.name as department_name, r.decision_date::text as decision_date, r.version, r.is_current,
  r.status, r.received_at, r.batch_id, r.superseded_at, r.business_key, r.publish_until::text as publish_until, r.data`;

function toBrowsed(row: BrowsedRecordRow): BrowsedRecordRow {
  return { ...row, id: Number(row.id), subject_id: Number(row.subject_id), batch_id: Number(row.batch_id) };
}

/** Records for the console, newest first, filtered; a capped count. */
export async function browseRecords(db: Kysely<DB>, f: RecordBrowseFilter): Promise<{ rows: BrowsedRecordRow[]; total: number }> {
  const where = sql`true
    ${f.currentOnly ? sql`and r.is_current` : sql``}
    ${f.subjectId !== undefined ? sql`and r.subject_id = ${f.subjectId}` : sql``}
    ${f.topicCode ? sql`and t.code = ${f.topicCode}` : sql``}
    ${f.departmentCode ? sql`and d.code = ${f.departmentCode}` : sql``}
    ${f.departmentId !== undefined ? sql`and r.department_id = ${f.departmentId}` : sql``}
    ${f.batchId !== undefined ? sql`and r.batch_id = ${f.batchId}` : sql``}
    ${f.q ? sql`and (s.name_norm like ${`${f.q.replace(/[\\%_]/g, '\\$&')}%`} or r.data::text like ${`%${JSON.stringify(f.q).slice(1, -1).replace(/[\\%_]/g, '\\$&')}%`})` : sql``}`;
  const from = sql`records r join subjects s on s.id = r.subject_id join catalog_topics t on t.id = r.topic_id join departments d on d.id = r.department_id`;
  const { rows } = await sql<BrowsedRecordRow>`
    select ${browseColumns} from ${from} where ${where}
    order by r.id desc limit ${f.limit} offset ${f.offset}`.execute(db);
  const count = await sql<{ n: number }>`select count(*)::int as n from (select 1 from ${from} where ${where} limit ${f.countCap}) c`.execute(db);
  return { rows: rows.map(toBrowsed), total: count.rows[0]?.n ?? 0 };
}

/**
 * One record version, and every version of the same record (same topic and business key), oldest first.
 * Versions are found through the subject's index (a business key includes the subject's name).
 */
export async function findRecordWithVersions(db: Kysely<DB>, id: number) {
  const { rows } = await sql<BrowsedRecordRow & { department_id: number }>`
    select ${browseColumns}, r.department_id
    from records r join subjects s on s.id = r.subject_id join catalog_topics t on t.id = r.topic_id
    join departments d on d.id = r.department_id
    where r.id = ${id}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const versions = await sql<{ id: number; version: number; is_current: boolean; received_at: Date; batch_id: number; superseded_at: Date | null }>`
    select id, version, is_current, received_at, batch_id, superseded_at from records
    where subject_id = ${row.subject_id} and topic_id = ${row.topic_id} and business_key = ${row.business_key}
    order by version`.execute(db);
  return {
    record: { ...toBrowsed(row), department_id: row.department_id },
    versions: versions.rows.map((v) => ({ ...v, id: Number(v.id), batch_id: Number(v.batch_id) })),
  };
}

// ---- 登记状态: subjects.status, derived from records (migration 0007) ----

/** Topics any of whose versions declares a status item (catalog `statusItem`). */
const STATUS_TOPICS = sql`(select distinct topic_id from catalog_topic_versions where definition ? 'statusItem')`;

export interface SubjectStatusChange {
  id: number;
  previous: string | null;
  status: string | null;
  statusDate: string | null;
  recordId: number | null;
}

/**
 * Recomputes the registration status of these subjects in one statement: the status item's value in
 * the newest current, active record (by decision date, then id) of a topic declaring one, read through
 * the version of the definition the record was validated against. Natural persons keep none. Returns
 * the subjects whose status (or the record it comes from) changed.
 */
export async function refreshSubjectStatus(db: Kysely<DB>, subjectIds: readonly number[]): Promise<SubjectStatusChange[]> {
  if (subjectIds.length === 0) return [];
  const { rows } = await sql<{ id: number; previous: string | null; status: string | null; status_date: string | null; record_id: number | null }>`
    with newest as (
      select t.id, x.status, x.decision_date, x.record_id
      from unnest(${[...new Set(subjectIds)]}::int8[]) as t(id)
      left join lateral (
        select r.data ->> (v.definition ->> 'statusItem') as status, r.decision_date, r.id as record_id
        from records r
        join catalog_topic_versions v on v.topic_id = r.topic_id and v.version = r.topic_version
        where r.subject_id = t.id and r.topic_id in ${STATUS_TOPICS}
          and r.is_current and r.status = 'active' and v.definition ? 'statusItem'
        order by r.decision_date desc nulls last, r.id desc
        limit 1
      ) x on true
    )
    update subjects s set status = n.status, status_date = n.decision_date, status_record_id = n.record_id
    from newest n, subjects o
    where s.id = n.id and o.id = s.id and s.kind <> 'natural_person'
      and (s.status_record_id is distinct from n.record_id or s.status is distinct from n.status)
    returning s.id, o.status as previous, s.status, s.status_date::text as status_date, s.status_record_id as record_id`.execute(db);
  return rows.map((row) => ({
    id: Number(row.id),
    previous: row.previous,
    status: row.status,
    statusDate: row.status_date,
    recordId: row.record_id === null ? null : Number(row.record_id),
  }));
}

/** Subjects whose status a rebuild must recompute: those with a current record of a status topic, or a status now. */
export async function findStatusSubjects(db: Kysely<DB>): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    select r.subject_id as id from records r where r.topic_id in ${STATUS_TOPICS} and r.is_current
    union
    select s.id from subjects s where s.status_record_id is not null
    order by id`.execute(db);
  return rows.map((row) => Number(row.id));
}

// ---- 异议 (objections): withdrawal of a record, the flag of records under objection ----

/** Marks a record withdrawn if it is not already; returns its subject when it changed. */
export async function withdrawRecord(db: Kysely<DB>, id: number): Promise<{ subjectId: number } | undefined> {
  const row = await db.updateTable('records').set({ status: 'withdrawn' }).where('id', '=', id).where('status', '=', 'active').returning('subject_id').executeTakeFirst();
  return row ? { subjectId: Number(row.subject_id) } : undefined;
}

/** Marks a record repaired (信用修复: 终止公示) if it is still active; returns its subject when it changed. */
export async function markRecordRepaired(db: Kysely<DB>, id: number): Promise<{ subjectId: number } | undefined> {
  const row = await db.updateTable('records').set({ status: 'repaired' }).where('id', '=', id).where('status', '=', 'active').returning('subject_id').executeTakeFirst();
  return row ? { subjectId: Number(row.subject_id) } : undefined;
}

/** Of these records, those with an accepted objection not yet decided (shown 异议处理中). */
export async function findRecordsUnderObjection(db: Kysely<DB>, recordIds: readonly number[]): Promise<Set<number>> {
  if (recordIds.length === 0) return new Set();
  const { rows } = await sql<{ id: number }>`
    select distinct record_id as id from objections
    where record_id = any(${[...recordIds]}::bigint[]) and status in ('accepted', 'verifying')`.execute(db);
  return new Set(rows.map((row) => Number(row.id)));
}

export interface GovernmentRecordRow {
  id: number;
  subject_id: number;
  subject_name: string;
  type: string;
  decision_date: string | null;
  finder: string;
  amount: string | null;
  remedied: boolean;
}

/**
 * 政务诚信 figures: government bodies known to the platform, and the visible records of a topic about
 * them (政务失信记录) with the items that hold the kind, the finding body, the amount and the remedy,
 * newest first (at most `limit`).
 */
export async function findGovernmentRecords(db: Kysely<DB>, topicId: number, today: string, items: { type: string; finder: string; amount: string; remedy: string }, limit: number) {
  const [bodies, visible] = await Promise.all([
    sql<{ n: number }>`select count(*)::int as n from subjects where kind = 'government'`.execute(db),
    sql<GovernmentRecordRow>`
      select r.id, r.subject_id, s.name as subject_name, r.data->>${items.type} as type, r.decision_date::text as decision_date,
        coalesce(r.data->>${items.finder}, d.name) as finder, nullif(r.data->>${items.amount}, '') as amount,
        coalesce(r.data->>${items.remedy}, '') <> '' as remedied
      from records r
      join subjects s on s.id = r.subject_id
      join departments d on d.id = r.department_id
      where r.topic_id = ${topicId} and s.kind = 'government' and ${visibleOn(today)}
      order by r.decision_date desc nulls last, r.id desc
      limit ${limit}`.execute(db),
  ]);
  return { bodies: bodies.rows[0]?.n ?? 0, rows: visible.rows.map((row) => ({ ...row, id: Number(row.id), subject_id: Number(row.subject_id) })) };
}

/**
 * Writes one record of a due-process case (a broken commitment) as version 1 of its business key, with
 * a one-row batch of channel 'case' for provenance (department, who, when). A current record with the
 * same key already there is a unique violation (the case writes its record once).
 */
export async function insertCaseRecord(db: Kysely<DB>, values: {
  topicId: number;
  topicVersion: number;
  departmentId: number;
  subjectId: number;
  businessKey: string;
  decisionDate: string | null;
  publishUntil: string | null;
  data: Record<string, string>;
  contentHash: string;
  label: string;
  by: string;
  at: Date;
}): Promise<{ recordId: number; batchId: number }> {
  const batch = await db
    .insertInto('batches')
    .values({
      department_id: values.departmentId,
      topic_id: values.topicId,
      topic_version: values.topicVersion,
      channel: 'case',
      format: 'json',
      file_name: values.label,
      status: 'completed',
      submitted_by: values.by,
      received_at: values.at,
      finished_at: values.at,
      total_rows: 1,
      created_count: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const record = await db
    .insertInto('records')
    .values({
      topic_id: values.topicId,
      topic_version: values.topicVersion,
      business_key: values.businessKey,
      version: 1,
      is_current: true,
      subject_id: values.subjectId,
      department_id: values.departmentId,
      batch_id: batch.id,
      source_row: 1,
      received_at: values.at,
      decision_date: values.decisionDate,
      publish_until: values.publishUntil,
      data: JSON.stringify(values.data),
      data_enc: null,
      content_hash: values.contentHash,
      timeliness_workdays: null,
      late: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { recordId: Number(record.id), batchId: Number(batch.id) };
}

/** A subject's commitments the record shows (承诺): every one signed and not revoked, newest first. */
export async function findSubjectCommitments(db: Kysely<DB>, subjectId: number) {
  const { rows } = await sql<{
    id: number;
    type: string;
    matter_name: string;
    matter_detail: string;
    signed_on: string;
    due_date: string | null;
    status: 'signed' | 'kept' | 'broken';
    department_name: string;
    verdict_at: Date | string | null;
  }>`
    select c.id, c.type, m.name as matter_name, c.matter_detail, c.signed_on::text as signed_on, c.due_date::text as due_date,
      c.status, d.name as department_name, c.verdict_at
    from commitments c
    join matters m on m.code = c.matter_code
    join departments d on d.id = c.department_id
    where c.subject_id = ${subjectId} and c.status <> 'revoked'
    order by c.signed_on desc, c.id desc
    limit 200`.execute(db);
  return rows;
}
