import type { AppContext } from '../app/context.js';
import { systemActor, type Actor, type Role } from '../kernel/actor.js';
import { createDepartment } from './create-department.js';
import { createUser } from './create-user.js';
import { login } from './login.js';
import { resolveActor } from './resolve-actor.js';
import type { CreateDepartmentInput, CreateUserInput, DepartmentView, UserView } from './schemas.js';

/** Test data for the access module: departments, users and signed-in actors, built through the real operations. */

let sequence = 0;

export async function buildDepartment(ctx: AppContext, overrides: Partial<CreateDepartmentInput> = {}): Promise<DepartmentView> {
  sequence += 1;
  return createDepartment(ctx, systemActor, { code: `DEPT_${sequence}`, name: `测试部门${sequence}`, kind: 'department', ...overrides });
}

export interface BuiltUser {
  user: UserView;
  password: string;
}

export async function buildUser(
  ctx: AppContext,
  overrides: Partial<CreateUserInput> & { roles?: Role[] } = {},
): Promise<BuiltUser> {
  sequence += 1;
  const password = overrides.password ?? `pw-${sequence}-correct-horse`;
  const user = await createUser(ctx, systemActor, {
    username: `user${sequence}`,
    displayName: `测试用户${sequence}`,
    departmentId: null,
    roles: ['admin'],
    ...overrides,
    password,
  });
  return { user, password };
}

/** Signs the user in and returns its session token and the actor that token resolves to. */
export async function signIn(ctx: AppContext, built: BuiltUser): Promise<{ token: string; actor: Actor }> {
  const { token } = await login(ctx, { username: built.user.username, password: built.password });
  return { token, actor: await resolveActor(ctx, `Bearer ${token}`) };
}
