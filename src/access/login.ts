import type { AppContext } from '../app/context.js';
import { publicActor, type Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { generateSecret, hashSecret, verifyPassword } from './credentials.js';
import { AccessErrors } from './errors.js';
import { SESSION_LIFETIME_MS, SESSION_TOKEN_PREFIX } from './limits.js';
import * as repo from './repository.js';
import { normalizeUsername, storedRoles } from './rules.js';
import type { LoginInput, LoginResult } from './schemas.js';
import { toSessionUser } from './views.js';

export interface LoginOrigin {
  /** The client's address, kept in the audit trail of sign-ins. */
  ip?: string | undefined;
}

/**
 * Signs a user in: checks the password and opens a session that lasts SESSION_LIFETIME_MS. Wrong
 * username and wrong password give the same error, after the same amount of work.
 */
export async function login(ctx: AppContext, input: LoginInput, origin: LoginOrigin = {}): Promise<LoginResult> {
  const username = normalizeUsername(input.username);
  const candidate = await repo.findLoginCandidate(ctx.db, username);
  // The slow hash runs before any transaction opens: it must not hold a connection.
  const passwordOk = await verifyPassword(candidate?.password_hash, input.password);
  const at = ctx.clock.now();
  if (!candidate || !passwordOk) {
    if (candidate) {
      // Only attempts on real accounts are kept: a mistyped "username" is often someone's password.
      await writeAudit(ctx.db, at, publicActor, {
        action: 'access.login.failed',
        entityType: 'user',
        entityId: candidate.id,
        detail: { username, ip: origin.ip ?? null },
      });
    }
    throw new AppError(AccessErrors.ACCESS_BAD_CREDENTIALS);
  }
  // Past this point the caller knows the password, so saying why the account is refused reveals nothing.
  if (!candidate.active) throw new AppError(AccessErrors.ACCESS_ACCOUNT_DISABLED, { username });
  if (candidate.department_active === false) {
    throw new AppError(AccessErrors.ACCESS_DEPARTMENT_DISABLED, { department: candidate.department_name });
  }

  const token = generateSecret(SESSION_TOKEN_PREFIX);
  const expiresAt = new Date(at.getTime() + SESSION_LIFETIME_MS);
  const actor: Actor = {
    type: 'user',
    id: String(candidate.id),
    name: candidate.username,
    departmentId: candidate.department_id,
    roles: storedRoles(candidate.roles),
  };
  await ctx.db.transaction().execute(async (tx) => {
    await repo.deleteExpiredSessionsOfUser(tx, candidate.id, at);
    await repo.insertSession(tx, { tokenHash: hashSecret(token), userId: candidate.id, createdAt: at, expiresAt });
    await writeAudit(tx, at, actor, {
      action: 'access.login',
      entityType: 'user',
      entityId: candidate.id,
      detail: { expiresAt: expiresAt.toISOString(), ip: origin.ip ?? null },
    });
  });
  return { token, expiresAt: expiresAt.toISOString(), user: toSessionUser(candidate) };
}
