import type { Kysely } from 'kysely';
import type { AppContext } from '../app/context.js';
import type { DB, ListEntryStatus } from '../db/schema.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { chinaDate } from '../kernel/calendar.js';
import { emitEvents } from '../kernel/outbox.js';
import { endJointTasks, openJointTasks } from '../measures/index.js';
import { ENTRY_ACTION_NAMES } from './schemas.js';
import { isFinal, LIVE_STATUSES, TRANSITIONS, type EntryAction } from './lifecycle.js';
import * as repo from './repository.js';

/** What the sweep does on its own besides the actions people take. */
export type SystemAction = EntryAction | 'expire';

export interface Moved {
  id: number;
  fromStatus: ListEntryStatus;
  toStatus: ListEntryStatus;
  listTypeId: number;
  subjectId: number;
}

/** Outbox topics: list.entry.notified / activated / suspended / resumed / ended. */
function eventTopic(m: Moved): string {
  if (isFinal(m.toStatus)) return 'list.entry.ended';
  if (m.toStatus === 'active') return m.fromStatus === 'suspended' ? 'list.entry.resumed' : 'list.entry.activated';
  return `list.entry.${m.toStatus}`;
}

/**
 * Moves entries by one action, set-based, inside the caller's transaction: entries no longer in a
 * status the action starts from are left alone (a concurrent transition won). Writes the transition
 * rows, the audit row, outbox events; opens the joint tasks of entries that came into force and
 * cancels the pending tasks of entries that ended.
 */
export async function applyTransition(
  ctx: AppContext,
  db: Kysely<DB>,
  actor: Actor,
  ids: readonly number[],
  action: SystemAction,
  reason: string,
): Promise<Moved[]> {
  if (ids.length === 0) return [];
  const at = ctx.clock.now();
  const today = chinaDate(at);
  const rule = action === 'expire' ? { from: LIVE_STATUSES, to: 'expired' as const } : TRANSITIONS[action];

  let rows: { id: number; from_status: ListEntryStatus; list_type_id: number; subject_id: number }[];
  if (rule.to === 'active' && action === 'activate') {
    rows = await repo.activateEntries(db, ids, rule.from, today, at);
  } else if (rule.to === 'notified') {
    rows = [];
    // The objection period depends on the list type: one statement per type among the entries.
    const types = new Map<number, number[]>();
    for (const id of ids) {
      const entry = await repo.findEntry(db, id);
      if (!entry) continue;
      types.set(entry.list_type_id, [...(types.get(entry.list_type_id) ?? []), id]);
    }
    for (const [typeId, typeIds] of types) {
      const type = await repo.findListTypeById(db, typeId);
      const until = ctx.calendar.addWorkdays(today, type!.notice_workdays);
      rows.push(...(await repo.moveEntries(db, typeIds, rule.from, 'notified', { notified_at: at, objection_until: until, updated_at: at })));
    }
  } else if (isFinal(rule.to)) {
    rows = await repo.moveEntries(db, ids, rule.from, rule.to, { ended_at: at, end_reason: reason, updated_at: at });
  } else {
    rows = await repo.moveEntries(db, ids, rule.from, rule.to, { updated_at: at });
  }
  if (rows.length === 0) return [];

  const moved: Moved[] = rows.map((r) => ({ id: r.id, fromStatus: r.from_status, toStatus: rule.to, listTypeId: r.list_type_id, subjectId: r.subject_id }));
  await repo.insertEntryEvents(db, at, actor, moved.map((m) => ({ entry_id: m.id, from_status: m.fromStatus, to_status: m.toStatus, reason })));

  const cameIntoForce = moved.filter((m) => m.toStatus === 'active' && (m.fromStatus === 'proposed' || m.fromStatus === 'notified'));
  if (cameIntoForce.length) await openJointTasks(db, ctx.calendar, at, cameIntoForce.map((m) => m.id));
  const ended = moved.filter((m) => isFinal(m.toStatus) && LIVE_STATUSES.includes(m.fromStatus));
  if (ended.length) await endJointTasks(db, at, ended.map((m) => m.id), reason);

  await emitEvents(
    db,
    at,
    moved.map((m) => ({
      topic: eventTopic(m),
      key: m.id,
      payload: { entryId: m.id, listTypeId: m.listTypeId, subjectId: m.subjectId, from: m.fromStatus, to: m.toStatus, reason },
    })),
  );
  const actionName = action === 'expire' ? '到期' : ENTRY_ACTION_NAMES[action];
  if (moved.length === 1) {
    await writeAudit(db, at, actor, { action: `list.entry.${action}`, entityType: 'list_entry', entityId: moved[0]!.id, detail: { action: actionName, from: moved[0]!.fromStatus, to: rule.to, reason } });
  } else {
    await writeAudit(db, at, actor, { action: `list.entry.${action}`, entityType: 'list_entry', entityId: null, detail: { action: actionName, to: rule.to, reason, count: moved.length, entryIds: moved.map((m) => m.id) } });
  }
  return moved;
}
