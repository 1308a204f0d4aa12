/**
 * Streaming CSV: bytes → text (encoding detected, see csv-decode.ts) → records (papaparse's core
 * parser, fed chunk by chunk) → rows aligned to the header. Memory stays bounded by the chunk size
 * and the longest record, whatever the file size.
 */
import Papa from 'papaparse';
import { AppError } from '../../kernel/errors.js';
import {
  bufferChunks,
  cellWhere,
  checkCellLength,
  codePointLength,
  limitBytes,
  RowChunker,
  singleUse,
  tooManyRows,
  type ByteInput,
} from './common.js';
import { decodeCsvText, type DecodeState } from './csv-decode.js';
import { ParseErrors } from './errors.js';
import { ROW_CHUNK_SIZE, type ParseLimits, type RawRow, type RowSource } from './types.js';

/** Text gathered before the first parse, to guess the delimiter and line break from the header. */
const DIALECT_SAMPLE_CHARS = 64 * 1024;
/** Minimum new text per parse call: fewer, larger calls keep papaparse on its fast paths. */
const MIN_PARSE_CHARS = 256 * 1024;
/** Text read past the header before the encoding must be reported (ASCII-only files stay 'utf-8'). */
const ENCODING_LOOKAHEAD_CHARS = 1024 * 1024;

interface Dialect {
  delimiter: string;
  newline: '\n' | '\r';
}

interface PapaError {
  code: string;
  row?: number;
}

interface PapaResult {
  data: string[][];
  errors: PapaError[];
  meta: { cursor: number };
}

/** A batch of consecutive records; record i is spreadsheet row `firstRowNo + i` (empty lines count, as in Excel). */
interface RecordBatch {
  firstRowNo: number;
  records: string[][];
  chars: number;
}

/**
 * Guesses the delimiter from the header line (Excel writes commas, its "text (tab delimited)" export
 * writes tabs) and the line break. CRLF files are parsed with LF as the break and the CR removed from
 * each record's end, so a file that mixes CRLF and LF (concatenated exports) still splits into the
 * rows Excel shows, instead of merging LF-ended lines into cells (the price: a quoted last cell that
 * itself ends in a lone CR loses it). Only a file whose first break is a lone CR (classic Mac) is split
 * on CR.
 */
export function guessDialect(sample: string): Dialect {
  let inQuotes = false;
  let newline: Dialect['newline'] = '\n';
  let lineEnd = sample.length;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      newline = c === '\r' && i + 1 < sample.length && sample[i + 1] !== '\n' ? '\r' : '\n';
      lineEnd = i;
      break;
    }
  }
  const counts = new Map<string, number>([
    [',', 0],
    ['\t', 0],
    [';', 0],
    ['|', 0],
  ]);
  inQuotes = false;
  for (let i = 0; i < lineEnd; i++) {
    const c = sample[i] as string;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let delimiter = ',';
  let best = 0;
  for (const [candidate, count] of counts) {
    if (count > best) {
      best = count;
      delimiter = candidate;
    }
  }
  return { delimiter, newline };
}

function quoteError(error: PapaError, rowNo: number, record: string[] | undefined, headers: () => string[]): AppError {
  if (error.code === 'MissingQuotes') {
    const col = Math.max(0, (record?.length ?? 1) - 1);
    const where = cellWhere(rowNo, col, headers()[col]);
    return new AppError(ParseErrors.PARSE_CSV_UNCLOSED_QUOTE, { where }, { rowNo, column: col + 1 });
  }
  return new AppError(ParseErrors.PARSE_CSV_BAD_QUOTE, { where: `第 ${rowNo} 行` }, { rowNo });
}

/**
 * Splits decoded text into records. papaparse's core parser is called on (unparsed remainder + new
 * text) with `ignoreLastRow`, exactly as its own stream mode does, but here the remainder is watched:
 * it only grows inside a record that has not ended, so once it could hold a cell longer than the limit
 * it is checked, which turns an unclosed quote in a 1 GB file into an early, precise error instead
 * of a quadratic re-parse of everything after it.
 */
