/**
 * Streaming XLSX. The upload is spooled to a temporary file, its zip directory is checked (size,
 * compression ratio, entry count: zip bombs and truncated uploads stop here), and only the parts
 * needed for the first worksheet are inflated, with every byte counted, into a minimal zip stream that
 * exceljs's streaming WorkbookReader parses. The sheet is read row by row; only the shared strings
 * table is held in memory (exceljs needs random access to it), so its size has its own limit.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, CellValue } from 'exceljs';
import { AppError } from '../../kernel/errors.js';
import {
  bufferChunks,
  cellWhere,
  checkCellLength,
  formatBytes,
  limitBytes,
  RowChunker,
  singleUse,
  tooManyRows,
  type ByteInput,
} from './common.js';
import { ParseErrors } from './errors.js';
import { spoolToTempFile, readAt, type Spool } from './spool.js';
import { excelSerialToDate, formatSpreadsheetDate, integerDigits, isDateFormat, plainDecimal } from './values.js';
import { inflateEntry, invalidZip, readCentralDirectory, readEntry, type StreamTracker, type ZipEntry } from './xlsx-zip.js';
import { ROW_CHUNK_SIZE, type ParseLimits, type RawRow, type RowSource } from './types.js';

/** Limits specific to the zip container of an .xlsx (the upload size itself is `ParseLimits.maxBytes`). */
export const XLSX_LIMITS = Object.freeze({
  /** Sum of the inflated sizes of the parts read (workbook, relationships, styles, shared strings, sheet). */
  maxUncompressedBytes: 1024 * 1024 * 1024,
  /**
   * The shared strings table is cached whole, at about twice its XML size in heap (measured: 2 M
   * unique strings, 141 MB of XML → 267 MB live). This bounds what one upload can hold: roughly
   * 2 M distinct cell texts; bigger workbooks are asked to split or use CSV.
   */
  maxSharedStringsBytes: 128 * 1024 * 1024,
  /** Workbook, relationships and styles parts are small in real files. */
  maxSmallPartBytes: 16 * 1024 * 1024,
  /** Real sheets compress 5–30×; deflate cannot exceed ~1032×, and bombs sit near that. */
  maxCompressionRatio: 200,
  /** Tiny parts can have high ratios legitimately; the ratio is only judged above this size. */
  ratioCheckFromBytes: 1024 * 1024,
  /** Files inside the zip; a real workbook has tens. */
  maxZipEntries: 10_000,
});

const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Built-in number formats 27–36 and 50–58 are locale dependent and have no format code in the file;
 * in the zh-CN locale (Excel and WPS) they are all dates or times. exceljs only knows the Western
 * built-ins, so without these a 2024年1月5日 cell would come out as its serial number 45296.
 */
const ZH_CN_BUILTIN_DATE_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

const SHEET_PATH_FOR_EXCELJS = 'xl/worksheets/sheet1.xml';
const EMPTY_SHARED_STRINGS = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>');

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_whole, entity: string) => {
    switch (entity) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default: {
        const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
    }
  });
}

/** Attributes of one start tag; prefixes are kept (`r:id`). Enough for the small, machine-written workbook parts. */
function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes.set(match[1] as string, decodeXmlEntities(match[2] ?? match[3] ?? ''));
  }
  return attributes;
}

function elements(xml: string, localName: string): Map<string, string>[] {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${localName}\\b([^>]*?)/?>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => attributesOf(match[1] ?? ''));
}

function relationshipId(attributes: Map<string, string>): string | undefined {
  for (const [name, value] of attributes) if (name === 'id' || name.endsWith(':id')) return value;
  return undefined;
}

