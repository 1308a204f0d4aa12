import { defineErrors } from '../kernel/errors.js';

/**
 * Errors of complaints (投诉举报). An unknown tracking number and a wrong query code answer the same
 * COMPLAINT_NOT_FOUND, so tracking numbers cannot be enumerated.
 */
export const ComplaintErrors = defineErrors({
  COMPLAINT_NOT_FOUND: { status: 404, zh: '没有编号为 {id} 的投诉举报，或查询码不正确', en: 'No complaint {id}, or the query code is wrong' },
  COMPLAINT_EVIDENCE_NOT_FOUND: { status: 404, zh: '投诉举报 {id} 没有编号为 {fileId} 的证据材料', en: 'Complaint {id} has no evidence file {fileId}' },
  COMPLAINT_SUBJECT_NOT_FOUND: { status: 400, zh: '没有编号为 {id} 的信用主体', en: 'No subject {id}' },
  COMPLAINT_ID_NUMBER_INVALID: { status: 400, zh: '投诉人身份证号码不正确', en: 'The complainant\'s ID number is not valid' },
  COMPLAINT_DEPARTMENT_NOT_FOUND: { status: 400, zh: '没有编号为 {id} 的承办部门', en: 'No department {id}' },
  COMPLAINT_DEPARTMENT_REQUIRED: { status: 400, zh: '交办须指定承办部门（departmentId）', en: 'Assigning needs a departmentId' },
  COMPLAINT_OUTCOME_REQUIRED: { status: 400, zh: '办结须写明核查结论（outcome）和处理结果（result）', en: 'Concluding needs an outcome and a result' },
  COMPLAINT_REASON_REQUIRED: { status: 400, zh: '{action}须写明理由', en: 'A reason is required to {action}' },
  COMPLAINT_TRANSITION_INVALID: {
    status: 409,
    zh: '投诉举报 {id} 当前状态为“{status}”，不能{action}',
    en: 'Complaint {id} is {status}; cannot {action}',
  },
  COMPLAINT_EVIDENCE_TYPE: {
    status: 400,
    zh: '证据材料“{name}”不是有效的 PDF、JPEG 或 PNG 文件',
    en: 'Evidence "{name}" is not a valid PDF, JPEG or PNG file',
  },
  COMPLAINT_EVIDENCE_TOO_LARGE: { status: 413, zh: '证据材料每个文件不超过 {limit}', en: 'Evidence files are limited to {limit} each' },
  COMPLAINT_TOO_MANY_EVIDENCE: { status: 400, zh: '每件投诉举报最多 {max} 个证据材料', en: 'At most {max} evidence files per complaint' },
});
