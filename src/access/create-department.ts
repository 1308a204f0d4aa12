import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { AccessErrors } from './errors.js';
import { authorizeManageDepartments } from './policies.js';
import * as repo from './repository.js';
import { checkDepartmentCode, checkDepartmentUscc } from './rules.js';
import type { CreateDepartmentInput, DepartmentView } from './schemas.js';
import { toDepartmentView } from './views.js';

/** Registers a department (or the credit centre itself); platform admins only. */
export async function createDepartment(ctx: AppContext, actor: Actor, input: CreateDepartmentInput): Promise<DepartmentView> {
  authorizeManageDepartments(actor);
  const code = checkDepartmentCode(input.code);
  const uscc = checkDepartmentUscc(input.uscc);
  const name = input.name.trim();
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const row = await repo.insertDepartment(tx, { code, name, uscc, kind: input.kind, createdAt: at });
    if (!row) throw new AppError(AccessErrors.ACCESS_DEPARTMENT_CODE_TAKEN, { code });
    await writeAudit(tx, at, actor, {
      action: 'access.department.create',
      entityType: 'department',
      entityId: row.id,
      detail: { code, name, uscc, kind: input.kind },
    });
    return toDepartmentView(row);
  });
}
