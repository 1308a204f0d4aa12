import crypto from 'node:crypto';
import type { AppContext } from '../app/context.js';
import { findTopicByCode, type Topic } from '../catalog/index.js';
import { hasRole, type Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { emitEvent } from '../kernel/outbox.js';
import { stopwatch } from '../kernel/profile.js';
import { carryOverStatus, findCurrentVersions, RECORD_COPY_COLUMNS, supersedeRecords, topicHasRecords, type CurrentVersion } from '../records/repository.js';
import { refreshSubjectStatus } from '../records/index.js';
import { SubjectResolver } from '../subjects/index.js';
import { CatalogErrors } from '../catalog/errors.js';
import { IngestErrors } from './errors.js';
import { detectFormat, type ParseLimits, type SourceFormat } from './parsers/index.js';
import { prepareInWorker } from './prepare-in-worker.js';
import { NO_DATE, prepareRows, type PreparedChunk, type PrepareSummary } from './prepare-rows.js';
import * as repo from './repository.js';

export interface SubmitBatchInput {
  departmentCode: string;
  topicCode: string;
  channel: 'upload' | 'api' | 'cli';
  fileName: string | null;
  /** Detected from the name and first bytes when absent. */
  format?: SourceFormat;
  input: AsyncIterable<Buffer | string> | NodeJS.ReadableStream;
  limits?: Partial<ParseLimits>;
  onProgress?: (rowsDone: number) => void;
  /**
   * Parse and validate in a worker thread while the main thread merges: for large files (the CLI and
   * the upload routes turn it on from WORKER_MIN_BYTES); small ones are quicker without the thread.
   */
  worker?: boolean;
}

/** Length of a content hash: SHA-256 in base64url. */
const CONTENT_HASH_CHARS = 43;

/** Inputs at least this large are prepared in a worker thread (starting one costs ~0.3 s). */
export const WORKER_MIN_BYTES = 8 * 1024 * 1024;

export interface BatchReport {
  id: number;
  status: 'completed';
  totalRows: number;
  /** Rows that passed validation: created + updated + unchanged. */
  accepted: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** 双公示 records received later than the topic's time limit. */
  late: number;
  warnings: number;
  completeness: { code: string; name: string; filled: number; rate: number }[];
}

/** Reads the input while hashing and counting it, after peeking at its first bytes. */
async function peekInput(input: SubmitBatchInput['input']) {
  const iterator = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? Buffer.alloc(0) : Buffer.from(first.value);
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length > 0) {
      hash.update(head);
      bytes += head.length;
      yield head;
    }
    if (first.done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const chunk = Buffer.from(next.value);
      hash.update(chunk);
      bytes += chunk.length;
      yield chunk;
    }
  }
  return { head, stream: all(), digest: () => hash.digest('hex'), bytes: () => bytes };
}

function authorise(actor: Actor, department: { id: number; code: string }): void {
  if (hasRole(actor, 'admin')) return;
  if (!hasRole(actor, 'submitter')) throw new AppError(CommonErrors.FORBIDDEN, { detail: '需要数据报送员角色' });
  if (actor.departmentId !== department.id) {
    throw new AppError(CommonErrors.FORBIDDEN, { detail: `只能为本部门报送数据，不能代部门「${department.code}」报送` });
  }
}

/**
 * Takes a department's file (CSV in UTF-8 or GBK/GB18030, XLSX or JSON) through the whole pipeline in
 * one transaction: parse → validate against the catalogue → normalise → prepare (in a worker thread
 * for a large file) → resolve subjects → write versioned records with COPY, and writes the batch
 * report, its error rows, an audit row and an outbox event. A file that cannot be read at all refuses
 * the batch and stores nothing; a process killed midway stores nothing either (the batch shows as
 * interrupted at the next start).
 */
