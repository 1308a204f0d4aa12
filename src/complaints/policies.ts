import { requireSignedIn } from '../access/index.js';
import { hasRole, type Actor } from '../kernel/actor.js';
import { AppError, CommonErrors } from '../kernel/errors.js';

/**
 * Which complaints an actor sees in the console: the credit centre (admin, auditor) all, a department's
 * staff and tokens those assigned to their department. Subject accounts see none (the subject learns
 * of a complaint from the department, never who made it).
 */
export function complaintScope(actor: Actor): { departmentId?: number } {
  requireSignedIn(actor);
  if (hasRole(actor, 'admin', 'auditor')) return {};
  if (hasRole(actor, 'submitter', 'reviewer') && actor.departmentId !== null) return { departmentId: actor.departmentId };
  throw new AppError(CommonErrors.FORBIDDEN, { detail: '无权查看投诉举报' });
}

/** Assign and reject: the credit centre. */
export function authorizeDispatch(actor: Actor): void {
  requireSignedIn(actor);
  if (!hasRole(actor, 'admin')) throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅信用中心（平台管理员）可交办或不予受理投诉举报' });
}

/** Start and conclude: staff of the assigned department, or the credit centre. */
export function authorizeHandling(actor: Actor, departmentId: number | null): void {
  requireSignedIn(actor);
  if (hasRole(actor, 'admin')) return;
  if (hasRole(actor, 'submitter', 'reviewer') && departmentId !== null && actor.departmentId === departmentId) return;
  throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅承办部门或信用中心可办理投诉举报' });
}

/** Revealing the complainant's identity: a signed-in admin user of the credit centre only (not a token). */
export function authorizeReveal(actor: Actor): void {
  requireSignedIn(actor);
  if (actor.type !== 'user' || !hasRole(actor, 'admin')) throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅信用中心管理员可查看投诉人身份' });
}
