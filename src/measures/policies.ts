import { requireSignedIn } from '../access/index.js';
import { hasRole, type Actor } from '../kernel/actor.js';
import { AppError, CommonErrors } from '../kernel/errors.js';

/** Who may do what with measures, joint tasks and webhooks. Each operation calls one of these first. */

/** Every member of staff reads the measure library (it is what their checks and tasks cite). */
export function authorizeReadMeasures(actor: Actor): void {
  requireSignedIn(actor);
  if (!hasRole(actor, 'admin', 'auditor', 'submitter', 'reviewer')) throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅平台与部门工作人员可查看措施清单' });
}

/** The credit centre maintains the measure library and the webhooks. */
export function authorizeManageMeasures(actor: Actor): void {
  requireSignedIn(actor);
  if (!hasRole(actor, 'admin')) throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅平台管理员可维护措施清单与回调订阅' });
}

/**
 * The joint-task inbox: the credit centre (admins, auditors) sees every department's tasks; department
 * staff their own department's. Returns the department the actor is limited to (null: all).
 */
export function inboxScope(actor: Actor): number | null {
  requireSignedIn(actor);
  if (hasRole(actor, 'admin', 'auditor')) return null;
  if (actor.departmentId !== null && hasRole(actor, 'submitter', 'reviewer')) return actor.departmentId;
  throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅实施部门人员与信用中心可查看联合奖惩任务' });
}

/** Whether the actor answers for the task's department (the credit centre does not answer for others). */
export function canAnswerFor(actor: Actor, departmentId: number): boolean {
  if (actor.type !== 'user' && actor.type !== 'token') return false;
  return actor.departmentId === departmentId && hasRole(actor, 'submitter', 'reviewer', 'admin');
}

/** 跟踪问效: the credit centre's figures. */
export function authorizeJointTaskStats(actor: Actor): void {
  requireSignedIn(actor);
  if (!hasRole(actor, 'admin', 'auditor')) throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅信用中心（平台管理员、审计员）可查看跟踪问效统计' });
}
