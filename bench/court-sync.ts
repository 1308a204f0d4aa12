import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyCell } from '../src/db/database.js';
import { courtFeedJsonLine, courtFeedRow } from '../src/demo/court-feed.js';
import { systemActor } from '../src/kernel/actor.js';
import { checkCourtRow, COURT_FEED_FIELDS, courtContentHash, ensureBuiltinListTypes, LIST_CODES, syncCourtList } from '../src/lists/index.js';
import { benchDatabase, option, seconds } from './support.js';

const SEED = 20250618;

/** Writes COPY text to a table through one stream, with backpressure. */
async function copyInto(client: pg.Client, statement: string, lines: AsyncIterable<string> | Iterable<string>): Promise<void> {
  const stream = client.query(copyFrom(statement));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  for await (const chunk of lines) if (!stream.write(chunk)) await once(stream, 'drain');
  stream.end();
  await done;
}

/**
 * `npm run bench -- court-sync [--entries=N]`: the 失信被执行人 sync of an N-entry snapshot (default
 * 8,000,000) against a current list of N entries on the PostgreSQL server. Setup (not timed): the
 * current list — N active entries and their mirror rows, with the content hashes the feed generator's
 * rows have, spread over min(N, 500,000) subjects — is loaded with COPY; a JSON Lines snapshot is
 * written where 1% of the listings changed (performance figures), 0.5% were revoked (missing) and 0.5%
 * are new. Timed: `syncCourtList` on that file (parse + stage + diff + apply, one transaction), with a
 * measure whose joint tasks open for the new entries and are cancelled for the revoked ones.
 */
export async function courtSyncBench(args: string[]): Promise<Record<string, unknown>> {
  const entries = option(args, 'entries', 8_000_000);
  const bench = await benchDatabase('xinyong_bench_court');
  const file = path.join(os.tmpdir(), `xinyong-court-bench-${process.pid}.jsonl`);
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
    await client.connect();
    const subjects = Math.min(entries, 500_000);
    await client.query(`insert into subjects (id, kind, name, name_norm, created_at, updated_at)
      select g, 'natural_person', '被执行人' || g, '被执行人' || g, now(), now() from generate_series(1, ${subjects}) g`);
    await client.query(`select setval('subjects_id_seq', ${subjects})`);

    // One pass over the generator: the current list's COPY lines and the snapshot file.
    const out = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
    let changedRows = 0;
    let revokedRows = 0;
    const now = new Date().toISOString();
    function* entryLines(): Generator<string> {
      let lines = '';
      for (let i = 0; i < entries; i++) {
        const row = courtFeedRow(SEED, i);
        const checked = checkCourtRow({ rowNo: i + 1, values: COURT_FEED_FIELDS.map((field) => row[field]), op: '' }, false);
        if (!checked.ok) throw new Error(`generated row ${i} refused: ${checked.def.code}`);
        const hash = courtContentHash(ctx.crypto, checked.values);
        const caseCode = copyCell(row.caseCode);
        lines += `${i + 1}\t${listType.id}\t${(i % subjects) + 1}\tactive\tcourt_sync\t${caseCode}\t${row.regDate}\t${row.publishDate}\t失信被执行人\t${hash}\t${now}\t${now}\n`;
        // The snapshot: 0.5% revoked (left out), 1% changed, the rest as listed.
        if (i % 200 === 7) revokedRows++;
        else if (i % 100 === 3) {
          changedRows++;
          out.write(courtFeedJsonLine(courtFeedRow(SEED, i, 1)));
        } else out.write(courtFeedJsonLine(row));
        if (lines.length > 1 << 20) {
          yield lines;
          lines = '';
        }
      }
      if (lines) yield lines;
    }
    await copyInto(
      client,
      `copy list_entries (id, list_type_id, subject_id, status, source, source_key, decision_date, effective_from, reasons, content_hash, created_at, updated_at) from stdin`,
      entryLines(),
    );
    const newRows = Math.round(entries * 0.005);
    for (let i = 0; i < newRows; i++) out.write(courtFeedJsonLine(courtFeedRow(SEED, entries + i)));
    out.end();
    await once(out, 'finish');
    await client.query(`select setval('list_entries_id_seq', ${entries})`);
    await client.query(`insert into court_listings (case_code, content_hash, entry_id, synced_at)
      select source_key, content_hash, id, now() from list_entries`);
    // Each listed entry has its pending joint task, as the sync that listed it would have opened.
    await client.query(`insert into joint_tasks (entry_id, measure_id, department_id, status, due_on, created_at)
      select id, ${measure.id}, ${dept.id}, 'pending', current_date + 14, now() from list_entries`);
    await client.query('vacuum analyze list_entries');
    await client.query('vacuum analyze joint_tasks');
    await client.query('vacuum analyze court_listings');
    await client.end();
    const setupSeconds = seconds(setupStart);
    const fileMb = Math.round(fs.statSync(file).size / 1_048_576);

    const summary = await syncCourtList(ctx, systemActor, { mode: 'snapshot', open: () => fs.createReadStream(file, { highWaterMark: 1 << 20 }) });
    const expected = { new: newRows, changed: changedRows, revoked: revokedRows };
    const correct = summary.new === expected.new && summary.changed === expected.changed && summary.revoked === expected.revoked && summary.rejected === 0;
    return {
      entries,
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
    fs.rmSync(file, { force: true });
    await bench.drop();
  }
}
