import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/errors.js';
import { openSource, XLSX_LIMITS, type ParseLimits, type RawRow } from './index.js';
import { asStream, buildZip, chunked, minimalWorkbookParts } from './test-fixtures.js';

// Each test file runs in its own process: a private temp dir lets the tests check nothing is left behind.
const privateTmp = mkdtempSync(join(tmpdir(), 'xlsx-test-'));
process.env.TMPDIR = privateTmp;

async function parse(bytes: Buffer, limits?: Partial<ParseLimits>) {
  const source = await openSource({ format: 'xlsx', stream: asStream(chunked(bytes, [65536])), limits });
  const rows: RawRow[] = [];
  for await (const chunk of source.rows) rows.push(...chunk);
  return { header: source.header, rows };
}

async function parseError(bytes: Buffer, limits?: Partial<ParseLimits>): Promise<AppError> {
  try {
    await parse(bytes, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the parse to fail');
}

async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function leftovers(): string[] {
  return readdirSync(privateTmp).filter((name) => name.startsWith('xinyong-upload-'));
}

describe('XLSX values', () => {
  let penalties: Buffer;
  beforeAll(async () => {
    penalties = await workbook((wb) => {
      const ws = wb.addWorksheet('行政处罚');
      ws.addRow([' CF_XDR_MC ', 'CF_XDR_SHXYM', 'CF_JDRQ', 'CF_NR_FK', '公式', '富文本', '布尔', '链接', '时间', '']);
      ws.addRow([
        '华信达科技有限公司',
        '91110108MA01234567',
        new Date(Date.UTC(2024, 0, 5)),
        0.1 + 0.2,
        { formula: 'D2*2', result: 0.6 },
        { richText: [{ text: '加粗', font: { bold: true } }, { text: '正常' }] },
        true,
        { text: '官网', hyperlink: 'https://www.creditchina.gov.cn' },
        new Date(Date.UTC(2024, 0, 5, 8, 30, 15)),
      ]);
      ws.addRow([]);
      ws.addRow(['张三', '110101199003071234', null, 12345, { formula: 'TODAY()', result: undefined }, null, false, null, null]);
      ws.getCell('D4').numFmt = '#,##0.00';
      ws.addRow(['李四', null, null, 1e-7]);
      ws.getCell('C5').value = 45296;
      ws.getCell('C5').numFmt = 'yyyy"年"m"月"d"日"';
    });
  });

  it('reads strings, numbers, dates, formulas, rich text, hyperlinks and booleans as the clerk sees them', async () => {
    const { header, rows } = await parse(penalties);
    expect(header).toEqual({ headers: ['CF_XDR_MC', 'CF_XDR_SHXYM', 'CF_JDRQ', 'CF_NR_FK', '公式', '富文本', '布尔', '链接', '时间'] });
    expect(rows).toEqual([
      { rowNo: 2, values: ['华信达科技有限公司', '91110108MA01234567', '2024-01-05', '0.3', '0.6', '加粗正常', 'true', '官网', '2024-01-05 08:30:15'] },
      { rowNo: 4, values: ['张三', '110101199003071234', '', '12345', '', '', 'false', '', ''] },
      { rowNo: 5, values: ['李四', '', '2024-01-05', '0.0000001', '', '', '', '', ''] },
    ]);
    expect(leftovers()).toEqual([]);
  });

  it('rejects an 18-digit code stored as a number, naming the cell', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['名称', '统一社会信用代码']);
      // An 18-digit ID typed into a number cell: Excel keeps 15 significant digits.
      ws.addRow(['张三', Number('110101199003071234')]);
    });
    const error = await parseError(bytes);
    expect(error.code).toBe('PARSE_XLSX_NUMBER_PRECISION');
    expect(error.details).toMatchObject({ rowNo: 2, column: 2 });
    expect(error.message).toContain('第 2 行 B 列「统一社会信用代码」');
    expect(error.message).toContain('文本');
    expect(leftovers()).toEqual([]);
  });

  it('reads the zh-CN built-in date formats (WPS/Excel ids 31, 57, 58) as dates', async () => {
    const parts = minimalWorkbookParts({
      cellXfsNumFmtIds: [0, 31, 58, 14, 33],
      sharedStrings: ['决定日期', '公示日期', '短日期', '时间'],
      rows: [
        [
          { ref: 'A1', t: 's', v: '0' },
          { ref: 'B1', t: 's', v: '1' },
          { ref: 'C1', t: 's', v: '2' },
          { ref: 'D1', t: 's', v: '3' },
        ],
        [
          { ref: 'A2', s: 1, v: '45296' },
          { ref: 'B2', s: 2, v: '45296.5' },
          { ref: 'C2', s: 3, v: '45296' },
          { ref: 'D2', s: 4, v: '0.3541666666666667' },
        ],
      ],
    });
    const { rows } = await parse(buildZip(parts));
    expect(rows).toEqual([{ rowNo: 2, values: ['2024-01-05', '2024-01-05 12:00:00', '2024-01-05', '08:30:00'] }]);
  });

  it('reads inline strings, error values and cached formula strings without a shared strings part', async () => {
    const parts = minimalWorkbookParts({
      rows: [
        [
          { ref: 'A1', t: 'inlineStr', inline: '名称' },
          { ref: 'B1', t: 'inlineStr', inline: '值' },
          { ref: 'C1', t: 'inlineStr', inline: '公式' },
        ],
        [
          { ref: 'A2', t: 'inlineStr', inline: '张三 & 李四' },
          { ref: 'B2', t: 'e', v: '#N/A' },
          { ref: 'C2', t: 'str', f: 'A2&""', v: '张三 &amp; 李四' },
        ],
      ],
      rowNumbers: [3, 7],
    });
    const { header, rows } = await parse(buildZip(parts));
    expect(header.headers).toEqual(['名称', '值', '公式']);
    expect(rows).toEqual([{ rowNo: 7, values: ['张三 & 李四', '#N/A', '张三 & 李四'] }]);
  });

  it('reads ZIP64 archives and stored (uncompressed) parts', async () => {
    const parts = minimalWorkbookParts({
      rows: [[{ ref: 'A1', t: 'inlineStr', inline: '名称' }], [{ ref: 'A2', t: 'inlineStr', inline: '张三' }]],
    });
    for (const part of parts) if (part.name.endsWith('data.xml')) part.method = 0;
    const { rows } = await parse(buildZip(parts, { zip64: true }));
    expect(rows).toEqual([{ rowNo: 2, values: ['张三'] }]);
  });

  it('reads the first visible worksheet', async () => {
    const bytes = await workbook((wb) => {
      const codes = wb.addWorksheet('代码表');
      codes.state = 'hidden';
      codes.addRow(['代码', '名称']);
      const data = wb.addWorksheet('数据');
      data.addRow(['名称']);
      data.addRow(['张三']);
      wb.addWorksheet('另一张').addRow(['x']);
    });
    const { header, rows } = await parse(bytes);
    expect(header.headers).toEqual(['名称']);
    expect(rows).toEqual([{ rowNo: 2, values: ['张三'] }]);
  });

  it('returns no rows for a header-only sheet and rejects an empty one', async () => {
    const headerOnly = await workbook((wb) => wb.addWorksheet('S').addRow(['a', 'b']));
    expect((await parse(headerOnly)).rows).toEqual([]);
    const empty = await workbook((wb) => wb.addWorksheet('S'));
    expect((await parseError(empty)).code).toBe('PARSE_EMPTY_FILE');
  });

  it('reports content right of the header, too many columns and long cells', async () => {
    const extra = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['a', 'b']);
      ws.addRow(['1', '2', '备注']);
    });
    const error = await parseError(extra);
    expect(error.code).toBe('PARSE_ROW_TOO_MANY_CELLS');
    expect(error.details).toMatchObject({ rowNo: 2, column: 3 });

    const wide = await workbook((wb) => wb.addWorksheet('S').addRow(['a', 'b', 'c', 'd']));
    expect((await parseError(wide, { maxColumns: 3 })).code).toBe('PARSE_TOO_MANY_COLUMNS');

    const long = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['a', 'b']);
      ws.addRow(['1', 'x'.repeat(50)]);
    });
    const tooLong = await parseError(long, { maxCellChars: 20 });
    expect(tooLong.code).toBe('PARSE_CELL_TOO_LONG');
    expect(tooLong.details).toMatchObject({ rowNo: 2, column: 2 });
  });

  it('enforces maxRows and maxBytes', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['a']);
      for (let i = 0; i < 10; i++) ws.addRow([i]);
    });
    expect((await parseError(bytes, { maxRows: 5 })).code).toBe('PARSE_TOO_MANY_ROWS');
    const tooBig = await parseError(bytes, { maxBytes: 1000 });
    expect(tooBig.code).toBe('PARSE_FILE_TOO_LARGE');
    expect(tooBig.status).toBe(413);
    expect(leftovers()).toEqual([]);
  });
});

