import type { AppContext } from '../app/context.js';
import { systemActor } from '../kernel/actor.js';
import { AppError } from '../kernel/errors.js';
import { createUser } from './create-user.js';
import { AccessErrors } from './errors.js';
import * as repo from './repository.js';
import { checkUsername, storedRoles } from './rules.js';
import type { UserView } from './schemas.js';
import { toUserView } from './views.js';

export interface EnsureAdminUserInput {
  username: string;
  password: string;
  displayName?: string;
}

/**
 * Makes sure a platform admin with this username exists (first start, CLI, demo). An existing active
 * admin is left as it is — its password is not reset; an existing account that is not one is an error
 * rather than a silent promotion.
 */
export async function ensureAdminUser(ctx: AppContext, input: EnsureAdminUserInput): Promise<{ user: UserView; created: boolean }> {
  const username = checkUsername(input.username);
  const check = (row: repo.UserRow): { user: UserView; created: boolean } => {
    const usable = row.active && storedRoles(row.roles).includes('admin') && row.department_active !== false;
    if (!usable) throw new AppError(AccessErrors.ACCESS_BOOTSTRAP_USER_NOT_ADMIN, { username });
    return { user: toUserView(row), created: false };
  };
  const existing = await repo.findUserByUsername(ctx.db, username);
  if (existing) return check(existing);
  try {
    const user = await createUser(ctx, systemActor, {
      username,
      displayName: input.displayName ?? '平台管理员',
      password: input.password,
      departmentId: null,
      roles: ['admin'],
    });
    return { user, created: true };
  } catch (error) {
    // Two processes bootstrapping at once: the other one won, which is just as good.
    const raced = error instanceof AppError && error.code === AccessErrors.ACCESS_USERNAME_TAKEN.code;
    const winner = raced ? await repo.findUserByUsername(ctx.db, username) : undefined;
    if (winner) return check(winner);
    throw error;
  }
}
