/**
 * Hand-run throughput check (not a test):
 * `node --expose-gc --import tsx src/ingest/parsers/throughput.manual.ts [rows] [csv|xlsx]`.
 * Generates CSV (UTF-8 and GBK) and XLSX files of `rows` × 30 columns of Chinese text in a temp dir,
 * parses each through openSource from a file stream, and prints one JSON line per format with rows/s
 * and peak RSS.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { openSource, type SourceFormat } from './index.js';

const ROWS = Number(process.argv[2] ?? 200_000);
const ONLY = process.argv[3];
const COLUMNS = 30;
const WORDS = ['北京市', '华信达', '科技有限公司', '市场监督管理局', '行政处罚', '罚款', '没收违法所得', '警告', '责令停产停业', '京市监罚〔2024〕', '未按规定公示年度报告', '《中华人民共和国行政处罚法》第九条'];

function cell(row: number, col: number): string {
  return `${WORDS[(row * 7 + col) % WORDS.length]}${WORDS[(row + col * 3) % WORDS.length]}${row % 997}`;
}

function headers(): string[] {
  return Array.from({ length: COLUMNS }, (_, c) => `字段${c + 1}`);
}

async function measure(format: SourceFormat, path: string): Promise<Record<string, unknown>> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const started = process.hrtime.bigint();
  const source = await openSource({ format, stream: createReadStream(path) });
  let rows = 0;
  for await (const chunk of source.rows) rows += chunk.length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  const bytes = (await stat(path)).size;
  return {
    format,
    encoding: source.header.encoding,
    rows,
    columns: source.header.headers.length,
    megabytes: Math.round(bytes / 1e5) / 10,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(rows / seconds),
    peakRssMb: Math.round(peakRss / 1e6),
  };
}

const dir = await mkdtemp(join(tmpdir(), 'parsers-throughput-'));
try {
  if (!ONLY || ONLY === 'csv') {
    const lines = [headers().join(',')];
    for (let r = 0; r < ROWS; r++) lines.push(Array.from({ length: COLUMNS }, (_, c) => cell(r, c)).join(','));
    const text = lines.join('\r\n') + '\r\n';
    await writeFile(join(dir, 'utf8.csv'), text, 'utf8');
    await writeFile(join(dir, 'gbk.csv'), iconv.encode(text, 'gbk'));
  }
  if (!ONLY || ONLY === 'xlsx') {
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, 'data.xlsx'), useSharedStrings: true });
    const sheet = writer.addWorksheet('数据');
    sheet.addRow(headers()).commit();
    for (let r = 0; r < ROWS; r++) sheet.addRow(Array.from({ length: COLUMNS }, (_, c) => cell(r, c))).commit();
    sheet.commit();
    await writer.commit();
  }
  // The generated text is garbage now; collect it so peak RSS reflects the parser.
  (globalThis as { gc?: () => void }).gc?.();
  if (!ONLY || ONLY === 'csv') {
    console.log(JSON.stringify(await measure('csv', join(dir, 'utf8.csv'))));
    console.log(JSON.stringify(await measure('csv', join(dir, 'gbk.csv'))));
  }
  if (!ONLY || ONLY === 'xlsx') console.log(JSON.stringify(await measure('xlsx', join(dir, 'data.xlsx'))));
} finally {
  await rm(dir, { recursive: true, force: true });
}
