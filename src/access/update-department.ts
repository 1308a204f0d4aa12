import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { authorizeManageDepartments } from './policies.js';
import * as repo from './repository.js';
import { checkDepartmentUscc } from './rules.js';
import type { DepartmentView, UpdateDepartmentInput } from './schemas.js';
import { toDepartmentView } from './views.js';

/**
 * Renames, reclassifies, enables or disables a department; platform admins only. Disabling it shuts
 * out its users and API tokens at their next request. The code never changes.
 */
export async function updateDepartment(
  ctx: AppContext,
  actor: Actor,
  departmentId: number,
  input: UpdateDepartmentInput,
): Promise<DepartmentView> {
  authorizeManageDepartments(actor);
  const patch = {
    ...(input.name === undefined ? {} : { name: input.name.trim() }),
    ...(input.uscc === undefined ? {} : { uscc: checkDepartmentUscc(input.uscc) }),
    ...(input.kind === undefined ? {} : { kind: input.kind }),
    ...(input.active === undefined ? {} : { active: input.active }),
  };
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const before = await repo.findDepartmentById(tx, departmentId);
    if (!before) throw new AppError(CommonErrors.NOT_FOUND, { what: `编号为 ${departmentId} 的部门` });
    const after = Object.keys(patch).length === 0 ? before : await repo.updateDepartment(tx, departmentId, patch);
    if (!after) throw new AppError(CommonErrors.NOT_FOUND, { what: `编号为 ${departmentId} 的部门` });
    await writeAudit(tx, at, actor, {
      action: 'access.department.update',
      entityType: 'department',
      entityId: departmentId,
      detail: { code: before.code, changes: patch },
    });
    return toDepartmentView(after);
  });
}
