import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** All SQL of credit records. */

/** Columns of `records` a batch writes with COPY, in order. */
export const RECORD_COPY_COLUMNS = [
  'topic_id',
  'topic_version',
  'business_key',
  'version',
  'is_current',
  'subject_id',
  'department_id',
  'batch_id',
  'source_row',
  'received_at',
  'decision_date',
  'publish_until',
  'data',
  'data_enc',
  'content_hash',
  'timeliness_workdays',
  'late',
] as const;

/** A staged row with its resolved subject and the current version of its record, if any. */
export interface StagedMatch {
  row_no: number;
  subject_id: number;
  existing_id: number | null;
  existing_version: number | null;
  existing_hash: string | null;
}

/**
 * For every staged row (`ingest_stage`, subjects already resolved), the current version of the record
 * with the same business key in the topic — one set-based look-up for the whole chunk.
 */
export async function matchStagedRecords(db: Kysely<DB>, topicId: number): Promise<StagedMatch[]> {
  const { rows } = await sql<StagedMatch>`
    select s.row_no, s.subject_id, r.id as existing_id, r.version as existing_version, r.content_hash as existing_hash
    from ingest_stage s
    left join records r on r.topic_id = ${topicId} and r.is_current and r.business_key = s.business_key`.execute(db);
  return rows;
}

/** Marks versions that a newer version replaces as no longer current (the rows themselves are kept). */
export async function supersedeRecords(db: Kysely<DB>, ids: readonly number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await sql`update records set is_current = false, superseded_at = ${at} where id = any(${sql.val([...ids])}::bigint[])`.execute(db);
}

/** The current version of every record of a batch's rows, and any earlier versions of them. */
export async function listRecordVersions(db: Kysely<DB>, topicId: number, businessKey: string) {
  return db
    .selectFrom('records')
    .selectAll()
    .where('topic_id', '=', topicId)
    .where('business_key', '=', businessKey)
    .orderBy('version', 'desc')
    .execute();
}

export async function getRecord(db: Kysely<DB>, id: number) {
  return db.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRecords(
  db: Kysely<DB>,
  filter: { topicId?: number; departmentId?: number; subjectId?: number; batchId?: number; currentOnly?: boolean; limit: number; afterId?: number },
) {
  let query = db.selectFrom('records').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.topicId !== undefined) query = query.where('topic_id', '=', filter.topicId);
  if (filter.departmentId !== undefined) query = query.where('department_id', '=', filter.departmentId);
  if (filter.subjectId !== undefined) query = query.where('subject_id', '=', filter.subjectId);
  if (filter.batchId !== undefined) query = query.where('batch_id', '=', filter.batchId);
  if (filter.currentOnly) query = query.where('is_current', '=', true);
  if (filter.afterId !== undefined) query = query.where('id', '<', filter.afterId);
  return query.execute();
}