export async function submitBatch(ctx: AppContext, actor: Actor, input: SubmitBatchInput): Promise<BatchReport> {
  const department = await repo.findDepartmentByCode(ctx.db, input.departmentCode);
  if (!department) throw new AppError(IngestErrors.INGEST_DEPARTMENT_NOT_FOUND, { department: input.departmentCode });
  authorise(actor, department);
  const topic = await findTopicByCode(ctx.db, input.topicCode);
  if (!topic) throw new AppError(CatalogErrors.CATALOG_TOPIC_NOT_FOUND, { topic: input.topicCode });
  if (!topic.active) throw new AppError(CatalogErrors.CATALOG_TOPIC_INACTIVE, { topic: topic.definition.name });
  const allowed = topic.definition.sourceDepartments;
  if (allowed.length > 0 && !allowed.includes(department.code)) {
    throw new AppError(IngestErrors.INGEST_NOT_ALLOWED_TOPIC, { department: department.name, topic: topic.definition.name });
  }

  const peeked = await peekInput(input.input);
  const format = input.format ?? detectFormat(input.fileName ?? '', peeked.head);
  if (!format) throw new AppError(IngestErrors.INGEST_UNKNOWN_FORMAT, { name: input.fileName ?? '（未命名）' });

  const receivedAt = ctx.clock.now();
  const batchId = await ctx.db.transaction().execute(async (tx) => {
    const id = await repo.insertBatch(tx, {
      departmentId: department.id,
      topicId: topic.id,
      topicVersion: topic.version,
      channel: input.channel,
      format,
      fileName: input.fileName,
      submittedBy: actor.name ?? actor.type,
      receivedAt,
    });
    await writeAudit(tx, receivedAt, actor, {
      action: 'batch.submit',
      entityType: 'batch',
      entityId: id,
      detail: { department: department.code, topic: topic.definition.code, file: input.fileName, channel: input.channel },
    });
    return id;
  });

  try {
    return await runBatch(ctx, actor, { ...input, format }, { batchId, department, topic, receivedAt, peeked });
  } catch (error) {
    const failedAt = ctx.clock.now();
    const appError = error instanceof AppError ? error : undefined;
    await ctx.db.transaction().execute(async (tx) => {
      await repo.failBatch(tx, batchId, failedAt, appError?.code ?? 'INTERNAL', appError?.messageZh ?? '处理批次时发生内部错误');
      await writeAudit(tx, failedAt, actor, {
        action: 'batch.fail',
        entityType: 'batch',
        entityId: batchId,
        detail: { code: appError?.code ?? 'INTERNAL' },
      });
    });
    if (appError) Object.assign(appError, { details: { ...(appError.details as object | undefined), batchId } });
    throw error;
  }
}

interface RunState {
  batchId: number;
  department: { id: number; code: string; name: string };
  topic: Topic;
  receivedAt: Date;
  peeked: Awaited<ReturnType<typeof peekInput>>;
}

