import crypto from 'node:crypto';
import type { Topic } from '../catalog/index.js';
import { maskResidentId } from '../codes/index.js';
import { copyCell, encodeCopyRows } from '../db/database.js';
import type { FieldCrypto } from '../kernel/field-crypto.js';
import type { IdentifierInput, SubjectInput } from '../subjects/index.js';
import { compileRowValidator, type RowIssue, type ValidRow } from './compile-row-validator.js';
import { mapHeaders } from './map-headers.js';
import { openSource, type ParseLimits, type SourceFormat } from './parsers/index.js';

/** Valid rows per chunk handed to the merge: large enough to amortise its set-based statements. */
export const MERGE_CHUNK_ROWS = 10_000;
/** Error rows kept per batch; beyond this only the count is kept (a wholly wrong file repeats itself). */
const MAX_STORED_ISSUES = 200_000;

/** What preparing a batch needs to know; plain data, so it can be handed to a worker thread. */
export interface PrepareOptions {
  topic: Topic;
  format: SourceFormat;
  limits?: Partial<ParseLimits> | undefined;
  /** Today in China (YYYY-MM-DD): decision dates after it are refused. */
  today: string;
  departmentId: number;
  batchId: number;
  receivedAt: Date;
  /**
   * On the main thread, pause every 256 rows so the event loop can answer the database meanwhile
   * (while this loop runs, replies to the previous chunk's statements wait and PostgreSQL idles).
   */
  cooperative: boolean;
}

/**
 * One chunk of a batch, packed into a few large values (a chunk crosses a thread boundary, where each
 * small object costs more than the bytes of a long string).
 */
export interface PreparedChunk {
  /** Valid rows in the chunk. */
  count: number;
  /**
   * Per valid row, its record's COPY line (UTF-8) after the columns known only at the merge (version,
   * subject, timeliness; see RECORD_COPY_COLUMNS), without the newline; row i ends at tailEnds[i].
   * Bytes outside the JS heap: the garbage collector does not copy them, and a worker hands them over
   * without copying.
   */
  tails: Buffer;
  tailEnds: Int32Array;
  /** Per valid row, its business key; separated by NUL (cleaned values hold no control characters). */
  keys: string;
  /** Per valid row, its decision date as 10 characters (YYYY-MM-DD, or spaces when there is none). */
  dates: string;
  /** Per valid row, the batch-local number of its subject (see newSubjects). */
  subjects: Int32Array;
  /** Subjects first seen in this chunk; the first one's batch-local number is subjectBase. */
  newSubjects: SubjectInput[];
  subjectBase: number;
  /** Lines of COPY text for batch_errors (ERROR_COLUMNS). */
  issues: string;
  /** Rows read, rows refused and warnings in this chunk. */
  total: number;
  rejected: number;
  warnings: number;
}

/** What is known once the whole file has been read. */
export interface PrepareSummary {
  /** Per key field of the topic, how many accepted rows filled it. */
  filled: number[];
  /** CSV only: the detected text encoding. */
  encoding: string | null;
}

/**
 * Reads a department's file and turns it into chunks of prepared rows: parse → map the header onto
 * the catalogue → validate and normalise each row → refuse keys repeated within the batch → encode
 * the record. Everything here is CPU work on the file alone (no database), so it can run in a worker
 * thread (prepare-worker.ts) while the main thread merges earlier chunks.
 */
