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

/** Splits a migration script on top-level semicolons (no dollar-quoted bodies in our migrations yet). */
export function splitStatements(script: string): string[] {
  const withoutComments = script.replace(/--[^\n]*/g, '');
  if (withoutComments.includes('$$')) throw new Error('dollar-quoted bodies need a real splitter');
  return withoutComments
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