async function runBatch(
  ctx: AppContext,
  actor: Actor,
  input: SubmitBatchInput & { format: SourceFormat },
  state: RunState,
): Promise<BatchReport> {
  const { topic, batchId, receivedAt } = state;
  const def = topic.definition;
  const today = chinaDate(receivedAt);
  const limit = def.timelinessWorkdays;
  const options = { topic, format: input.format, limits: input.limits, today, departmentId: state.department.id, batchId, receivedAt };
  const chunks = input.worker
    ? prepareInWorker(state.peeked.stream, options, ctx.crypto)
    : prepareRows(state.peeked.stream, { ...options, cooperative: true }, ctx.crypto);
  const counts = { total: 0, rejected: 0, warnings: 0, created: 0, updated: 0, unchanged: 0, late: 0 };
  // 双公示 timeliness: working days from the decision to receipt, once per distinct decision date.
  const timelinessOf = new Map<string, string>();
  const timeliness = (decisionDate: string): string => {
    if (limit === undefined || decisionDate === NO_DATE) return '\\N\t\\N';
    let cells = timelinessOf.get(decisionDate);
    if (cells === undefined) {
      try {
        const days = ctx.calendar.workdaysBetween(decisionDate, today);
        cells = `${days}\t${days > limit ? 't' : 'f'}`;
      } catch {
        // A decision date in a year the calendar does not know: timeliness cannot be judged.
        cells = '\\N\t\\N';
      }
      timelinessOf.set(decisionDate, cells);
    }
    return cells;
  };

  return ctx.database.bulkTransaction(async (session) => {
    await repo.lockIngest(session.db);
    const resolver = new SubjectResolver(session.db, receivedAt, session.copyText);
    // Keys are unique within a batch, so a topic that held no records when the batch began can hold
    // no earlier version of any of them: a department's first large load skips the look-ups.
    const mayHaveVersions = await topicHasRecords(session.db, topic.id);
    let pending: Promise<void> | undefined;

    // Subject ids by batch-local subject number (see PreparedChunk.subjects).
    const subjectIds: number[] = [];

    const flush = async (chunk: PreparedChunk) => {
      await session.copyText('batch_errors', repo.ERROR_COLUMNS, chunk.issues);
      if (chunk.count === 0) return;
      const lap = stopwatch();
      if (chunk.subjectBase !== subjectIds.length) throw new Error('prepared chunks arrived out of order');
      for (const resolved of await resolver.resolve(chunk.newSubjects)) subjectIds.push(resolved.subjectId);
      lap('ingest: resolve subjects');
      const keys = mayHaveVersions ? chunk.keys.split('\u0000') : [];
      const current = mayHaveVersions ? await findCurrentVersions(session.db, topic.id, keys) : new Map<string, CurrentVersion>();
      lap('ingest: match versions');
      const superseded: number[] = [];
      // Superseded versions that were withdrawn or repaired: their status carries over.
      const keepStatus: number[] = [];
      // Subjects whose records this chunk writes, when the topic gives subjects their registration status.
      const statusSubjects: number[] | null = def.statusItem ? [] : null;
      // The COPY data: per row the merge's columns, then the prepared bytes of the rest of the line.
      const { tails, tailEnds } = chunk;
      const out = Buffer.allocUnsafe(tails.length + chunk.count * 48);
      let at = 0;
      for (let index = 0; index < chunk.count; index++) {
        const start = index === 0 ? 0 : (tailEnds[index - 1] as number);
        const end = tailEnds[index] as number;
        const existing = mayHaveVersions ? current.get(keys[index] as string) : undefined;
        if (existing) {
          // The content hash (43 base64url characters) ends the line.
          if (existing.contentHash === tails.toString('latin1', end - CONTENT_HASH_CHARS, end)) {
            counts.unchanged += 1;
            continue;
          }
          counts.updated += 1;
          superseded.push(existing.id);
          if (existing.status !== 'active') keepStatus.push(existing.id);
        } else counts.created += 1;
        const version = (existing?.version ?? 0) + 1;
        const cells = timeliness(chunk.dates.slice(index * 10, index * 10 + 10));
        if (cells.endsWith('t')) counts.late += 1;
        const subjectId = subjectIds[chunk.subjects[index] as number] as number;
        statusSubjects?.push(subjectId);
        at += out.write(`${version}\t${subjectId}\t${cells}\t`, at, 'latin1');
        at += tails.copy(out, at, start, end);
        out[at++] = 0x0a;
      }
      lap('ingest: route rows');
      await supersedeRecords(session.db, superseded, receivedAt);
      await session.copyText('records', RECORD_COPY_COLUMNS, out.subarray(0, at));
      counts.warnings += await carryOverStatus(session.db, batchId, keepStatus);
      lap('ingest: write records');
      if (statusSubjects && statusSubjects.length > 0) {
        await refreshSubjectStatus(session.db, receivedAt, statusSubjects);
        lap('ingest: subject status');
      }
    };

    let summary: PrepareSummary;
    const lap = stopwatch();
    try {
      for (;;) {
        const next = await chunks.next();
        lap('ingest: prepare (waiting for rows)');
        if (next.done) {
          summary = next.value;
          break;
        }
        const chunk = next.value;
        counts.total += chunk.total;
        counts.rejected += chunk.rejected;
        counts.warnings += chunk.warnings;
        // PostgreSQL merges this chunk while the next one is prepared.
        if (pending) await pending;
        lap('ingest: wait for the previous chunk');
        input.onProgress?.(counts.total);
        pending = flush(chunk);
        pending.catch(() => {});
      }
    } catch (error) {
      // A flush may still be running on this connection; the rollback must not overtake it, or its
      // remaining statements would run outside the transaction.
      if (pending) await pending.catch(() => {});
      // A failed merge leaves the preparation suspended: stop it (and its worker thread) and release the input.
      await chunks.return(undefined as never).catch(() => {});
      throw error;
    }
    if (pending) await pending;
    input.onProgress?.(counts.total);
    if (counts.total === 0) throw new AppError(IngestErrors.INGEST_EMPTY_FILE);

    const accepted = counts.total - counts.rejected;
    const completeness = def.keyFields.map((code, k) => ({
      code,
      name: def.items.find((item) => item.code === code)?.name ?? '',
      filled: summary.filled[k] ?? 0,
      rate: accepted === 0 ? 0 : Math.round(((summary.filled[k] ?? 0) / accepted) * 10_000) / 10_000,
    }));
    const finishedAt = ctx.clock.now();
    await repo.completeBatch(session.db, batchId, {
      finishedAt,
      totalRows: counts.total,
      created: counts.created,
      updated: counts.updated,
      unchanged: counts.unchanged,
      rejected: counts.rejected,
      late: counts.late,
      completeness,
      fileSha256: state.peeked.digest(),
      fileBytes: state.peeked.bytes(),
      encoding: summary.encoding,
    });
    const report: BatchReport = {
      id: batchId,
      status: 'completed',
      totalRows: counts.total,
      accepted,
      created: counts.created,
      updated: counts.updated,
      unchanged: counts.unchanged,
      rejected: counts.rejected,
      late: counts.late,
      warnings: counts.warnings,
      completeness,
    };
    const event = { ...report, completeness: undefined, department: state.department.code, topic: def.code };
    await writeAudit(session.db, finishedAt, actor, { action: 'batch.complete', entityType: 'batch', entityId: batchId, detail: event });
    await emitEvent(session.db, finishedAt, { topic: 'batch.completed', key: batchId, payload: event });
    return report;
  });
}
