import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { systemActor } from '../src/kernel/actor.js';
import { courtFeedFile, ensureBuiltinListTypes, LIST_CODES, syncCourtList } from '../src/lists/index.js';
import type { GenBlock, GenOptions } from './court-sync-gen.js';
import { benchDatabase, option, seconds } from './support.js';

const SEED = 20250618;
/** Listings per generated block, and blocks asked for ahead of the one being written. */
const BLOCK = 20_000;
const AHEAD = 4;
const WORKERS = 2;

/** Writes to a stream, waiting while its buffer is full (the 8M-row file and COPY payloads are GBs). */
async function write(stream: Writable, text: string): Promise<void> {
  if (text.length === 0 || stream.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => {
      stream.off('drain', onDrain);
      reject(error);
    };
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

async function finish(stream: Writable): Promise<void> {
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  stream.end();
  await done;
}

/**
 * Secondary indexes and unique constraints of the tables the setup bulk-loads: dropped before the
 * load and rebuilt after it (one sort per index instead of millions of insertions). Primary keys stay.
 */
async function secondaryIndexes(client: pg.Client, tables: string[]): Promise<{ drop: string[]; create: string[] }> {
  const { rows } = await client.query<{ tbl: string; name: string; def: string; constraint: boolean }>(
    `select i.tablename as tbl, i.indexname as name, i.indexdef as def, c.conname is not null as constraint
     from pg_indexes i
     left join pg_constraint c on c.conname = i.indexname and c.contype = 'u'
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (select 1 from pg_constraint p where p.conname = i.indexname and p.contype = 'p')`,
    [tables],
  );
  const drop: string[] = [];
  const create: string[] = [];
  for (const row of rows) {
    if (row.constraint) {
      const { rows: defs } = await client.query<{ def: string }>(`select pg_get_constraintdef(oid) as def from pg_constraint where conname = $1`, [row.name]);
      drop.push(`alter table ${row.tbl} drop constraint ${row.name}`);
      create.push(`alter table ${row.tbl} add constraint ${row.name} ${defs[0]!.def}`);
    } else {
      drop.push(`drop index ${row.name}`);
      create.push(row.def);
    }
  }
  return { drop, create };
}

/**
 * `npm run bench -- court-sync [--entries=N]`: the 失信被执行人 sync of an N-entry snapshot (default
 * 8,000,000) against a current list of N entries on the PostgreSQL server. Setup (not timed, streamed:
 * nothing holds more than a few blocks): two worker threads generate the current list — N active
 * entries, spread over min(N, 500,000) subjects, and their mirror rows with the content and raw hashes
 * the sync that listed them would have stored — and the JSON Lines snapshot, where 1% of the listings
 * changed (performance figures), 0.5% were revoked (missing) and 0.5% are new; the main thread COPYs
 * the entries and the mirror on two connections (foreign-key triggers off, secondary indexes rebuilt
 * afterwards) and writes the file. Timed: `syncCourtList` on that file (stage + diff + apply, one
 * transaction), with a measure whose joint tasks open for the new entries and are cancelled for the
 * revoked ones. The database and the file are removed at the end. `--cold=1`: the mirror has no raw
 * hashes, as the first sync after migration 0011 finds it (every line is parsed).
 */
export async function courtSyncBench(args: string[]): Promise<Record<string, unknown>> {
  const entries = option(args, 'entries', 8_000_000);
  const cold = option(args, 'cold', 0) === 1;
  const bench = await benchDatabase('xinyong_bench_court');
  const file = path.join(os.tmpdir(), `xinyong-court-bench-${process.pid}.jsonl`);
  const workers: Worker[] = [];
  try {
    const { ctx } = bench;
    const setupStart = process.hrtime.bigint();
    await ensureBuiltinListTypes(ctx.db, new Date());
    const listType = await ctx.db.selectFrom('list_types').select('id').where('code', '=', LIST_CODES.courtDishonest).executeTakeFirstOrThrow();
    const dept = await ctx.db
      .insertInto('departments')
      .values({ code: 'MHJ', name: '民航福建监管局', uscc: null, kind: 'department', created_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const measure = await ctx.db
      .insertInto('measures')
      .values({
        code: 'XZCZFJ',
        name: '限制乘坐飞机',
        content: '限制被执行人乘坐飞机',
        kind: 'punishment',
        strength: 'restrict',
        legal_basis: JSON.stringify([{ title: '最高人民法院关于限制被执行人高消费及有关消费的若干规定', article: '第三条' }]),
        matters: [],
        binds: ['subject'],
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db.insertInto('measure_list_types').values({ measure_id: measure.id, list_type_id: listType.id }).execute();
    await ctx.db.insertInto('measure_departments').values({ measure_id: measure.id, department_id: dept.id }).execute();

    const client = new pg.Client({ connectionString: bench.url });
    const mirrorClient = new pg.Client({ connectionString: bench.url });
    await client.connect();
    await mirrorClient.connect();
    const subjects = Math.min(entries, 500_000);
    await client.query(`insert into subjects (id, kind, name, name_norm, created_at, updated_at)
      select g, 'natural_person', '被执行人' || g, '被执行人' || g, now(), now() from generate_series(1, ${subjects}) g`);
    await client.query(`select setval('subjects_id_seq', ${subjects})`);
    const indexes = await secondaryIndexes(client, ['list_entries', 'joint_tasks']);
    for (const statement of indexes.drop) await client.query(statement);
    // The generated rows are consistent by construction: no foreign-key trigger per row while loading.
    for (const c of [client, mirrorClient]) {
      await c.query(`set session_replication_role = replica`);
      await c.query(`set maintenance_work_mem = '512MB'`);
    }

    const newRows = Math.round(entries * 0.005);
    const total = entries + newRows;
    const blocks = Math.ceil(total / BLOCK);
    const options: GenOptions = { masterKey: bench.masterKey, seed: SEED, entries, subjects, listTypeId: listType.id, now: new Date().toISOString(), cold };
    const queues: { resolve: (b: GenBlock) => void; reject: (e: Error) => void }[][] = [];
    for (let k = 0; k < WORKERS; k++) {
      const worker = new Worker(new URL('./court-sync-worker.mjs', import.meta.url), { workerData: options });
      const queue: (typeof queues)[number] = [];
      worker.on('message', (block: GenBlock) => queue.shift()?.resolve(block));
      worker.on('error', (error) => queue.splice(0).forEach((q) => q.reject(error)));
      workers.push(worker);
      queues.push(queue);
    }
    const ask = (block: number) =>
      new Promise<GenBlock>((resolve, reject) => {
        queues[block % WORKERS]!.push({ resolve, reject });
        workers[block % WORKERS]!.postMessage({ block, from: block * BLOCK, to: Math.min(total, (block + 1) * BLOCK) });
      });
    const out = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
    const entryCopy = client.query(
      copyFrom(`copy list_entries (id, list_type_id, subject_id, status, source, source_key, decision_date, effective_from, reasons, content_hash, created_at, updated_at) from stdin`),
    );
    const mirrorCopy = mirrorClient.query(copyFrom(`copy court_listings (case_code, content_hash, raw_hash, entry_id, synced_at) from stdin`));
    let changedRows = 0;
    let revokedRows = 0;
    const inflight: Promise<GenBlock>[] = [];
    for (let b = 0; b < Math.min(AHEAD, blocks); b++) inflight.push(ask(b));
    for (let b = 0; b < blocks; b++) {
      const block = await inflight.shift()!;
      if (b + AHEAD < blocks) inflight.push(ask(b + AHEAD));
      changedRows += block.changed;
      revokedRows += block.revoked;
      await Promise.all([write(out, block.file), write(entryCopy, block.entries), write(mirrorCopy, block.mirror)]);
    }
    await Promise.all([finish(out), finish(entryCopy), finish(mirrorCopy)]);
    await Promise.all(workers.splice(0).map((w) => w.terminate()));
    await client.query(`select setval('list_entries_id_seq', ${entries})`);
    // Each listed entry has its pending joint task, as the sync that listed it would have opened; the
    // entries' indexes are rebuilt meanwhile on the other connection.
    const entryIndexes = indexes.create.filter((statement) => !/joint_tasks/.test(statement));
    const taskIndexes = indexes.create.filter((statement) => /joint_tasks/.test(statement));
    await Promise.all([
      (async () => {
        await client.query(`insert into joint_tasks (entry_id, measure_id, department_id, status, due_on, created_at)
          select id, ${measure.id}, ${dept.id}, 'pending', current_date + 14, now() from list_entries`);
        for (const statement of taskIndexes) await client.query(statement);
        await client.query('vacuum analyze joint_tasks');
      })(),
      (async () => {
        for (const statement of entryIndexes) await mirrorClient.query(statement);
        await mirrorClient.query('vacuum analyze list_entries');
        await mirrorClient.query('vacuum analyze court_listings');
      })(),
    ]);
    await client.end();
    await mirrorClient.end();
    const setupSeconds = seconds(setupStart);
    const fileMb = Math.round(fs.statSync(file).size / 1_048_576);

    const summary = await syncCourtList(ctx, systemActor, { mode: 'snapshot', source: courtFeedFile(file) });
    const expected = { new: newRows, changed: changedRows, revoked: revokedRows };
    const correct = summary.new === expected.new && summary.changed === expected.changed && summary.revoked === expected.revoked && summary.rejected === 0;
    return {
      entries,
      ...(cold ? { cold: true } : {}),
      snapshotRows: summary.rows,
      fileMb,
      setupSeconds: Math.round(setupSeconds),
      seconds: summary.seconds,
      rowsPerSecond: Math.round(summary.rows / summary.seconds.total),
      counts: { new: summary.new, changed: summary.changed, revoked: summary.revoked, unchanged: summary.unchanged, rejected: summary.rejected },
      tasksOpened: summary.tasksOpened,
      tasksCancelled: summary.tasksCancelled,
      correct,
    };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    fs.rmSync(file, { force: true });
    await bench.drop();
  }
}
