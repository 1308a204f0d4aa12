import type { ByteInput } from './common.js';
import { openCsv } from './csv.js';
import { openJson } from './json.js';
import { openXlsx } from './xlsx.js';
import { resolveLimits, type ParseLimits, type RowSource, type SourceFormat } from './types.js';

/**
 * Opens an uploaded file for streaming: resolves once the header is known (for JSON, once the whole
 * file has been checked, since its header is the union of all keys). Structural problems (encoding,
 * quotes, limits, a broken workbook) fail with an AppError from `ParseErrors`, either here or while
 * iterating `rows`; the error names the row, column and limit. Values are never interpreted: dates in
 * CSV stay as typed, validation is the pipeline's job.
 */
export function openSource(input: {
  format: SourceFormat;
  stream: NodeJS.ReadableStream | AsyncIterable<Buffer>;
  limits?: Partial<ParseLimits>;
}): Promise<RowSource> {
  const limits = resolveLimits(input.limits);
  const stream: ByteInput = input.stream;
  switch (input.format) {
    case 'csv':
      return openCsv(stream, limits);
    case 'xlsx':
      return openXlsx(stream, limits);
    case 'json':
      return openJson(stream, limits);
    default:
      return Promise.reject(new TypeError(`unknown source format: ${String(input.format)}`));
  }
}
