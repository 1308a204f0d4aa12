/**
 * Streaming parsers for department uploads (CSV in UTF-8 or GBK/GB18030, XLSX, JSON): the ingest
 * pipeline's only view of a file is a header and chunks of raw string rows.
 */
export { openSource } from './open-source.js';
export { detectFormat } from './detect-format.js';
export { DEFAULT_PARSE_LIMITS, ROW_CHUNK_SIZE } from './types.js';
export type { ParseLimits, ParsedHeader, RawRow, RowSource, SourceFormat } from './types.js';
export { ParseErrors } from './errors.js';
export { XLSX_LIMITS } from './xlsx.js';
