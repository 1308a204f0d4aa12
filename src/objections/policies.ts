import { requireSignedIn } from '../access/index.js';
import { hasRole, type Actor } from '../kernel/actor.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import type { ObjectionScope } from './repository.js';

/**
 * Who may object to what: the credit centre (admin) to anything, a subject account to its own subject's
 * records and entries, a department (its staff or API tokens) to what it submitted. Returns the
 * applicant kind; a target outside the actor's reach is answered as not found by the caller.
 */
export function applicantOf(actor: Actor): { kind: 'subject'; subjectId: number } | { kind: 'department'; departmentId: number } | { kind: 'upstream_platform' } {
  requireSignedIn(actor);
  if (hasRole(actor, 'admin')) return { kind: 'upstream_platform' };
  if (hasRole(actor, 'subject') && actor.subjectId) return { kind: 'subject', subjectId: actor.subjectId };
  if (hasRole(actor, 'submitter', 'reviewer') && actor.departmentId !== null) return { kind: 'department', departmentId: actor.departmentId };
  throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅信用主体本人、报送部门或信用中心可提出异议' });
}

/** Whose objections an actor sees (undefined fields: no restriction). */
export function objectionScope(actor: Actor): ObjectionScope {
  requireSignedIn(actor);
  if (hasRole(actor, 'admin', 'auditor')) return {};
  if (hasRole(actor, 'subject') && actor.subjectId) return { subjectId: actor.subjectId };
  if (actor.departmentId !== null) return { departmentId: actor.departmentId };
  throw new AppError(CommonErrors.FORBIDDEN, { detail: '无权查看异议' });
}

/** Accept or refuse: the credit centre. */
export function authorizeAcceptance(actor: Actor): void {
  requireSignedIn(actor);
  if (!hasRole(actor, 'admin')) throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅信用中心（平台管理员）可受理异议' });
}

/** Uphold or reject: a reviewer of the source department, or the credit centre. */
export function authorizeVerification(actor: Actor, sourceDepartmentId: number | null): void {
  requireSignedIn(actor);
  if (hasRole(actor, 'admin')) return;
  if (hasRole(actor, 'reviewer') && actor.type === 'user' && sourceDepartmentId !== null && actor.departmentId === sourceDepartmentId) return;
  throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅数据提供单位的审核员或信用中心可作出核查结论' });
}

/** Evidence: the applicant's side (the subject, the filing department) or the credit centre. */
export function canAddEvidence(actor: Actor, objection: { subject_id: number; applicant_department_id: number | null; applicant_kind: string }): boolean {
  if (hasRole(actor, 'admin')) return true;
  if (objection.applicant_kind === 'subject') return hasRole(actor, 'subject') && actor.subjectId === objection.subject_id;
  return objection.applicant_department_id !== null && actor.departmentId === objection.applicant_department_id;
}
