import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { AccessErrors } from './errors.js';
import { authorizeManageTokens, requireSignedIn } from './policies.js';
import * as repo from './repository.js';
import type { ApiTokenView } from './schemas.js';
import { toApiTokenView } from './views.js';

/**
 * Revokes an API token; it stops working at its next request. Revoking a revoked token changes
 * nothing and returns it as it is.
 */
export async function revokeApiToken(ctx: AppContext, actor: Actor, tokenId: number): Promise<ApiTokenView> {
  requireSignedIn(actor);
  const existing = await repo.findApiTokenById(ctx.db, tokenId);
  if (!existing) throw new AppError(AccessErrors.ACCESS_TOKEN_NOT_FOUND, { id: tokenId });
  // Which department's policy applies depends on the token, so it is read before authorising.
  authorizeManageTokens(actor, existing.department_id);
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const revoked = await repo.revokeApiToken(tx, tokenId, at);
    if (!revoked) {
      const current = await repo.findApiTokenById(tx, tokenId);
      if (!current) throw new AppError(AccessErrors.ACCESS_TOKEN_NOT_FOUND, { id: tokenId });
      return toApiTokenView(current);
    }
    await writeAudit(tx, at, actor, {
      action: 'access.token.revoke',
      entityType: 'api_token',
      entityId: tokenId,
      detail: { departmentId: revoked.department_id, name: revoked.name, prefix: revoked.token_prefix },
    });
    return toApiTokenView(revoked);
  });
}
