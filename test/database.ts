import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.js';

let counter = 0;

/** Which database this test run uses: a PostgreSQL server (DATABASE_URL) or the embedded PGlite. */
export function testDatabaseKind(): 'pg' | 'pglite' {
  return inject('testDatabase').kind;
}

/** A fresh, empty-but-migrated database on the test PostgreSQL server, by URL (for child processes). */
export async function createServerTestDatabase(): Promise<{ url: string; dispose(): Promise<void> }> {
  const setup = inject('testDatabase');
  if (setup.kind !== 'pg') throw new Error('only for runs against a PostgreSQL server');
  const name = `xinyong_t_${process.ppid}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: setup.adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${setup.template}`);
  const url = new URL(setup.adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async dispose() {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** A fresh, migrated database of the kind this run tests (PostgreSQL server or PGlite), and its disposal. */
export async function openTestDatabase(): Promise<Database & { dispose(): Promise<void> }> {
  const setup = inject('testDatabase');
  if (setup.kind === 'pglite') {
    const database = await openDatabase({ loadDataDir: new Blob([fs.readFileSync(setup.dumpFile)]) });
    return Object.assign(database, { dispose: () => database.close() });
  }
  const name = `xinyong_t_${process.ppid}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: setup.adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${setup.template}`);
  const url = new URL(setup.adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 4 });
  return Object.assign(database, {
    async dispose() {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  });
}
