import { hasRole, type Actor } from '../kernel/actor.js';
import { AppError, CommonErrors } from '../kernel/errors.js';

/** Who may do what with departments, users and API tokens. Each operation calls one of these first. */

/**
 * Whether the actor may see data belonging to a department: the credit centre's admins and auditors
 * see every department, everyone else only their own.
 */
export function canSeeDepartment(actor: Actor, departmentId: number | null): boolean {
  if (hasRole(actor, 'admin', 'auditor')) return true;
  return actor.departmentId !== null && departmentId !== null && actor.departmentId === departmentId;
}

/** Whether the actor may create, list and revoke a department's API tokens. */
export function canManageTokens(actor: Actor, departmentId: number): boolean {
  // A token minting tokens would let a leaked secret outlive its own revocation.
  if (actor.type === 'token' || actor.type === 'public') return false;
  if (hasRole(actor, 'admin')) return true;
  return hasRole(actor, 'reviewer') && actor.departmentId === departmentId;
}

/** Anonymous callers get 401 (sign in first), not 403. */
export function requireSignedIn(actor: Actor): void {
  if (actor.type === 'public') throw new AppError(CommonErrors.UNAUTHENTICATED);
}

function requireAdmin(actor: Actor, detail: string): void {
  requireSignedIn(actor);
  if (!hasRole(actor, 'admin')) throw new AppError(CommonErrors.FORBIDDEN, { detail });
}

export function authorizeListDepartments(actor: Actor): void {
  requireSignedIn(actor);
}

export function authorizeManageDepartments(actor: Actor): void {
  requireAdmin(actor, '仅平台管理员可维护部门');
}

export function authorizeManageUsers(actor: Actor): void {
  requireAdmin(actor, '仅平台管理员可管理用户账号');
}

export function authorizeManageTokens(actor: Actor, departmentId: number): void {
  requireSignedIn(actor);
  if (canManageTokens(actor, departmentId)) return;
  const detail =
    actor.type === 'token'
      ? 'API 令牌不能管理令牌，请登录后操作'
      : '仅平台管理员或本部门的审核员可管理本部门的 API 令牌';
  throw new AppError(CommonErrors.FORBIDDEN, { detail });
}
