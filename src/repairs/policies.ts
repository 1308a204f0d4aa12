import { requireSignedIn } from '../access/index.js';
import { hasRole, type Actor } from '../kernel/actor.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import type { RepairScope } from './repository.js';

export type Applicant = { kind: 'subject'; subjectId: number } | { kind: 'department'; departmentId: number } | { kind: 'platform' };

/**
 * Who may apply: a subject account for its own subject's records and entries, a department (its staff)
 * for what it submitted, the credit centre (admin) for anything. A target outside the actor's reach is
 * answered as not found by the caller.
 */
export function applicantOf(actor: Actor): Applicant {
  requireSignedIn(actor);
  if (hasRole(actor, 'admin')) return { kind: 'platform' };
  if (hasRole(actor, 'subject') && actor.subjectId) return { kind: 'subject', subjectId: actor.subjectId };
  if (hasRole(actor, 'submitter', 'reviewer') && actor.departmentId !== null) return { kind: 'department', departmentId: actor.departmentId };
  throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅信用主体本人、报送部门或信用中心可申请信用修复' });
}

/** Whose applications an actor sees (undefined fields: no restriction). */
export function repairScope(actor: Actor): RepairScope {
  requireSignedIn(actor);
  if (hasRole(actor, 'admin', 'auditor')) return {};
  if (hasRole(actor, 'subject') && actor.subjectId) return { subjectId: actor.subjectId };
  if (actor.departmentId !== null) return { departmentId: actor.departmentId };
  throw new AppError(CommonErrors.FORBIDDEN, { detail: '无权查看信用修复申请' });
}

/** The applicant's side (the subject, the filing department) or the credit centre: materials and submission. */
export function isApplicantSide(actor: Actor, repair: { subject_id: number; applicant_department_id: number | null; applicant_kind: string }): boolean {
  if (hasRole(actor, 'admin')) return true;
  if (repair.applicant_kind === 'subject') return hasRole(actor, 'subject') && actor.subjectId === Number(repair.subject_id);
  return repair.applicant_department_id !== null && actor.departmentId === repair.applicant_department_id;
}

/** The department's review: a reviewer of the source department, or the credit centre. */
export function authorizeDepartmentReview(actor: Actor, sourceDepartmentId: number | null): void {
  requireSignedIn(actor);
  if (hasRole(actor, 'admin')) return;
  if (hasRole(actor, 'reviewer') && actor.type === 'user' && sourceDepartmentId !== null && actor.departmentId === sourceDepartmentId) return;
  throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅认定部门的审核员或信用中心可审核信用修复申请' });
}

/** The decision: the credit centre. */
export function authorizePlatformDecision(actor: Actor): void {
  requireSignedIn(actor);
  if (!hasRole(actor, 'admin')) throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅信用中心（平台管理员）可决定是否准予信用修复' });
}