/** Resolves a relationship target of xl/workbook.xml to a zip entry name (lower-cased for lookup). */
function resolveTarget(target: string): string {
  const segments = target.startsWith('/') ? [] : ['xl'];
  for (const segment of target.replace(/^\/+/, '').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/').toLowerCase();
}

interface WorkbookPlan {
  sheetName: string;
  sheet: ZipEntry;
  sharedStrings?: ZipEntry;
  styles?: ZipEntry;
  workbookXml: Buffer;
  relsXml: Buffer;
  date1904: boolean;
}

function checkPartSize(entry: ZipEntry, part: string, limit: number): void {
  if (entry.uncompressedSize > limit) {
    throw new AppError(
      ParseErrors.PARSE_XLSX_TOO_LARGE,
      { part, size: formatBytes(entry.uncompressedSize), limit: formatBytes(limit) },
      { part: entry.name, size: entry.uncompressedSize, limit },
    );
  }
  if (entry.uncompressedSize > XLSX_LIMITS.ratioCheckFromBytes) {
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (ratio > XLSX_LIMITS.maxCompressionRatio) {
      throw new AppError(
        ParseErrors.PARSE_XLSX_SUSPICIOUS,
        { part, ratio: Math.round(ratio), limit: XLSX_LIMITS.maxCompressionRatio },
        { part: entry.name, ratio, limit: XLSX_LIMITS.maxCompressionRatio },
      );
    }
  }
  if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) throw invalidZip(`${entry.name} 已损坏`);
}

/** Finds the parts of the first visible worksheet and checks their declared sizes before anything is inflated. */
async function planWorkbook(spool: Spool): Promise<WorkbookPlan> {
  const head = await readAt(spool.file, 0, 8);
  if (head.length === 8 && head.equals(CFB_SIGNATURE)) throw new AppError(ParseErrors.PARSE_XLSX_LEGACY);
  if (head.length < 4 || head.readUInt32LE(0) !== 0x04034b50) {
    throw invalidZip(spool.size === 0 ? '文件为空' : '文件不是 Excel 2007 及以上版本的格式（可能只是把扩展名改成了 .xlsx）');
  }
  const entries = await readCentralDirectory(spool.file, spool.size, XLSX_LIMITS.maxZipEntries);
  const byName = new Map<string, ZipEntry>();
  for (const entry of entries) byName.set(entry.name.replace(/^\/+/, '').toLowerCase(), entry);

  const workbook = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw invalidZip('缺少工作簿信息（xl/workbook.xml），可能是 Word 等其他 Office 文件');
  checkPartSize(workbook, '工作簿信息', XLSX_LIMITS.maxSmallPartBytes);
  checkPartSize(rels, '工作簿关系表', XLSX_LIMITS.maxSmallPartBytes);
  const workbookXml = await readEntry(spool.file, spool.size, workbook);
  const relsXml = await readEntry(spool.file, spool.size, rels);
  const workbookText = workbookXml.toString('utf8');

  const relationships = new Map<string, { type: string; target: string }>();
  let sharedStrings: ZipEntry | undefined;
  let styles: ZipEntry | undefined;
  for (const rel of elements(relsXml.toString('utf8'), 'Relationship')) {
    const id = rel.get('Id');
    const type = rel.get('Type') ?? '';
    const target = rel.get('Target') ?? '';
    if (!id || rel.get('TargetMode') === 'External') continue;
    relationships.set(id, { type, target });
    if (type.endsWith('/sharedStrings')) sharedStrings = byName.get(resolveTarget(target));
    if (type.endsWith('/styles')) styles = byName.get(resolveTarget(target));
  }

  const sheets = elements(workbookText, 'sheet').map((attributes) => {
    const rel = relationships.get(relationshipId(attributes) ?? '');
    return {
      name: attributes.get('name') ?? '',
      hidden: attributes.get('state') === 'hidden' || attributes.get('state') === 'veryHidden',
      entry: rel && rel.type.endsWith('/worksheet') ? byName.get(resolveTarget(rel.target)) : undefined,
    };
  });
  // The first tab the clerk sees; a hidden first sheet is usually a template's code lists.
  const chosen = sheets.find((s) => s.entry && !s.hidden) ?? sheets.find((s) => s.entry);
  if (!chosen?.entry) {
    if (sheets.length === 0) throw new AppError(ParseErrors.PARSE_XLSX_NO_SHEET);
    throw invalidZip(`找不到工作表「${sheets[0]?.name ?? ''}」的数据`);
  }

  const sheetLabel = `工作表「${chosen.name}」`;
  checkPartSize(chosen.entry, sheetLabel, XLSX_LIMITS.maxUncompressedBytes);
  if (sharedStrings) checkPartSize(sharedStrings, '共享字符串表', XLSX_LIMITS.maxSharedStringsBytes);
  if (styles) checkPartSize(styles, '样式表', XLSX_LIMITS.maxSmallPartBytes);
  const total = [workbook, rels, chosen.entry, sharedStrings, styles].reduce((sum, e) => sum + (e?.uncompressedSize ?? 0), 0);
  if (total > XLSX_LIMITS.maxUncompressedBytes) {
    throw new AppError(
      ParseErrors.PARSE_XLSX_TOO_LARGE,
      { part: sheetLabel, size: formatBytes(total), limit: formatBytes(XLSX_LIMITS.maxUncompressedBytes) },
      { size: total, limit: XLSX_LIMITS.maxUncompressedBytes },
    );
  }
  const workbookPr = elements(workbookText, 'workbookPr')[0];
  const date1904 = ['1', 'true'].includes(workbookPr?.get('date1904') ?? '');
  return { sheetName: chosen.name, sheet: chosen.entry, sharedStrings, styles, workbookXml, relsXml, date1904 };
}

