import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { authorizeManageTokens } from './policies.js';
import * as repo from './repository.js';
import type { ApiTokenView } from './schemas.js';
import { toApiTokenView } from './views.js';

/** A department's API tokens, newest first, revoked ones included, without secrets. */
export async function listApiTokens(ctx: AppContext, actor: Actor, departmentId: number): Promise<ApiTokenView[]> {
  authorizeManageTokens(actor, departmentId);
  if (!(await repo.findDepartmentById(ctx.db, departmentId))) {
    throw new AppError(CommonErrors.NOT_FOUND, { what: `编号为 ${departmentId} 的部门` });
  }
  const rows = await repo.listApiTokens(ctx.db, departmentId);
  return rows.map(toApiTokenView);
}
