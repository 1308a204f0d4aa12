import { hasRole, type Actor } from '../kernel/actor.js';
import { AppError, CommonErrors } from '../kernel/errors.js';

/** Who may do what with lists. Each operation calls one of these first. */

/** The court list sync rewrites a whole list: the credit centre's admins (and the platform itself) only. */
export function authorizeCourtSync(actor: Actor): void {
  if (actor.type === 'public') throw new AppError(CommonErrors.UNAUTHENTICATED);
  if (!hasRole(actor, 'admin')) throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅平台管理员可同步失信被执行人名单' });
}
