import { defineErrors } from '../kernel/errors.js';

/**
 * Errors of the access module. Bad credentials have one message on purpose: it must not tell whether
 * the username or the password was wrong.
 */
export const AccessErrors = defineErrors({
  ACCESS_BAD_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCESS_ACCOUNT_DISABLED: {
    status: 403,
    zh: '账号「{username}」已停用，请联系平台管理员',
    en: 'Account "{username}" is disabled; contact the platform administrator',
  },
  ACCESS_DEPARTMENT_DISABLED: {
    status: 403,
    zh: '账号所属部门「{department}」已停用，请联系平台管理员',
    en: 'The account\'s department "{department}" is disabled; contact the platform administrator',
  },
  ACCESS_NOT_A_SESSION: {
    status: 400,
    zh: '当前凭证不是登录会话，无需退出；API 令牌如需停用请吊销',
    en: 'The credential is not a sign-in session; revoke an API token instead of logging out',
  },
  ACCESS_USERNAME_TAKEN: { status: 409, zh: '用户名「{username}」已被使用', en: 'Username "{username}" is already taken' },
  ACCESS_USERNAME_INVALID: {
    status: 400,
    zh: '用户名「{username}」不合法：须为 2–64 位字母、数字、点、下划线或连字符，并以字母或数字开头',
    en: 'Invalid username "{username}": 2–64 letters, digits, dots, underscores or hyphens, starting with a letter or digit',
  },
  ACCESS_WEAK_PASSWORD: { status: 400, zh: '密码强度不足：{reason}', en: 'Password too weak: {reason}' },
  ACCESS_SUBJECT_ACCOUNT_INVALID: {
    status: 400,
    zh: '主体账号须且只能持有 subject 角色、指定所代表的信用主体（subjectId），且不属于任何部门',
    en: 'A subject account holds only the subject role, names its subject (subjectId) and has no department',
  },
  ACCESS_SUBJECT_NOT_FOUND: { status: 400, zh: '没有编号为 {subjectId} 的信用主体', en: 'No subject {subjectId}' },
  ACCESS_ROLE_NEEDS_DEPARTMENT: {
    status: 400,
    zh: '角色「{role}」是部门角色，必须为用户指定所属部门',
    en: 'Role "{role}" is a department role: the user needs a department',
  },
  ACCESS_UNKNOWN_ROLE: { status: 400, zh: '未知角色「{role}」，可选角色：{allowed}', en: 'Unknown role "{role}"; allowed: {allowed}' },
  ACCESS_NO_ROLE: { status: 400, zh: '至少需要指定一个角色', en: 'At least one role is required' },
  ACCESS_CANNOT_LOCK_OUT_SELF: {
    status: 409,
    zh: '不能停用自己的账号或取消自己的平台管理员角色，请由其他管理员操作',
    en: 'You cannot disable your own account or drop your own admin role; ask another administrator',
  },
  ACCESS_BOOTSTRAP_USER_NOT_ADMIN: {
    status: 409,
    zh: '用户「{username}」已存在，但不是启用状态的平台管理员；请在控制台调整其角色，或换一个用户名',
    en: 'User "{username}" exists but is not an active platform administrator; fix its roles or pick another username',
  },
  ACCESS_DEPARTMENT_INACTIVE: {
    status: 409,
    zh: '部门「{department}」已停用，不能为其添加用户或令牌',
    en: 'Department "{department}" is disabled; it cannot get new users or tokens',
  },
  ACCESS_DEPARTMENT_CODE_TAKEN: { status: 409, zh: '部门代码「{code}」已被使用', en: 'Department code "{code}" is already taken' },
  ACCESS_DEPARTMENT_CODE_INVALID: {
    status: 400,
    zh: '部门代码「{code}」不合法：须为 2–32 位大写字母、数字或下划线',
    en: 'Invalid department code "{code}": 2–32 upper-case letters, digits or underscores',
  },
  ACCESS_DEPARTMENT_USCC_INVALID: {
    status: 400,
    zh: '部门统一社会信用代码「{uscc}」不正确：{detail}',
    en: 'Invalid USCC "{uscc}" for the department: {detail}',
  },
  ACCESS_TOKEN_NOT_FOUND: { status: 404, zh: '未找到编号为 {id} 的 API 令牌', en: 'No API token with id {id}' },
  ACCESS_TOKEN_ROLE_NOT_ALLOWED: {
    status: 400,
    zh: 'API 令牌只能授予部门角色（{allowed}），不能授予「{role}」',
    en: 'An API token can only hold department roles ({allowed}), not "{role}"',
  },
});
