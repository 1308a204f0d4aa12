import type { ApiTokenRow, DepartmentRow, UserRow } from './repository.js';
import { storedRoles } from './rules.js';
import type { ApiTokenView, DepartmentRef, DepartmentView, SessionUser, UserView } from './schemas.js';

/** How stored rows are presented: no password hash or token hash ever leaves through these. */

export function toDepartmentView(row: DepartmentRow): DepartmentView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    uscc: row.uscc,
    kind: row.kind,
    active: row.active,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function toDepartmentRef(row: { id: number; code: string; name: string }): DepartmentRef {
  return { id: row.id, code: row.code, name: row.name };
}

function userDepartment(row: UserRow): DepartmentRef | null {
  if (row.department_id === null || row.department_code === null || row.department_name === null) return null;
  return { id: row.department_id, code: row.department_code, name: row.department_name };
}

export function toSessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    department: userDepartment(row),
    roles: storedRoles(row.roles),
    subjectId: row.subject_id === null ? null : Number(row.subject_id),
  };
}

export function toUserView(row: UserRow): UserView {
  return { ...toSessionUser(row), active: row.active, createdAt: new Date(row.created_at).toISOString() };
}

export function toApiTokenView(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    departmentId: row.department_id,
    name: row.name,
    prefix: row.token_prefix,
    roles: storedRoles(row.roles),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at).toISOString(),
  };
}
