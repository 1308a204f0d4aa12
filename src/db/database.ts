import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { addTiming, profiling } from '../kernel/profile.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

export type DatabaseKind = 'pg' | 'pglite';

/** A cell of a COPY row: text, or null for SQL NULL. */
export type CopyValue = string | null;

/**
 * A transaction on one dedicated connection that can also bulk-load rows with COPY. Bulk paths (ingest,
 * sync) use it; everything else uses `db.transaction()`.
 */
export interface BulkSession {
  db: Kysely<DB>;
  /**
   * COPYs data already in COPY's text format (one line per row, each ending in a newline; UTF-8), or —
   * `format` 'binary' — in COPY's binary format (header, tuples and trailer: a complete COPY stream).
   */
  copyText(table: string, columns: readonly string[], text: string | Buffer, format?: 'text' | 'binary'): Promise<void>;
}

/** The platform's database: a PostgreSQL server or the embedded PGlite, behind one Kysely API. */
export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /** Runs a multi-statement SQL script (migrations). */
  execScript(script: string): Promise<void>;
  /**
   * Runs one hot statement (`$1`… parameters) outside any transaction. On a server it is a named prepared
   * statement: each pooled connection parses and plans it once (PostgreSQL keeps its generic plan when
   * that costs no more than a custom one), so `name` must always go with the same text. PGlite runs it
   * as a plain statement through the Kysely connection. Values and rows are typed as everywhere else.
   */
  prepared<R>(name: string, text: string, values: readonly unknown[]): Promise<R[]>;
  /** Runs `fn` inside one transaction on a dedicated connection, with COPY available. */
  bulkTransaction<T>(fn: (session: BulkSession) => Promise<T>): Promise<T>;
  /** PGlite only: a dump of the data directory (tests start their databases from a migrated one). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL of a server; absent → PGlite. */
  url?: string | undefined;
  /** PGlite data directory; absent (with no url) → an in-memory PGlite. */
  dataDir?: string | undefined;
  /** A PGlite data-directory dump to start from (test templates). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

// Types are parsed identically on both drivers: ids (int8) as numbers — they stay far below 2^53 —,
// dates as their 'YYYY-MM-DD' text (a JS Date would shift them by the server's time zone), numeric as text.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (value: string) => Number(value);
    if (oid === DATE) return (value: string) => value;
    if (oid === NUMERIC) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

const pgliteParsers = {
  [INT8]: (value: string) => Number(value),
  [DATE]: (value: string) => value,
  [NUMERIC]: (value: string) => value,
};

// Only these four characters are special in COPY's text format.
const COPY_SPECIAL = /[\\\t\n\r]/;

function escapeCopy(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** One cell in COPY's text format: special characters escaped, NULL as `\N`. */
export function copyCell(value: CopyValue | undefined): string {
  return value === null || value === undefined ? '\\N' : COPY_SPECIAL.test(value) ? escapeCopy(value) : value;
}

/** Encodes rows as COPY text format; NULL is `\N`. */
export function encodeCopyRows(rows: readonly (readonly CopyValue[])[]): string {
  let text = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) line += (i > 0 ? '\t' : '') + copyCell(row[i]);
    text += line + '\n';
  }
  return text;
}

// With XINYONG_PROFILE=1, time per SQL statement (its text, never its values).
const profileLog = profiling
  ? (event: { query: { sql: string }; queryDurationMillis: number }) =>
      addTiming(`sql: ${event.query.sql.replace(/\s+/g, ' ').trim().slice(0, 80)}`, event.queryDurationMillis)
  : undefined;

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/.test(name)) throw new Error(`unsafe identifier: ${name}`);
  return name;
}

function copyStatement(table: string, columns: readonly string[], source: string, format: 'text' | 'binary' = 'text'): string {
  return `copy ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) from ${source}${format === 'binary' ? ' with (format binary)' : ''}`;
}

function openPg(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes });
  // An idle client that errors (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: profileLog });
  return {
    kind: 'pg',
    db,
    async execScript(script) {
      await pool.query(script);
    },
    async prepared<R>(name: string, text: string, values: readonly unknown[]) {
      const started = profiling ? performance.now() : 0;
      const result = await pool.query<R & pg.QueryResultRow>({ name, text, values: values as unknown[] });
      if (profiling) addTiming(`sql: prepared ${name}`, performance.now() - started);
      return result.rows;
    },
    async bulkTransaction(fn) {
      const client = await pool.connect();
      // A Kysely instance bound to this one client, so typed queries and COPY share the transaction.
      const single = {
        connect: async () => ({ query: client.query.bind(client), release: () => {} }),
        end: async () => {},
      };
      const sessionDb = new Kysely<DB>({ dialect: new PostgresDialect({ pool: single as unknown as pg.Pool }), log: profileLog });
      let failed: unknown;
      try {
        await client.query('begin');
        const copyText = async (table: string, columns: readonly string[], text: string | Buffer, format?: 'text' | 'binary') => {
          if (text.length === 0) return;
          const started = performance.now();
          const stream = client.query(copyFrom(copyStatement(table, columns, 'stdin', format)));
          await new Promise<void>((resolve, reject) => {
            stream.on('error', reject);
            stream.on('finish', resolve);
            stream.end(text);
          });
          addTiming(`copy: ${table}`, performance.now() - started);
        };
        const result = await fn({
          db: sessionDb,
          copyText,
        });
        await client.query('commit');
        return result;
      } catch (error) {
        failed = error;
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        // A client whose transaction failed mid-COPY may be in a bad state: do not return it to the pool.
        client.release(failed instanceof Error && /copy/i.test(failed.message) ? failed : undefined);
      }
    },
    async close() {
      await db.destroy();
      // Kysely ends the pool only if it ran a query itself; bulk sessions use the pool directly.
      if (!pool.ending) await pool.end();
    },
  };
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  if (options.dataDir) fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: pgliteParsers,
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: 'pglite',
    db,
    async execScript(script) {
      await db.connection().execute(async () => {
        await pglite.exec(script);
      });
    },
    async prepared<R>(_name: string, text: string, values: readonly unknown[]) {
      const { rows } = await db.executeQuery<R>(CompiledQuery.raw(text, [...values]));
      return rows;
    },
    async bulkTransaction(fn) {
      return db.connection().execute(async (conn) => {
        await sql`begin`.execute(conn);
        try {
          const copyText = async (table: string, columns: readonly string[], text: string | Buffer, format?: 'text' | 'binary') => {
            if (text.length === 0) return;
            await pglite.query(copyStatement(table, columns, "'/dev/blob'", format), [], { blob: new Blob([text]) });
          };
          const result = await fn({
            db: conn,
            copyText,
          });
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          await sql`rollback`.execute(conn).catch(() => {});
          throw error;
        }
      });
    },
    dumpDataDir: () => db.connection().execute(() => pglite.dumpDataDir('none')),
    async close() {
      await db.destroy();
    },
  };
}

/** Opens the database: a PostgreSQL server when a URL is given, otherwise PGlite. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPg(options.url, options.poolSize ?? 10);
  return openPglite(options);
}
