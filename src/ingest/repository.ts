import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** All SQL of the ingest module: batches and their error rows. */

/** Serialises batches: two batches resolving the same new subject at once would collide. */
export async function lockIngest(db: Kysely<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(7468002)`.execute(db);
}

export const ERROR_COLUMNS = ['batch_id', 'row_no', 'column_code', 'column_name', 'value', 'severity', 'error_code', 'message'] as const;

export async function insertBatch(
  db: Kysely<DB>,
  batch: {
    departmentId: number;
    topicId: number;
    topicVersion: number;
    channel: 'upload' | 'api' | 'cli';
    format: 'csv' | 'xlsx' | 'json';
    fileName: string | null;
    submittedBy: string;
    receivedAt: Date;
  },
): Promise<number> {
  const row = await db
    .insertInto('batches')
    .values({
      department_id: batch.departmentId,
      topic_id: batch.topicId,
      topic_version: batch.topicVersion,
      channel: batch.channel,
      format: batch.format,
      file_name: batch.fileName,
      status: 'processing',
      submitted_by: batch.submittedBy,
      received_at: batch.receivedAt,
      completeness: null,
      error_code: null,
      error_message: null,
      file_sha256: null,
      file_bytes: null,
      encoding: null,
      finished_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function completeBatch(
  db: Kysely<DB>,
  id: number,
  result: {
    finishedAt: Date;
    totalRows: number;
    created: number;
    updated: number;
    unchanged: number;
    rejected: number;
    late: number;
    completeness: unknown;
    fileSha256: string;
    fileBytes: number;
    encoding: string | null;
  },
): Promise<void> {
  await db
    .updateTable('batches')
    .set({
      status: 'completed',
      finished_at: result.finishedAt,
      total_rows: result.totalRows,
      created_count: result.created,
      updated_count: result.updated,
      unchanged_count: result.unchanged,
      rejected_count: result.rejected,
      late_count: result.late,
      completeness: JSON.stringify(result.completeness),
      file_sha256: result.fileSha256,
      file_bytes: result.fileBytes,
      encoding: result.encoding,
    })
    .where('id', '=', id)
    .execute();
}

export async function failBatch(db: Kysely<DB>, id: number, at: Date, code: string, message: string): Promise<void> {
  await db
    .updateTable('batches')
    .set({ status: 'failed', finished_at: at, error_code: code, error_message: message })
    .where('id', '=', id)
    .execute();
}

/** Batches left `processing` by a process that died: nothing of them was stored, so they are marked interrupted. */
export async function markInterruptedBatches(db: Kysely<DB>, at: Date): Promise<number[]> {
  const rows = await db
    .updateTable('batches')
    .set({
      status: 'interrupted',
      finished_at: at,
      error_code: 'INGEST_INTERRUPTED',
      error_message: '处理过程中服务中断，本批次未入库任何记录，请重新报送',
    })
    .where('status', '=', 'processing')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function getBatch(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('batches')
    .innerJoin('departments', 'departments.id', 'batches.department_id')
    .innerJoin('catalog_topics', 'catalog_topics.id', 'batches.topic_id')
    .selectAll('batches')
    .select(['departments.code as department_code', 'departments.name as department_name', 'catalog_topics.code as topic_code', 'catalog_topics.name as topic_name'])
    .where('batches.id', '=', id)
    .executeTakeFirst();
}

export async function listBatches(db: Kysely<DB>, filter: { departmentId?: number; limit: number; beforeId?: number }) {
  let query = db
    .selectFrom('batches')
    .innerJoin('departments', 'departments.id', 'batches.department_id')
    .innerJoin('catalog_topics', 'catalog_topics.id', 'batches.topic_id')
    .selectAll('batches')
    .select(['departments.code as department_code', 'departments.name as department_name', 'catalog_topics.code as topic_code', 'catalog_topics.name as topic_name'])
    .orderBy('batches.id', 'desc')
    .limit(filter.limit);
  if (filter.departmentId !== undefined) query = query.where('batches.department_id', '=', filter.departmentId);
  if (filter.beforeId !== undefined) query = query.where('batches.id', '<', filter.beforeId);
  return query.execute();
}

export async function listBatchErrors(db: Kysely<DB>, batchId: number, limit: number) {
  return db
    .selectFrom('batch_errors')
    .select(['row_no', 'column_code', 'column_name', 'value', 'severity', 'error_code', 'message'])
    .where('batch_id', '=', batchId)
    .orderBy('row_no')
    .orderBy('column_code')
    .limit(limit)
    .execute();
}

export async function findDepartmentByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('departments').selectAll().where('code', '=', code).executeTakeFirst();
}
