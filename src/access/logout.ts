import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { hashSecret } from './credentials.js';
import { AccessErrors } from './errors.js';
import { SESSION_TOKEN_PREFIX } from './limits.js';
import { requireSignedIn } from './policies.js';
import * as repo from './repository.js';

/** Ends the caller's own session (the one whose secret it presents); the secret stops working at once. */
export async function logout(ctx: AppContext, actor: Actor, sessionToken: string | undefined): Promise<void> {
  requireSignedIn(actor);
  if (actor.type !== 'user' || sessionToken === undefined || !sessionToken.startsWith(SESSION_TOKEN_PREFIX)) {
    throw new AppError(AccessErrors.ACCESS_NOT_A_SESSION);
  }
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    const userId = await repo.deleteSession(tx, hashSecret(sessionToken));
    if (userId === undefined || String(userId) !== actor.id) throw new AppError(CommonErrors.UNAUTHENTICATED);
    await writeAudit(tx, at, actor, { action: 'access.logout', entityType: 'user', entityId: userId });
  });
}
