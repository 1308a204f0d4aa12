import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** All SQL of the access module. Every function takes the database or the transaction to run in. */

type Db = Kysely<DB>;

export interface DepartmentRow {
  id: number;
  code: string;
  name: string;
  uscc: string | null;
  kind: 'department' | 'credit_centre';
  active: boolean;
  created_at: Date;
}

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  roles: string[];
  active: boolean;
  created_at: Date;
  department_id: number | null;
  subject_id: number | null;
  department_code: string | null;
  department_name: string | null;
  department_active: boolean | null;
}

export interface ApiTokenRow {
  id: number;
  department_id: number;
  name: string;
  token_prefix: string;
  roles: string[];
  created_by: number | null;
  created_at: Date;
  revoked_at: Date | null;
}

/** The holder of a bearer secret, as resolved on every request. */
export interface BearerRow {
  id: number;
  name: string;
  department_id: number | null;
  roles: string[];
}

/** A signed-in user's bearer row also says which subject a subject account acts for. */
export interface SessionHolderRow extends BearerRow {
  subject_id: number | null;
}

const departmentColumns = ['id', 'code', 'name', 'uscc', 'kind', 'active', 'created_at'] as const;

const tokenColumns = [
  'id',
  'department_id',
  'name',
  'token_prefix',
  'roles',
  'created_by',
  'created_at',
  'revoked_at',
] as const;

// --- departments

export async function listDepartments(db: Db): Promise<DepartmentRow[]> {
  return db.selectFrom('departments').select(departmentColumns).orderBy('code').execute();
}

export async function findDepartmentById(db: Db, id: number): Promise<DepartmentRow | undefined> {
  return db.selectFrom('departments').select(departmentColumns).where('id', '=', id).executeTakeFirst();
}

/** Inserts a department; undefined when its code is taken (no race between check and insert). */
export async function insertDepartment(
  db: Db,
  values: { code: string; name: string; uscc: string | null; kind: DepartmentRow['kind']; createdAt: Date },
): Promise<DepartmentRow | undefined> {
  return db
    .insertInto('departments')
    .values({ code: values.code, name: values.name, uscc: values.uscc, kind: values.kind, created_at: values.createdAt })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning(departmentColumns)
    .executeTakeFirst();
}

export async function updateDepartment(
  db: Db,
  id: number,
  patch: { name?: string; uscc?: string | null; kind?: DepartmentRow['kind']; active?: boolean },
): Promise<DepartmentRow | undefined> {
  return db.updateTable('departments').set(patch).where('id', '=', id).returning(departmentColumns).executeTakeFirst();
}

// --- users (never selecting the password hash, except for the one query that checks a password)

function usersWithDepartment(db: Db) {
  return db
    .selectFrom('users')
    .leftJoin('departments', 'departments.id', 'users.department_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.roles',
      'users.active',
      'users.created_at',
      'users.department_id',
      'users.subject_id',
      'departments.code as department_code',
      'departments.name as department_name',
      'departments.active as department_active',
    ]);
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return usersWithDepartment(db).orderBy('users.username').execute();
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return usersWithDepartment(db).where('users.id', '=', id).executeTakeFirst();
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return usersWithDepartment(db).where('users.username', '=', username).executeTakeFirst();
}

/** The user trying to sign in, with the password hash to check against. */
export async function findLoginCandidate(db: Db, username: string): Promise<(UserRow & { password_hash: string }) | undefined> {
  return usersWithDepartment(db).select('users.password_hash').where('users.username', '=', username).executeTakeFirst();
}

