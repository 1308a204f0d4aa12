import { canSeeDepartment, requireSignedIn } from '../access/index.js';
import type { AppContext } from '../app/context.js';
import { hasRole, type Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/errors.js';
import { IngestErrors } from './errors.js';
import * as repo from './repository.js';

type BatchRow = NonNullable<Awaited<ReturnType<typeof repo.getBatch>>>;

/** How the API shows a batch. */
export function presentBatch(row: BatchRow) {
  const accepted = row.created_count + row.updated_count + row.unchanged_count;
  return {
    id: row.id,
    department: { code: row.department_code, name: row.department_name },
    topic: { code: row.topic_code, name: row.topic_name, version: row.topic_version },
    channel: row.channel,
    format: row.format,
    fileName: row.file_name,
    fileBytes: row.file_bytes,
    fileSha256: row.file_sha256,
    encoding: row.encoding,
    status: row.status,
    submittedBy: row.submitted_by,
    receivedAt: new Date(row.received_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    totalRows: row.total_rows,
    accepted,
    created: row.created_count,
    updated: row.updated_count,
    unchanged: row.unchanged_count,
    rejected: row.rejected_count,
    late: row.late_count,
    completeness: (row.completeness ?? []) as { code: string; name: string; filled: number; rate: number }[],
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
  };
}

/** One batch; another department's batch is reported as not found, so ids reveal nothing. */
export async function getBatch(ctx: AppContext, actor: Actor, id: number) {
  requireSignedIn(actor);
  const row = await repo.getBatch(ctx.db, id);
  if (!row || !canSeeDepartment(actor, row.department_id)) throw new AppError(IngestErrors.INGEST_BATCH_NOT_FOUND, { batch: id });
  return presentBatch(row);
}

/** Batches, newest first: all for admins and auditors, the own department's for everyone else. */
export async function listBatches(ctx: AppContext, actor: Actor, query: { limit: number; beforeId?: number }) {
  requireSignedIn(actor);
  const departmentId = hasRole(actor, 'admin', 'auditor') ? undefined : (actor.departmentId ?? -1);
  const rows = await repo.listBatches(ctx.db, { ...query, ...(departmentId === undefined ? {} : { departmentId }) });
  return rows.map(presentBatch);
}
