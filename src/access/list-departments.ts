import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { authorizeListDepartments } from './policies.js';
import * as repo from './repository.js';
import type { DepartmentView } from './schemas.js';
import { toDepartmentView } from './views.js';

/** Every department, disabled ones included, by code; any signed-in user or token may read it. */
export async function listDepartments(ctx: AppContext, actor: Actor): Promise<DepartmentView[]> {
  authorizeListDepartments(actor);
  const rows = await repo.listDepartments(ctx.db);
  return rows.map(toDepartmentView);
}
