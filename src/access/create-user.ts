import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { hashPassword } from './credentials.js';
import { AccessErrors } from './errors.js';
import { authorizeManageUsers } from './policies.js';
import * as repo from './repository.js';
import { requireActiveDepartment } from './require-active-department.js';
import { checkPassword, checkUserRoles, checkUsername } from './rules.js';
import type { CreateUserInput, UserView } from './schemas.js';
import { toUserView } from './views.js';

/**
 * Creates a user account; platform admins only. Department roles (submitter, reviewer) need a
 * department; admin and auditor are platform roles and may have none.
 */
export async function createUser(ctx: AppContext, actor: Actor, input: CreateUserInput): Promise<UserView> {
  authorizeManageUsers(actor);
  const username = checkUsername(input.username);
  checkPassword(input.password, username);
  const subjectId = input.subjectId ?? null;
  const roles = checkUserRoles(input.roles, input.departmentId, subjectId);
  const displayName = input.displayName.trim();
  // The slow hash runs before the transaction opens: it must not hold a connection.
  const passwordHash = await hashPassword(input.password);
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    if (input.departmentId !== null) await requireActiveDepartment(tx, input.departmentId);
    if (subjectId !== null && !(await repo.subjectExists(tx, subjectId))) throw new AppError(AccessErrors.ACCESS_SUBJECT_NOT_FOUND, { subjectId });
    const id = await repo.insertUser(tx, { username, displayName, passwordHash, departmentId: input.departmentId, roles, subjectId, createdAt: at });
    if (id === undefined) throw new AppError(AccessErrors.ACCESS_USERNAME_TAKEN, { username });
    await writeAudit(tx, at, actor, {
      action: 'access.user.create',
      entityType: 'user',
      entityId: id,
      detail: { username, displayName, departmentId: input.departmentId, roles, subjectId },
    });
    const row = await repo.findUserById(tx, id);
    if (!row) throw new Error(`user ${id} vanished inside its own transaction`);
    return toUserView(row);
  });
}
