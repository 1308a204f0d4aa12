import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/database.js';
import type { Database } from './database.js';
import { encodeCopyRows } from './database.js';
import { splitStatements } from './migrate.js';

let database: Database & { dispose(): Promise<void> };
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.dispose());

describe('database', () => {
  it('is migrated', async () => {
    const rows = await database.db.selectFrom('schema_migrations').select('name').execute();
    expect(rows.map((r) => r.name)).toContain('0001_foundation');
  });

  it('parses int8 as number and date as text on both drivers', async () => {
    const { rows } = await sql<{ n: number; d: string; m: string }>`select 42::int8 as n, '2025-03-01'::date as d, 1.50::numeric as m`.execute(database.db);
    expect(rows[0]).toEqual({ n: 42, d: '2025-03-01', m: '1.50' });
  });

  it('COPYs rows with special characters inside a transaction and rolls back on failure', async () => {
    await database.bulkTransaction(async ({ db, copyText }) => {
      await sql`create temp table t (a text, b text) on commit drop`.execute(db);
      await copyText('t', ['a', 'b'], encodeCopyRows([['tab\there', null], ['back\\slash\nnew line', '中文']]));
      const { rows } = await sql<{ a: string; b: string | null }>`select a, b from t order by a`.execute(db);
      expect(rows).toEqual([
        { a: 'back\\slash\nnew line', b: '中文' },
        { a: 'tab\there', b: null },
      ]);
    });
    await expect(
      database.bulkTransaction(async ({ db }) => {
        await db.insertInto('departments').values({ code: 'ROLLBACK', name: 'x', uscc: null, kind: 'department', created_at: new Date() }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const found = await database.db.selectFrom('departments').where('code', '=', 'ROLLBACK').selectAll().execute();
    expect(found).toEqual([]);
  });
});

describe('copy encoding', () => {
  it('escapes the four special characters and writes NULL as \\N', () => {
    expect(encodeCopyRows([['a\tb', null, 'c\\d\re\nf']])).toBe('a\\tb\t\\N\tc\\\\d\\re\\nf\n');
  });
});

describe('splitStatements', () => {
  it('drops comments and empty statements', () => {
    expect(splitStatements('-- x;\ncreate table a (b int); ;\nselect 1;')).toEqual(['create table a (b int)', 'select 1']);
  });

  it('keeps dollar-quoted bodies and strings whole', () => {
    const fn = "create function f() returns int language plpgsql as $$\nbegin\n  -- a; comment\n  return 1;\nend\n$$";
    expect(splitStatements(`${fn};\nselect ';' as x; select $t$a;b$t$;`)).toEqual([fn, "select ';' as x", 'select $t$a;b$t$']);
  });
});
