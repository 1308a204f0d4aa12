import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { requireSignedIn } from './policies.js';
import * as repo from './repository.js';
import { storedRoles } from './rules.js';
import type { Profile } from './schemas.js';
import { toDepartmentRef, toSessionUser } from './views.js';

/** The caller as the console shows it: a user with its department, or an API token with its department. */
export async function getProfile(ctx: AppContext, actor: Actor): Promise<Profile> {
  requireSignedIn(actor);
  if (actor.type === 'user' && actor.id !== null) {
    const row = await repo.findUserById(ctx.db, Number(actor.id));
    if (!row) throw new AppError(CommonErrors.UNAUTHENTICATED);
    return { type: 'user', ...toSessionUser(row) };
  }
  if (actor.type === 'token' && actor.id !== null) {
    const token = await repo.findApiTokenById(ctx.db, Number(actor.id));
    if (!token) throw new AppError(CommonErrors.UNAUTHENTICATED);
    const department = await repo.findDepartmentById(ctx.db, token.department_id);
    return {
      type: 'token',
      id: token.id,
      username: null,
      displayName: token.name,
      department: department ? toDepartmentRef(department) : null,
      roles: storedRoles(token.roles),
      subjectId: null,
    };
  }
  // The system actor never arrives over HTTP.
  throw new AppError(CommonErrors.UNAUTHENTICATED);
}
