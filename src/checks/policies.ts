import { canSeeDepartment } from '../access/index.js';
import { hasRole, type Actor } from '../kernel/actor.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { CheckErrors } from './errors.js';

/** Who may check: a department's users and API tokens (any role) and the credit centre; never the public. */
export function authorizeCheck(actor: Actor): void {
  if (actor.type === 'public') throw new AppError(CommonErrors.UNAUTHENTICATED);
  if (actor.type === 'system' || actor.departmentId !== null || hasRole(actor, 'admin', 'auditor')) return;
  throw new AppError(CheckErrors.CHECK_NOT_ALLOWED);
}

/**
 * Who reads the check log: the credit centre and auditors all of it (undefined), a department its own
 * checks (its id).
 */
export function checkLogScope(actor: Actor): number | undefined {
  authorizeCheck(actor);
  if (canSeeDepartment(actor, null) || actor.type === 'system') return undefined;
  return actor.departmentId ?? -1;
}

/** Only the department that asked records what it did with the answer. */
export function authorizeRecordOutcome(actor: Actor, check: { id: number; department_id: number | null }): void {
  authorizeCheck(actor);
  if (actor.departmentId === null || check.department_id !== actor.departmentId) throw new AppError(CheckErrors.CHECK_OUTCOME_NOT_YOURS, { id: check.id });
}

/** The subject a signed-in subject account acts for (`GET /my/checks`). */
export function requireSubjectAccount(actor: Actor): number {
  if (actor.type === 'public') throw new AppError(CommonErrors.UNAUTHENTICATED);
  if (actor.subjectId === undefined || actor.subjectId === null) throw new AppError(CheckErrors.CHECK_NOT_SUBJECT_ACCOUNT);
  return actor.subjectId;
}
