import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { WorkdayCalendar } from '../kernel/calendar.js';
import { chinaDate } from '../kernel/calendar.js';
import { emitEvents } from '../kernel/outbox.js';
import * as repo from './repository.js';

/**
 * 发起: entries that just became active get a task for each implementing department of each measure
 * their list type triggers, due after the measure's answer period in working days. Each task is also an
 * outbox event (`joint.task.created`) for departments with their own systems. Call it in the
 * transaction that activates the entries.
 */
export async function openJointTasks(
  db: Kysely<DB>,
  calendar: WorkdayCalendar,
  at: Date,
  entryIds: readonly number[],
): Promise<repo.NewTask[]> {
  if (entryIds.length === 0) return [];
  const today = chinaDate(at);
  const dueOn = new Map<number, string>();
  for (const m of await repo.findActiveMeasureDeadlines(db)) dueOn.set(m.id, calendar.addWorkdays(today, m.response_workdays));
  const tasks = await repo.insertTasksForEntries(db, at, entryIds, dueOn);
  await emitEvents(
    db,
    at,
    tasks.map((task) => ({
      topic: 'joint.task.created',
      key: task.id,
      payload: { taskId: task.id, entryId: task.entry_id, measureId: task.measure_id, departmentId: task.department_id, dueOn: task.due_on },
    })),
  );
  return tasks;
}

/** Entries that ended (exited, expired, repaired, revoked): their pending tasks are cancelled. */
export async function endJointTasks(db: Kysely<DB>, at: Date, entryIds: readonly number[], reason: string): Promise<number> {
  const cancelled = await repo.cancelPendingTasks(db, at, entryIds, reason);
  await emitEvents(
    db,
    at,
    cancelled.map((task) => ({
      topic: 'joint.task.cancelled',
      key: task.id,
      payload: { taskId: task.id, entryId: task.entry_id, departmentId: task.department_id, reason },
    })),
  );
  return cancelled.length;
}