describe('XLSX hostile and broken files', () => {
  it('tells the clerk to re-save a legacy .xls (or password-protected) workbook', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const error = await parseError(xls);
    expect(error.code).toBe('PARSE_XLSX_LEGACY');
    expect(error.message).toContain('.xlsx');
  });

  it('rejects a truncated workbook', async () => {
    const bytes = await workbook((wb) => wb.addWorksheet('S').addRow(['a']));
    for (const cut of [bytes.length - 10, Math.floor(bytes.length / 2), 100]) {
      const error = await parseError(bytes.subarray(0, cut));
      expect(error.code).toBe('PARSE_XLSX_INVALID');
      expect(error.message).toContain('不是有效的 Excel 文件（.xlsx）');
    }
    expect(leftovers()).toEqual([]);
  });

  it('rejects a file that is not a zip, and a zip that is not a workbook', async () => {
    expect((await parseError(Buffer.from('名称,代码\n张三,1\n'))).code).toBe('PARSE_XLSX_INVALID');
    expect((await parseError(Buffer.alloc(0))).code).toBe('PARSE_XLSX_INVALID');
    const docx = buildZip([{ name: 'word/document.xml', data: '<w:document/>' }]);
    expect((await parseError(docx)).message).toContain('xl/workbook.xml');
  });

  it('rejects a sheet whose declared size is over the limit before inflating anything', async () => {
    const parts = minimalWorkbookParts({ rows: [[{ ref: 'A1', t: 'inlineStr', inline: 'a' }]] });
    const sheet = parts.find((p) => p.name === 'xl/worksheets/data.xml');
    if (sheet) sheet.declaredSize = XLSX_LIMITS.maxUncompressedBytes + 1;
    const error = await parseError(buildZip(parts));
    expect(error.code).toBe('PARSE_XLSX_TOO_LARGE');
    expect(error.status).toBe(413);
  });

  it('rejects a shared strings table declared over its own limit', async () => {
    const parts = minimalWorkbookParts({ sharedStrings: ['a'], rows: [[{ ref: 'A1', t: 's', v: '0' }]] });
    const sst = parts.find((p) => p.name === 'xl/sharedStrings.xml');
    if (sst) sst.declaredSize = XLSX_LIMITS.maxSharedStringsBytes + 1;
    const error = await parseError(buildZip(parts));
    expect(error.code).toBe('PARSE_XLSX_TOO_LARGE');
    expect(error.message).toContain('共享字符串表');
  });

  it('rejects a zip-bomb-like sheet of highly compressible data by its compression ratio', async () => {
    const cell = '<row r="2"><c r="A2" t="inlineStr"><is><t>0</t></is></c></row>';
    const parts = minimalWorkbookParts({ rows: [[{ ref: 'A1', t: 'inlineStr', inline: 'a' }]] });
    const sheet = parts.find((p) => p.name === 'xl/worksheets/data.xml');
    if (sheet) sheet.data = `<worksheet><sheetData>${cell.repeat(200_000)}</sheetData></worksheet>`;
    const error = await parseError(buildZip(parts));
    expect(error.code).toBe('PARSE_XLSX_SUSPICIOUS');
    expect(error.status).toBe(413);
  });

  it('stops inflating a part that grows past the size it declared', async () => {
    const parts = minimalWorkbookParts({
      rows: Array.from({ length: 50 }, (_, i) => [{ ref: `A${i + 1}`, t: 'inlineStr' as const, inline: `第${i}行` }]),
    });
    const sheet = parts.find((p) => p.name === 'xl/worksheets/data.xml');
    if (sheet) sheet.declaredSize = 300;
    const error = await parseError(buildZip(parts));
    expect(error.code).toBe('PARSE_XLSX_INVALID');
    expect(error.message).toContain('超过了文件声明的大小');
    expect(leftovers()).toEqual([]);
  });

  it('rejects a part whose CRC does not match', async () => {
    const parts = minimalWorkbookParts({ rows: [[{ ref: 'A1', t: 'inlineStr', inline: 'a' }]] });
    const sheet = parts.find((p) => p.name === 'xl/worksheets/data.xml');
    if (sheet) sheet.declaredCrc = 12345;
    expect((await parseError(buildZip(parts))).message).toContain('CRC');
  });

  it('reports malformed or cut-short sheet XML as unreadable rather than hanging or losing rows', async () => {
    const start = '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>';
    for (const xml of [`${start}<row r="2"><c r="A2" <<</row></sheetData></worksheet>`, `${start}<row r="2"><c r="A2" t="inlineStr"><is><t>b</t>`]) {
      const parts = minimalWorkbookParts({ rows: [[{ ref: 'A1', t: 'inlineStr', inline: 'a' }]], sheetName: '数据' });
      const sheet = parts.find((p) => p.name === 'xl/worksheets/data.xml');
      if (sheet) sheet.data = xml;
      const error = await parseError(buildZip(parts));
      expect(error.code).toBe('PARSE_XLSX_READ_FAILED');
      expect(error.message).toContain('工作表「数据」');
    }
    expect(leftovers()).toEqual([]);
  });

  it('leaves no temporary file behind when the consumer stops early', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['n']);
      for (let i = 0; i < 10_000; i++) ws.addRow([i]);
    });
    const source = await openSource({ format: 'xlsx', stream: asStream([bytes]) });
    for await (const chunk of source.rows) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    expect(leftovers()).toEqual([]);
    const unread = await openSource({ format: 'xlsx', stream: asStream([bytes]) });
    await unread.rows[Symbol.asyncIterator]().return?.();
    expect(leftovers()).toEqual([]);
  });
});
