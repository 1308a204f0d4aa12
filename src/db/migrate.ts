import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.js';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The migration files in the order they apply. */
export function listMigrations(): { name: string; script: string }[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ''), script: fs.readFileSync(path.join(migrationsDir, file), 'utf8') }));
}

/**
 * Applies pending migrations, each in its own transaction. An advisory lock keeps two processes
 * starting at once from applying the same migration twice.
 */
export async function migrate(database: Database): Promise<string[]> {
  await database.execScript(
    'create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())',
  );
  const applied: string[] = [];
  for (const migration of listMigrations()) {
    const done = await database.bulkTransaction(async ({ db }) => {
      await sql`select pg_advisory_xact_lock(7468001)`.execute(db);
      const seen = await db.selectFrom('schema_migrations').select('name').where('name', '=', migration.name).executeTakeFirst();
      if (seen) return false;
      // Migrations are plain SQL; each statement runs through the same transaction.
      for (const statement of splitStatements(migration.script)) await sql.raw(statement).execute(db);
      await db.insertInto('schema_migrations').values({ name: migration.name, applied_at: new Date() }).execute();
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}

/**
 * Splits a migration script on top-level semicolons: not inside a dollar-quoted body (`$$ … $$`,
 * `$tag$ … $tag$`: function bodies) or a single-quoted string. `--` comments are dropped first (outside
 * dollar-quoted bodies), so a comment may hold a semicolon or an apostrophe.
 */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  while (i < script.length) {
    const rest = script.slice(i);
    const dollar = /^\$[A-Za-z_]*\$/.exec(rest);
    if (dollar) {
      const end = script.indexOf(dollar[0], i + dollar[0].length);
      if (end < 0) throw new Error(`unterminated ${dollar[0]} body in migration`);
      current += script.slice(i, end + dollar[0].length);
      i = end + dollar[0].length;
    } else if (rest.startsWith('--')) {
      const newline = script.indexOf('\n', i);
      i = newline < 0 ? script.length : newline;
    } else if (rest.startsWith("'")) {
      const end = script.indexOf("'", i + 1);
      if (end < 0) throw new Error('unterminated string in migration');
      current += script.slice(i, end + 1);
      i = end + 1;
    } else if (rest.startsWith(';')) {
      statements.push(current);
      current = '';
      i += 1;
    } else {
      current += script[i];
      i += 1;
    }
  }
  statements.push(current);
  return statements.map((statement) => statement.trim()).filter((statement) => statement.length > 0);
}
