import { defineErrors } from '../kernel/errors.js';

/** Errors of the credit check API (应查必查). Personal identifiers are never echoed in a message. */
export const CheckErrors = defineErrors({
  CHECK_PURPOSE_REQUIRED: {
    status: 400,
    zh: '请填写查询用途（purpose）：每次信用核查都要登记用途（查询使用登记）',
    en: 'A check needs its purpose (purpose): every check is logged with why it was made',
  },
  CHECK_OPERATOR_REQUIRED: {
    status: 400,
    zh: '请填写经办人（operator）：每次信用核查都要登记经办人',
    en: 'A check needs its operator (operator): every check is logged with who made it',
  },
  CHECK_MATTER_REQUIRED: { status: 400, zh: '请填写核查事项（matter），例如 tendering（招标投标）', en: 'A check needs its matter (matter), e.g. tendering' },
  CHECK_MATTER_UNKNOWN: {
    status: 400,
    zh: '没有代码为「{matter}」的核查事项；可用事项：{known}',
    en: 'No matter with code "{matter}"; known matters: {known}',
  },
  CHECK_SUBJECT_KEYS: {
    status: 400,
    zh: '{where}须且只能给出 uscc（统一社会信用代码）、code（其他代码）、name（名称）、residentId（居民身份证号码）中的一项，实际给出：{given}',
    en: '{where} must give exactly one of uscc, code, name, residentId; given: {given}',
  },
  CHECK_USCC_INVALID: { status: 400, zh: '{where}的统一社会信用代码「{value}」不正确：{detail}', en: 'The USCC "{value}" of {where} is invalid: {detail}' },
  CHECK_CODE_INVALID: { status: 400, zh: '{where}的代码「{value}」不正确：{detail}', en: 'The code "{value}" of {where} is invalid: {detail}' },
  CHECK_RESIDENT_ID_INVALID: {
    status: 400,
    zh: '{where}的居民身份证号码不正确：{detail}（为保护个人信息，号码不在此回显）',
    en: 'The resident ID number of {where} is invalid: {detail} (not echoed, to protect personal data)',
  },
  CHECK_NAME_INVALID: { status: 400, zh: '{where}的名称须为 2–100 个字符', en: 'The name of {where} must have 2–100 characters' },
  CHECK_BATCH_EMPTY: { status: 400, zh: '批量核查至少需要一个主体（subjects）', en: 'A batch check needs at least one subject (subjects)' },
  CHECK_BATCH_TOO_LARGE: {
    status: 400,
    zh: '一次批量核查最多 {max} 个主体，本次提交了 {count} 个，请分批提交',
    en: 'A batch check takes at most {max} subjects; {count} were sent, split them',
  },
  CHECK_NOT_ALLOWED: {
    status: 403,
    zh: '仅部门用户、部门 API 令牌和信用中心可以进行信用核查',
    en: 'Only departments (users and API tokens) and the credit centre may run credit checks',
  },
  CHECK_NOT_FOUND: { status: 404, zh: '没有编号为 {id} 的核查记录', en: 'No check {id}' },
  CHECK_OUTCOME_NOT_YOURS: {
    status: 403,
    zh: '只有发起核查 {id} 的部门可以登记其处理结果',
    en: 'Only the department that made check {id} may record its outcome',
  },
  CHECK_OUTCOME_REQUIRED: { status: 400, zh: '请填写处理结果（outcome），例如「报名被拦截」', en: 'An outcome is required (outcome), e.g. "registration refused"' },
  CHECK_NOT_SUBJECT_ACCOUNT: {
    status: 403,
    zh: '仅信用主体账号可以查看本主体被核查的记录',
    en: 'Only a subject account may see who checked its subject',
  },
});
