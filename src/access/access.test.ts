import crypto from 'node:crypto';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { publicActor, systemActor, type Actor } from '../kernel/actor.js';
import {
  canSeeDepartment,
  createApiToken,
  createDepartment,
  createUser,
  ensureAdminUser,
  getProfile,
  listApiTokens,
  listDepartments,
  listUsers,
  login,
  logout,
  resolveActor,
  revokeApiToken,
  SESSION_LIFETIME_MS,
  updateDepartment,
  updateUser,
} from './index.js';
import { sessionHolderQuery, tokenHolderQuery } from './repository.js';
import { buildDepartment, buildUser, signIn } from './test-factories.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.dispose();
});

async function auditActions(entityType: string, entityId: number | string) {
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select(['action', 'actor_type', 'actor_id', 'detail'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute();
  return rows;
}

const sha256 = (value: string) => crypto.createHash('sha256').update(value).digest('hex');

describe('resolveActor', () => {
  it('treats a missing header as the public and refuses malformed or unknown credentials', async () => {
    expect(await resolveActor(ctx, undefined)).toBe(publicActor);
    for (const header of ['', 'Bearer', 'Basic dXNlcjpwYXNz', 'Bearer xyt_short', `Bearer abc_${'a'.repeat(43)}`, `Bearer xyt_${'a'.repeat(43)}`, `Bearer xys_${'a'.repeat(43)}`]) {
      await expect(resolveActor(ctx, header), header).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    }
  });

  it('looks both kinds of secret up through one unique index', async () => {
    // An empty table would make a sequential scan cheapest; forbid it to see which index the query can use.
    const plans = await ctx.db.transaction().execute(async (tx) => {
      await sql`set local enable_seqscan = off`.execute(tx);
      const explain = async (query: CompiledQuery) => {
        const result = await tx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]));
        return result.rows.map((row) => row['QUERY PLAN']).join('\n');
      };
      return {
        token: await explain(tokenHolderQuery(tx, sha256('x')).compile()),
        session: await explain(sessionHolderQuery(tx, sha256('x'), ctx.clock.now()).compile()),
      };
    });
    expect(plans.token).toContain('api_tokens_token_hash_key');
    expect(plans.session).toContain('sessions_pkey');
    expect(plans.token).not.toContain('Seq Scan');
    expect(plans.session).not.toContain('Seq Scan');
  });
});

