import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { chinaDate } from '../kernel/calendar.js';
import { writeAudit } from '../kernel/audit.js';
import { authorizeJointTaskStats, inboxScope } from './policies.js';
import * as repo from './repository.js';
import type { JointTask, JointTaskPage, JointTaskQuery, JointTaskStats, JointTaskStatsQuery, JointTaskStatsRow } from './schemas.js';

type TaskRow = Awaited<ReturnType<typeof repo.listTasks>>['rows'][number];

/** Overdue: still pending after its due date (today in China, from the injected clock). */
function isOverdue(status: string, dueOn: string, today: string): boolean {
  return status === 'pending' && today > dueOn;
}

function present(row: TaskRow, today: string): JointTask {
  const bindsPeople = row.measure_binds.some((b) => b !== 'subject');
  return {
    id: Number(row.id),
    status: row.status,
    dueOn: row.due_on,
    overdue: isOverdue(row.status, row.due_on, today),
    createdAt: new Date(row.created_at).toISOString(),
    department: { id: row.department_id, code: row.department_code, name: row.department_name },
    subject: {
      id: Number(row.subject_id),
      name: row.subject_name,
      kind: row.subject_kind,
      uscc: row.uscc,
      legalRepName: bindsPeople && row.subject_kind !== 'natural_person' ? row.legal_rep_name : null,
    },
    entry: { id: Number(row.entry_id), reasons: row.reasons, decisionNo: row.decision_no, decisionDate: row.decision_date, expiresOn: row.expires_on },
    listType: { code: row.list_type_code, name: row.list_type_name, kind: row.list_type_kind },
    measure: {
      id: row.measure_id,
      code: row.measure_code,
      name: row.measure_name,
      content: row.measure_content,
      kind: row.measure_kind,
      strength: row.measure_strength,
      legalBasis: row.measure_legal_basis,
      matters: row.measure_matters,
      binds: row.measure_binds,
    },
    response: row.response,
    respondedBy: row.responded_by,
    respondedAt: row.responded_at ? new Date(row.responded_at).toISOString() : null,
  };
}

/**
 * 联合奖惩 inbox: a department's staff see their department's tasks, the credit centre every
 * department's (or one, by `departmentId`). Pending tasks first, earliest due first. Reading names of
 * listed subjects is a read of non-public data: audited.
 */
export async function listJointTasks(ctx: AppContext, actor: Actor, query: JointTaskQuery): Promise<JointTaskPage> {
  const scope = inboxScope(actor);
  const today = chinaDate(ctx.clock.now());
  const departmentId = scope ?? query.departmentId ?? null;
  const filter = { departmentId, status: query.status, overdue: query.overdue, listType: query.listType, today };
  const { rows, total } = await repo.listTasks(ctx.db, filter, query.pageSize, (query.page - 1) * query.pageSize);
  await writeAudit(ctx.db, ctx.clock.now(), actor, {
    action: 'joint_task.list',
    entityType: 'joint_task',
    detail: { departmentId, status: query.status ?? null, overdue: query.overdue ?? null, listType: query.listType ?? null, page: query.page, returned: rows.length },
  });
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map((row) => present(row, today)) };
}

function counts(row: Omit<repo.TaskCountsRow, 'id' | 'code' | 'name'>) {
  const tasks = Number(row.tasks);
  const implemented = Number(row.implemented);
  const notApplicable = Number(row.not_applicable);
  const answered = implemented + notApplicable;
  return {
    tasks,
    answered,
    implemented,
    notApplicable,
    pending: Number(row.pending),
    overdue: Number(row.overdue),
    cancelled: Number(row.cancelled),
    feedbackRate: tasks === 0 ? null : Math.round((answered / tasks) * 10_000) / 10_000,
  };
}

function row(r: repo.TaskCountsRow): JointTaskStatsRow {
  return { id: r.id, code: r.code, name: r.name, ...counts(r) };
}

/** 跟踪问效: tasks, answers and overdue tasks per implementing department and per list type. */
export async function jointTaskStats(ctx: AppContext, actor: Actor, query: JointTaskStatsQuery): Promise<JointTaskStats> {
  authorizeJointTaskStats(actor);
  const today = chinaDate(ctx.clock.now());
  const f = { today, from: query.from, to: query.to };
  const byDepartment = await repo.countTasks(ctx.db, 'department', f);
  const byListType = await repo.countTasks(ctx.db, 'list_type', f);
  const sum = (key: keyof Omit<repo.TaskCountsRow, 'id' | 'code' | 'name'>) => byDepartment.reduce((n, r) => n + Number(r[key]), 0);
  const total = counts({
    tasks: sum('tasks'),
    implemented: sum('implemented'),
    not_applicable: sum('not_applicable'),
    pending: sum('pending'),
    overdue: sum('overdue'),
    cancelled: sum('cancelled'),
  });
  return { today, total, byDepartment: byDepartment.map(row), byListType: byListType.map(row) };
}
