import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

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
  const { rows } = await sql<{ business_key: string; id: number; version: number; content_hash: string }>`
    select r.business_key, r.id, r.version, r.content_hash
    from records r
    where r.topic_id = ${topicId} and r.is_current and r.business_key = any(${[...keys]}::text[])`.execute(db);
  for (const row of rows) out.set(row.business_key, { id: row.id, version: row.version, contentHash: row.content_hash });
  return out;
}

/** Marks versions that a newer version replaces as no longer current (the rows themselves are kept). */
export async function supersedeRecords(db: Kysely<DB>, ids: readonly number[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await sql`update records set is_current = false, superseded_at = ${at} where id = any(${sql.val([...ids])}::bigint[])`.execute(db);
}
