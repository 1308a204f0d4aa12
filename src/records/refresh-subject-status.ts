import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../app/context.js';
import type { DB } from '../db/schema.js';
import { systemActor, type Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { emitEvents } from '../kernel/outbox.js';
import * as repo from './repository.js';

/** Outbox topic of a subject whose registration status changed. */
export const SUBJECT_STATUS_CHANGED = 'subject.status_changed';

/** Subjects per statement of a rebuild (the pipeline's chunks are about as large). */
const REBUILD_CHUNK = 10_000;

/**
 * Brings `subjects.status` of these subjects in line with their records (see `repo.refreshSubjectStatus`)
 * and queues a `subject.status_changed` event for each one that changed, in the caller's transaction.
 * The ingest pipeline calls it once per chunk of a topic that declares a status item, with the chunk's
 * subjects; a rebuild calls it for every subject that has or had a status.
 */
export async function refreshSubjectStatus(db: Kysely<DB>, at: Date, subjectIds: readonly number[]): Promise<repo.SubjectStatusChange[]> {
  const changes = await repo.refreshSubjectStatus(db, subjectIds);
  await emitEvents(
    db,
    at,
    changes.map((change) => ({ topic: SUBJECT_STATUS_CHANGED, key: change.id, payload: { subjectId: change.id, previous: change.previous, status: change.status, statusDate: change.statusDate, recordId: change.recordId } })),
  );
  return changes;
}

export interface RebuildSubjectStatusResult {
  /** Subjects recomputed. */
  subjects: number;
  /** Of those, subjects whose stored status was not what their records say. */
  changed: number;
}

/**
 * Recomputes every subject's registration status from the records, in one transaction under the ingest
 * lock (no batch writes records meanwhile). The same statement as the pipeline's, so a rebuild after a
 * correct ingest changes nothing; run it after restoring records or editing a topic's status item.
 */
export async function rebuildSubjectStatus(ctx: AppContext, actor: Actor = systemActor): Promise<RebuildSubjectStatusResult> {
  return ctx.db.transaction().execute(async (db) => {
    // The same lock as batches (ingest/repository.ts lockIngest).
    await sql`select pg_advisory_xact_lock(7468002)`.execute(db);
    const at = ctx.clock.now();
    const ids = await repo.findStatusSubjects(db);
    let changed = 0;
    for (let i = 0; i < ids.length; i += REBUILD_CHUNK) {
      changed += (await refreshSubjectStatus(db, at, ids.slice(i, i + REBUILD_CHUNK))).length;
    }
    await writeAudit(db, at, actor, { action: 'subject_status.rebuilt', entityType: 'subject_status', detail: { subjects: ids.length, changed } });
    return { subjects: ids.length, changed };
  });
}
