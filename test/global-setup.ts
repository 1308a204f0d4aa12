import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: { kind: 'pg'; adminUrl: string; template: string } | { kind: 'pglite'; dumpFile: string };
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * Migrates a template database once per run: on a PostgreSQL server (DATABASE_URL) a template database
 * each test file copies with CREATE DATABASE … TEMPLATE; on PGlite a dump each test file loads.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `xinyong_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const database = await openDatabase({ url: withDatabase(url, template), poolSize: 2 });
    await migrate(database);
    await database.close();
    project.provide('testDatabase', { kind: 'pg', adminUrl: url, template });
    return async () => {
      // Drop this run's leftovers (a crashed test file may not have dropped its own database).
      const { rows } = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like 'xinyong_t_${process.pid}_%' or datname = $1`,
        [template],
      );
      for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
      await admin.end();
    };
  }
  const database = await openDatabase({});
  await migrate(database);
  const dump = await database.dumpDataDir!();
  await database.close();
  const dumpFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xinyong-test-')), 'template.tar');
  fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  project.provide('testDatabase', { kind: 'pglite', dumpFile });
  return async () => fs.rmSync(path.dirname(dumpFile), { recursive: true, force: true });
}
