import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** All SQL of the measures module: 措施清单, 联合奖惩 tasks. */

export interface NewTask {
  id: number;
  entry_id: number;
  measure_id: number;
  department_id: number;
  due_on: string;
}

/** The active measures with their answer periods (working days). */
export async function findActiveMeasureDeadlines(db: Kysely<DB>) {
  return db.selectFrom('measures').select(['id', 'response_workdays']).where('active', '=', true).execute();
}

/**
 * One pending task per entry × active measure triggered by the entry's list type × implementing
 * department; a pair that already has a task gets no second one. `dueOn` maps measure ids to due dates.
 */
export async function insertTasksForEntries(
  db: Kysely<DB>,
  at: Date,
  entryIds: readonly number[],
  dueOn: ReadonlyMap<number, string>,
): Promise<NewTask[]> {
  if (entryIds.length === 0 || dueOn.size === 0) return [];
  const result = await sql<NewTask>`
    insert into joint_tasks (entry_id, measure_id, department_id, status, due_on, created_at)
    select e.id, ml.measure_id, md.department_id, 'pending', m.due_on, ${at}
    from list_entries e
    join measure_list_types ml on ml.list_type_id = e.list_type_id
    join measure_departments md on md.measure_id = ml.measure_id
    join unnest(${[...dueOn.keys()]}::int[], ${[...dueOn.values()]}::date[]) as m (measure_id, due_on)
      on m.measure_id = ml.measure_id
    where e.id = any(${[...entryIds]}::bigint[])
    on conflict (entry_id, measure_id, department_id) do nothing
    returning id, entry_id, measure_id, department_id, due_on::text as due_on`.execute(db);
  return result.rows;
}

/** Cancels the pending tasks of entries that ended (their measures end with them). */
export async function cancelPendingTasks(db: Kysely<DB>, at: Date, entryIds: readonly number[], reason: string) {
  if (entryIds.length === 0) return [];
  return db
    .updateTable('joint_tasks')
    .set({ status: 'cancelled', response: reason, responded_by: 'system', responded_at: at })
    .where('entry_id', 'in', entryIds)
    .where('status', '=', 'pending')
    .returning(['id', 'entry_id', 'department_id'])
    .execute();
}
