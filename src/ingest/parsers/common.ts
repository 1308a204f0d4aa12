/** Helpers shared by the three parsers: byte streams, limits, and the "where" phrases of errors. */
import { AppError } from '../../kernel/errors.js';
import { ParseErrors } from './errors.js';
import type { RawRow } from './types.js';

/** Anything the pipeline may hand us: a Node stream or any async iterable of byte chunks. */
export type ByteInput = NodeJS.ReadableStream | AsyncIterable<Buffer | Uint8Array | string>;

/** Normalises chunks to Buffers (a stream with setEncoding yields strings; web streams yield Uint8Array). */
export async function* bufferChunks(input: ByteInput): AsyncGenerator<Buffer> {
  for await (const chunk of input as AsyncIterable<Buffer | Uint8Array | string>) {
    if (typeof chunk === 'string') yield Buffer.from(chunk, 'utf8');
    else if (Buffer.isBuffer(chunk)) yield chunk;
    else yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

/** Passes chunks through, failing as soon as the running total passes `maxBytes` (nothing is buffered). */
export async function* limitBytes(input: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of input) {
    total += chunk.length;
    if (total > maxBytes) throw new AppError(ParseErrors.PARSE_FILE_TOO_LARGE, { limit: formatBytes(maxBytes) }, { limit: maxBytes });
    if (chunk.length > 0) yield chunk;
  }
}

/** "512 MB", "1.5 GB": sizes as a clerk reads them in a file manager. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 || value >= 100 || Number.isInteger(value) ? Math.round(value).toString() : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}

/** Spreadsheet column letters, as Excel and WPS show them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 第 12 行 C 列「CF_WSH」: the cell address a clerk can find in Excel or WPS. */
export function cellWhere(rowNo: number, colIndex: number, header?: string): string {
  const name = header ? `「${header}」` : '';
  return `第 ${rowNo} 行 ${columnLetter(colIndex)} 列${name}`;
}

/** Length in code points, so a supplementary character such as 𠮷 counts as one character. */
export function codePointLength(text: string): number {
  let surrogatePairs = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) surrogatePairs += 1;
  }
  return text.length - surrogatePairs;
}

/**
 * Fails when a cell is longer than the limit. `text.length` counts UTF-16 units, an upper bound of the
 * code-point count, so the exact count is only computed for the rare cell that might be over.
 */
export function checkCellLength(text: string, maxCellChars: number, where: () => string, details: () => object): void {
  if (text.length <= maxCellChars) return;
  const length = codePointLength(text);
  if (length <= maxCellChars) return;
  throw new AppError(ParseErrors.PARSE_CELL_TOO_LONG, { where: where(), length, limit: maxCellChars }, { ...details(), length, limit: maxCellChars });
}

/** The error for the first data row past the row limit (413: the file must be split). */
export function tooManyRows(rowNo: number, limit: number, where: string): AppError {
  return new AppError(ParseErrors.PARSE_TOO_MANY_ROWS, { limit, where }, { rowNo, limit });
}

/**
 * Wraps the row generator so it can be iterated once (a second iteration would silently see no rows,
 * which would look like an empty batch) and so that `return()` releases the input even when called
 * before the first `next()`, when a generator's own `finally` would not run.
 */
export function singleUse(rows: AsyncGenerator<RawRow[]>, dispose: () => Promise<unknown>): AsyncIterable<RawRow[]> {
  let used = false;
  return {
    [Symbol.asyncIterator](): AsyncIterator<RawRow[]> {
      if (used) throw new Error('RowSource.rows can only be iterated once');
      used = true;
      return {
        next: () => rows.next(),
        return: async (value?: unknown): Promise<IteratorResult<RawRow[]>> => {
          try {
            return await rows.return(value as undefined);
          } finally {
            await dispose();
          }
        },
      };
    },
  };
}

/** Groups rows into chunks of `size` for the pipeline. */
export class RowChunker {
  private chunk: RawRow[] = [];
  constructor(private readonly size: number) {}

  /** Adds a row; returns a full chunk when one is ready. */
  push(row: RawRow): RawRow[] | undefined {
    this.chunk.push(row);
    if (this.chunk.length < this.size) return undefined;
    const full = this.chunk;
    this.chunk = [];
    return full;
  }

  /** The last, partial chunk, if any. */
  flush(): RawRow[] | undefined {
    if (this.chunk.length === 0) return undefined;
    const rest = this.chunk;
    this.chunk = [];
    return rest;
  }
}
