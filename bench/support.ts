import crypto from 'node:crypto';
import pg from 'pg';
import { ensureBuiltinTopics } from '../src/catalog/index.js';
import type { AppContext } from '../src/app/context.js';
import { loadConfig } from '../src/app/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { loadCalendar } from '../src/kernel/calendar.js';
import { systemClock } from '../src/kernel/clock.js';
import { FieldCrypto } from '../src/kernel/field-crypto.js';

export const BENCH_SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Reads `--name=value` from the benchmark's options. */
export function option(args: string[], name: string, fallback: number): number {
  const found = args.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.slice(name.length + 3)) : fallback;
}

function urlOf(database: string): string {
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh, migrated database on the PostgreSQL server, and an AppContext on it; drop() removes it. */
export async function benchDatabase(name: string): Promise<{ ctx: AppContext; url: string; masterKey: Buffer; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  // XINYONG_PROFILE=1: the server logs every statement over 20 ms with its own duration.
  if (process.env.XINYONG_PROFILE === '1') await admin.query(`alter database ${name} set log_min_duration_statement = 20`);
  const url = urlOf(name);
  const database = await openDatabase({ url, poolSize: 8 });
  await migrate(database);
  await ensureBuiltinTopics(database.db, new Date());
  const masterKey = crypto.randomBytes(32);
  const ctx: AppContext = {
    config: loadConfig({}),
    database,
    db: database.db,
    clock: systemClock,
    calendar: await loadCalendar({}),
    crypto: new FieldCrypto(masterKey),
  };
  return {
    ctx,
    url,
    masterKey,
    async drop() {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}
