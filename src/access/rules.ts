import { validateUscc } from '../codes/index.js';
import { ROLES, type Role } from '../kernel/actor.js';
import { AppError } from '../kernel/errors.js';
import { AccessErrors } from './errors.js';
import {
  DEPARTMENT_CODE_PATTERN,
  DEPARTMENT_ROLES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  USERNAME_PATTERN,
} from './limits.js';

/**
 * The rules on usernames, passwords, roles and department codes. Routes check shapes with their
 * schemas already; these run again in the operations because the CLI and the demo call them directly.
 */

const usernamePattern = new RegExp(USERNAME_PATTERN);
const departmentCodePattern = new RegExp(DEPARTMENT_CODE_PATTERN);

/** Usernames are case-insensitive: stored and looked up in lower case. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function checkUsername(username: string): string {
  const normalized = normalizeUsername(username);
  if (!usernamePattern.test(normalized)) throw new AppError(AccessErrors.ACCESS_USERNAME_INVALID, { username });
  return normalized;
}

export function checkPassword(password: string, username: string): void {
  const weak = (reason: string) => new AppError(AccessErrors.ACCESS_WEAK_PASSWORD, { reason });
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) throw weak(`至少需要 ${PASSWORD_MIN_LENGTH} 个字符，当前为 ${length} 个`);
  if (length > PASSWORD_MAX_LENGTH) throw weak(`最多 ${PASSWORD_MAX_LENGTH} 个字符，当前为 ${length} 个`);
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) throw weak('不能与用户名相同');
  if (new Set(password).size < 4) throw weak('至少需要 4 个不同的字符');
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

function isDepartmentRole(role: Role): boolean {
  return (DEPARTMENT_ROLES as readonly Role[]).includes(role);
}

/** Checks a user's roles against its department; returns them deduplicated in ROLES order. */
export function checkUserRoles(roles: readonly string[], departmentId: number | null, subjectId: number | null = null): Role[] {
  for (const role of roles) {
    if (!isRole(role)) throw new AppError(AccessErrors.ACCESS_UNKNOWN_ROLE, { role, allowed: ROLES.join('、') });
  }
  const checked = ROLES.filter((role) => roles.includes(role));
  if (checked.length === 0) throw new AppError(AccessErrors.ACCESS_NO_ROLE);
  const needsDepartment = checked.find(isDepartmentRole);
  if (needsDepartment && departmentId === null) {
    throw new AppError(AccessErrors.ACCESS_ROLE_NEEDS_DEPARTMENT, { role: needsDepartment });
  }
  // A subject account (an enterprise or citizen on the website) acts for one subject and holds no staff role.
  const isSubjectAccount = checked.includes('subject');
  if (isSubjectAccount && (checked.length > 1 || departmentId !== null || subjectId === null)) {
    throw new AppError(AccessErrors.ACCESS_SUBJECT_ACCOUNT_INVALID);
  }
  if (!isSubjectAccount && subjectId !== null) throw new AppError(AccessErrors.ACCESS_SUBJECT_ACCOUNT_INVALID);
  return checked;
}

/**
 * API tokens belong to a department and serve its systems (submission, checks): platform roles would
 * turn one department's leaked secret into control of the whole platform.
 */
export function checkTokenRoles(roles: readonly string[]): Role[] {
  const allowed = DEPARTMENT_ROLES.join('、');
  for (const role of roles) {
    if (!isRole(role) || !isDepartmentRole(role)) throw new AppError(AccessErrors.ACCESS_TOKEN_ROLE_NOT_ALLOWED, { role, allowed });
  }
  const checked = ROLES.filter((role) => roles.includes(role));
  if (checked.length === 0) throw new AppError(AccessErrors.ACCESS_NO_ROLE);
  return checked;
}

/** Roles as stored: anything no longer in ROLES grants nothing. */
export function storedRoles(roles: readonly string[]): Role[] {
  return roles.filter(isRole);
}

export function checkDepartmentCode(code: string): string {
  const trimmed = code.trim();
  if (!departmentCodePattern.test(trimmed)) throw new AppError(AccessErrors.ACCESS_DEPARTMENT_CODE_INVALID, { code });
  return trimmed;
}

/** A department's own USCC, normalised; empty means none. */
export function checkDepartmentUscc(uscc: string | null | undefined): string | null {
  if (uscc === undefined || uscc === null || uscc.trim() === '') return null;
  const result = validateUscc(uscc);
  if (result.details.placeholder) {
    throw new AppError(AccessErrors.ACCESS_DEPARTMENT_USCC_INVALID, { uscc, detail: '这是个体工商户的占位代码，不是机关的代码' });
  }
  if (!result.valid) {
    const detail = result.issues.find((issue) => issue.severity === 'error')?.message ?? '校验未通过';
    throw new AppError(AccessErrors.ACCESS_DEPARTMENT_USCC_INVALID, { uscc, detail });
  }
  return result.normalized;
}
