/**
 * Streaming JSON: `[ {…}, {…} ]` or `{ "records": [ … ] }`. A byte-level scanner cuts the stream into
 * one slice per record (tracking strings and nesting, never recursing, so a 10,000-deep document is
 * just a depth error); each record is then parsed alone with JSON.parse. Headers are the union of all
 * records' keys, which is only known at the end, so the upload is spooled to a temporary file: the
 * first pass validates everything and collects the keys, the second emits the rows. Memory is bounded
 * by the largest record, not the file.
 */
import { TextDecoder } from 'node:util';
import { AppError } from '../../kernel/errors.js';
import { bufferChunks, checkCellLength, formatBytes, limitBytes, RowChunker, singleUse, tooManyRows, type ByteInput } from './common.js';
import { ParseErrors } from './errors.js';
import { readRange, spoolToTempFile, type Spool } from './spool.js';
import { ROW_CHUNK_SIZE, type ParseLimits, type RawRow, type RowSource } from './types.js';
import { integerDigits, plainDecimal } from './values.js';

/** Keys that could reach Object.prototype if a record were ever merged into a plain object downstream. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Other top-level fields of a `{ "records": … }` envelope are checked and ignored; they should be small. */
const MAX_ENVELOPE_VALUE_BYTES = 1024 * 1024;
const MAX_KEY_BYTES = 4096;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isWhitespace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** Upper bound of one record's bytes: every cell at the limit, each character escaped as \uXXXX. */
function maxRecordBytes(limits: ParseLimits): number {
  return limits.maxColumns * (limits.maxCellChars * 6 + 256) + 1024;
}

function describeStart(b: number): string {
  if (b === QUOTE) return '字符串';
  if (b === 0x5b) return '数组';
  if (b === 0x7b) return '对象';
  if (b === 0x74 || b === 0x66) return '布尔值';
  if (b === 0x6e) return 'null';
  return '数字';
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return '数组';
  if (value === null) return 'null';
  if (typeof value === 'object') return '对象';
  if (typeof value === 'string') return '字符串';
  if (typeof value === 'boolean') return '布尔值';
  return '数字';
}

function syntaxError(where: string, detail: string, offset?: number): AppError {
  return new AppError(ParseErrors.PARSE_JSON_SYNTAX, { where, detail }, offset === undefined ? { where } : { where, offset });
}

function shapeError(detail: string): AppError {
  return new AppError(ParseErrors.PARSE_JSON_SHAPE, { detail }, { detail });
}

function tooDeep(limit: number, where: string): AppError {
  return new AppError(ParseErrors.PARSE_JSON_TOO_DEEP, { limit, where }, { limit, where });
}

/** A complete record: its 1-based index and its bytes (`{` … `}`). */
interface RecordSlice {
  index: number;
  bytes: Buffer;
}

const enum State {
  Start,
  EnvelopeKeyOrEnd,
  EnvelopeKey,
  EnvelopeColon,
  EnvelopeValue,
  EnvelopeAfterValue,
  ArrayValueOrEnd,
  ArrayValue,
  ArrayAfterValue,
  Trailing,
}

/** A value being cut out of the stream: a record, a key, or an envelope field being skipped. */
interface Capture {
  kind: 'record' | 'key' | 'envelope';
  parts: Buffer[];
  size: number;
  /** Nesting inside the value; 0 for a bare string or scalar. */
  depth: number;
  /** Nesting of the container that holds the value, for the absolute depth limit. */
  baseDepth: number;
  scalar: boolean;
  inString: boolean;
  escape: boolean;
}

/**
 * Push-based scanner: feed chunks, get complete records back. It validates the structure around the
 * records (the array, the envelope, commas); each record's inside is left to JSON.parse.
 */
class JsonScanner {
  private state = State.Start;
  private capture: Capture | undefined;
  private offset = 0;
  private first = true;
  private envelope = false;
  private sawRecords = false;
  private key = '';
  private nextIndex = 1;
  private readonly maxRecord: number;

  constructor(private readonly limits: ParseLimits) {
    this.maxRecord = maxRecordBytes(limits);
  }