async function* csvRecordBatches(text: AsyncIterable<string>, limits: ParseLimits, headers: () => string[]): AsyncGenerator<RecordBatch> {
  let parser: Papa.Parser | undefined;
  let dialect: Dialect | undefined;
  let pending = '';
  let fresh: string[] = [];
  let freshChars = 0;
  let nextRowNo = 1;
  let lastCheckedPending = 0;

  const checkPending = (): void => {
    if (pending.length <= limits.maxCellChars + 2 || pending.length < lastCheckedPending * 2) return;
    lastCheckedPending = pending.length;
    const probe = new Papa.Parser({ ...dialect, quoteChar: '"' }).parse(pending, 0, false) as PapaResult;
    const record = probe.data[0] ?? [];
    const unclosed = probe.errors.some((e) => e.code === 'MissingQuotes');
    const rowNo = nextRowNo;
    for (let col = 0; col < record.length; col++) {
      const cell = record[col] as string;
      if (cell.length <= limits.maxCellChars || codePointLength(cell) <= limits.maxCellChars) continue;
      // A malformed quote ("x"y) makes the parser swallow the rest of the file into one cell: name the cause.
      const badQuote = probe.errors.find((e) => e.code === 'InvalidQuotes');
      if (badQuote) throw quoteError(badQuote, rowNo, undefined, headers);
      const where = cellWhere(rowNo, col, headers()[col]);
      if (unclosed && col === record.length - 1) {
        throw new AppError(ParseErrors.PARSE_CSV_QUOTED_CELL_TOO_LONG, { where, limit: limits.maxCellChars }, { rowNo, column: col + 1, limit: limits.maxCellChars });
      }
      checkCellLength(cell, limits.maxCellChars, () => where, () => ({ rowNo, column: col + 1 }));
    }
    if (record.length > limits.maxColumns) {
      throw new AppError(ParseErrors.PARSE_TOO_MANY_COLUMNS, { where: `第 ${rowNo} 行`, count: record.length, limit: limits.maxColumns }, { rowNo, count: record.length, limit: limits.maxColumns });
    }
  };

  const parseStep = (final: boolean): RecordBatch => {
    const input = pending + (fresh.length === 1 ? (fresh[0] as string) : fresh.join(''));
    fresh = [];
    freshChars = 0;
    const result = (parser as Papa.Parser).parse(input, 0, !final) as PapaResult;
    if (dialect?.newline === '\n') {
      for (const record of result.data) {
        const last = record.length - 1;
        const cell = record[last] as string;
        if (cell.charCodeAt(cell.length - 1) === 13) record[last] = cell.slice(0, -1);
      }
    }
    for (const error of result.errors) {
      const row = error.row ?? result.data.length;
      // With ignoreLastRow, errors in the unfinished last record are provisional: it is parsed again.
      if (!final && row >= result.data.length) continue;
      // A small file is parsed in one go, before openCsv has seen the header: take it from this batch.
      const names = headers().length > 0 ? headers : () => (result.data.slice(0, row).find((r) => !isEmptyRecord(r)) ?? []).map((c) => c.trim());
      throw quoteError(error, nextRowNo + row, result.data[row], names);
    }
    const consumed = final ? input.length : result.meta.cursor;
    pending = final ? '' : input.substring(consumed);
    const batch = { firstRowNo: nextRowNo, records: result.data, chars: consumed };
    nextRowNo += result.data.length;
    if (result.data.length > 0) lastCheckedPending = 0;
    if (!final) checkPending();
    return batch;
  };

  for await (const piece of text) {
    fresh.push(piece);
    freshChars += piece.length;
    if (!parser) {
      if (freshChars < DIALECT_SAMPLE_CHARS) continue;
      fresh = [fresh.join('')];
      dialect = guessDialect(fresh[0] as string);
      parser = new Papa.Parser({ ...dialect, quoteChar: '"' });
    }
    if (freshChars >= MIN_PARSE_CHARS && freshChars >= pending.length) {
      const batch = parseStep(false);
      if (batch.records.length > 0) yield batch;
    }
  }
  if (!parser) {
    if (freshChars === 0) return;
    fresh = [fresh.join('')];
    dialect = guessDialect(fresh[0] as string);
    parser = new Papa.Parser({ ...dialect, quoteChar: '"' });
  }
  const last = parseStep(true);
  if (last.records.length > 0) yield last;
}

function isEmptyRecord(record: string[]): boolean {
  for (let i = 0; i < record.length; i++) if (record[i] !== '') return false;
  return true;
}

