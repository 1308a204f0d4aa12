import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { AccessErrors } from './errors.js';
import * as repo from './repository.js';

/** The department new users and tokens are attached to: it must exist and be active. */
export async function requireActiveDepartment(db: Kysely<DB>, departmentId: number): Promise<repo.DepartmentRow> {
  const department = await repo.findDepartmentById(db, departmentId);
  if (!department) throw new AppError(CommonErrors.NOT_FOUND, { what: `编号为 ${departmentId} 的部门` });
  if (!department.active) throw new AppError(AccessErrors.ACCESS_DEPARTMENT_INACTIVE, { department: department.name });
  return department;
}
