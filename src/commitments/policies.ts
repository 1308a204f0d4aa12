import { requireSignedIn } from '../access/index.js';
import { hasRole, type Actor } from '../kernel/actor.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { CommitmentErrors } from './errors.js';
import type { CommitmentScope } from './repository.js';

/** Who signs or registers a commitment, and for whom. */
export type Signer =
  | { kind: 'subject'; subjectId: number }
  | { kind: 'department'; departmentId: number }
  | { kind: 'platform' };

/**
 * A subject account signs online for its own subject only; a department's staff register a paper
 * commitment their department accepted; the credit centre (admin) registers any. Everyone else is refused.
 */
export function signerOf(actor: Actor, input: { subjectId?: number; departmentId?: number }): Signer {
  requireSignedIn(actor);
  if (hasRole(actor, 'admin')) return { kind: 'platform' };
  if (hasRole(actor, 'subject') && actor.subjectId) {
    if (input.subjectId !== undefined && input.subjectId !== actor.subjectId) throw new AppError(CommitmentErrors.COMMITMENT_SUBJECT_FORBIDDEN);
    return { kind: 'subject', subjectId: actor.subjectId };
  }
  if (hasRole(actor, 'submitter', 'reviewer') && actor.departmentId !== null) {
    if (input.departmentId !== undefined && input.departmentId !== actor.departmentId) throw new AppError(CommitmentErrors.COMMITMENT_DEPARTMENT_FORBIDDEN);
    return { kind: 'department', departmentId: actor.departmentId };
  }
  throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅信用主体本人、受理部门或信用中心可签署、登记信用承诺' });
}

/** Whose commitments an actor sees: a subject account its own, a department those it accepted, the centre and auditors all. */
export function commitmentScope(actor: Actor): CommitmentScope {
  requireSignedIn(actor);
  if (hasRole(actor, 'admin', 'auditor')) return {};
  if (hasRole(actor, 'subject') && actor.subjectId) return { subjectId: actor.subjectId };
  if (actor.departmentId !== null) return { departmentId: actor.departmentId };
  throw new AppError(CommonErrors.FORBIDDEN, { detail: '无权查看信用承诺' });
}

export function inScope(row: { subject_id: number; department_id: number }, scope: CommitmentScope): boolean {
  if (scope.subjectId !== undefined && Number(row.subject_id) !== scope.subjectId) return false;
  if (scope.departmentId !== undefined && row.department_id !== scope.departmentId) return false;
  return true;
}

/** 履约 verdicts (kept / broken): a reviewer of the accepting department, or the credit centre. */
export function authorizeVerdict(actor: Actor, departmentId: number): void {
  requireSignedIn(actor);
  if (hasRole(actor, 'admin')) return;
  if (hasRole(actor, 'reviewer') && actor.type === 'user' && actor.departmentId === departmentId) return;
  throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅受理部门的审核员或信用中心可记录履约情况' });
}

/** Revoking a commitment registered in error: the credit centre. */
export function authorizeRevoke(actor: Actor): void {
  requireSignedIn(actor);
  if (!hasRole(actor, 'admin')) throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅信用中心（平台管理员）可撤销信用承诺' });
}

/** The uploaded paper: the accepting department's staff (who registered it) or the credit centre. */
export function authorizeFileUpload(actor: Actor, departmentId: number): void {
  requireSignedIn(actor);
  if (hasRole(actor, 'admin')) return;
  if (hasRole(actor, 'submitter', 'reviewer') && actor.departmentId === departmentId) return;
  throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅受理部门或信用中心可上传纸质承诺书' });
}
