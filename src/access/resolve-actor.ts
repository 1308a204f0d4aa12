import type { AppContext } from '../app/context.js';
import { publicActor, type Actor } from '../kernel/actor.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { hashSecret } from './credentials.js';
import { API_TOKEN_PREFIX, SESSION_TOKEN_PREFIX } from './limits.js';
import * as repo from './repository.js';
import { storedRoles } from './rules.js';

// Exactly what generateSecret produces: a known prefix and 32 bytes in base64url. Anything else is
// refused before it costs a database query.
const SECRET_SHAPE = /^xy[ts]_[A-Za-z0-9_-]{43}$/;

/** The secret of an `Authorization: Bearer …` header; undefined when the header is absent or malformed. */
export function parseBearer(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
  const secret = match?.[1];
  return secret !== undefined && SECRET_SHAPE.test(secret) ? secret : undefined;
}

/**
 * Who is calling, from the Authorization header: no header → the public; a department's API token
 * (`xyt_…`) or a user's session (`xys_…`) → that token or user, with roles as stored now. Unknown,
 * revoked, expired or malformed credentials, disabled users and disabled departments → UNAUTHENTICATED.
 * One indexed query per call.
 */
export async function resolveActor(ctx: AppContext, authorization: string | undefined): Promise<Actor> {
  if (authorization === undefined) return publicActor;
  const secret = parseBearer(authorization);
  if (secret === undefined) throw new AppError(CommonErrors.UNAUTHENTICATED);
  const tokenHash = hashSecret(secret);
  if (secret.startsWith(API_TOKEN_PREFIX)) {
    const token = await repo.findTokenHolder(ctx.db, tokenHash);
    if (!token) throw new AppError(CommonErrors.UNAUTHENTICATED);
    return { type: 'token', id: String(token.id), name: token.name, departmentId: token.department_id, roles: storedRoles(token.roles) };
  }
  if (secret.startsWith(SESSION_TOKEN_PREFIX)) {
    const user = await repo.findSessionHolder(ctx.db, tokenHash, ctx.clock.now());
    if (!user) throw new AppError(CommonErrors.UNAUTHENTICATED);
    return {
      type: 'user',
      id: String(user.id),
      name: user.name,
      departmentId: user.department_id,
      roles: storedRoles(user.roles),
      subjectId: user.subject_id === null ? null : Number(user.subject_id),
    };
  }
  throw new AppError(CommonErrors.UNAUTHENTICATED);
}
