import crypto from 'node:crypto';
import type { AppContext } from '../app/context.js';
import { findTopicByCode, type Topic } from '../catalog/index.js';
import { maskResidentId } from '../codes/index.js';
import { hasRole, type Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { emitEvent } from '../kernel/outbox.js';
import { stopwatch } from '../kernel/profile.js';
import { findCurrentVersions, RECORD_COPY_COLUMNS, supersedeRecords, topicHasRecords } from '../records/repository.js';
import { SubjectResolver, type IdentifierInput, type SubjectInput } from '../subjects/index.js';
import { CatalogErrors } from '../catalog/errors.js';
import { compileRowValidator, type RowIssue, type ValidRow } from './compile-row-validator.js';
import { IngestErrors } from './errors.js';
import { mapHeaders } from './map-headers.js';
import { detectFormat, openSource, type ParseLimits, type SourceFormat } from './parsers/index.js';
import * as repo from './repository.js';

/** Rows merged per round trip: large enough to amortise the set-based statements. */
const MERGE_CHUNK_ROWS = 10_000;
/** Error rows kept per batch; beyond this only the count is kept (a wholly wrong file repeats itself). */
const MAX_STORED_ISSUES = 200_000;

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
}

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
 * one transaction: parse → validate against the catalogue → normalise → stage (COPY) → resolve subjects
 * → merge versioned records, and writes the batch report, its error rows, an audit row and an outbox
 * event. A file that cannot be read at all refuses the batch and stores nothing; a process killed
 * midway stores nothing either (the batch shows as interrupted at the next start).
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

/** A valid row ready for the database: who it is about and the payload of its record. */
interface PreparedRow {
  rowNo: number;
  businessKey: string;
  contentHash: string;
  late: boolean;
  subject: SubjectInput;
  record: (string | null)[];
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
  const source = await openSource({ format: input.format, stream: state.peeked.stream, limits: input.limits });
  const columnOfItem = mapHeaders(def, source.header.headers);
  const validate = compileRowValidator(def, { today });
  const prepare = rowPreparer(ctx, topic, today);
  const keyFieldIndexes = def.keyFields.map((code) => def.items.findIndex((item) => item.code === code));
  const filled = keyFieldIndexes.map(() => 0);
  const seenKeys = new Map<string, number>();
  const counts = { total: 0, rejected: 0, warnings: 0, created: 0, updated: 0, unchanged: 0, late: 0 };
  let storedIssues = 0;
  const topicIdText = String(topic.id);
  const topicVersionText = String(topic.version);
  const departmentIdText = String(state.department.id);
  const batchIdText = String(batchId);