  private where(): string {
    return this.nextIndex > 1 ? `第 ${this.nextIndex - 1} 条记录之后` : `文件第 ${this.offset + 1} 字节附近`;
  }

  /** Scans a chunk; returns the records completed in it. */
  push(chunk: Buffer): RecordSlice[] {
    const out: RecordSlice[] = [];
    let i = 0;
    if (this.first && chunk.length > 0) {
      this.first = false;
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    }
    const n = chunk.length;
    while (i < n) {
      if (this.capture) {
        i = this.continueCapture(chunk, i, out);
        continue;
      }
      const b = chunk[i] as number;
      if (isWhitespace(b)) {
        i++;
        continue;
      }
      const at = this.offset + i;
      switch (this.state) {
        case State.Start:
          if (b === 0x5b) this.state = State.ArrayValueOrEnd;
          else if (b === 0x7b) {
            this.envelope = true;
            this.state = State.EnvelopeKeyOrEnd;
          } else throw shapeError(`文件以「${String.fromCharCode(b)}」开头`);
          i++;
          break;
        case State.EnvelopeKeyOrEnd:
        case State.EnvelopeKey:
          if (b === QUOTE) {
            this.capture = { kind: 'key', parts: [], size: 0, depth: 0, baseDepth: 1, scalar: false, inString: false, escape: false };
          } else if (b === 0x7d && this.state === State.EnvelopeKeyOrEnd) {
            this.finishEnvelope();
            i++;
          } else throw syntaxError(`文件第 ${at + 1} 字节`, '此处应为字段名');
          break;
        case State.EnvelopeColon:
          if (b !== 0x3a) throw syntaxError(`文件第 ${at + 1} 字节`, '字段名后应为冒号');
          this.state = State.EnvelopeValue;
          i++;
          break;
        case State.EnvelopeValue:
          if (this.key === 'records') {
            if (this.sawRecords) throw shapeError('records 字段出现了不止一次');
            if (b !== 0x5b) throw shapeError('records 字段的值不是数组');
            this.sawRecords = true;
            this.state = State.ArrayValueOrEnd;
            i++;
          } else {
            this.capture = {
              kind: 'envelope',
              parts: [],
              size: 0,
              depth: 0,
              baseDepth: 1,
              scalar: b !== QUOTE && b !== 0x7b && b !== 0x5b,
              inString: false,
              escape: false,
            };
          }
          break;
        case State.EnvelopeAfterValue:
          if (b === 0x2c) this.state = State.EnvelopeKey;
          else if (b === 0x7d) this.finishEnvelope();
          else throw syntaxError(`文件第 ${at + 1} 字节`, '此处应为逗号或右花括号');
          i++;
          break;
        case State.ArrayValueOrEnd:
        case State.ArrayValue:
          if (b === 0x5d) {
            if (this.state === State.ArrayValue) throw syntaxError(this.where(), '数组最后一条记录后面多了逗号', at);
            this.state = this.envelope ? State.EnvelopeAfterValue : State.Trailing;
            i++;
          } else if (b === 0x7b) {
            if (this.nextIndex > this.limits.maxRows) throw tooManyRows(this.nextIndex, this.limits.maxRows, `第 ${this.nextIndex} 条记录`);
            this.capture = {
              kind: 'record',
              parts: [],
              size: 0,
              depth: 0,
              baseDepth: this.envelope ? 2 : 1,
              scalar: false,
              inString: false,
              escape: false,
            };
          } else {
            throw new AppError(ParseErrors.PARSE_JSON_RECORD_NOT_OBJECT, { index: this.nextIndex, actual: describeStart(b) }, { index: this.nextIndex });
          }
          break;
        case State.ArrayAfterValue:
          if (b === 0x2c) this.state = State.ArrayValue;
          else if (b === 0x5d) this.state = this.envelope ? State.EnvelopeAfterValue : State.Trailing;
          else throw syntaxError(this.where(), '记录之间应以逗号分隔', at);
          i++;
          break;
        case State.Trailing:
          throw syntaxError(`文件第 ${at + 1} 字节`, 'JSON 结束后还有多余的内容', at);
      }
    }
    this.offset += n;
    return out;
  }