describe('login, sessions and logout', () => {
  it('signs a user in for eight hours and resolves the session to the user', async () => {
    const department = await buildDepartment(ctx);
    const built = await buildUser(ctx, { username: 'Zhang.San', roles: ['submitter'], departmentId: department.id });
    expect(built.user.username).toBe('zhang.san');

    const result = await login(ctx, { username: 'ZHANG.SAN', password: built.password }, { ip: '10.0.0.8' });
    expect(result.token).toMatch(/^xys_[A-Za-z0-9_-]{43}$/);
    expect(result.expiresAt).toBe(new Date(ctx.clock.now().getTime() + SESSION_LIFETIME_MS).toISOString());
    expect(result.user).toEqual({
      id: built.user.id,
      username: 'zhang.san',
      displayName: built.user.displayName,
      department: { id: department.id, code: department.code, name: department.name },
      roles: ['submitter'],
      subjectId: null,
    });

    const stored = await ctx.db.selectFrom('sessions').selectAll().where('user_id', '=', built.user.id).execute();
    expect(stored.map((row) => row.token_hash)).toEqual([sha256(result.token)]);

    const actor = await resolveActor(ctx, `Bearer ${result.token}`);
    expect(actor).toEqual({ type: 'user', id: String(built.user.id), name: 'zhang.san', departmentId: department.id, roles: ['submitter'], subjectId: null });
    expect(await resolveActor(ctx, `bearer  ${result.token}`)).toEqual(actor);

    const audit = await auditActions('user', built.user.id);
    expect(audit.map((row) => row.action)).toEqual(['access.user.create', 'access.login']);
    expect(audit[1]).toMatchObject({ actor_type: 'user', actor_id: String(built.user.id), detail: { ip: '10.0.0.8' } });
  });

  it('gives the same error for a wrong password and an unknown user, and audits attempts on real accounts', async () => {
    const built = await buildUser(ctx);
    const wrongPassword = await login(ctx, { username: built.user.username, password: 'not-the-password' }).catch((e: unknown) => e);
    const unknownUser = await login(ctx, { username: 'nobody-here', password: built.password }).catch((e: unknown) => e);
    expect(wrongPassword).toMatchObject({ code: 'ACCESS_BAD_CREDENTIALS', status: 401, message: '用户名或密码错误' });
    expect(unknownUser).toMatchObject({ code: 'ACCESS_BAD_CREDENTIALS', status: 401, message: '用户名或密码错误' });

    const audit = await auditActions('user', built.user.id);
    expect(audit.map((row) => row.action)).toEqual(['access.user.create', 'access.login.failed']);
    expect(JSON.stringify(audit)).not.toContain('not-the-password');
  });

  it('expires a session after eight hours on the injected clock', async () => {
    const { token } = await signIn(ctx, await buildUser(ctx));
    ctx.clock.advanceMs(SESSION_LIFETIME_MS - 1);
    await expect(resolveActor(ctx, `Bearer ${token}`)).resolves.toMatchObject({ type: 'user' });
    ctx.clock.advanceMs(1);
    await expect(resolveActor(ctx, `Bearer ${token}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('ends the session on logout and audits it', async () => {
    const built = await buildUser(ctx);
    const { token, actor } = await signIn(ctx, built);
    await logout(ctx, actor, token);
    await expect(resolveActor(ctx, `Bearer ${token}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(logout(ctx, actor, token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(logout(ctx, publicActor, undefined)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await auditActions('user', built.user.id)).map((row) => row.action)).toEqual([
      'access.user.create',
      'access.login',
      'access.logout',
    ]);
  });

  it('refuses disabled users and users of disabled departments, including their open sessions', async () => {
    const department = await buildDepartment(ctx);
    const disabledUser = await buildUser(ctx, { roles: ['reviewer'], departmentId: department.id });
    const { token } = await signIn(ctx, disabledUser);
    await updateUser(ctx, systemActor, disabledUser.user.id, { active: false });
    await expect(resolveActor(ctx, `Bearer ${token}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(login(ctx, { username: disabledUser.user.username, password: disabledUser.password })).rejects.toMatchObject({
      code: 'ACCESS_ACCOUNT_DISABLED',
      status: 403,
    });
    // A wrong password on a disabled account still says only "wrong credentials".
    await expect(login(ctx, { username: disabledUser.user.username, password: 'wrong-password!' })).rejects.toMatchObject({
      code: 'ACCESS_BAD_CREDENTIALS',
    });

    const colleague = await buildUser(ctx, { roles: ['submitter'], departmentId: department.id });
    const session = await signIn(ctx, colleague);
    await updateDepartment(ctx, systemActor, department.id, { active: false });
    await expect(resolveActor(ctx, `Bearer ${session.token}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(login(ctx, { username: colleague.user.username, password: colleague.password })).rejects.toMatchObject({
      code: 'ACCESS_DEPARTMENT_DISABLED',
      message: `账号所属部门「${department.name}」已停用，请联系平台管理员`,
    });
  });

  it('describes the caller with getProfile', async () => {
    const built = await buildUser(ctx, { displayName: '李四' });
    const { actor } = await signIn(ctx, built);
    expect(await getProfile(ctx, actor)).toEqual({ type: 'user', id: built.user.id, username: built.user.username, displayName: '李四', department: null, roles: ['admin'], subjectId: null });
    await expect(getProfile(ctx, publicActor)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('API tokens', () => {
  it('issues a token shown once, stores only its hash, and resolves it to the department', async () => {
    const department = await buildDepartment(ctx);
    const admin = await signIn(ctx, await buildUser(ctx));
    const created = await createApiToken(ctx, admin.actor, department.id, { name: '业务系统报送', roles: ['submitter'] });
    expect(created.token).toMatch(/^xyt_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 8));

    const stored = await ctx.db.selectFrom('api_tokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(sha256(created.token));
    expect(stored.token_prefix).toBe(created.prefix);
    expect(stored.created_by).toBe(Number(admin.actor.id));

    const actor = await resolveActor(ctx, `Bearer ${created.token}`);
    expect(actor).toEqual({ type: 'token', id: String(created.id), name: '业务系统报送', departmentId: department.id, roles: ['submitter'] });
    expect(await getProfile(ctx, actor)).toEqual({
      type: 'token',
      id: created.id,
      username: null,
      displayName: '业务系统报送',
      department: { id: department.id, code: department.code, name: department.name },
      roles: ['submitter'],
      subjectId: null,
    });

    const listed = await listApiTokens(ctx, admin.actor, department.id);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(JSON.stringify(listed)).not.toContain(stored.token_hash);

    const revoked = await revokeApiToken(ctx, admin.actor, created.id);
    expect(revoked.revokedAt).toBe(ctx.clock.now().toISOString());
    await expect(resolveActor(ctx, `Bearer ${created.token}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    // Revoking again changes nothing and writes no second audit row.
    expect(await revokeApiToken(ctx, admin.actor, created.id)).toEqual(revoked);
    const audit = await auditActions('api_token', created.id);
    expect(audit.map((row) => row.action)).toEqual(['access.token.create', 'access.token.revoke']);
    expect(JSON.stringify(audit)).not.toContain(created.token);
    await expect(revokeApiToken(ctx, admin.actor, 999_999)).rejects.toMatchObject({ code: 'ACCESS_TOKEN_NOT_FOUND', status: 404 });
  });

  it('lets a reviewer manage only its own department’s tokens', async () => {
    const a = await buildDepartment(ctx);
    const b = await buildDepartment(ctx);
    const reviewerA = await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: a.id }));
    const submitterA = await signIn(ctx, await buildUser(ctx, { roles: ['submitter'], departmentId: a.id }));

    const own = await createApiToken(ctx, reviewerA.actor, a.id, { name: 'A 系统', roles: ['submitter'] });
    await expect(createApiToken(ctx, reviewerA.actor, b.id, { name: 'B 系统', roles: ['submitter'] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
    });
    await expect(listApiTokens(ctx, reviewerA.actor, b.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createApiToken(ctx, submitterA.actor, a.id, { name: 'x', roles: ['submitter'] })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const tokenB = await createApiToken(ctx, systemActor, b.id, { name: 'B 系统', roles: ['submitter'] });
    await expect(revokeApiToken(ctx, reviewerA.actor, tokenB.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // A token cannot mint or revoke tokens, even one holding the reviewer role.
    const reviewerToken = await createApiToken(ctx, reviewerA.actor, a.id, { name: '审核接口', roles: ['reviewer'] });
    const tokenActor = await resolveActor(ctx, `Bearer ${reviewerToken.token}`);
    await expect(createApiToken(ctx, tokenActor, a.id, { name: 'x', roles: ['submitter'] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '无权执行此操作：API 令牌不能管理令牌，请登录后操作',
    });
    await expect(revokeApiToken(ctx, tokenActor, own.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createApiToken(ctx, publicActor, a.id, { name: 'x', roles: ['submitter'] })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    expect((await revokeApiToken(ctx, reviewerA.actor, own.id)).revokedAt).not.toBeNull();
  });

  it('grants tokens department roles only, for active departments', async () => {
    const department = await buildDepartment(ctx);
    await expect(createApiToken(ctx, systemActor, department.id, { name: 'x', roles: ['admin' as 'submitter'] })).rejects.toMatchObject({
      code: 'ACCESS_TOKEN_ROLE_NOT_ALLOWED',
      message: 'API 令牌只能授予部门角色（submitter、reviewer），不能授予「admin」',
    });
    await expect(createApiToken(ctx, systemActor, 999_999, { name: 'x', roles: ['submitter'] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: '未找到编号为 999999 的部门',
    });
    const created = await createApiToken(ctx, systemActor, department.id, { name: 'x', roles: ['submitter'] });
    await updateDepartment(ctx, systemActor, department.id, { active: false });
    await expect(resolveActor(ctx, `Bearer ${created.token}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(createApiToken(ctx, systemActor, department.id, { name: 'y', roles: ['submitter'] })).rejects.toMatchObject({
      code: 'ACCESS_DEPARTMENT_INACTIVE',
    });
  });
});

describe('departments', () => {
  it('creates, lists and updates departments with audit rows; codes are unique', async () => {
    const admin = await signIn(ctx, await buildUser(ctx));
    const created = await createDepartment(ctx, admin.actor, {
      code: 'FGW',
      name: '发展和改革委员会',
      uscc: '11100000000013127D',
      kind: 'credit_centre',
    });
    expect(created).toMatchObject({ code: 'FGW', uscc: '11100000000013127D', kind: 'credit_centre', active: true });
    await expect(createDepartment(ctx, admin.actor, { code: 'FGW', name: '重复', kind: 'department' })).rejects.toMatchObject({
      code: 'ACCESS_DEPARTMENT_CODE_TAKEN',
      status: 409,
      message: '部门代码「FGW」已被使用',
    });
    await expect(createDepartment(ctx, admin.actor, { code: 'fgw-2', name: 'x', kind: 'department' })).rejects.toMatchObject({
      code: 'ACCESS_DEPARTMENT_CODE_INVALID',
    });
    await expect(createDepartment(ctx, admin.actor, { code: 'BAD_USCC', name: 'x', uscc: '11100000000013127X', kind: 'department' })).rejects.toMatchObject({
      code: 'ACCESS_DEPARTMENT_USCC_INVALID',
      status: 400,
    });

    const updated = await updateDepartment(ctx, admin.actor, created.id, { name: '发展改革委', uscc: null });
    expect(updated).toMatchObject({ id: created.id, code: 'FGW', name: '发展改革委', uscc: null });
    await expect(updateDepartment(ctx, admin.actor, 999_999, { name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const submitter = await signIn(ctx, await buildUser(ctx, { roles: ['submitter'], departmentId: created.id }));
    expect((await listDepartments(ctx, submitter.actor)).map((d) => d.code)).toContain('FGW');
    await expect(listDepartments(ctx, publicActor)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(createDepartment(ctx, submitter.actor, { code: 'NEW', name: 'x', kind: 'department' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateDepartment(ctx, submitter.actor, created.id, { name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const audit = await auditActions('department', created.id);
    expect(audit.map((row) => row.action)).toEqual(['access.department.create', 'access.department.update']);
    expect(audit[1]).toMatchObject({ actor_type: 'user', actor_id: admin.actor.id, detail: { changes: { name: '发展改革委', uscc: null } } });
  });
});

describe('users', () => {
  it('lets only platform admins create, list and update users', async () => {
    const department = await buildDepartment(ctx);
    const submitter = await signIn(ctx, await buildUser(ctx, { roles: ['submitter'], departmentId: department.id }));
    const auditor = await signIn(ctx, await buildUser(ctx, { roles: ['auditor'] }));
    const input = { username: 'wangwu', displayName: '王五', password: 'long-enough-pw', departmentId: null, roles: ['admin' as const] };
    for (const actor of [submitter.actor, auditor.actor]) {
      await expect(createUser(ctx, actor, input)).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403, message: '无权执行此操作：仅平台管理员可管理用户账号' });
      await expect(listUsers(ctx, actor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(updateUser(ctx, actor, 1, { active: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(createUser(ctx, publicActor, input)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('checks usernames, passwords and roles against the department', async () => {
    const admin = await signIn(ctx, await buildUser(ctx));
    const department = await buildDepartment(ctx);
    const base = { username: 'zhaoliu', displayName: '赵六', password: 'long-enough-pw', departmentId: department.id, roles: ['submitter' as const] };

    await expect(createUser(ctx, admin.actor, { ...base, departmentId: null })).rejects.toMatchObject({
      code: 'ACCESS_ROLE_NEEDS_DEPARTMENT',
      status: 400,
      message: '角色「submitter」是部门角色，必须为用户指定所属部门',
    });
    await expect(createUser(ctx, admin.actor, { ...base, password: 'short' })).rejects.toMatchObject({
      code: 'ACCESS_WEAK_PASSWORD',
      message: '密码强度不足：至少需要 10 个字符，当前为 5 个',
    });
    await expect(createUser(ctx, admin.actor, { ...base, username: 'zhaoliu2025', password: 'ZhaoLiu2025' })).rejects.toMatchObject({
      message: '密码强度不足：不能与用户名相同',
    });
    await expect(createUser(ctx, admin.actor, { ...base, password: 'aaaaaaaaaaaa' })).rejects.toMatchObject({
      message: '密码强度不足：至少需要 4 个不同的字符',
    });
    await expect(createUser(ctx, admin.actor, { ...base, username: '-bad name' })).rejects.toMatchObject({ code: 'ACCESS_USERNAME_INVALID' });
    await expect(createUser(ctx, admin.actor, { ...base, roles: ['root' as 'admin'] })).rejects.toMatchObject({ code: 'ACCESS_UNKNOWN_ROLE' });
    await expect(createUser(ctx, admin.actor, { ...base, departmentId: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const created = await createUser(ctx, admin.actor, base);
    expect(created).toMatchObject({ username: 'zhaoliu', roles: ['submitter'], active: true, department: { id: department.id } });
    expect(created).not.toHaveProperty('password');
    expect(created).not.toHaveProperty('passwordHash');
    await expect(createUser(ctx, admin.actor, { ...base, username: 'ZhaoLiu' })).rejects.toMatchObject({
      code: 'ACCESS_USERNAME_TAKEN',
      status: 409,
      message: '用户名「zhaoliu」已被使用',
    });

    const platformAuditor = await createUser(ctx, admin.actor, { ...base, username: 'auditor1', departmentId: null, roles: ['auditor'] });
    expect(platformAuditor.department).toBeNull();
    await expect(updateUser(ctx, admin.actor, platformAuditor.id, { roles: ['auditor', 'reviewer'] })).rejects.toMatchObject({
      code: 'ACCESS_ROLE_NEEDS_DEPARTMENT',
    });

    const stored = await ctx.db.selectFrom('users').select('password_hash').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    const listed = await listUsers(ctx, admin.actor);
    expect(JSON.stringify(listed)).not.toContain('$argon2');
    expect(listed.map((u) => u.username)).toContain('zhaoliu');
  });

  it('resets passwords, ends sessions, and keeps admins from locking themselves out', async () => {
    const adminBuilt = await buildUser(ctx);
    const admin = await signIn(ctx, adminBuilt);
    const department = await buildDepartment(ctx);
    const target = await buildUser(ctx, { roles: ['submitter'], departmentId: department.id });
    const { token } = await signIn(ctx, target);

    const updated = await updateUser(ctx, admin.actor, target.user.id, { password: 'a-brand-new-pw', roles: ['submitter', 'reviewer'] });
    expect(updated.roles).toEqual(['submitter', 'reviewer']);
    await expect(resolveActor(ctx, `Bearer ${token}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(login(ctx, { username: target.user.username, password: target.password })).rejects.toMatchObject({ code: 'ACCESS_BAD_CREDENTIALS' });
    await expect(login(ctx, { username: target.user.username, password: 'a-brand-new-pw' })).resolves.toMatchObject({ user: { roles: ['submitter', 'reviewer'] } });

    const audit = await auditActions('user', target.user.id);
    const update = audit.find((row) => row.action === 'access.user.update');
    expect(update?.detail).toEqual({ username: target.user.username, roles: ['submitter', 'reviewer'], passwordReset: true });
    expect(JSON.stringify(audit)).not.toContain('a-brand-new-pw');

    await expect(updateUser(ctx, admin.actor, adminBuilt.user.id, { active: false })).rejects.toMatchObject({ code: 'ACCESS_CANNOT_LOCK_OUT_SELF', status: 409 });
    await expect(updateUser(ctx, admin.actor, adminBuilt.user.id, { roles: ['auditor'] })).rejects.toMatchObject({ code: 'ACCESS_CANNOT_LOCK_OUT_SELF' });
    await expect(updateUser(ctx, admin.actor, 999_999, { active: false })).rejects.toMatchObject({ code: 'NOT_FOUND', message: '未找到编号为 999999 的用户' });
  });
});

describe('ensureAdminUser', () => {
  it('creates the bootstrap admin once and never resets its password', async () => {
    const first = await ensureAdminUser(ctx, { username: 'root-admin', password: 'first-password' });
    expect(first).toMatchObject({ created: true, user: { username: 'root-admin', roles: ['admin'], department: null } });
    const second = await ensureAdminUser(ctx, { username: 'Root-Admin', password: 'other-password' });
    expect(second).toEqual({ created: false, user: first.user });
    await expect(login(ctx, { username: 'root-admin', password: 'first-password' })).resolves.toMatchObject({ user: { id: first.user.id } });

    const audit = await auditActions('user', first.user.id);
    expect(audit.filter((row) => row.action === 'access.user.create')).toEqual([
      expect.objectContaining({ actor_type: 'system' }),
    ]);

    const department = await buildDepartment(ctx);
    await buildUser(ctx, { username: 'clerk', roles: ['submitter'], departmentId: department.id });
    await expect(ensureAdminUser(ctx, { username: 'clerk', password: 'whatever-pw' })).rejects.toMatchObject({
      code: 'ACCESS_BOOTSTRAP_USER_NOT_ADMIN',
    });
  });
});

describe('canSeeDepartment', () => {
  const actor = (roles: Actor['roles'], departmentId: number | null): Actor => ({ type: 'user', id: '1', name: 'u', departmentId, roles });
  it('lets admins and auditors see every department and others only their own', () => {
    expect(canSeeDepartment(actor(['admin'], null), 7)).toBe(true);
    expect(canSeeDepartment(actor(['auditor'], null), 7)).toBe(true);
    expect(canSeeDepartment(actor(['submitter'], 7), 7)).toBe(true);
    expect(canSeeDepartment(actor(['reviewer'], 7), 8)).toBe(false);
    expect(canSeeDepartment(actor(['submitter'], null), null)).toBe(false);
    expect(canSeeDepartment(publicActor, 7)).toBe(false);
    expect(canSeeDepartment(systemActor, 7)).toBe(true);
  });
});

describe('subject accounts', () => {
  it('act for one subject, hold only the subject role, and carry it in their sessions', async () => {
    const ctx = await createTestContext();
    try {
      const subject = await ctx.db
        .insertInto('subjects')
        .values({ kind: 'enterprise', name: '福州主体账号测试有限公司', name_norm: '福州主体账号测试有限公司', created_at: new Date(), updated_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const subjectId = Number(subject.id);
      const built = await buildUser(ctx, { roles: ['subject'], subjectId });
      expect(built.user.subjectId).toBe(subjectId);
      const { actor } = await signIn(ctx, built);
      expect(actor).toMatchObject({ type: 'user', roles: ['subject'], subjectId, departmentId: null });

      await expect(buildUser(ctx, { roles: ['subject'] })).rejects.toMatchObject({ code: 'ACCESS_SUBJECT_ACCOUNT_INVALID' });
      await expect(buildUser(ctx, { roles: ['subject', 'admin'], subjectId })).rejects.toMatchObject({ code: 'ACCESS_SUBJECT_ACCOUNT_INVALID' });
      await expect(buildUser(ctx, { roles: ['admin'], subjectId })).rejects.toMatchObject({ code: 'ACCESS_SUBJECT_ACCOUNT_INVALID' });
      await expect(buildUser(ctx, { roles: ['subject'], subjectId: 987654 })).rejects.toMatchObject({ code: 'ACCESS_SUBJECT_NOT_FOUND' });
    } finally {
      await ctx.dispose();
    }
  });
});
