import { requireSignedIn } from '../access/index.js';
import { hasRole, type Actor } from '../kernel/actor.js';
import { AppError, CommonErrors } from '../kernel/errors.js';

/** The credit centre writes the website's articles; auditors may read drafts. */
export function authorizeWriteArticles(actor: Actor): void {
  requireSignedIn(actor);
  if (!hasRole(actor, 'admin')) throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅平台管理员可维护网站文章' });
}

export function authorizeReadDrafts(actor: Actor): void {
  requireSignedIn(actor);
  if (!hasRole(actor, 'admin', 'auditor')) throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅平台管理员与审计员可查看未发布的文章' });
}
