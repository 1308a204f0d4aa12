import { defineErrors } from '../kernel/errors.js';

/** Errors of credit commitments (信用承诺). A commitment the caller may not see reads as not found: it is not revealed. */
export const CommitmentErrors = defineErrors({
  COMMITMENT_NOT_FOUND: { status: 404, zh: '没有编号为 {id} 的信用承诺', en: 'No credit commitment {id}' },
  COMMITMENT_TEXT_REQUIRED: { status: 400, zh: '请填写承诺内容（承诺书正文不能为空）', en: 'The text of the commitment is required' },
  COMMITMENT_SUBJECT_FORBIDDEN: {
    status: 403,
    zh: '只能以本主体的名义签署信用承诺；为其他主体登记纸质承诺须由受理部门办理',
    en: 'A subject account signs commitments only for its own subject; paper commitments of others are registered by the accepting department',
  },
  COMMITMENT_SUBJECT_REQUIRED: { status: 400, zh: '请指定作出承诺的信用主体', en: 'Name the subject that made the commitment' },
  COMMITMENT_SUBJECT_NOT_FOUND: { status: 404, zh: '没有编号为 {id} 的信用主体', en: 'No subject {id}' },
  COMMITMENT_DEPARTMENT_REQUIRED: { status: 400, zh: '请选择受理承诺的部门', en: 'Choose the department that accepts the commitment' },
  COMMITMENT_DEPARTMENT_NOT_FOUND: { status: 404, zh: '没有编号为 {id} 的受理部门', en: 'No accepting department {id}' },
  COMMITMENT_DEPARTMENT_FORBIDDEN: { status: 403, zh: '只能登记本部门受理的信用承诺', en: 'Register only commitments your own department accepts' },
  COMMITMENT_MATTER_UNKNOWN: { status: 400, zh: '没有代码为“{code}”的事项（见 /matters）', en: 'No matter "{code}" (see /matters)' },
  COMMITMENT_DUE_INVALID: { status: 400, zh: '履约期限 {due} 不能早于承诺日期 {today}', en: 'The due date {due} is before the signing date {today}' },
  COMMITMENT_REPAIR_NOT_FOUND: { status: 404, zh: '该主体没有编号为 {id} 的信用修复申请', en: 'The subject has no repair application {id}' },
  COMMITMENT_SERIOUS_LIST: {
    status: 409,
    zh: '该主体已被列入{list}（{since}起），不适用告知承诺制和容缺受理，须按一般程序提交全部材料',
    en: 'The subject is on the {list} (since {since}): notify-and-commit and tolerance acceptance do not apply',
  },
  COMMITMENT_TRANSITION_INVALID: { status: 409, zh: '信用承诺 {id} 当前状态为“{status}”，不能{action}', en: 'Commitment {id} is {status}; cannot {action}' },
  COMMITMENT_REASON_REQUIRED: { status: 400, zh: '{action}须写明理由', en: 'A reason is required to {action}' },
  COMMITMENT_FILE_REQUIRED: { status: 409, zh: '纸质承诺须先上传签署的承诺书，才能记录履约情况', en: 'Upload the signed paper before recording fulfilment' },
  COMMITMENT_FILE_NOT_ALLOWED: { status: 409, zh: '信用承诺 {id} 为在线签署，无需上传承诺书', en: 'Commitment {id} was signed online; no file is uploaded' },
  COMMITMENT_FILE_MISSING: { status: 404, zh: '信用承诺 {id} 没有上传的承诺书文件', en: 'Commitment {id} has no uploaded file' },
  COMMITMENT_FILE_TYPE: { status: 400, zh: '文件“{name}”不是有效的 PDF、JPEG 或 PNG 文件', en: 'File "{name}" is not a valid PDF, JPEG or PNG file' },
  COMMITMENT_FILE_TOO_LARGE: { status: 413, zh: '承诺书文件不超过 {limit}', en: 'The signed file is limited to {limit}' },
});