function localFileHeader(name: string, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30 + nameBytes.length);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4); // version needed
  header.writeUInt16LE(0x0800, 6); // UTF-8 name; sizes known (no data descriptor)
  header.writeUInt16LE(0, 8); // stored
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  nameBytes.copy(header, 30);
  return header;
}

/** An empty end-of-central-directory record, so the zip reader ends cleanly rather than on a short read. */
const END_OF_ZIP = (() => {
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  return eocd;
})();

/**
 * The minimal zip exceljs reads: entries stored uncompressed (sizes known up front), in the order that
 * lets it stream the sheet directly (relationships, workbook, styles and shared strings first), and the
 * chosen sheet under the one name exceljs recognises.
 */
async function* minimalZip(spool: Spool, plan: WorkbookPlan, tracker: StreamTracker, sheetEnd: { seen: boolean }): AsyncGenerator<Buffer> {
  const inflated = async function* (name: string, entry: ZipEntry): AsyncGenerator<Buffer> {
    yield localFileHeader(name, entry.uncompressedSize);
    yield* inflateEntry(spool.file, spool.size, entry, tracker);
  };
  yield localFileHeader('xl/_rels/workbook.xml.rels', plan.relsXml.length);
  yield plan.relsXml;
  yield localFileHeader('xl/workbook.xml', plan.workbookXml.length);
  yield plan.workbookXml;
  if (plan.styles) yield* inflated('xl/styles.xml', plan.styles);
  if (plan.sharedStrings && plan.sharedStrings.uncompressedSize > 0) {
    yield* inflated('xl/sharedStrings.xml', plan.sharedStrings);
  } else {
    // exceljs spools the sheet to a temporary file of its own unless it has seen a shared strings part.
    yield localFileHeader('xl/sharedStrings.xml', EMPTY_SHARED_STRINGS.length);
    yield EMPTY_SHARED_STRINGS;
  }
  // exceljs never tells its XML parser that the input ended, so a sheet cut short would read as a
  // shorter sheet; the end tag is checked here instead.
  // The flag is updated before each chunk is handed over: exceljs may finish the sheet before this
  // generator is resumed after its last yield.
  let tail = '';
  for await (const chunk of inflated(SHEET_PATH_FOR_EXCELJS, plan.sheet)) {
    tail = (tail + chunk.toString('latin1', Math.max(0, chunk.length - 64))).slice(-64);
    sheetEnd.seen = /<\/(?:[\w.-]+:)?worksheet>\s*$/.test(tail);
    yield chunk;
  }
  yield END_OF_ZIP;
}

