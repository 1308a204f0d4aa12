import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { emitEvent } from '../kernel/outbox.js';
import { refreshSubjectStatus } from './refresh-subject-status.js';
import * as repo from './repository.js';

/**
 * Withdraws a record (status 'withdrawn': no view shows it any more, the record is kept), in the
 * caller's transaction, with audit row, a `record.withdrawn` event and the subject's registration
 * status refreshed. False when the record was already withdrawn.
 */
export async function withdrawRecord(db: Kysely<DB>, at: Date, actor: Actor, id: number, reason: string): Promise<boolean> {
  const changed = await repo.withdrawRecord(db, id);
  if (!changed) return false;
  await writeAudit(db, at, actor, { action: 'record.withdraw', entityType: 'record', entityId: id, detail: { reason } });
  await emitEvent(db, at, { topic: 'record.withdrawn', key: id, payload: { recordId: id, subjectId: changed.subjectId, reason } });
  await refreshSubjectStatus(db, at, [changed.subjectId]);
  return true;
}
