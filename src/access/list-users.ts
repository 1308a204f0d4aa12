import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { authorizeManageUsers } from './policies.js';
import * as repo from './repository.js';
import type { UserView } from './schemas.js';
import { toUserView } from './views.js';

/** Every user account, by username, without password hashes; platform admins only. */
export async function listUsers(ctx: AppContext, actor: Actor): Promise<UserView[]> {
  authorizeManageUsers(actor);
  const rows = await repo.listUsers(ctx.db);
  return rows.map(toUserView);
}
