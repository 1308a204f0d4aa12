import fs from 'node:fs';
import { hash } from 'node:crypto';
import { AppError } from '../kernel/errors.js';
import type { FieldCrypto } from '../kernel/field-crypto.js';
import { ListErrors } from './errors.js';

/**
 * The court feed as bytes: where it comes from (a file, or bytes in memory), JSON Lines split into
 * lines without decoding them, positional reads of chosen lines, and the keyed hash of a raw line.
 * Pure: no database.
 */

/** A feed the sync can stream from the start and read lines of by position. */
export interface CourtFeedSource {
  /** The bytes from the start, as a stream. */
  stream(): AsyncIterable<Uint8Array>;
  /** `length` bytes from byte `position` (fewer only at the end of the feed). */
  read(position: number, length: number): Promise<Buffer>;
  /** Releases what the positional reads held open. */
  close(): Promise<void>;
}

/** A feed in a file (the CLI's argument, an HTTP upload spooled to a temporary file). */
export function courtFeedFile(file: string): CourtFeedSource {
  let handle: Promise<fs.promises.FileHandle> | null = null;
  return {
    stream: () => fs.createReadStream(file, { highWaterMark: 1 << 20 }),
    async read(position, length) {
      handle ??= fs.promises.open(file, 'r');
      const fh = await handle;
      const buffer = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await fh.read(buffer, done, length - done, position + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === length ? buffer : buffer.subarray(0, done);
    },
    async close() {
      if (!handle) return;
      const fh = await handle;
      handle = null;
      await fh.close();
    },
  };
}

/** A feed held in memory (tests, small uploads), streamed in chunks of `chunkSize` bytes. */
export function courtFeedBytes(content: string | Buffer, chunkSize = 1 << 20): CourtFeedSource {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    async *stream() {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
    },
    read: (position, length) => Promise.resolve(bytes.subarray(position, position + length)),
    close: () => Promise.resolve(),
  };
}

/** Consecutive lines of the feed: line i is `data[starts[i], ends[i])`, at file position `base + starts[i]`. */
export interface LineBatch {
  data: Buffer;
  starts: number[];
  /** Exclusive; the newline and a CR before it are not part of the line. */
  ends: number[];
  base: number;
  firstLineNo: number;
}

/** A line longer than this is not a feed row: the file is refused rather than buffered without bound. */
const MAX_LINE_BYTES = 16 << 20;

function lineEnd(data: Buffer, start: number, newline: number): number {
  return newline > start && data[newline - 1] === 13 ? newline - 1 : newline;
}

/**
 * Splits a byte stream into lines without decoding it: each chunk's lines are yielded in place (no
 * copy); only a line that straddles two chunks is copied. Memory stays at about one chunk.
 */
export async function* byteLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<LineBatch> {
  let position = 0;
  let lineNo = 0;
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let carryPosition = 0;
  for await (const piece of chunks) {
    const chunk = Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    let i = 0;
    if (carry.length > 0) {
      const newline = chunk.indexOf(10);
      if (newline < 0) {
        carry.push(chunk);
        carryBytes += chunk.length;
        if (carryBytes > MAX_LINE_BYTES) throw new AppError(ListErrors.COURT_SYNC_MALFORMED_FILE, { row: lineNo + 1, detail: '行过长' });
        position += chunk.length;
        continue;
      }
      carry.push(chunk.subarray(0, newline));
      const data = Buffer.concat(carry);
      lineNo++;
      yield { data, starts: [0], ends: [lineEnd(data, 0, data.length)], base: carryPosition, firstLineNo: lineNo };
      carry = [];
      carryBytes = 0;
      i = newline + 1;
    }
    const starts: number[] = [];
    const ends: number[] = [];
    const firstLineNo = lineNo + 1;
    for (;;) {
      const newline = chunk.indexOf(10, i);
      if (newline < 0) break;
      starts.push(i);
      ends.push(lineEnd(chunk, i, newline));
      lineNo++;
      i = newline + 1;
    }
    if (starts.length > 0) yield { data: chunk, starts, ends, base: position, firstLineNo };
    if (i < chunk.length) {
      carry = [chunk.subarray(i)];
      carryBytes = chunk.length - i;
      carryPosition = position + i;
    }
    position += chunk.length;
  }
  if (carry.length > 0) {
    const data = Buffer.concat(carry);
    const end = data[data.length - 1] === 13 ? data.length - 1 : data.length;
    yield { data, starts: [0], ends: [end], base: carryPosition, firstLineNo: lineNo + 1 };
  }
}

/** A line of nothing but blanks (skipped, as the text reader skips them). */
export function isBlank(data: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((data[i] as number) > 32) return false;
  return true;
}

