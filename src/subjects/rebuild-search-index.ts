import { sql } from 'kysely';
import type { AppContext } from '../app/context.js';
import { systemActor, type Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { normalizeName } from './normalize-name.js';
import * as repo from './repository.js';
import { initialsOf, searchGramsOf } from './search-text.js';

export interface RebuildSearchIndexResult {
  subjects: number;
  grams: number;
  seconds: number;
}

const PAGE = 10_000;

/**
 * Recomputes 信用查询's index from `subjects` and `subject_names` in one transaction: the postings are
 * appended without their indexes, which are then built in one pass each. Holds the ingest lock, so no batch
 * creates subjects meanwhile; searches keep seeing the old index until it commits.
 */
export async function rebuildSearchIndex(ctx: AppContext, actor: Actor = systemActor): Promise<RebuildSearchIndexResult> {
  const start = process.hrtime.bigint();
  return ctx.database.bulkTransaction(async ({ db }) => {
    // The same lock as batches (ingest/repository.ts lockIngest): no subject appears while we read them.
    await sql`select pg_advisory_xact_lock(7468002)`.execute(db);
    // Building the gram index of a million subjects sorts tens of millions of entries.
    if (ctx.database.kind === 'pg') await sql`set local maintenance_work_mem = '256MB'`.execute(db);
    await repo.clearSearchIndex(db);
    let after = 0;
    for (;;) {
      const rows = await repo.readSubjectsForIndex(db, after, PAGE);
      if (rows.length === 0) break;
      await repo.upsertSearchDocs(
        db,
        rows.map((row) => {
          const formerNorms = [...new Set(row.names.map((name) => normalizeName(name)))].filter((norm) => norm !== row.name_norm);
          const initials = initialsOf(row.name_norm);
          return { id: row.id, formerNorms, initials, grams: searchGramsOf([row.name_norm, initials, ...formerNorms]) };
        }),
      );
      after = rows[rows.length - 1]!.id;
    }
    await repo.restoreSearchIndexes(db);
    const counts = await repo.countSearchDocs(db);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    await writeAudit(db, ctx.clock.now(), actor, {
      action: 'search_index.rebuilt',
      entityType: 'search_index',
      detail: { subjects: counts.docs, grams: counts.grams },
    });
    return { subjects: counts.docs, grams: counts.grams, seconds: Math.round(seconds * 1000) / 1000 };
  });
}
