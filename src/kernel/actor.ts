/** Roles a user or an API token can hold. */
/** Roles: the credit centre (admin, auditor), a department's staff (submitter, reviewer), a subject's own account (subject). */
export const ROLES = ['admin', 'submitter', 'reviewer', 'auditor', 'subject'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: a signed-in user, a department's API token, the platform itself, or the public. */
export interface Actor {
  type: 'user' | 'token' | 'system' | 'public';
  id: string | null;
  name: string | null;
  departmentId: number | null;
  roles: readonly Role[];
  /** The subject a signed-in subject account acts for (its own record and reports). */
  subjectId?: number | null;
}

/** The platform acting on its own (migrations, demo loading, scheduled work). */
export const systemActor: Actor = { type: 'system', id: null, name: 'system', departmentId: null, roles: ['admin'] };

/** An anonymous visitor of the website. */
export const publicActor: Actor = { type: 'public', id: null, name: null, departmentId: null, roles: [] };

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}