/** The line's first and last non-blank bytes are `{` and `}`: the shape of a JSON object. */
export function looksLikeObject(data: Buffer, start: number, end: number): boolean {
  let a = start;
  let b = end - 1;
  while (a < b && (data[a] as number) <= 32) a++;
  while (b > a && (data[b] as number) <= 32) b--;
  return data[a] === 123 && data[b] === 125;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A line as text; invalid UTF-8 refuses the file. */
export function decodeLine(data: Buffer, start: number, end: number): string {
  try {
    return decoder.decode(data.subarray(start, end));
  } catch {
    throw new AppError(ListErrors.COURT_SYNC_BAD_ENCODING);
  }
}

/** A UTF-8 byte-order mark at `start` (skipped on the first line). */
export function hasBom(data: Buffer, start: number, end: number): boolean {
  return end - start >= 3 && data[start] === 0xef && data[start + 1] === 0xbb && data[start + 2] === 0xbf;
}

const lineKeys = new WeakMap<FieldCrypto, Buffer>();
let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * The keyed hash of a raw feed line, as a uuid (32 hex digits): the first 128 bits of SHA-256 over a
 * secret derived from the master key and the line's bytes. Keyed because the line holds a resident ID
 * among public fields (a plain digest could be brute-forced back to the ID); a secret prefix is enough
 * for an equality check (length extension forges no equal digest), at half an HMAC's cost, and SHA-256
 * runs on the CPU's SHA extensions. The key's label carries a version: when the row checks change,
 * bumping it makes the next snapshot parse and check every row again.
 */
export function rawLineHash(crypto: FieldCrypto, data: Buffer, start: number, end: number): string {
  return rawLineDigest(crypto, data, start, end).toString('hex', 0, 16);
}

/** The raw line hash as its 16 bytes (written as a uuid in COPY's binary format). */
export function rawLineDigest(crypto: FieldCrypto, data: Buffer, start: number, end: number): Buffer {
  let key = lineKeys.get(crypto);
  if (key === undefined) {
    key = Buffer.from(crypto.blindIndex('court-feed-line-key', 'v1'), 'utf8');
    lineKeys.set(crypto, key);
  }
  const size = key.length + (end - start);
  if (scratch.length < size) scratch = Buffer.allocUnsafe(size * 2);
  key.copy(scratch, 0);
  data.copy(scratch, key.length, start, end);
  return hash('sha256', scratch.subarray(0, size), 'buffer');
}

const COPY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const STAGE_TUPLE_BYTES = 2 + (4 + 4) + (4 + 16) + (4 + 8) + (4 + 4);

/**
 * Staged lines (row number, raw hash, position, length) in COPY's binary format: no text to build
 * in Node or to parse in the database for the one table that gets a row per line of the snapshot.
 */
export class StageCopy {
  private buffer: Buffer;
  private at = 0;
  rows = 0;

  constructor(private readonly capacity: number) {
    this.buffer = this.fresh();
  }

  private fresh(): Buffer {
    const buffer = Buffer.allocUnsafe(19 + this.capacity * STAGE_TUPLE_BYTES + 2);
    COPY_SIGNATURE.copy(buffer, 0);
    buffer.writeInt32BE(0, 11);
    buffer.writeInt32BE(0, 15);
    this.at = 19;
    return buffer;
  }

  get full(): boolean {
    return this.rows >= this.capacity;
  }

  add(rowNo: number, digest: Buffer, position: number, length: number): void {
    const b = this.buffer;
    let at = this.at;
    b.writeInt16BE(4, at);
    b.writeInt32BE(4, at + 2);
    b.writeInt32BE(rowNo, at + 6);
    b.writeInt32BE(16, at + 10);
    digest.copy(b, at + 14, 0, 16);
    b.writeInt32BE(8, at + 30);
    b.writeUInt32BE(Math.floor(position / 0x1_0000_0000), at + 34);
    b.writeUInt32BE(position >>> 0, at + 38);
    b.writeInt32BE(4, at + 42);
    b.writeInt32BE(length, at + 46);
    at += STAGE_TUPLE_BYTES;
    this.at = at;
    this.rows++;
  }

  /** The complete COPY stream of the rows added (empty when none), and a fresh buffer for the next. */
  take(): Buffer {
    if (this.rows === 0) return Buffer.alloc(0);
    this.buffer.writeInt16BE(-1, this.at);
    const out = this.buffer.subarray(0, this.at + 2);
    this.buffer = this.fresh();
    this.rows = 0;
    return out;
  }
}

/** One line to read again: its row number and where it is. */
export interface LineRange {
  row_no: number;
  pos: number;
  len: number;
}

/** Ranges closer than this are read together (one read instead of many). */
const MERGE_GAP = 64 * 1024;
const MAX_SEGMENT = 8 << 20;

/**
 * Reads chosen lines by position, in file order, merging near ones into one read: the sync reads back
 * only the rows it must parse instead of the whole file. Calls `each` with the bytes of each line.
 */
export async function readLines<R extends LineRange>(source: CourtFeedSource, ranges: readonly R[], each: (range: R, data: Buffer) => void): Promise<void> {
  const sorted = [...ranges].sort((a, b) => a.pos - b.pos);
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i] as R;
    let j = i + 1;
    let end = first.pos + first.len;
    while (j < sorted.length) {
      const next = sorted[j] as R;
      if (next.pos - end > MERGE_GAP || next.pos + next.len - first.pos > MAX_SEGMENT) break;
      end = Math.max(end, next.pos + next.len);
      j++;
    }
    const segment = await source.read(first.pos, end - first.pos);
    for (let k = i; k < j; k++) {
      const range = sorted[k] as R;
      const at = range.pos - first.pos;
      if (at + range.len > segment.length) throw new AppError(ListErrors.COURT_SYNC_FILE_CHANGED);
      each(range, segment.subarray(at, at + range.len));
    }
    i = j;
  }
}
