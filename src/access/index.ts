/** Access: departments, users, sign-in sessions, API tokens, and who a request is acting as. */
export { AccessErrors } from './errors.js';
export * from './limits.js';
export * from './schemas.js';

/** Resolves the Authorization header to an actor (public, user session or department API token). */
export { resolveActor, parseBearer } from './resolve-actor.js';
/** Registers the /auth, /departments, /users and /tokens routes (mounted under /api/v1 by the caller). */
export { registerAccessRoutes } from './routes.js';
/** Whether an actor may see a department's data: admins and auditors all, others their own only. */
export { canSeeDepartment, canManageTokens, requireSignedIn } from './policies.js';

/** Signs a user in with username and password and opens an 8-hour session. */
export { login, type LoginOrigin } from './login.js';
/** Ends the caller's session. */
export { logout } from './logout.js';
/** The caller's own identity: user or API token, with department and roles. */
export { getProfile } from './get-profile.js';

/** Registers a department (platform admins). */
export { createDepartment } from './create-department.js';
/** Renames, reclassifies, enables or disables a department (platform admins). */
export { updateDepartment } from './update-department.js';
/** Lists departments (any signed-in caller). */
export { listDepartments, listPublicDepartments } from './list-departments.js';

/** Creates a user account (platform admins). */
export { createUser } from './create-user.js';
/** Changes a user's roles, department, status or password (platform admins). */
export { updateUser } from './update-user.js';
/** Lists user accounts without password hashes (platform admins). */
export { listUsers } from './list-users.js';
/** Creates the bootstrap platform admin if it does not exist yet; idempotent. */
export { ensureAdminUser, type EnsureAdminUserInput } from './ensure-admin-user.js';

/** Issues a department API token; the plain secret is returned once. */
export { createApiToken } from './create-api-token.js';
/** Lists a department's API tokens without secrets. */
export { listApiTokens } from './list-api-tokens.js';
/** Revokes an API token. */
export { revokeApiToken } from './revoke-api-token.js';
