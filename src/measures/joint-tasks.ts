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
  // The event names the subject, the list and the measure, so a department's own system can act on it
  // without calling back (one look-up for all the new tasks).
  const details = new Map((await repo.findTaskEventDetails(db, tasks.map((t) => t.id))).map((d) => [d.id, d]));
  await emitEvents(
    db,
    at,
    tasks.map((task) => {
      const d = details.get(task.id);
      return {
        topic: 'joint.task.created',
        key: task.id,
        payload: {
          taskId: task.id,
          entryId: task.entry_id,
          measureId: task.measure_id,
          departmentId: task.department_id,
          dueOn: task.due_on,
          subjectId: d?.subject_id,
          subjectName: d?.subject_name,
          uscc: d?.uscc ?? null,
          listType: d?.list_type_code,
          decisionNo: d?.decision_no ?? null,
          measureCode: d?.measure_code,
          measureName: d?.measure_name,
          matters: d?.matters,
        },
      };
    }),
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
