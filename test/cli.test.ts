import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { PENALTY_COLUMNS, csvLine, penaltyRows } from '../src/demo/index.js';
import { createServerTestDatabase, testDatabaseKind } from './database.js';
import { buildPenaltyRow, toCsv } from './factories.js';

const bin = path.resolve(import.meta.dirname, '../bin/xinyong.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyong-cli-'));
let env: NodeJS.ProcessEnv;
let disposeServerDb: (() => Promise<void>) | undefined;

/** Opens the database the CLI uses (only while no CLI process holds it: PGlite is single-process). */
async function openCliDatabase(): Promise<Database> {
  return env.DATABASE_URL ? openDatabase({ url: env.DATABASE_URL, poolSize: 2 }) : openDatabase({ dataDir: path.join(work, 'pglite') });
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], opts: { killWhen?: (stderr: string) => boolean } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (opts.killWhen?.(stderr) && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

beforeAll(async () => {
  const base: NodeJS.ProcessEnv = { ...process.env, XINYONG_DATA_DIR: work, LOG_LEVEL: 'warn' };
  delete base.DATABASE_URL;
  if (testDatabaseKind() === 'pg') {
    const server = await createServerTestDatabase();
    disposeServerDb = server.dispose;
    env = { ...base, DATABASE_URL: server.url };
  } else {
    env = base;
  }
  const database = await openCliDatabase();
  await migrate(database);
  await database.db.insertInto('departments').values({ code: 'SCJG', name: '福州市市场监督管理局', uscc: null, kind: 'department', created_at: new Date() }).execute();
  await database.close();
});

afterAll(async () => {
  await disposeServerDb?.();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('xinyong code', () => {
  it('prints the validation as JSON and exits 0 for a valid code, 1 for an invalid one', async () => {
    const good = await run(['code', '91350100M000100Y43']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ valid: true, kind: 'uscc', details: { orgCode: 'M000100Y4' } });
    const bad = await run(['code', '91350100M000100Y4O']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).valid).toBe(false);
  });
});

describe('xinyong import', () => {
  it('imports a file, prints a summary, and exits 2 when rows were refused', async () => {
    const file = path.join(work, 'mixed.csv');
    fs.writeFileSync(file, toCsv([buildPenaltyRow(), buildPenaltyRow({ CF_NR_FK: '很多' })]));
    const result = await run(['import', '--dept', 'SCJG', '--topic', 'XZCF', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('共 2 行');
    expect(result.stdout).toContain('接收 1（新增 1，更新 0，未变 0），拒收 1');
    expect(result.stdout).toMatch(/errors\.xlsx/);
  });

  it('refuses an unknown department, a missing file and a bad header with a clear message and exit 1', async () => {
    const file = path.join(work, 'ok.csv');
    fs.writeFileSync(file, toCsv([buildPenaltyRow()]));
    const dept = await run(['import', '--dept', 'NOPE', '--topic', 'XZCF', file]);
    expect(dept.code).toBe(1);
    expect(dept.stderr).toContain('错误 [INGEST_DEPARTMENT_NOT_FOUND]：没有代码为「NOPE」的部门');
    const missing = await run(['import', '--dept', 'SCJG', '--topic', 'XZCF', path.join(work, 'absent.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到文件');
    const header = path.join(work, 'header.csv');
    fs.writeFileSync(header, '名称,颜色\n甲,红\n');
    const bad = await run(['import', '--dept', 'SCJG', '--topic', 'XZCF', header]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('INGEST_UNKNOWN_COLUMNS');
  });

  it('after kill -9 in the middle of a large batch, importing again stores every record exactly once', async () => {
    const rows = 40_000;
    const file = path.join(work, 'large.csv');
    const lines = [PENALTY_COLUMNS.join(',')];
    for (const row of penaltyRows(7, rows)) lines.push(csvLine(row, PENALTY_COLUMNS));
    fs.writeFileSync(file, lines.join('\n') + '\n');

    const killed = await run(['import', '--dept', 'SCJG', '--topic', 'XZCF', file], {
      // Killed once the pipeline has merged at least one chunk into the open transaction.
      killWhen: (stderr) => /已处理 \d+ 行/.test(stderr),
    });
    expect(killed.signal).toBe('SIGKILL');

    const again = await run(['import', '--dept', 'SCJG', '--topic', 'XZCF', file]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`接收 ${rows}（新增 ${rows}，更新 0，未变 0），拒收 0`);

    const database = await openCliDatabase();
    try {
      const batches = await database.db.selectFrom('batches').select(['id', 'status', 'created_count']).where('file_name', '=', 'large.csv').orderBy('id').execute();
      expect(batches.map((b) => [b.status, b.created_count])).toEqual([
        ['interrupted', 0],
        ['completed', rows],
      ]);
      const stored = await database.db
        .selectFrom('records')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('business_key').distinct().as('keys')])
        .where('batch_id', 'in', batches.map((b) => b.id))
        .executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(rows);
      expect(Number(stored.keys)).toBe(rows);
    } finally {
      await database.close();
    }
  }, 240_000); // spawns the CLI three times over 40,000 rows: minutes on a busy 2-core machine
});
