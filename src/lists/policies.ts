import { requireSignedIn } from '../access/index.js';
import { hasRole, type Actor } from '../kernel/actor.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import type { EntryAction } from './lifecycle.js';

/** Who may do what with lists. The credit centre (admin) runs them; a listing department decides its own entries. */

export function authorizeManageListTypes(actor: Actor): void {
  requireSignedIn(actor);
  if (!hasRole(actor, 'admin')) throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅平台管理员可维护名单类型' });
}

/** Proposing an entry: the list's listing department (its submitters and reviewers) or the credit centre. */
export function authorizeProposeEntry(actor: Actor, authorityDepartmentId: number | null, listName: string): void {
  requireSignedIn(actor);
  if (hasRole(actor, 'admin')) return;
  if (hasRole(actor, 'submitter', 'reviewer') && actor.departmentId !== null && actor.departmentId === authorityDepartmentId) return;
  throw new AppError(CommonErrors.FORBIDDEN, { detail: `只有“${listName}”的认定部门或平台管理员可以提出列入` });
}

/**
 * Moving an entry: the deciding department's reviewers, or the credit centre. Suspending and resuming
 * (an objection under verification) are the credit centre's too.
 */
export function canTransition(actor: Actor, entryDepartmentId: number | null, action: EntryAction): boolean {
  if (actor.type === 'public') return false;
  if (hasRole(actor, 'admin')) return true;
  if (action === 'suspend' || action === 'resume') return false;
  return hasRole(actor, 'reviewer') && actor.departmentId !== null && actor.departmentId === entryDepartmentId;
}

export function authorizeTransition(actor: Actor, entryDepartmentId: number | null, action: EntryAction): void {
  requireSignedIn(actor);
  if (!canTransition(actor, entryDepartmentId, action))
    throw new AppError(CommonErrors.FORBIDDEN, { detail: '只有作出列入决定部门的审核员或平台管理员可以办理此名单条目' });
}

/** Reading entries: the credit centre and auditors all; a department the entries it decided. */
export function entryScope(actor: Actor): { departmentId?: number } {
  requireSignedIn(actor);
  if (hasRole(actor, 'admin', 'auditor')) return {};
  if (actor.departmentId === null) throw new AppError(CommonErrors.FORBIDDEN, { detail: '没有所属部门的账号不能查看名单条目' });
  return { departmentId: actor.departmentId };
}

/** The court list sync rewrites a whole list: the credit centre's admins (and the platform itself) only. */
export function authorizeCourtSync(actor: Actor): void {
  if (actor.type === 'public') throw new AppError(CommonErrors.UNAUTHENTICATED);
  if (!hasRole(actor, 'admin')) throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅平台管理员可同步失信被执行人名单' });
}
