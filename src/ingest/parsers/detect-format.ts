import type { SourceFormat } from './types.js';

const EXTENSIONS = new Map<string, SourceFormat>([
  ['csv', 'csv'],
  ['txt', 'csv'],
  ['xlsx', 'xlsx'],
  ['xls', 'xlsx'],
  ['json', 'json'],
]);

/**
 * Guesses the format of an upload. Zip and OLE signatures win over the extension (a workbook renamed
 * to .csv is still a workbook; an .xls or password-protected workbook is reported as 'xlsx' so that the
 * XLSX parser can tell the clerk how to re-save it). Otherwise the extension decides (.csv/.txt, .xlsx,
 * .json), and without a known extension a leading '[' or '{' (after a BOM and whitespace) means JSON.
 * Returns undefined when nothing matches.
 */
export function detectFormat(fileName: string, firstBytes: Buffer): SourceFormat | undefined {
  if (firstBytes.length >= 4 && firstBytes[0] === 0x50 && firstBytes[1] === 0x4b && firstBytes[2] === 0x03 && firstBytes[3] === 0x04) return 'xlsx';
  if (firstBytes.length >= 4 && firstBytes[0] === 0xd0 && firstBytes[1] === 0xcf && firstBytes[2] === 0x11 && firstBytes[3] === 0xe0) return 'xlsx';
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot + 1).trim().toLowerCase() : '';
  const byExtension = EXTENSIONS.get(extension);
  if (byExtension) return byExtension;
  let i = firstBytes.length >= 3 && firstBytes[0] === 0xef && firstBytes[1] === 0xbb && firstBytes[2] === 0xbf ? 3 : 0;
  while (i < firstBytes.length && (firstBytes[i] === 0x20 || firstBytes[i] === 0x09 || firstBytes[i] === 0x0a || firstBytes[i] === 0x0d)) i++;
  if (firstBytes[i] === 0x5b || firstBytes[i] === 0x7b) return 'json';
  return undefined;
}
