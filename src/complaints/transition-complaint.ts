import type { AppContext } from '../app/context.js';
import type { ComplaintStatus } from '../db/schema.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import { emitEvent } from '../kernel/outbox.js';
import { ComplaintErrors } from './errors.js';
import { authorizeDispatch, authorizeHandling } from './policies.js';
import { getComplaint } from './read-complaints.js';
import * as repo from './repository.js';
import { COMPLAINT_ACTION_NAMES, COMPLAINT_OUTCOME_NAMES, COMPLAINT_STATUS_NAMES, type Complaint, type ComplaintAction, type ComplaintTransition } from './schemas.js';

/** The statuses each action starts from and the one it leads to. */
const MOVES: Record<ComplaintAction, { from: readonly ComplaintStatus[]; to: ComplaintStatus }> = {
  assign: { from: ['submitted'], to: 'assigned' },
  start: { from: ['assigned'], to: 'handling' },
  conclude: { from: ['handling'], to: 'concluded' },
  reject: { from: ['submitted', 'assigned'], to: 'rejected' },
};

/**
 * Moves a complaint by one action, in one transaction:
 *
 *   submitted ─assign (admin, departmentId; due in config.dueProcess.complaintWorkdays working days)→ assigned
 *     ─start (the department or admin)→ handling ─conclude (outcome + result)→ concluded
 *   submitted | assigned ─reject (admin, reason: out of scope)→ rejected
 *
 * The status changes by a conditional update (`where status in from`): of two concurrent actions one
 * wins, the other gets COMPLAINT_TRANSITION_INVALID (409). One event row, one audit row, one outbox event.
 */
export async function transitionComplaint(ctx: AppContext, actor: Actor, id: number, input: ComplaintTransition): Promise<Complaint> {
  const { action } = input;
  const actionName = COMPLAINT_ACTION_NAMES[action];
  const reason = input.reason.trim();
  const move = MOVES[action];
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findComplaint(trx, id);
    if (!row) throw new AppError(ComplaintErrors.COMPLAINT_NOT_FOUND, { id });
    if (action === 'assign' || action === 'reject') authorizeDispatch(actor);
    else authorizeHandling(actor, row.department_id);
    const refuse = (status: ComplaintStatus) => new AppError(ComplaintErrors.COMPLAINT_TRANSITION_INVALID, { id, status: COMPLAINT_STATUS_NAMES[status], action: actionName });
    if (!move.from.includes(row.status)) throw refuse(row.status);
    const at = ctx.clock.now();
    let set: Parameters<typeof repo.moveComplaint>[4] = {};
    let stepReason = reason;
    if (action === 'assign') {
      if (input.departmentId === undefined) throw new AppError(ComplaintErrors.COMPLAINT_DEPARTMENT_REQUIRED);
      const department = await repo.findDepartment(trx, input.departmentId);
      if (!department) throw new AppError(ComplaintErrors.COMPLAINT_DEPARTMENT_NOT_FOUND, { id: input.departmentId });
      const due = ctx.calendar.addWorkdays(chinaDate(at), ctx.config.dueProcess.complaintWorkdays);
      set = { department_id: department.id, due_date: due, assigned_at: at };
      stepReason = `交办${department.name}，${due} 前办结${reason ? `；${reason}` : ''}`;
    } else if (action === 'conclude') {
      const result = input.result?.trim() ?? '';
      if (input.outcome === undefined || result === '') throw new AppError(ComplaintErrors.COMPLAINT_OUTCOME_REQUIRED);
      set = { outcome: input.outcome, result, concluded_at: at };
      stepReason = `${COMPLAINT_OUTCOME_NAMES[input.outcome]}：${result}`;
    } else if (action === 'reject') {
      if (reason === '') throw new AppError(ComplaintErrors.COMPLAINT_REASON_REQUIRED, { action: actionName });
      set = { result: reason, concluded_at: at };
    } else {
      stepReason = reason || '开始办理';
    }
    if (!(await repo.moveComplaint(trx, id, move.from, move.to, set, at))) {
      const now = await repo.findComplaint(trx, id);
      throw refuse(now?.status ?? row.status);
    }
    await repo.insertEvent(trx, at, actor, id, { from: row.status, to: move.to, reason: stepReason });
    await writeAudit(trx, at, actor, {
      action: `complaint.${action}`,
      entityType: 'complaint',
      entityId: id,
      detail: { from: row.status, to: move.to, reason, departmentId: set.department_id ?? row.department_id, outcome: set.outcome ?? null },
    });
    await emitEvent(trx, at, {
      topic: `complaint.${move.to}`,
      key: id,
      payload: { complaintId: id, trackingNumber: row.tracking_number, from: row.status, to: move.to, departmentId: set.department_id ?? row.department_id, dueDate: set.due_date ?? row.due_date },
    });
  });
  return getComplaint(ctx, actor, id);
}
