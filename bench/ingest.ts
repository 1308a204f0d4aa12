import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import type { AppContext } from '../src/app/context.js';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { PENALTY_COLUMNS, csvLine, penaltyRows } from '../src/demo/index.js';
import { findTopicByCode } from '../src/catalog/index.js';
import { submitBatch } from '../src/ingest/index.js';
import { prepareRows } from '../src/ingest/prepare-rows.js';
import { chinaDate } from '../src/kernel/calendar.js';
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
    const floorSeconds = await recordsCopySeconds(bench.url, dir);
    const minimalSeconds = await minimalStoreSeconds(bench.url, dir);
    const subjectSeconds = await subjectsCopySeconds(bench.url, dir);
    const prepareSeconds = await prepareOnlySeconds(bench.ctx, file, bytes);
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
      // The least any versioned store of these rows must write: see minimalStoreSeconds.
      minimalStoreSeconds: round(minimalSeconds),
      minimalStoreRatio: round(copySeconds / minimalSeconds),
      // The batch's new subjects (registry, identifiers, names, search documents) COPYed on their own.
      subjectsCopySeconds: round(subjectSeconds),
      // The database's floor for the whole batch in the smallest store: no pipeline can beat this ratio.
      floorRatio: round(copySeconds / (minimalSeconds + subjectSeconds)),
      // Node's share on one core: parse, validate, encrypt and encode the file, with no database.
      prepareSeconds: round(prepareSeconds),
      accepted: report.accepted,
      rejected: report.rejected,
      subjects: Number(subjects.n),
    };
  } finally {
    await bench.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A table to refill: how its rows are exported, how the empty table is created, and the columns COPY fills. */
interface Refill {
  table: string;
  exportQuery: string;
  create: string[];
  columns?: string;
}

/**
 * Exports rows the pipeline wrote as COPY text, creates empty tables for them, and times COPYing them
 * back in one transaction: PostgreSQL's own share, with no parsing, validation or subjects to resolve.
 */
async function refillSeconds(url: string, dir: string, refills: readonly Refill[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const fileOf = (refill: Refill) => path.join(dir, `${refill.table}.copy`);
  try {
    for (const refill of refills) {
      await pipeline(client.query(copyTo(`copy (${refill.exportQuery}) to stdout`)), fs.createWriteStream(fileOf(refill)));
      for (const statement of refill.create) await client.query(statement);
    }
    const start = process.hrtime.bigint();
    await client.query('begin');
    for (const refill of refills) {
      const columns = refill.columns ? ` (${refill.columns})` : '';
      await pipeline(fs.createReadStream(fileOf(refill)), client.query(copyFrom(`copy ${refill.table}${columns} from stdin`)));
    }
    await client.query('commit');
    const elapsed = seconds(start);
    for (const refill of refills) await client.query(`drop table ${refill.table}`);
    return elapsed;
  } finally {
    await client.end();
  }
}

/**
 * The database's share of the pipeline: the records it wrote, COPYed back into an empty table shaped
 * like `records` (same columns, types and indexes). No pipeline can be faster than this.
 */
function recordsCopySeconds(url: string, dir: string): Promise<number> {
  const columns = RECORD_COPY_COLUMNS.join(', ');
  return refillSeconds(url, dir, [
    {
      table: 'records_floor',
      exportQuery: `select ${columns} from records`,
      create: ['create table records_floor (like records including defaults including constraints including indexes)'],
      columns,
    },
  ]);
}

/**
 * A floor below the records table: what PostgreSQL takes to COPY the batch into the smallest store that
 * still versions records — each row's values as one opaque text (about its CSV line), with its business
 * key, version, subject, batch and source row, and only the indexes versioning and a subject's record
 * need (id, current version by business key, subject). No field codes, no publication window or
 * timeliness, no index for the public listing, and personal numbers not kept apart encrypted: smaller
 * than the house rules allow, so a generous floor. Subjects, parsing and validation cost extra.
 */
function minimalStoreSeconds(url: string, dir: string): Promise<number> {
  return refillSeconds(url, dir, [
    {
      table: 'minimal_store',
      // The payload: the row's values joined by commas, no field codes — about the bytes of its CSV line.
      exportQuery: `select id, topic_id, business_key, version, is_current, subject_id, batch_id, source_row,
        (select string_agg(value, ',') from json_each_text(data)) from records`,
      create: [
        `create table minimal_store (id bigint primary key, topic_id int not null, business_key text not null, version int not null,
          is_current boolean not null, subject_id bigint not null, batch_id bigint not null, source_row int not null, payload text not null)`,
        'create unique index minimal_store_current on minimal_store (topic_id, business_key) where is_current',
        'create index minimal_store_subject on minimal_store (subject_id)',
      ],
    },
  ]);
}

/** The subject tables the pipeline filled, COPYed back into empty copies with the same indexes. */
function subjectsCopySeconds(url: string, dir: string): Promise<number> {
  return refillSeconds(
    url,
    dir,
    ['subjects', 'subject_identifiers', 'subject_names', 'subject_search_docs'].map((table) => ({
      table: `${table}_floor`,
      exportQuery: `select * from ${table}`,
      create: [`create table ${table}_floor (like ${table} including defaults including constraints including indexes)`],
    })),
  );
}

/** The pipeline's preparation alone (steps 1–4: parse → validate → normalise and encrypt → encode), on the main thread, writing nothing. */
async function prepareOnlySeconds(ctx: AppContext, file: string, bytes: number): Promise<number> {
  const topic = (await findTopicByCode(ctx.db, 'XZCF'))!;
  const receivedAt = new Date();
  const start = process.hrtime.bigint();
  const chunks = prepareRows(
    fs.createReadStream(file, { highWaterMark: 1 << 20 }),
    { topic, format: 'csv', limits: { maxBytes: bytes }, today: chinaDate(receivedAt), departmentId: 1, batchId: 1, receivedAt, cooperative: false },
    ctx.crypto,
  );
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
  }
  return seconds(start);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
