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

/**
 * Ends the publication of a record after a granted credit repair (status 'repaired': 终止公示 and 停止共享 —
 * no public view, badge, report or export shows it; the record is kept for auditors), in the caller's
 * transaction, with audit row, a `record.repaired` event and the subject's status refreshed. False when
 * the record is no longer active (withdrawn or already repaired).
 */
export async function markRecordRepaired(db: Kysely<DB>, at: Date, actor: Actor, id: number, reason: string): Promise<boolean> {
  const changed = await repo.markRecordRepaired(db, id);
  if (!changed) return false;
  await writeAudit(db, at, actor, { action: 'record.repair', entityType: 'record', entityId: id, detail: { reason } });
  await emitEvent(db, at, { topic: 'record.repaired', key: id, payload: { recordId: id, subjectId: changed.subjectId, reason } });
  await refreshSubjectStatus(db, at, [changed.subjectId]);
  return true;
}
