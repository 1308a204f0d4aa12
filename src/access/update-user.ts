import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { hashPassword } from './credentials.js';
import { AccessErrors } from './errors.js';
import { authorizeManageUsers } from './policies.js';
import * as repo from './repository.js';
import { requireActiveDepartment } from './require-active-department.js';
import { checkPassword, checkUserRoles, storedRoles } from './rules.js';
import type { UpdateUserInput, UserView } from './schemas.js';
import { toUserView } from './views.js';

function notFound(userId: number): AppError {
  return new AppError(CommonErrors.NOT_FOUND, { what: `编号为 ${userId} 的用户` });
}

/**
 * Changes a user's name, department, roles or status, or resets its password; platform admins only.
 * Disabling a user or resetting its password ends its sessions. Admins cannot lock themselves out.
 */
export async function updateUser(ctx: AppContext, actor: Actor, userId: number, input: UpdateUserInput): Promise<UserView> {
  authorizeManageUsers(actor);
  const current = await repo.findUserById(ctx.db, userId);
  if (!current) throw notFound(userId);

  const isSelf = actor.type === 'user' && actor.id === String(userId);
  if (isSelf && (input.active === false || (input.roles !== undefined && !input.roles.includes('admin')))) {
    throw new AppError(AccessErrors.ACCESS_CANNOT_LOCK_OUT_SELF);
  }
  const departmentId = input.departmentId === undefined ? current.department_id : input.departmentId;
  const roles = checkUserRoles(input.roles ?? storedRoles(current.roles), departmentId);
  if (input.password !== undefined) checkPassword(input.password, current.username);
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  const displayName = input.displayName?.trim();
  const at = ctx.clock.now();

  return ctx.db.transaction().execute(async (tx) => {
    if (input.departmentId !== undefined && input.departmentId !== null && input.departmentId !== current.department_id) {
      await requireActiveDepartment(tx, input.departmentId);
    }
    await repo.updateUser(tx, userId, {
      ...(displayName === undefined ? {} : { displayName }),
      ...(input.departmentId === undefined ? {} : { departmentId: input.departmentId }),
      ...(input.roles === undefined ? {} : { roles }),
      ...(input.active === undefined ? {} : { active: input.active }),
      ...(passwordHash === undefined ? {} : { passwordHash }),
    });
    // A reset password or a disabled account must not live on in an open session.
    if (passwordHash !== undefined || input.active === false) await repo.deleteSessionsOfUser(tx, userId);
    await writeAudit(tx, at, actor, {
      action: 'access.user.update',
      entityType: 'user',
      entityId: userId,
      detail: {
        username: current.username,
        ...(displayName === undefined ? {} : { displayName }),
        ...(input.departmentId === undefined ? {} : { departmentId: input.departmentId }),
        ...(input.roles === undefined ? {} : { roles }),
        ...(input.active === undefined ? {} : { active: input.active }),
        ...(passwordHash === undefined ? {} : { passwordReset: true }),
      },
    });
    const row = await repo.findUserById(tx, userId);
    if (!row) throw notFound(userId);
    return toUserView(row);
  });
}
