import type { Role } from '../kernel/actor.js';

/** Shared limits and vocabularies of the access module (the schemas, the rules and the console use them). */

/** How long a sign-in session lasts; the console signs in again after a working day. */
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;

export const PASSWORD_MIN_LENGTH = 10;
/** Argon2 hashes whatever it is given: a bound keeps a huge "password" from costing the server. */
export const PASSWORD_MAX_LENGTH = 256;

export const USERNAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$';
export const DEPARTMENT_CODE_PATTERN = '^[A-Z0-9_]{2,32}$';

/** Roles held inside one department: they need the user (or token) to belong to a department. */
export const DEPARTMENT_ROLES = ['submitter', 'reviewer'] as const satisfies readonly Role[];
/** Platform-wide roles of the credit centre: a department is optional. */
export const PLATFORM_ROLES = ['admin', 'auditor'] as const satisfies readonly Role[];

export const DEPARTMENT_KINDS = ['department', 'credit_centre'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** Plain-text prefixes of the two kinds of bearer secret, so a leaked one is recognisable (secret scanners). */
export const API_TOKEN_PREFIX = 'xyt_';
export const SESSION_TOKEN_PREFIX = 'xys_';
/** How many leading characters of an API token are kept in clear to tell tokens apart. */
export const TOKEN_DISPLAY_PREFIX_LENGTH = 8;