/** Inserts a user; undefined when the username is taken. */
export async function insertUser(
  db: Db,
  values: {
    username: string;
    displayName: string;
    passwordHash: string;
    departmentId: number | null;
    roles: string[];
    subjectId?: number | null;
    createdAt: Date;
  },
): Promise<number | undefined> {
  const row = await db
    .insertInto('users')
    .values({
      username: values.username,
      display_name: values.displayName,
      password_hash: values.passwordHash,
      department_id: values.departmentId,
      roles: values.roles,
      created_at: values.createdAt,
      subject_id: values.subjectId ?? null,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function updateUser(
  db: Db,
  id: number,
  patch: { displayName?: string; departmentId?: number | null; roles?: string[]; active?: boolean; passwordHash?: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(patch.displayName === undefined ? {} : { display_name: patch.displayName }),
      ...(patch.departmentId === undefined ? {} : { department_id: patch.departmentId }),
      ...(patch.roles === undefined ? {} : { roles: patch.roles }),
      ...(patch.active === undefined ? {} : { active: patch.active }),
      ...(patch.passwordHash === undefined ? {} : { password_hash: patch.passwordHash }),
    })
    .where('id', '=', id)
    .execute();
}

// --- sessions

export async function insertSession(db: Db, values: { tokenHash: string; userId: number; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ token_hash: values.tokenHash, user_id: values.userId, created_at: values.createdAt, expires_at: values.expiresAt })
    .execute();
}

/** Deletes one session; returns its user, or undefined if there was none. */
export async function deleteSession(db: Db, tokenHash: string): Promise<number | undefined> {
  const row = await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).returning('user_id').executeTakeFirst();
  return row?.user_id;
}

export async function deleteSessionsOfUser(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessionsOfUser(db: Db, userId: number, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<=', now).execute();
}

/**
 * The active user of a live session, in one query on the sessions primary key. A user whose
 * department is disabled is refused like a disabled user.
 */
export function sessionHolderQuery(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('departments', 'departments.id', 'users.department_id')
    .select(['users.id', 'users.username as name', 'users.department_id', 'users.roles', 'users.subject_id'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .where('users.active', '=', true)
    .where((eb) => eb.or([eb('users.department_id', 'is', null), eb('departments.active', '=', true)]));
}

export async function findSessionHolder(db: Db, tokenHash: string, now: Date): Promise<SessionHolderRow | undefined> {
  return sessionHolderQuery(db, tokenHash, now).executeTakeFirst();
}

// --- API tokens

/** The live API token with this hash, in one query on its unique index; its department must be active. */
export function tokenHolderQuery(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('departments', 'departments.id', 'api_tokens.department_id')
    .select(['api_tokens.id', 'api_tokens.name', 'api_tokens.department_id', 'api_tokens.roles'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('departments.active', '=', true);
}

export async function findTokenHolder(db: Db, tokenHash: string): Promise<BearerRow | undefined> {
  return tokenHolderQuery(db, tokenHash).executeTakeFirst();
}

export async function insertApiToken(
  db: Db,
  values: { departmentId: number; name: string; tokenHash: string; prefix: string; roles: string[]; createdBy: number | null; createdAt: Date },
): Promise<ApiTokenRow> {
  return db
    .insertInto('api_tokens')
    .values({
      department_id: values.departmentId,
      name: values.name,
      token_hash: values.tokenHash,
      token_prefix: values.prefix,
      roles: values.roles,
      created_by: values.createdBy,
      created_at: values.createdAt,
    })
    .returning(tokenColumns)
    .executeTakeFirstOrThrow();
}

export async function listApiTokens(db: Db, departmentId: number): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_tokens')
    .select(tokenColumns)
    .where('department_id', '=', departmentId)
    .orderBy('id', 'desc')
    .execute();
}

export async function findApiTokenById(db: Db, id: number): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').select(tokenColumns).where('id', '=', id).executeTakeFirst();
}

/** Revokes a token once; returns it, or undefined when it was revoked already. */
export async function revokeApiToken(db: Db, id: number, at: Date): Promise<ApiTokenRow | undefined> {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(tokenColumns)
    .executeTakeFirst();
}

/** Whether a subject exists (a subject account must act for one). */
export async function subjectExists(db: Db, subjectId: number): Promise<boolean> {
  const row = await db.selectFrom('subjects').select('id').where('id', '=', subjectId).executeTakeFirst();
  return row !== undefined;
}
