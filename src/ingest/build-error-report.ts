import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { listBatchErrors } from './repository.js';

/** Rows an error report holds at most (the batch keeps at most this many issues anyway). */
const REPORT_LIMIT = 200_000;

const HEADERS = ['行号', '列代码', '列名称', '填报值', '级别', '错误代码', '错误说明'];

async function rowsOf(db: Kysely<DB>, batchId: number): Promise<string[][]> {
  const rows = await listBatchErrors(db, batchId, REPORT_LIMIT);
  return rows.map((row) => [
    String(row.row_no),
    row.column_code ?? '',
    row.column_name ?? '（整行）',
    row.value ?? '',
    row.severity === 'warning' ? '警告' : '错误',
    row.error_code,
    row.message,
  ]);
}

function csvCell(value: string): string {
  // A leading = + - @ would make a spreadsheet run the cell as a formula (CSV injection).
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The batch's error report as CSV: UTF-8 with a BOM so that Excel shows the Chinese text. */
export async function buildErrorReportCsv(db: Kysely<DB>, batchId: number): Promise<Buffer> {
  const rows = await rowsOf(db, batchId);
  const text = [HEADERS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** The batch's error report as an Excel workbook. */
export async function buildErrorReportXlsx(db: Kysely<DB>, batchId: number): Promise<Buffer> {
  const rows = await rowsOf(db, batchId);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = book.addWorksheet('错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADERS.map((header, i) => ({ header, width: [8, 14, 24, 30, 8, 22, 70][i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}