export async function* prepareRows(
  stream: AsyncIterable<Buffer>,
  options: PrepareOptions,
  fieldCrypto: FieldCrypto,
): AsyncGenerator<PreparedChunk, PrepareSummary> {
  const def = options.topic.definition;
  const source = await openSource({ format: options.format, stream, limits: options.limits });
  let columnOfItem: number[];
  try {
    columnOfItem = mapHeaders(def, source.header.headers);
  } catch (error) {
    // Refused on its header: release the input and any temporary file (the rows are never read).
    await source.rows[Symbol.asyncIterator]().return?.();
    throw error;
  }
  const validate = compileRowValidator(def, { today: options.today });
  const prepare = rowPreparer(fieldCrypto, options);
  const keyFieldIndexes = def.keyFields.map((code) => def.items.findIndex((item) => item.code === code));
  const filled = keyFieldIndexes.map(() => 0);
  const seenKeys = new Map<string, number>();
  // Rows about the same subject (same names, identifiers, legal representative) share a batch-local
  // number, so the merge resolves each subject once per batch instead of once per row.
  const subjectNumbers = new Map<string, number>();
  let nextSubject = 0;
  let storedIssues = 0;
  let chunk = emptyChunk(0);
  let subjectRefs: number[] = [];
  let tailEnds: number[] = [];
  let tails = Buffer.allocUnsafeSlow(TAIL_BYTES);
  let tailBytes = 0;
  const pack = () => {
    chunk.subjects = Int32Array.from(subjectRefs);
    chunk.tailEnds = Int32Array.from(tailEnds);
    chunk.tails = tails.subarray(0, tailBytes);
  };
  const batchIdText = String(options.batchId);

  const addIssues = (rowNo: number, issues: readonly RowIssue[]) => {
    for (const issue of issues) {
      if (issue.severity === 'warning') chunk.warnings += 1;
      if (storedIssues >= MAX_STORED_ISSUES) continue;
      storedIssues += 1;
      chunk.issues += encodeCopyRows([[batchIdText, String(rowNo), issue.column, issue.columnName, issue.value, issue.severity, issue.code, issue.message]]);
    }
  };
  let issuesInChunk = 0;
  const aligned: string[] = new Array<string>(columnOfItem.length);

  for await (const rawRows of source.rows) {
    for (const raw of rawRows) {
      chunk.total += 1;
      if (options.cooperative && (chunk.total & 255) === 0) await yieldToEventLoop();
      for (let i = 0; i < columnOfItem.length; i++) {
        const column = columnOfItem[i] as number;
        aligned[i] = column >= 0 ? (raw.values[column] ?? '') : '';
      }
      const result = validate(raw.rowNo, aligned);
      if (!result.ok) {
        chunk.rejected += 1;
        issuesInChunk += result.issues.length;
        addIssues(raw.rowNo, result.issues);
        continue;
      }
      const firstRow = seenKeys.get(result.row.businessKey);
      if (firstRow !== undefined) {
        chunk.rejected += 1;
        issuesInChunk += 1;
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
      issuesInChunk += result.warnings.length;
      addIssues(raw.rowNo, result.warnings);
      for (let k = 0; k < keyFieldIndexes.length; k++) {
        const index = keyFieldIndexes[k] as number;
        if (index >= 0 && result.row.values[index] !== '') filled[k] = (filled[k] ?? 0) + 1;
      }
      const row = result.row;
      const signature = subjectSignature(row);
      let subject = subjectNumbers.get(signature);
      if (subject === undefined) {
        subject = nextSubject++;
        // Bounded: a batch of millions of distinct subjects starts over (the merge's resolver still
        // knows them, so this costs only time).
        if (subjectNumbers.size >= 500_000) subjectNumbers.clear();
        subjectNumbers.set(signature, subject);
        chunk.newSubjects.push(prepare.subjectOf(row));
      }
      subjectRefs.push(subject);
      const tail = prepare.tail(row);
      if (tailBytes + tail.length * 3 > tails.length) {
        const larger = Buffer.allocUnsafeSlow(Math.max(tails.length * 2, tailBytes + tail.length * 3));
        tails.copy(larger, 0, 0, tailBytes);
        tails = larger;
      }
      tailBytes += tails.write(tail, tailBytes);
      tailEnds.push(tailBytes);
      chunk.keys += (chunk.count > 0 ? '\u0000' : '') + row.businessKey;
      chunk.dates += row.decisionDate ?? NO_DATE;
      chunk.count += 1;
    }
    if (chunk.count >= MERGE_CHUNK_ROWS || issuesInChunk >= MERGE_CHUNK_ROWS) {
      pack();
      yield chunk;
      chunk = emptyChunk(nextSubject);
      subjectRefs = [];
      tailEnds = [];
      // The next chunk starts with the room this one needed.
      tails = Buffer.allocUnsafeSlow(tails.length);
      tailBytes = 0;
      issuesInChunk = 0;
    }
  }
  pack();
  if (chunk.total > 0) yield chunk;
  return { filled, encoding: source.header.encoding ?? null };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** PreparedChunk.dates of a row without a decision date. */
export const NO_DATE = ' '.repeat(10);

/** Initial room for a chunk's record lines (~1.3 KB each for the national penalty topic); doubled as needed. */
const TAIL_BYTES = 1024 * 1024;

function emptyChunk(subjectBase: number): PreparedChunk {
  return { count: 0, tails: Buffer.alloc(0), tailEnds: new Int32Array(0), keys: '', dates: '', subjects: new Int32Array(0), newSubjects: [], subjectBase, issues: '', total: 0, rejected: 0, warnings: 0 };
}

/** Everything about a row's subject that resolution looks at (kept in memory only, never stored). */
function subjectSignature(row: ValidRow): string {
  const s = row.subject;
  const rep = row.legalRep;
  return `${s.kind}\u0000${s.name}\u0000${s.region ?? ''}\u0000${s.uscc ?? ''}\u0000${s.orgCode ?? ''}\u0000${s.regNo ?? ''}\u0000${s.taxNo ?? ''}\u0000${s.institutionCert ?? ''}\u0000${s.socialOrgCert ?? ''}\u0000${s.residentId ?? ''}\u0000${s.otherId ?? ''}\u0000${rep ? `${rep.name}\u0000${rep.residentId}` : ''}`;
}

/**
 * Turns a valid row into what the merge needs: the subject to resolve and the record's COPY line,
 * written directly as text (this runs for every row). Personal values are replaced by their masked form
 * in `data`, kept encrypted in `data_enc` and enter the content hash only as keyed hashes; the content
 * hash tells an unchanged re-submission.
 */
export function rowPreparer(fieldCrypto: FieldCrypto, options: Pick<PrepareOptions, 'topic' | 'departmentId' | 'batchId' | 'receivedAt'>) {
  const { topic } = options;
  const items = topic.definition.items;
  const personal = items.map((item) => item.personal === true);
  const quotedCodes = items.map((item) => JSON.stringify(item.code));
  // Identical plaintexts recur (a legal representative on many records): encrypt and key-hash each
  // once per batch.
  const seal = memo((plain: string) => fieldCrypto.encrypt(plain));
  const residentKey = memo((plain: string) => fieldCrypto.blindIndex('resident-id', plain));
  const otherKey = memo((plain: string) => fieldCrypto.blindIndex('other-id', plain));
  const itemKey = memo((plain: string) => fieldCrypto.blindIndex('record-item', plain));
  const head = `${topic.id}\t${topic.version}\t`;
  const middle = `\tt\t${options.departmentId}\t${options.batchId}\t`;
  const received = `\t${options.receivedAt.toISOString()}\t`;

  /** The record's COPY line after the columns the merge fills in. */
  function tail(row: ValidRow): string {
    let json = '{';
    let escaped = false;
    let personalKeys = '';
    // `data_enc`: each personal value sealed on its own, so a value that recurs is encrypted once.
    let secret: string | undefined;
    for (let i = 0; i < items.length; i++) {
      const value = row.values[i] ?? '';
      if (value === '') continue;
      let shown = value;
      if (personal[i]) {
        secret = (secret === undefined ? '{' : secret + ',') + quotedCodes[i] + ':"' + seal(value) + '"';
        shown = RESIDENT_ID.test(value) ? maskResidentId(value) : maskOther(value);
        personalKeys += itemKey(value) + '\u001f';
      }
      if (JSON_SPECIAL.test(shown)) {
        escaped = true;
        shown = JSON.stringify(shown);
      } else shown = '"' + shown + '"';
      json += (json.length > 1 ? ',' : '') + quotedCodes[i] + ':' + shown;
    }
    json += '}';
    // Personal values enter only as keyed hashes, so a plain digest is enough to detect changes.
    const contentHash = crypto.hash('sha256', personalKeys === '' ? json : json + personalKeys, 'base64url');
    return (
      head +
      copyCell(row.businessKey) +
      middle +
      row.rowNo +
      received +
      (row.decisionDate ?? '\\N') +
      '\t' +
      (row.publishUntil ?? '\\N') +
      '\t' +
      // JSON has no raw tabs or newlines; its backslashes (only where a value needed escaping) double.
      (escaped ? copyCell(json) : json) +
      '\t' +
      (secret === undefined ? '\\N' : secret + '}') +
      '\t' +
      contentHash
    );
  }

  function subjectOf(row: ValidRow): SubjectInput {
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
    return {
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
  }

  return { tail, subjectOf };
}

const RESIDENT_ID = /^\d{17}[\dX]$/;
// eslint-disable-next-line no-control-regex
const JSON_SPECIAL = /["\\\u0000-\u001f\u2028\u2029]/;

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