interface StyleManagerShape {
  index?: { numFmt?: Record<number, string> };
}

/** Teaches this reader's style table the zh-CN built-in date formats (see ZH_CN_BUILTIN_DATE_FORMATS). */
function addChineseDateFormats(reader: unknown): void {
  const styles = (reader as { styles?: StyleManagerShape }).styles;
  const numFmt = styles?.index?.numFmt;
  if (!numFmt || typeof numFmt !== 'object') return;
  for (const [id, code] of Object.entries(ZH_CN_BUILTIN_DATE_FORMATS)) {
    const key = Number(id);
    if (numFmt[key] === undefined) numFmt[key] = code;
  }
}

interface CellContext {
  rowNo: number;
  col: number;
  header: string | undefined;
  date1904: boolean;
}

function numberText(value: number, format: string | undefined, ctx: CellContext): string {
  if (!Number.isFinite(value)) return '';
  if (isDateFormat(format)) return formatSpreadsheetDate(excelSerialToDate(value, ctx.date1904));
  if (Number.isInteger(value)) {
    if (!Number.isSafeInteger(value)) {
      const where = cellWhere(ctx.rowNo, ctx.col, ctx.header);
      const digits = integerDigits(value);
      throw new AppError(
        ParseErrors.PARSE_XLSX_NUMBER_PRECISION,
        { where, digits, value: plainDecimal(value) },
        { rowNo: ctx.rowNo, column: ctx.col + 1, value: plainDecimal(value) },
      );
    }
    return String(value);
  }
  // Excel keeps 15 significant digits; the stored binary value (0.30000000000000004) is not what the clerk typed.
  return plainDecimal(Number(value.toPrecision(15)));
}

/** A cell as the text the clerk sees (cached formula results, hyperlink text, rich text runs joined). */
function cellText(value: CellValue, format: string | undefined, ctx: CellContext): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, format, ctx);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return formatSpreadsheetDate(value);
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((run) => run.text ?? '').join('');
  if ('error' in value) return String(value.error ?? '');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return '';
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) return String((result as { error: unknown }).error);
    return cellText(result as CellValue, format, ctx);
  }
  if ('text' in value) return cellText((value as { text: CellValue }).text, format, ctx);
  return '';
}

function readFailed(sheet: string, error: unknown): AppError {
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError(ParseErrors.PARSE_XLSX_READ_FAILED, { sheet, detail }, { sheet, detail });
}

