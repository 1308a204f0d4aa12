/**
 * The contract between the parsers and the ingest pipeline: what a parsed source looks like and the
 * limits every parser enforces while it streams.
 */

/** The file formats a department may submit. */
export type SourceFormat = 'csv' | 'xlsx' | 'json';

/** Hard limits applied while parsing; exceeding one fails the whole file with a precise error. */
export interface ParseLimits {
  /** Bytes read from the upload (compressed size for XLSX). */
  maxBytes: number;
  /** Columns in the header (or distinct keys across JSON records). */
  maxColumns: number;
  /** Characters (code points) in one cell. */
  maxCellChars: number;
  /** Data rows (JSON: records). */
  maxRows: number;
  /** Nesting depth of a JSON document, the top-level array counting as 1. */
  maxJsonDepth: number;
}

/** Defaults sized for a city-level batch: large enough for a year of a big department's records. */
export const DEFAULT_PARSE_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxBytes: 512 * 1024 * 1024,
  maxColumns: 500,
  maxCellChars: 10_000,
  maxRows: 5_000_000,
  maxJsonDepth: 8,
});

/** The header of a source. `encoding` is set for CSV only: the text encoding that was detected. */
export interface ParsedHeader {
  /** Column names, trimmed; trailing empty header cells are dropped. */
  headers: string[];
  encoding?: 'utf-8' | 'gb18030';
}

/**
 * One data row. `rowNo` is the row number a clerk sees: the spreadsheet row (the header is usually
 * row 1) for CSV and XLSX, the 1-based record index for JSON. `values` is aligned to the headers,
 * with '' for an empty or missing cell.
 */
export interface RawRow {
  rowNo: number;
  values: string[];
}

/**
 * A parsed source: the header, then the data rows in chunks of a few thousand. `rows` can be
 * iterated once. Leaving the loop early (break, throw) releases the input and any temporary file; a
 * caller that rejects the header without iterating should call `rows[Symbol.asyncIterator]().return()`.
 * For CSV, `header.encoding` is final once the rows are read (a file whose first MiB is plain ASCII
 * reports 'utf-8' until a GBK byte shows up later).
 */
export interface RowSource {
  header: ParsedHeader;
  rows: AsyncIterable<RawRow[]>;
}

/** Rows handed to the pipeline per chunk: big enough to amortise per-chunk work downstream. */
export const ROW_CHUNK_SIZE = 4096;

/** Fills in defaults and rejects nonsensical limits (a programming error, not a user error). */
export function resolveLimits(partial: Partial<ParseLimits> | undefined): ParseLimits {
  const limits: ParseLimits = { ...DEFAULT_PARSE_LIMITS };
  for (const key of Object.keys(DEFAULT_PARSE_LIMITS) as (keyof ParseLimits)[]) {
    const value = partial?.[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new TypeError(`parse limit ${key} must be a positive integer, got ${String(value)}`);
    }
    limits[key] = value;
  }
  return limits;
}
