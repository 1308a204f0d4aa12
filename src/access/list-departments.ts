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

/** The active departments (not the credit centre itself), for the website's filters: code and name only. */
export async function listPublicDepartments(ctx: AppContext): Promise<{ code: string; name: string }[]> {
  const rows = await repo.listDepartments(ctx.db);
  return rows.filter((row) => row.active && row.kind === 'department').map((row) => ({ code: row.code, name: row.name }));
}
