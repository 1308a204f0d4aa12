import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { PENALTY_COLUMNS, csvLine, penaltyRows } from '../src/demo/index.js';
import { submitBatch } from '../src/ingest/index.js';
import { RECORD_COPY_COLUMNS } from '../src/records/repository.js';
import { benchDatabase, option, seconds } from './support.js';

/**
 * `npm run bench -- ingest [--rows=N]`: generates N 行政处罚 rows (default 1,000,000) as a CSV file,
 * COPYs the file into an unindexed table of text columns (the raw rate), then submits the same file
 * through the real pipeline (parse → validate → prepare → resolve subjects → write records) into a
 * fresh database on the PostgreSQL server, and reports both rates and their ratio.
 */
export async function ingestBench(args: string[]): Promise<Record<string, unknown>> {
  const rows = option(args, 'rows', 1_000_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyong-bench-'));
  const file = path.join(dir, 'penalties.csv');
  const out = fs.createWriteStream(file);
  out.write(PENALTY_COLUMNS.join(',') + '\n');
  let buffer = '';
  for (const row of penaltyRows(42, rows)) {
    buffer += csvLine(row, PENALTY_COLUMNS) + '\n';
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise<void>((resolve) => out.once('finish', () => resolve()));
  const bytes = fs.statSync(file).size;

  const bench = await benchDatabase('xinyong_bench_ingest');
  try {
    // Raw COPY: the same file into a table with one text column per CSV column and no index.
    const client = new pg.Client({ connectionString: bench.url });
    await client.connect();
    await client.query(`create table raw_copy (${PENALTY_COLUMNS.map((c) => `"${c}" text`).join(', ')})`);
    let start = process.hrtime.bigint();
    await pipeline(fs.createReadStream(file), client.query(copyFrom('copy raw_copy from stdin with (format csv, header true)')));
    const copySeconds = seconds(start);
    await client.query('drop table raw_copy');
    await client.end();

    await bench.ctx.db
      .insertInto('departments')
      .values({ code: 'SCJG', name: '福州市市场监督管理局', uscc: null, kind: 'department', created_at: new Date() })
      .execute();
    start = process.hrtime.bigint();
    const report = await submitBatch(bench.ctx, { type: 'system', id: null, name: 'bench', departmentId: null, roles: ['admin'] }, {
      departmentCode: 'SCJG',
      topicCode: 'XZCF',
      channel: 'cli',
      fileName: 'penalties.csv',
      input: fs.createReadStream(file, { highWaterMark: 1 << 20 }),
      limits: { maxBytes: bytes },
      worker: true,
    });
    const pipelineSeconds = seconds(start);
    const subjects = await bench.ctx.db.selectFrom('subjects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const floorSeconds = await recordsCopySeconds(bench.url, path.join(dir, 'records.copy'));
    return {
      rows,
      fileMB: Math.round(bytes / 1_048_576),
      copySeconds: round(copySeconds),
      copyRowsPerSec: Math.round(rows / copySeconds),
      pipelineSeconds: round(pipelineSeconds),
      pipelineRowsPerSec: Math.round(rows / pipelineSeconds),
      ratio: round(copySeconds / pipelineSeconds),
      // What PostgreSQL alone takes to COPY the finished records (no parsing, validation or subjects).
      recordsCopySeconds: round(floorSeconds),
      recordsCopyRatio: round(copySeconds / floorSeconds),
      accepted: report.accepted,
      rejected: report.rejected,
      subjects: Number(subjects.n),
    };
  } finally {
    await bench.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The database's share of the pipeline, measured on its own: the records the pipeline wrote, exported
 * as COPY text and COPYed back into an empty table shaped like `records` (same columns, types and
 * indexes). No pipeline can be faster than this.
 */
async function recordsCopySeconds(url: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = RECORD_COPY_COLUMNS.join(', ');
    await pipeline(client.query(copyTo(`copy (select ${columns} from records) to stdout`)), fs.createWriteStream(file));
    await client.query('create table records_floor (like records including defaults including constraints including indexes)');
    const start = process.hrtime.bigint();
    await pipeline(fs.createReadStream(file), client.query(copyFrom(`copy records_floor (${columns}) from stdin`)));
    const elapsed = seconds(start);
    await client.query('drop table records_floor');
    return elapsed;
  } finally {
    await client.end();
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
