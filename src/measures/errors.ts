import { defineErrors } from '../kernel/errors.js';

export const MeasureErrors = defineErrors({
  MEASURE_NOT_FOUND: { status: 404, zh: '没有编号为 {id} 的惩戒或激励措施', en: 'No measure {id}' },
  MEASURE_CODE_TAKEN: { status: 409, zh: '措施代码「{code}」已被使用', en: 'Measure code {code} is already taken' },
  MEASURE_LEGAL_BASIS_REQUIRED: {
    status: 400,
    zh: '措施必须写明法律、法规或中央文件依据（国办发〔2020〕49号：无依据不得实施惩戒措施）',
    en: 'A measure must cite at least one legal basis (law, regulation or central document)',
  },
  MEASURE_MATTER_UNKNOWN: { status: 400, zh: '未知事项「{matter}」，请先在事项清单中添加', en: 'Unknown matter {matter}' },
  MEASURE_LIST_TYPE_UNKNOWN: { status: 400, zh: '未知名单类型「{listType}」', en: 'Unknown list type {listType}' },
  MEASURE_DEPARTMENT_UNKNOWN: { status: 400, zh: '未知或已停用的实施部门「{department}」', en: 'Unknown or inactive department {department}' },
  MEASURE_STRENGTH_MISMATCH: {
    status: 400,
    zh: '措施类型「{kind}」不能使用力度「{strength}」：惩戒措施为禁止、限制、加强监管、参考，激励措施为绿色通道、容缺受理、减少检查频次、信用加分',
    en: 'A {kind} measure cannot have strength {strength}',
  },
  MEASURE_LIST_KIND_MISMATCH: {
    status: 400,
    zh: '激励措施只能由红名单触发，惩戒措施不能由红名单触发（名单「{listType}」）',
    en: 'Incentives are triggered by red lists only, punishments never by red lists (list {listType})',
  },
  JOINT_TASK_NOT_FOUND: { status: 404, zh: '没有编号为 {id} 的联合奖惩任务', en: 'No joint task {id}' },
  JOINT_TASK_NOT_OWN_DEPARTMENT: { status: 403, zh: '只有实施部门本部门的人员可以反馈联合奖惩任务 {id}', en: 'Only the implementing department may answer joint task {id}' },
  JOINT_TASK_NOT_PENDING: { status: 409, zh: '联合奖惩任务 {id} 已{status}，不能再次反馈', en: 'Joint task {id} is already {statusEn}; it cannot be answered again' },
  JOINT_TASK_IMPLEMENTATION_REQUIRED: { status: 400, zh: '反馈「已落实」时须说明采取了哪些措施', en: 'An "implemented" answer must say what was done' },
  JOINT_TASK_REASON_REQUIRED: { status: 400, zh: '反馈「不适用」时须说明理由', en: 'A "not applicable" answer must give the reason' },
  WEBHOOK_URL_INVALID: { status: 400, zh: '回调地址「{url}」不合法：须为 http 或 https 地址，且不含用户名密码', en: 'Webhook URL {url} is invalid: use http(s) without credentials' },
  WEBHOOK_DEPARTMENT_UNKNOWN: { status: 400, zh: '没有编号为 {id} 的启用部门', en: 'No active department {id}' },
  WEBHOOK_NOT_FOUND: { status: 404, zh: '没有编号为 {id} 的回调订阅', en: 'No webhook subscription {id}' },
});
