import { Type, type Static } from 'typebox';
import { ROLES } from '../kernel/actor.js';
import {
  DEPARTMENT_CODE_PATTERN,
  DEPARTMENT_KINDS,
  DEPARTMENT_ROLES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  USERNAME_PATTERN,
} from './limits.js';

/** The schemas of the access module, shared by its routes, its operations and the console's forms. */

const Id = Type.Integer({ minimum: 1 });
const Timestamp = Type.String({ format: 'date-time' });

export const RoleSchema = Type.Enum(ROLES, {
  description: 'admin 平台管理员；submitter 报送员；reviewer 审核员；auditor 审计员',
});
export const RolesSchema = Type.Array(RoleSchema, { minItems: 1, uniqueItems: true });
export const TokenRoleSchema = Type.Enum(DEPARTMENT_ROLES, { description: 'API 令牌只能持有部门角色' });

export const DepartmentKindSchema = Type.Enum(DEPARTMENT_KINDS, { description: 'department 部门；credit_centre 信用中心' });
const DepartmentCode = Type.String({ pattern: DEPARTMENT_CODE_PATTERN, description: '部门代码，如 SCJGJ（2–32 位大写字母、数字、下划线）' });
const DepartmentName = Type.String({ minLength: 1, maxLength: 100 });
const Uscc = Type.String({ maxLength: 32, description: '部门的统一社会信用代码' });

export const DepartmentRefSchema = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });
export type DepartmentRef = Static<typeof DepartmentRefSchema>;

export const DepartmentSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  uscc: Type.Union([Type.String(), Type.Null()]),
  kind: DepartmentKindSchema,
  active: Type.Boolean(),
  createdAt: Timestamp,
});
export type DepartmentView = Static<typeof DepartmentSchema>;

export const CreateDepartmentInputSchema = Type.Object(
  { code: DepartmentCode, name: DepartmentName, uscc: Type.Optional(Uscc), kind: DepartmentKindSchema },
  { additionalProperties: false },
);
export type CreateDepartmentInput = Static<typeof CreateDepartmentInputSchema>;

/** A department's code never changes: batches, tokens and file names refer to it. */
export const UpdateDepartmentInputSchema = Type.Object(
  {
    name: Type.Optional(DepartmentName),
    uscc: Type.Optional(Type.Union([Uscc, Type.Null()])),
    kind: Type.Optional(DepartmentKindSchema),
    active: Type.Optional(Type.Boolean({ description: '停用后，该部门的用户和令牌立即失效' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateDepartmentInput = Static<typeof UpdateDepartmentInputSchema>;

const Username = Type.String({ pattern: USERNAME_PATTERN, description: '登录名，不区分大小写' });
const NewPassword = Type.String({
  minLength: PASSWORD_MIN_LENGTH,
  maxLength: PASSWORD_MAX_LENGTH,
  description: `至少 ${PASSWORD_MIN_LENGTH} 个字符`,
});
const DisplayName = Type.String({ minLength: 1, maxLength: 60 });

/** The signed-in user, as the console shows it. */
export const SessionUserSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  department: Type.Union([DepartmentRefSchema, Type.Null()]),
  roles: Type.Array(RoleSchema),
  subjectId: Type.Union([Type.Integer(), Type.Null()], { description: '主体账号所代表的信用主体' }),
});
export type SessionUser = Static<typeof SessionUserSchema>;

export const UserSchema = Type.Object({
  ...SessionUserSchema.properties,
  active: Type.Boolean(),
  createdAt: Timestamp,
});
export type UserView = Static<typeof UserSchema>;

export const CreateUserInputSchema = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    password: NewPassword,
    departmentId: Type.Union([Id, Type.Null()], { description: '部门角色（submitter、reviewer）必须指定部门' }),
    roles: RolesSchema,
    subjectId: Type.Optional(Type.Union([Id, Type.Null()], { description: '主体账号（角色 subject）所代表的信用主体编号' })),
  },
  { additionalProperties: false },
);
export type CreateUserInput = Static<typeof CreateUserInputSchema>;

export const UpdateUserInputSchema = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    departmentId: Type.Optional(Type.Union([Id, Type.Null()])),
    roles: Type.Optional(RolesSchema),
    active: Type.Optional(Type.Boolean({ description: '停用后，该用户的会话立即失效' })),
    password: Type.Optional(
      Type.String({
        minLength: PASSWORD_MIN_LENGTH,
        maxLength: PASSWORD_MAX_LENGTH,
        description: '重置密码；该用户已有的会话随即失效',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserInput = Static<typeof UpdateUserInputSchema>;

export const LoginInputSchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);
export type LoginInput = Static<typeof LoginInputSchema>;

export const LoginResultSchema = Type.Object({
  token: Type.String({ description: '会话令牌，作为 Authorization: Bearer 使用' }),
  expiresAt: Timestamp,
  user: SessionUserSchema,
});
export type LoginResult = Static<typeof LoginResultSchema>;

/** Who the caller is: a signed-in user, or a department's API token (then `username` is null). */
export const ProfileSchema = Type.Object({
  type: Type.Enum(['user', 'token']),
  id: Type.Integer(),
  username: Type.Union([Type.String(), Type.Null()]),
  displayName: Type.String({ description: '用户姓名，或令牌名称' }),
  department: Type.Union([DepartmentRefSchema, Type.Null()]),
  roles: Type.Array(RoleSchema),
  subjectId: Type.Union([Type.Integer(), Type.Null()]),
});
export type Profile = Static<typeof ProfileSchema>;

/** An API token as listed: never its secret, only the prefix that tells it apart. */
export const ApiTokenSchema = Type.Object({
  id: Type.Integer(),
  departmentId: Type.Integer(),
  name: Type.String(),
  prefix: Type.String(),
  roles: Type.Array(RoleSchema),
  createdBy: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Timestamp,
  revokedAt: Type.Union([Timestamp, Type.Null()]),
});
export type ApiTokenView = Static<typeof ApiTokenSchema>;

export const CreateApiTokenInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: '用途，如「业务系统自动报送」' }),
    roles: Type.Array(TokenRoleSchema, { minItems: 1, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type CreateApiTokenInput = Static<typeof CreateApiTokenInputSchema>;

export const CreatedApiTokenSchema = Type.Object({
  id: Type.Integer(),
  token: Type.String({ description: '令牌明文，仅此一次显示，请妥善保存' }),
  prefix: Type.String(),
});
export type CreatedApiToken = Static<typeof CreatedApiTokenSchema>;

export const IdParamsSchema = Type.Object({ id: Id });

export const DepartmentListSchema = Type.Object({ items: Type.Array(DepartmentSchema) });
export const UserListSchema = Type.Object({ items: Type.Array(UserSchema) });
export const ApiTokenListSchema = Type.Object({ items: Type.Array(ApiTokenSchema) });