  /** Checks the structure is complete at the end of the input. */
  end(): void {
    if (this.state === State.Start) throw new AppError(ParseErrors.PARSE_EMPTY_FILE);
    if (this.state !== State.Trailing || this.capture) {
      throw syntaxError(`文件第 ${this.offset} 字节`, 'JSON 在此意外结束，文件可能不完整', this.offset);
    }
  }

  private finishEnvelope(): void {
    if (!this.sawRecords) throw shapeError('顶层对象中没有 records 字段');
    this.state = State.Trailing;
  }

  /** Consumes the captured value from `start`; returns where scanning continues. */
  private continueCapture(chunk: Buffer, start: number, out: RecordSlice[]): number {
    const c = this.capture as Capture;
    let i = start;
    const n = chunk.length;
    let done = -1; // index one past the value's last byte
    while (i < n) {
      const b = chunk[i] as number;
      if (c.inString) {
        if (c.escape) c.escape = false;
        else if (b === BACKSLASH) c.escape = true;
        else if (b === QUOTE) {
          c.inString = false;
          if (c.depth === 0) {
            done = i + 1;
            break;
          }
        }
        i++;
        continue;
      }
      if (c.scalar) {
        if (b === 0x2c || b === 0x7d || b === 0x5d || isWhitespace(b)) {
          done = i;
          break;
        }
        i++;
        continue;
      }
      if (b === QUOTE) {
        c.inString = true;
      } else if (b === 0x7b || b === 0x5b) {
        c.depth += 1;
        if (c.baseDepth + c.depth > this.limits.maxJsonDepth) {
          throw tooDeep(this.limits.maxJsonDepth, c.kind === 'record' ? `第 ${this.nextIndex} 条记录` : `顶层字段「${this.key}」`);
        }
      } else if (b === 0x7d || b === 0x5d) {
        c.depth -= 1;
        if (c.depth === 0) {
          done = i + 1;
          break;
        }
      }
      i++;
    }
    const end = done === -1 ? n : done;
    const piece = chunk.subarray(start, end);
    c.parts.push(piece);
    c.size += piece.length;
    const limit = c.kind === 'record' ? this.maxRecord : c.kind === 'key' ? MAX_KEY_BYTES : MAX_ENVELOPE_VALUE_BYTES;
    if (c.size > limit) {
      if (c.kind === 'record') {
        throw new AppError(
          ParseErrors.PARSE_JSON_RECORD_TOO_LARGE,
          { where: `第 ${this.nextIndex} 条记录`, size: `超过 ${formatBytes(limit)}`, limit: formatBytes(limit) },
          { index: this.nextIndex, limit },
        );
      }
      throw shapeError(c.kind === 'key' ? '顶层字段名过长' : `顶层字段「${this.key}」的值过大（上限 ${formatBytes(limit)}）`);
    }
    if (done === -1) return n;
    this.capture = undefined;
    const bytes = c.parts.length === 1 ? (c.parts[0] as Buffer) : Buffer.concat(c.parts, c.size);
    if (c.kind === 'record') {
      out.push({ index: this.nextIndex, bytes });
      this.nextIndex += 1;
      this.state = State.ArrayAfterValue;
    } else if (c.kind === 'key') {
      this.key = decodeEnvelopeKey(bytes, this.offset + done);
      this.state = State.EnvelopeColon;
    } else {
      checkEnvelopeValue(bytes, this.key);
      this.state = State.EnvelopeAfterValue;
    }
    return done;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Buffer, where: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new AppError(ParseErrors.PARSE_JSON_NOT_UTF8, { where }, { where });
  }
}

function rejectForbiddenKey(key: string, where: string): void {
  if (FORBIDDEN_KEYS.has(key)) throw new AppError(ParseErrors.PARSE_JSON_FORBIDDEN_KEY, { where, key }, { where, key });
}

function decodeEnvelopeKey(bytes: Buffer, offset: number): string {
  const where = '顶层对象';
  let key: unknown;
  try {
    key = JSON.parse(decodeUtf8(bytes, where));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw syntaxError(`文件第 ${offset} 字节附近`, '字段名不是合法的 JSON 字符串', offset);
  }
  rejectForbiddenKey(key as string, where);
  return key as string;
}