  return ctx.database.bulkTransaction(async (session) => {
    await repo.lockIngest(session.db);
    const resolver = new SubjectResolver(session.db, receivedAt);
    // Keys are unique within a batch, so a topic that held no records when the batch began can hold
    // no earlier version of any of them: a department's first large load skips the look-ups.
    const mayHaveVersions = await topicHasRecords(session.db, topic.id);
    let staged: PreparedRow[] = [];
    let issueRows: (string | null)[][] = [];
    let pending: Promise<void> | undefined;
    const receivedText = receivedAt.toISOString();

    const flush = async (rows: PreparedRow[], issues: (string | null)[][]) => {
      if (issues.length > 0) await session.copyRows('batch_errors', repo.ERROR_COLUMNS, issues);
      if (rows.length === 0) return;
      const lap = stopwatch();
      const subjects = await resolver.resolve(rows.map((row) => row.subject));
      lap('ingest: resolve subjects');
      const current = mayHaveVersions ? await findCurrentVersions(session.db, topic.id, rows.map((row) => row.businessKey)) : new Map();
      lap('ingest: match versions');
      const superseded: number[] = [];
      const inserts: (string | null)[][] = [];
      rows.forEach((row, index) => {
        const existing = current.get(row.businessKey);
        if (existing && existing.contentHash === row.contentHash) {
          counts.unchanged += 1;
          return;
        }
        if (existing) {
          counts.updated += 1;
          superseded.push(existing.id);
        } else counts.created += 1;
        if (row.late) counts.late += 1;
        inserts.push([
          topicIdText,
          topicVersionText,
          row.businessKey,
          String((existing?.version ?? 0) + 1),
          't',
          String(subjects[index]?.subjectId),
          departmentIdText,
          batchIdText,
          String(row.rowNo),
          receivedText,
          ...row.record,
        ]);
      });
      lap('ingest: route rows');
      await supersedeRecords(session.db, superseded, receivedAt);
      await session.copyRows('records', RECORD_COPY_COLUMNS, inserts);
      lap('ingest: write records');
      input.onProgress?.(counts.total);
    };
    // Node validates the next rows while PostgreSQL merges the previous ones.
    const schedule = async () => {
      if (pending) await pending;
      pending = flush(staged, issueRows);
      pending.catch(() => {});
      staged = [];
      issueRows = [];
    };
    const addIssues = (rowNo: number, issues: readonly RowIssue[]) => {
      for (const issue of issues) {
        if (issue.severity === 'warning') counts.warnings += 1;
        if (storedIssues >= MAX_STORED_ISSUES) continue;
        storedIssues += 1;
        issueRows.push([String(batchId), String(rowNo), issue.column, issue.columnName, issue.value, issue.severity, issue.code, issue.message]);
      }
    };

    const lap = stopwatch();
    try {
      for await (const chunk of source.rows) {
        lap('ingest: parse (waiting for rows)');
        for (const raw of chunk) {
          counts.total += 1;
          // Let the event loop answer the database between rows: while this loop runs, replies to the
          // previous chunk's statements wait, and PostgreSQL idles.
          if ((counts.total & 255) === 0) await yieldToEventLoop();
          const aligned = columnOfItem.map((column) => (column >= 0 ? (raw.values[column] ?? '') : ''));
          const result = validate(raw.rowNo, aligned);
          if (!result.ok) {
            counts.rejected += 1;
            addIssues(raw.rowNo, result.issues);
            continue;
          }
          const firstRow = seenKeys.get(result.row.businessKey);
          if (firstRow !== undefined) {
            counts.rejected += 1;
            addIssues(raw.rowNo, [
              {
                column: null,
                columnName: null,
                value: null,
                code: 'duplicate-key',
                severity: 'error',
                message: `与第 ${firstRow} 行的业务主键（${def.businessKey.join(' + ')}）相同，同一批次内不能重复报送`,
              },
            ]);
            continue;
          }
          seenKeys.set(result.row.businessKey, raw.rowNo);
          addIssues(raw.rowNo, result.warnings);
          keyFieldIndexes.forEach((index, k) => {
            if (index >= 0 && result.row.values[index] !== '') filled[k] = (filled[k] ?? 0) + 1;
          });
          staged.push(prepare(result.row));
        }
        lap('ingest: validate and prepare');
        if (staged.length >= MERGE_CHUNK_ROWS || issueRows.length >= MERGE_CHUNK_ROWS) await schedule();
        lap('ingest: wait for the previous chunk');
      }
    } catch (error) {
      // A flush may still be running on this connection; the rollback must not overtake it, or its
      // remaining statements would run outside the transaction.
      if (pending) await pending.catch(() => {});
      throw error;
    }
    await schedule();
    if (pending) await pending;
    if (counts.total === 0) throw new AppError(IngestErrors.INGEST_EMPTY_FILE);

    const accepted = counts.total - counts.rejected;
    const completeness = keyFieldIndexes.map((index, k) => ({
      code: def.keyFields[k] ?? '',
      name: def.items[index]?.name ?? '',
      filled: filled[k] ?? 0,
      rate: accepted === 0 ? 0 : Math.round(((filled[k] ?? 0) / accepted) * 10_000) / 10_000,
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
      encoding: source.header.encoding ?? null,
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
    const summary = { ...report, completeness: undefined, department: state.department.code, topic: def.code };
    await writeAudit(session.db, finishedAt, actor, { action: 'batch.complete', entityType: 'batch', entityId: batchId, detail: summary });
    await emitEvent(session.db, finishedAt, { topic: 'batch.completed', key: batchId, payload: summary });
    return report;
  });
}

/**
 * Turns a valid row into its staging row: personal identifiers replaced by keyed hashes, ciphertext
 * and masked forms; a keyed content hash to tell unchanged re-submissions; 双公示 timeliness.
 */
function rowPreparer(ctx: AppContext, topic: Topic, today: string) {
  const def = topic.definition;
  const items = def.items;
  const personal = items.map((item) => item.personal === true);
  const quotedCodes = items.map((item) => JSON.stringify(item.code));
  const limit = def.timelinessWorkdays;
  // Identical plaintexts recur (a legal representative on many records): encrypt and key-hash each
  // once per batch.
  const seal = memo((plain: string) => ctx.crypto.encrypt(plain));
  const residentKey = memo((plain: string) => ctx.crypto.blindIndex('resident-id', plain));
  const otherKey = memo((plain: string) => ctx.crypto.blindIndex('other-id', plain));
  const itemKey = memo((plain: string) => ctx.crypto.blindIndex('record-item', plain));

  return (row: ValidRow): PreparedRow => {
    // The record's JSON is written directly (no intermediate object: this runs for every row), and the
    // content digest covers the same text plus the keyed hashes of personal values.
    let json = '{';
    let personalKeys = '';
    let secret: string | undefined;
    for (let i = 0; i < items.length; i++) {
      const value = row.values[i] ?? '';
      if (value === '') continue;
      let shown = value;
      if (personal[i]) {
        secret = (secret === undefined ? '{' : secret + ',') + quotedCodes[i] + ':' + jsonString(value);
        shown = /^\d{17}[\dX]$/.test(value) ? maskResidentId(value) : maskOther(value);
        personalKeys += itemKey(value) + '\u001f';
      }
      json += (json.length > 1 ? ',' : '') + quotedCodes[i] + ':' + jsonString(shown);
    }
    json += '}';
    if (secret !== undefined) secret += '}';
    const s = row.subject;
    const identifiers: IdentifierInput[] = [];
    if (s.uscc) identifiers.push({ kind: 'uscc', valueKey: s.uscc });
    if (s.orgCode) identifiers.push({ kind: 'org-code', valueKey: s.orgCode });
    if (s.regNo) identifiers.push({ kind: 'reg-no', valueKey: s.regNo });
    if (s.taxNo) identifiers.push({ kind: 'tax-no', valueKey: s.taxNo });
    if (s.institutionCert) identifiers.push({ kind: 'institution-cert', valueKey: s.institutionCert });
    if (s.socialOrgCert) identifiers.push({ kind: 'social-org-cert', valueKey: s.socialOrgCert });
    if (s.residentId) {
      identifiers.push({ kind: 'resident-id', valueKey: residentKey(s.residentId), valueEnc: seal(s.residentId), valueMasked: maskResidentId(s.residentId) });
    } else if (s.otherId) {
      identifiers.push({ kind: 'other-id', valueKey: otherKey(s.otherId), valueEnc: seal(s.otherId), valueMasked: maskOther(s.otherId) });
    }
    const rep = row.legalRep;
    const subject: SubjectInput = {
      kind: s.kind,
      name: s.name,
      nameNorm: s.nameNorm,
      region: s.region,
      identifiers,
      legalRep: rep
        ? {
            name: rep.name,
            nameNorm: rep.nameNorm,
            region: rep.residentId.slice(0, 6),
            identifier: { kind: 'resident-id', valueKey: residentKey(rep.residentId), valueEnc: seal(rep.residentId), valueMasked: maskResidentId(rep.residentId) },
          }
        : null,
    };
    let timeliness: number | null = null;
    if (limit !== undefined && row.decisionDate) {
      try {
        timeliness = ctx.calendar.workdaysBetween(row.decisionDate, today);
      } catch {
        // A decision date in a year the calendar does not know: timeliness cannot be judged.
        timeliness = null;
      }
    }
    // Personal values enter only as keyed hashes, so a plain digest is enough to detect changes.
    const contentHash = crypto.hash('sha256', personalKeys === '' ? json : json + personalKeys, 'base64url');
    const late = timeliness !== null && limit !== undefined && timeliness > limit;
    return {
      rowNo: row.rowNo,
      businessKey: row.businessKey,
      contentHash,
      late,
      subject,
      // The tail of the record's COPY row, after the columns known only once the subject is resolved.
      record: [
        row.decisionDate,
        row.publishUntil,
        json,
        secret === undefined ? null : seal(secret),
        contentHash,
        timeliness === null ? null : String(timeliness),
        timeliness === null || limit === undefined ? null : late ? 't' : 'f',
      ],
    };
  };
}

// eslint-disable-next-line no-control-regex
const JSON_SPECIAL = /["\\\u0000-\u001f\u2028\u2029]/;

/** A string as JSON: most values need no escaping, so only those that do go through JSON.stringify. */
function jsonString(value: string): string {
  return JSON_SPECIAL.test(value) ? JSON.stringify(value) : '"' + value + '"';
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Caches a function of a string for the length of a batch (bounded, so memory stays flat). */
function memo(fn: (value: string) => string): (value: string) => string {
  const cache = new Map<string, string>();
  return (value) => {
    let out = cache.get(value);
    if (out === undefined) {
      out = fn(value);
      if (cache.size >= 100_000) cache.clear();
      cache.set(value, out);
    }
    return out;
  };
}

/** Masks a non-resident-ID document number: first 2 and last 2 characters kept. */
function maskOther(value: string): string {
  return value.length <= 4 ? '*'.repeat(value.length) : value.slice(0, 2) + '*'.repeat(value.length - 4) + value.slice(-2);
}