/** Opens a CSV upload: reads up to the header row and returns it with a lazy iterator over the rows. */
export async function openCsv(stream: ByteInput, limits: ParseLimits): Promise<RowSource> {
  const state: DecodeState = { encoding: undefined };
  let headers: string[] = [];
  const batches = csvRecordBatches(decodeCsvText(limitBytes(bufferChunks(stream), limits.maxBytes), state), limits, () => headers);

  let first: { batch: RecordBatch; from: number } | undefined;
  let headerRowNo = 0;
  try {
    for (;;) {
      const next = await batches.next();
      if (next.done) break;
      const index = next.value.records.findIndex((r) => !isEmptyRecord(r));
      if (index === -1) continue;
      const record = next.value.records[index] as string[];
      headerRowNo = next.value.firstRowNo + index;
      headers = record.map((cell) => cell.trim());
      while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
      first = { batch: next.value, from: index + 1 };
      break;
    }
  } catch (error) {
    await batches.return(undefined);
    throw error;
  }
  if (!first) throw new AppError(ParseErrors.PARSE_EMPTY_FILE);

  if (headers.length > limits.maxColumns) {
    await batches.return(undefined);
    throw new AppError(ParseErrors.PARSE_TOO_MANY_COLUMNS, { where: '表头', count: headers.length, limit: limits.maxColumns }, { rowNo: headerRowNo, count: headers.length, limit: limits.maxColumns });
  }
  try {
    headers.forEach((name, col) => checkCellLength(name, limits.maxCellChars, () => cellWhere(headerRowNo, col), () => ({ rowNo: headerRowNo, column: col + 1 })));
  } catch (error) {
    await batches.return(undefined);
    throw error;
  }

  // Read ahead (a bounded amount) so the header can say which encoding was detected.
  const readAhead: RecordBatch[] = [];
  let readAheadChars = 0;
  try {
    while (state.encoding === undefined && readAheadChars < ENCODING_LOOKAHEAD_CHARS) {
      const next = await batches.next();
      if (next.done) break;
      readAhead.push(next.value);
      readAheadChars += next.value.chars;
    }
  } catch (error) {
    await batches.return(undefined);
    throw error;
  }
  const header = { headers, encoding: state.encoding ?? 'utf-8' };
  const width = headers.length;
  const { maxCellChars, maxRows } = limits;
  const firstBatch = first;

  function toRow(record: string[], rowNo: number): RawRow | undefined {
    if (isEmptyRecord(record)) return undefined;
    if (record.length > width) {
      for (let col = width; col < record.length; col++) {
        if (record[col] !== '') {
          throw new AppError(ParseErrors.PARSE_ROW_TOO_MANY_CELLS, { where: cellWhere(rowNo, col), headerCount: width }, { rowNo, column: col + 1, headerCount: width });
        }
      }
      record.length = width;
    } else {
      while (record.length < width) record.push('');
    }
    for (let col = 0; col < width; col++) {
      const value = record[col] as string;
      if (value.length > maxCellChars) checkCellLength(value, maxCellChars, () => cellWhere(rowNo, col, headers[col]), () => ({ rowNo, column: col + 1 }));
    }
    return { rowNo, values: record };
  }

  async function* rows(): AsyncGenerator<RawRow[]> {
    const chunker = new RowChunker(ROW_CHUNK_SIZE);
    let count = 0;
    const take = function* (batch: RecordBatch, from: number): Generator<RawRow[]> {
      for (let i = from; i < batch.records.length; i++) {
        const rowNo = batch.firstRowNo + i;
        const row = toRow(batch.records[i] as string[], rowNo);
        if (!row) continue;
        count += 1;
        if (count > maxRows) throw tooManyRows(rowNo, maxRows, `第 ${rowNo} 行`);
        const full = chunker.push(row);
        if (full) yield full;
      }
    };
    try {
      yield* take(firstBatch.batch, firstBatch.from);
      for (const batch of readAhead.splice(0)) yield* take(batch, 0);
      for (;;) {
        const next = await batches.next();
        if (next.done) break;
        if (state.encoding && header.encoding !== state.encoding) header.encoding = state.encoding;
        yield* take(next.value, 0);
      }
      const rest = chunker.flush();
      if (rest) yield rest;
    } finally {
      await batches.return(undefined);
    }
  }

  return { header, rows: singleUse(rows(), () => batches.return(undefined)) };
}