function checkEnvelopeValue(bytes: Buffer, key: string): void {
  const where = `顶层字段「${key}」`;
  try {
    JSON.parse(decodeUtf8(bytes, where), (name: string, value: unknown) => {
      rejectForbiddenKey(name, where);
      return value;
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw syntaxError(where, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Parses one record into [key, text] pairs. JSON.parse defines "__proto__" as an ordinary own key
 * (it never calls the setter), so the record object itself is safe; forbidden keys are rejected so
 * that no later copy can turn them into prototype pollution.
 */
function parseRecord(slice: RecordSlice, limits: ParseLimits): [string, string][] {
  const where = `第 ${slice.index} 条记录`;
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(decodeUtf8(slice.bytes, where)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw syntaxError(where, error instanceof Error ? error.message : String(error));
  }
  const keys = Object.keys(record);
  if (keys.length > limits.maxColumns) {
    throw new AppError(ParseErrors.PARSE_TOO_MANY_COLUMNS, { where, count: keys.length, limit: limits.maxColumns }, { index: slice.index, count: keys.length, limit: limits.maxColumns });
  }
  const pairs: [string, string][] = [];
  for (const key of keys) {
    rejectForbiddenKey(key, where);
    const value = record[key];
    let text: string;
    if (typeof value === 'string') text = value;
    else if (value === null) text = '';
    else if (typeof value === 'boolean') text = value ? 'true' : 'false';
    else if (typeof value === 'number') {
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
        throw new AppError(
          ParseErrors.PARSE_JSON_NUMBER_PRECISION,
          { index: slice.index, key, value: plainDecimal(value) },
          { index: slice.index, key, digits: integerDigits(value) },
        );
      }
      text = plainDecimal(value);
    } else {
      throw new AppError(ParseErrors.PARSE_JSON_NESTED_VALUE, { index: slice.index, key, actual: describeValue(value) }, { index: slice.index, key });
    }
    checkCellLength(text, limits.maxCellChars, () => `${where}的字段「${key}」`, () => ({ index: slice.index, key }));
    pairs.push([key, text]);
  }
  return pairs;
}

/** Opens a JSON upload: validates it fully and collects the headers (first pass), then streams rows (second). */
export async function openJson(stream: ByteInput, limits: ParseLimits): Promise<RowSource> {
  const scanner = new JsonScanner(limits);
  const columns = new Map<string, number>();
  const headers: string[] = [];
  async function* firstPass(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      for (const slice of scanner.push(chunk)) {
        for (const [key] of parseRecord(slice, limits)) {
          if (columns.has(key)) continue;
          if (headers.length >= limits.maxColumns) {
            throw new AppError(
              ParseErrors.PARSE_TOO_MANY_COLUMNS,
              { where: `全部记录的字段（到第 ${slice.index} 条记录为止）`, count: headers.length + 1, limit: limits.maxColumns },
              { index: slice.index, count: headers.length + 1, limit: limits.maxColumns },
            );
          }
          columns.set(key, headers.length);
          headers.push(key);
        }
      }
      yield chunk;
    }
    scanner.end();
  }
  const spool: Spool = await spoolToTempFile(firstPass(limitBytes(bufferChunks(stream), limits.maxBytes)));

  async function* rows(): AsyncGenerator<RawRow[]> {
    const again = new JsonScanner(limits);
    const chunker = new RowChunker(ROW_CHUNK_SIZE);
    try {
      for await (const chunk of readRange(spool.file, 0, spool.size)) {
        for (const slice of again.push(chunk)) {
          const values = new Array<string>(headers.length).fill('');
          for (const [key, text] of parseRecord(slice, limits)) values[columns.get(key) as number] = text;
          const full = chunker.push({ rowNo: slice.index, values });
          if (full) yield full;
        }
      }
      const rest = chunker.flush();
      if (rest) yield rest;
    } finally {
      await spool.dispose();
    }
  }

  return { header: { headers }, rows: singleUse(rows(), () => spool.dispose()) };
}