/** Opens an XLSX upload: the first visible worksheet, its first non-empty row as the header. */
export async function openXlsx(stream: ByteInput, limits: ParseLimits): Promise<RowSource> {
  const spool = await spoolToTempFile(limitBytes(bufferChunks(stream), limits.maxBytes));
  const tracker: StreamTracker = new Set();
  let zipStream: Readable | undefined;
  const cleanup = async (): Promise<void> => {
    zipStream?.destroy();
    for (const s of tracker) s.destroy();
    tracker.clear();
    await spool.dispose();
  };

  try {
    const plan = await planWorkbook(spool);
    const sheetEnd = { seen: false };
    const zip = Readable.from(minimalZip(spool, plan, tracker, sheetEnd), { objectMode: false });
    zipStream = zip;
    // A failure of our own stream (a bomb, a corrupt part) must end the read: exceljs pipes from it
    // without listening for errors and would wait forever. (Not Promise.race against one long-lived
    // promise: every race would leave a reaction on it, keeping each row alive until the end.)
    let failure: unknown;
    let rejectPending: ((error: unknown) => void) | undefined;
    zip.once('error', (error) => {
      failure = error;
      rejectPending?.(error);
    });
    const race = <T>(promise: Promise<T>): Promise<T> => {
      if (failure !== undefined) return Promise.reject(failure);
      return new Promise<T>((resolve, reject) => {
        rejectPending = reject;
        promise.then(
          (value) => {
            rejectPending = undefined;
            resolve(value);
          },
          (error: unknown) => {
            rejectPending = undefined;
            reject(error);
          },
        );
      });
    };

    const reader = new ExcelJS.stream.xlsx.WorkbookReader(zip, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      entries: 'ignore',
    });
    const sheets = reader[Symbol.asyncIterator]();
    const sheetRows = async function* (): AsyncGenerator<ExcelJS.Row> {
      let first: IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>;
      try {
        first = await race(sheets.next());
      } catch (error) {
        throw error instanceof AppError ? error : readFailed(plan.sheetName, error);
      }
      if (first.done) return;
      addChineseDateFormats(reader);
      const rowIterator = first.value[Symbol.asyncIterator]();
      for (;;) {
        let next: IteratorResult<ExcelJS.Row>;
        try {
          next = await race(rowIterator.next());
        } catch (error) {
          throw error instanceof AppError ? error : readFailed(plan.sheetName, error);
        }
        if (next.done) {
          if (!sheetEnd.seen) throw readFailed(plan.sheetName, '工作表的 XML 内容不完整');
          return;
        }
        yield next.value;
      }
    };

    const rowsIterator = sheetRows();
    const { maxColumns, maxCellChars, maxRows } = limits;
    let headers: string[] = [];
    let headerRowNo = 0;

    /** Row cells as text; `width` undefined while looking for the header, whose width is not known yet. */
    const readRow = (row: ExcelJS.Row, width: number | undefined): string[] => {
      const rowNo = row.number;
      const values: string[] = width === undefined ? [] : new Array<string>(width).fill('');
      row.eachCell({ includeEmpty: false }, (cell: Cell, colNumber: number) => {
        const col = colNumber - 1;
        const ctx: CellContext = { rowNo, col, header: headers[col], date1904: plan.date1904 };
        const text = cellText(cell.value, cell.numFmt, ctx);
        if (text === '') return;
        if (width === undefined) {
          if (colNumber > maxColumns) {
            throw new AppError(ParseErrors.PARSE_TOO_MANY_COLUMNS, { where: '表头', count: colNumber, limit: maxColumns }, { rowNo, count: colNumber, limit: maxColumns });
          }
          while (values.length < colNumber) values.push('');
        } else if (col >= width) {
          throw new AppError(ParseErrors.PARSE_ROW_TOO_MANY_CELLS, { where: cellWhere(rowNo, col), headerCount: width }, { rowNo, column: colNumber, headerCount: width });
        }
        if (text.length > maxCellChars) checkCellLength(text, maxCellChars, () => cellWhere(rowNo, col, headers[col]), () => ({ rowNo, column: colNumber }));
        values[col] = text;
      });
      return values;
    };

    for (;;) {
      const next = await rowsIterator.next();
      if (next.done) break;
      const values = readRow(next.value, undefined);
      if (values.every((v) => v === '')) continue;
      headers = values.map((v) => v.trim());
      while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
      headerRowNo = next.value.number;
      break;
    }
    if (headerRowNo === 0) throw new AppError(ParseErrors.PARSE_EMPTY_FILE);
    const width = headers.length;

    const release = async (): Promise<void> => {
      await rowsIterator.return(undefined);
      await cleanup();
    };

    async function* rows(): AsyncGenerator<RawRow[]> {
      const chunker = new RowChunker(ROW_CHUNK_SIZE);
      let count = 0;
      try {
        for (;;) {
          const next = await rowsIterator.next();
          if (next.done) break;
          const values = readRow(next.value, width);
          if (values.every((v) => v === '')) continue;
          const rowNo = next.value.number;
          count += 1;
          if (count > maxRows) throw tooManyRows(rowNo, maxRows, `第 ${rowNo} 行`);
          const full = chunker.push({ rowNo, values });
          if (full) yield full;
        }
        const rest = chunker.flush();
        if (rest) yield rest;
      } finally {
        await release();
      }
    }

    return { header: { headers }, rows: singleUse(rows(), release) };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
