import { defineErrors } from '../kernel/errors.js';

/** Errors of objections (异议). A target the caller may not object to reads as not found: it is not revealed. */
export const ObjectionErrors = defineErrors({
  OBJECTION_NOT_FOUND: { status: 404, zh: '没有编号为 {id} 的异议', en: 'No objection {id}' },
  OBJECTION_EVIDENCE_NOT_FOUND: { status: 404, zh: '异议 {id} 没有编号为 {fileId} 的证明材料', en: 'Objection {id} has no evidence file {fileId}' },
  OBJECTION_TARGET_NOT_FOUND: {
    status: 404,
    zh: '没有可提出异议的{kind} {id}',
    en: 'No {kind} {id} that you may object to',
  },
  OBJECTION_ALREADY_OPEN: { status: 409, zh: '该信息已有处理中的异议（编号 {id}），请等待处理结果', en: 'An objection to this item is already open ({id})' },
  OBJECTION_TRANSITION_INVALID: {
    status: 409,
    zh: '异议 {id} 当前状态为“{status}”，不能{action}',
    en: 'Objection {id} is {status}; cannot {action}',
  },
  OBJECTION_REASON_REQUIRED: { status: 400, zh: '{action}须写明理由', en: 'A reason is required to {action}' },
  OBJECTION_REMEDY_NOT_APPLICABLE: {
    status: 400,
    zh: '处理方式（撤销或更正记录）只适用于认定针对信用记录的异议成立，不适用于{action}或名单条目',
    en: 'A remedy (withdraw or correct) applies only when upholding an objection to a credit record, not to {action} or list entries',
  },
  OBJECTION_EVIDENCE_TYPE: {
    status: 400,
    zh: '证明材料“{name}”不是有效的 PDF、JPEG 或 PNG 文件',
    en: 'Evidence "{name}" is not a valid PDF, JPEG or PNG file',
  },
  OBJECTION_EVIDENCE_TOO_LARGE: { status: 413, zh: '证明材料每个文件不超过 {limit}', en: 'Evidence files are limited to {limit} each' },
  OBJECTION_TOO_MANY_EVIDENCE: { status: 400, zh: '每件异议最多 {max} 个证明材料', en: 'At most {max} evidence files per objection' },
});
