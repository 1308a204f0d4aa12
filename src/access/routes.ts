import type {} from '@fastify/rate-limit';
import { Type } from 'typebox';
import type { AppContext } from '../app/context.js';
import type { HttpApp } from '../http/types.js';
import { createApiToken } from './create-api-token.js';
import { createDepartment } from './create-department.js';
import { createUser } from './create-user.js';
import { getProfile } from './get-profile.js';
import { listApiTokens } from './list-api-tokens.js';
import { listDepartments } from './list-departments.js';
import { listUsers } from './list-users.js';
import { login } from './login.js';
import { logout } from './logout.js';
import { parseBearer } from './resolve-actor.js';
import { revokeApiToken } from './revoke-api-token.js';
import {
  ApiTokenListSchema,
  ApiTokenSchema,
  CreateApiTokenInputSchema,
  CreateDepartmentInputSchema,
  CreatedApiTokenSchema,
  CreateUserInputSchema,
  DepartmentListSchema,
  DepartmentSchema,
  IdParamsSchema,
  LoginInputSchema,
  LoginResultSchema,
  ProfileSchema,
  UpdateDepartmentInputSchema,
  UpdateUserInputSchema,
  UserListSchema,
  UserSchema,
} from './schemas.js';
import { updateDepartment } from './update-department.js';
import { updateUser } from './update-user.js';

const bearer = [{ bearer: [] }];
const NoContent = Type.Null({ description: '无内容' });

/** Sign-in, departments, users and API tokens. The caller mounts them under /api/v1. */
export function registerAccessRoutes(app: HttpApp, ctx: AppContext): void {
  app.post(
    '/auth/login',
    {
      // Password guessing is throttled far below the general limit.
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['认证'],
        summary: '用户名密码登录',
        description: '成功后返回会话令牌（有效期 8 小时）；用户名或密码错误时统一返回 ACCESS_BAD_CREDENTIALS。',
        body: LoginInputSchema,
        response: { 200: LoginResultSchema },
      },
    },
    async (request) => login(ctx, request.body, { ip: request.ip }),
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['认证'], summary: '退出登录，注销当前会话', security: bearer, response: { 204: NoContent } } },
    async (request, reply) => {
      await logout(ctx, request.actor, parseBearer(request.headers.authorization));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['认证'], summary: '当前用户或 API 令牌的身份', security: bearer, response: { 200: ProfileSchema } } },
    async (request) => getProfile(ctx, request.actor),
  );

  app.get(
    '/departments',
    { schema: { tags: ['部门'], summary: '部门列表', security: bearer, response: { 200: DepartmentListSchema } } },
    async (request) => ({ items: await listDepartments(ctx, request.actor) }),
  );

  app.post(
    '/departments',
    {
      schema: {
        tags: ['部门'],
        summary: '新增部门（平台管理员）',
        security: bearer,
        body: CreateDepartmentInputSchema,
        response: { 201: DepartmentSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createDepartment(ctx, request.actor, request.body)),
  );

  app.patch(
    '/departments/:id',
    {
      schema: {
        tags: ['部门'],
        summary: '修改部门名称、类型、统一社会信用代码或启停状态（平台管理员）',
        security: bearer,
        params: IdParamsSchema,
        body: UpdateDepartmentInputSchema,
        response: { 200: DepartmentSchema },
      },
    },
    async (request) => updateDepartment(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/users',
    { schema: { tags: ['用户'], summary: '用户列表（平台管理员）', security: bearer, response: { 200: UserListSchema } } },
    async (request) => ({ items: await listUsers(ctx, request.actor) }),
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['用户'],
        summary: '新增用户（平台管理员）',
        security: bearer,
        body: CreateUserInputSchema,
        response: { 201: UserSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createUser(ctx, request.actor, request.body)),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['用户'],
        summary: '修改用户的姓名、部门、角色、启停状态或重置密码（平台管理员）',
        security: bearer,
        params: IdParamsSchema,
        body: UpdateUserInputSchema,
        response: { 200: UserSchema },
      },
    },
    async (request) => updateUser(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/departments/:id/tokens',
    {
      schema: {
        tags: ['API 令牌'],
        summary: '为部门签发 API 令牌（令牌明文仅返回一次）',
        security: bearer,
        params: IdParamsSchema,
        body: CreateApiTokenInputSchema,
        response: { 201: CreatedApiTokenSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createApiToken(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/departments/:id/tokens',
    {
      schema: {
        tags: ['API 令牌'],
        summary: '部门的 API 令牌列表（不含令牌明文）',
        security: bearer,
        params: IdParamsSchema,
        response: { 200: ApiTokenListSchema },
      },
    },
    async (request) => ({ items: await listApiTokens(ctx, request.actor, request.params.id) }),
  );

  app.delete(
    '/tokens/:id',
    {
      schema: {
        tags: ['API 令牌'],
        summary: '吊销 API 令牌',
        security: bearer,
        params: IdParamsSchema,
        response: { 200: ApiTokenSchema },
      },
    },
    async (request) => revokeApiToken(ctx, request.actor, request.params.id),
  );
}
