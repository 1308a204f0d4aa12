import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { registerErrorHandler } from '../http/errors-plugin.js';
import type { HttpApp } from '../http/types.js';
import { publicActor } from '../kernel/actor.js';
import { registerAccessRoutes, resolveActor } from './index.js';
import { buildDepartment, buildUser, type BuiltUser } from './test-factories.js';

// The access routes on a server set up like build-server.ts (error mapping, actor hook, rate limits,
// OpenAPI), without the other modules' routes.
async function buildAccessServer(ctx: TestContext): Promise<HttpApp> {
  const app = Fastify({
    logger: false,
    ajv: { customOptions: { allErrors: false, removeAdditional: false, coerceTypes: 'array' } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  registerErrorHandler(app);
  app.decorateRequest('actor', { getter: () => publicActor, setter: () => {} });
  app.addHook('onRequest', async (request) => {
    const actor = await resolveActor(ctx, request.headers.authorization);
    Object.defineProperty(request, 'actor', { value: actor, writable: false, configurable: true });
  });
  await app.register(rateLimit, { max: 600, timeWindow: '1 minute', allowList: (request) => request.actor.type !== 'public' });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'test', version: '1' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(async (api) => registerAccessRoutes(api, ctx), { prefix: '/api/v1' });
  await app.ready();
  return app;
}

let ctx: TestContext;
let app: HttpApp;
// Every response body of this file, to check that no password or hash ever left the server.
const bodies: string[] = [];
const passwords: string[] = [];

interface Call {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  token?: string;
  body?: unknown;
  ip?: string;
}

async function call({ method, url, token, body, ip }: Call): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await app.inject({
    method,
    url: `/api/v1${url}`,
    ...(ip === undefined ? {} : { remoteAddress: ip }),
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
  bodies.push(response.body);
  return { status: response.statusCode, json: response.body === '' ? {} : (response.json() as Record<string, unknown>) };
}

async function signIn(built: BuiltUser): Promise<string> {
  passwords.push(built.password);
  const { status, json } = await call({ method: 'POST', url: '/auth/login', body: { username: built.user.username, password: built.password } });
  expect(status).toBe(200);
  return json.token as string;
}

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildAccessServer(ctx);
});
afterAll(async () => {
  for (const body of bodies) {
    expect(body).not.toMatch(/\$argon2|password_?hash|token_?hash/i);
    for (const password of passwords) expect(body).not.toContain(password);
  }
  await app.close();
  await ctx.dispose();
});

describe('auth routes', () => {
  it('logs in, tells who is signed in, and logs out', async () => {
    const department = await buildDepartment(ctx);
    const built = await buildUser(ctx, { displayName: '张三', roles: ['submitter'], departmentId: department.id });
    passwords.push(built.password);

    const login = await call({ method: 'POST', url: '/auth/login', body: { username: built.user.username, password: built.password } });
    expect(login.status).toBe(200);
    expect(Object.keys(login.json).sort()).toEqual(['expiresAt', 'token', 'user']);
    expect(login.json.user).toEqual({
      id: built.user.id,
      username: built.user.username,
      displayName: '张三',
      department: { id: department.id, code: department.code, name: department.name },
      roles: ['submitter'],
      subjectId: null,
    });
    const token = login.json.token as string;

    const me = await call({ method: 'GET', url: '/auth/me', token });
    expect(me).toEqual({ status: 200, json: { type: 'user', ...(login.json.user as object) } });

    expect((await call({ method: 'POST', url: '/auth/logout', token })).status).toBe(204);
    const after = await call({ method: 'GET', url: '/auth/me', token });
    expect(after).toEqual({ status: 401, json: { code: 'UNAUTHENTICATED', message: '未登录或凭证无效', messageEn: 'Not signed in or invalid credentials' } });
    expect((await call({ method: 'GET', url: '/auth/me' })).status).toBe(401);
  });

  it('answers wrong credentials with one generic 401', async () => {
    const built = await buildUser(ctx);
    passwords.push(built.password);
    const wrongPassword = await call({ method: 'POST', url: '/auth/login', body: { username: built.user.username, password: 'wrong-password' } });
    const unknownUser = await call({ method: 'POST', url: '/auth/login', body: { username: 'no-such-user', password: built.password } });
    const expected = { status: 401, json: { code: 'ACCESS_BAD_CREDENTIALS', message: '用户名或密码错误', messageEn: 'Wrong username or password' } };
    expect(wrongPassword).toEqual(expected);
    expect(unknownUser).toEqual(expected);
  });

  it('expires sessions after eight hours', async () => {
    const token = await signIn(await buildUser(ctx));
    expect((await call({ method: 'GET', url: '/auth/me', token })).status).toBe(200);
    ctx.clock.advanceMs(8 * 3600 * 1000);
    expect((await call({ method: 'GET', url: '/auth/me', token })).json).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a malformed Authorization header', async () => {
    expect(await call({ method: 'GET', url: '/departments', token: 'not-a-token' })).toMatchObject({ status: 401, json: { code: 'UNAUTHENTICATED' } });
  });

  it('throttles login attempts to ten a minute per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      statuses.push((await call({ method: 'POST', url: '/auth/login', ip: '192.0.2.77', body: { username: 'guess', password: `guess-${i}` } })).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });
});

describe('department and user routes', () => {
  it('lets admins manage departments and users, and refuses others', async () => {
    const adminToken = await signIn(await buildUser(ctx));
    const created = await call({ method: 'POST', url: '/departments', token: adminToken, body: { code: 'SCJGJ', name: '市场监督管理局', kind: 'department' } });
    expect(created).toMatchObject({ status: 201, json: { code: 'SCJGJ', name: '市场监督管理局', uscc: null, kind: 'department', active: true } });
    const departmentId = created.json.id as number;
    expect(await call({ method: 'POST', url: '/departments', token: adminToken, body: { code: 'SCJGJ', name: '重复', kind: 'department' } })).toMatchObject({
      status: 409,
      json: { code: 'ACCESS_DEPARTMENT_CODE_TAKEN', message: '部门代码「SCJGJ」已被使用' },
    });
    expect(await call({ method: 'PATCH', url: `/departments/${departmentId}`, token: adminToken, body: { name: '市场监管局' } })).toMatchObject({
      status: 200,
      json: { id: departmentId, name: '市场监管局' },
    });
    expect((await call({ method: 'PATCH', url: `/departments/${departmentId}`, token: adminToken, body: { code: 'OTHER' } })).status).toBe(400);

    const userBody = { username: 'clerk1', displayName: '报送员', password: 'clerk-password-1', departmentId, roles: ['submitter'] };
    passwords.push(userBody.password);
    const user = await call({ method: 'POST', url: '/users', token: adminToken, body: userBody });
    expect(user).toMatchObject({ status: 201, json: { username: 'clerk1', roles: ['submitter'], department: { id: departmentId, code: 'SCJGJ' } } });
    expect(await call({ method: 'POST', url: '/users', token: adminToken, body: userBody })).toMatchObject({
      status: 409,
      json: { code: 'ACCESS_USERNAME_TAKEN', message: '用户名「clerk1」已被使用' },
    });
    expect(await call({ method: 'POST', url: '/users', token: adminToken, body: { ...userBody, username: 'clerk2', departmentId: null } })).toMatchObject({
      status: 400,
      json: { code: 'ACCESS_ROLE_NEEDS_DEPARTMENT' },
    });
    expect(await call({ method: 'POST', url: '/users', token: adminToken, body: { ...userBody, username: 'clerk2', password: 'short' } })).toMatchObject({
      status: 400,
      json: { code: 'VALIDATION_FAILED' },
    });

    const submitterToken = await signIn({ user: user.json as never, password: userBody.password });
    expect(await call({ method: 'POST', url: '/users', token: submitterToken, body: { ...userBody, username: 'sneaky' } })).toEqual({
      status: 403,
      json: { code: 'FORBIDDEN', message: '无权执行此操作：仅平台管理员可管理用户账号', messageEn: 'Not allowed: 仅平台管理员可管理用户账号' },
    });
    expect((await call({ method: 'GET', url: '/users', token: submitterToken })).status).toBe(403);
    expect((await call({ method: 'POST', url: '/departments', token: submitterToken, body: { code: 'X1', name: 'x', kind: 'department' } })).status).toBe(403);
    const departments = await call({ method: 'GET', url: '/departments', token: submitterToken });
    expect(departments.status).toBe(200);
    expect((departments.json.items as { code: string }[]).map((d) => d.code)).toContain('SCJGJ');
    expect((await call({ method: 'GET', url: '/departments' })).status).toBe(401);

    const patched = await call({ method: 'PATCH', url: `/users/${user.json.id as number}`, token: adminToken, body: { active: false } });
    expect(patched).toMatchObject({ status: 200, json: { active: false } });
    expect((await call({ method: 'GET', url: '/auth/me', token: submitterToken })).status).toBe(401);

    const users = await call({ method: 'GET', url: '/users', token: adminToken });
    expect((users.json.items as { username: string }[]).map((u) => u.username)).toContain('clerk1');

    const audit = await ctx.db.selectFrom('audit_log').select('action').where('actor_type', '=', 'user').execute();
    const actions = new Set(audit.map((row) => row.action));
    for (const action of ['access.login', 'access.department.create', 'access.department.update', 'access.user.create', 'access.user.update']) {
      expect(actions).toContain(action);
    }
  });
});

describe('API token routes', () => {
  it('issues, lists, uses and revokes department tokens', async () => {
    const a = await buildDepartment(ctx);
    const b = await buildDepartment(ctx);
    const reviewerToken = await signIn(await buildUser(ctx, { roles: ['reviewer'], departmentId: a.id }));

    expect(await call({ method: 'POST', url: `/departments/${b.id}/tokens`, token: reviewerToken, body: { name: 'B', roles: ['submitter'] } })).toMatchObject({
      status: 403,
      json: { code: 'FORBIDDEN', message: '无权执行此操作：仅平台管理员或本部门的审核员可管理本部门的 API 令牌' },
    });
    expect((await call({ method: 'POST', url: `/departments/${a.id}/tokens`, token: reviewerToken, body: { name: 'A', roles: ['admin'] } })).status).toBe(400);

    const created = await call({ method: 'POST', url: `/departments/${a.id}/tokens`, token: reviewerToken, body: { name: '报送接口', roles: ['submitter'] } });
    expect(created.status).toBe(201);
    expect(Object.keys(created.json).sort()).toEqual(['id', 'prefix', 'token']);
    const secret = created.json.token as string;

    const listBody = await call({ method: 'GET', url: `/departments/${a.id}/tokens`, token: reviewerToken });
    expect(listBody.status).toBe(200);
    expect(listBody.json.items).toEqual([
      expect.objectContaining({ id: created.json.id, name: '报送接口', prefix: created.json.prefix, roles: ['submitter'], revokedAt: null }),
    ]);
    expect(JSON.stringify(listBody.json)).not.toContain(secret);

    expect(await call({ method: 'GET', url: '/auth/me', token: secret })).toMatchObject({
      status: 200,
      json: { type: 'token', id: created.json.id, username: null, displayName: '报送接口', department: { id: a.id }, roles: ['submitter'] },
    });
    expect((await call({ method: 'POST', url: `/departments/${a.id}/tokens`, token: secret, body: { name: 'x', roles: ['submitter'] } })).status).toBe(403);

    const revoked = await call({ method: 'DELETE', url: `/tokens/${created.json.id as number}`, token: reviewerToken });
    expect(revoked).toMatchObject({ status: 200, json: { id: created.json.id, revokedAt: ctx.clock.now().toISOString() } });
    expect(await call({ method: 'GET', url: '/auth/me', token: secret })).toMatchObject({ status: 401, json: { code: 'UNAUTHENTICATED' } });
    expect(await call({ method: 'DELETE', url: '/tokens/999999', token: reviewerToken })).toMatchObject({
      status: 404,
      json: { code: 'ACCESS_TOKEN_NOT_FOUND', message: '未找到编号为 999999 的 API 令牌' },
    });
  });
});

describe('OpenAPI', () => {
  it('documents every access route with a Chinese summary and tag', () => {
    const document = app.swagger() as { paths: Record<string, Record<string, { summary?: string; tags?: string[] }>> };
    const expected = [
      ['post', '/api/v1/auth/login'],
      ['post', '/api/v1/auth/logout'],
      ['get', '/api/v1/auth/me'],
      ['get', '/api/v1/departments'],
      ['post', '/api/v1/departments'],
      ['patch', '/api/v1/departments/{id}'],
      ['get', '/api/v1/users'],
      ['post', '/api/v1/users'],
      ['patch', '/api/v1/users/{id}'],
      ['post', '/api/v1/departments/{id}/tokens'],
      ['get', '/api/v1/departments/{id}/tokens'],
      ['delete', '/api/v1/tokens/{id}'],
    ] as const;
    for (const [method, path] of expected) {
      const operation = document.paths[path]?.[method];
      expect(operation?.summary, `${method} ${path}`).toMatch(/[\u4e00-\u9fff]/);
      expect(operation?.tags?.length, `${method} ${path}`).toBe(1);
    }
  });
});
