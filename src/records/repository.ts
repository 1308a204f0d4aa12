import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** All SQL of credit records. */

export interface MergeCounts {
  created: number;
  updated: number;
  unchanged: number;
  late: number;
}

/**
 * Merges the staged rows (`ingest_stage`, subjects already resolved) into `records` for one topic:
 * a business key never seen becomes version 1; a key whose current version has other content gets a
 * new version and the old one is kept, no longer current; identical content changes nothing.
 */
export async function mergeStagedRecords(
  db: Kysely<DB>,
  input: { topicId: number; topicVersion: number; departmentId: number; batchId: number; receivedAt: Date },
): Promise<MergeCounts> {
  await sql`
    update ingest_stage s set existing_id = r.id, existing_version = r.version, existing_hash = r.content_hash
    from records r
    where r.topic_id = ${input.topicId} and r.is_current and r.business_key = s.business_key`.execute(db);
  await sql`
    update records r set is_current = false, superseded_at = ${input.receivedAt}
    from ingest_stage s
    where s.existing_id = r.id and s.existing_hash <> s.content_hash`.execute(db);
  await sql`
    insert into records (topic_id, topic_version, business_key, version, is_current, subject_id, department_id, batch_id,
      source_row, received_at, decision_date, publish_until, data, data_enc, content_hash, timeliness_workdays, late)
    select ${input.topicId}, ${input.topicVersion}, business_key, coalesce(existing_version, 0) + 1, true, subject_id,
      ${input.departmentId}, ${input.batchId}, row_no, ${input.receivedAt}, decision_date, publish_until, data, data_enc,
      content_hash, timeliness, late
    from ingest_stage s
    where s.existing_id is null or s.existing_hash <> s.content_hash`.execute(db);
  const { rows } = await sql<{ created: number; updated: number; unchanged: number; late: number }>`
    select
      count(*) filter (where existing_id is null)::int as created,
      count(*) filter (where existing_id is not null and existing_hash <> content_hash)::int as updated,
      count(*) filter (where existing_hash = content_hash)::int as unchanged,
      count(*) filter (where late and (existing_id is null or existing_hash <> content_hash))::int as late
    from ingest_stage`.execute(db);
  return rows[0] ?? { created: 0, updated: 0, unchanged: 0, late: 0 };
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
