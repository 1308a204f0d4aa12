import { defineErrors } from '../kernel/errors.js';

/** Errors of credit repair (信用修复). A target the caller may not apply for reads as not found: it is not revealed. */
export const RepairErrors = defineErrors({
  REPAIR_NOT_FOUND: { status: 404, zh: '没有编号为 {id} 的信用修复申请', en: 'No repair application {id}' },
  REPAIR_MATERIAL_NOT_FOUND: { status: 404, zh: '信用修复申请 {id} 没有编号为 {fileId} 的材料', en: 'Repair application {id} has no material {fileId}' },
  REPAIR_NOT_GRANTED: { status: 409, zh: '信用修复申请 {id} 尚未准予修复，没有修复证书', en: 'Repair application {id} has not been granted; there is no certificate' },
  REPAIR_TARGET_NOT_FOUND: { status: 404, zh: '没有可申请信用修复的{kind} {id}', en: 'No {kind} {id} that you may apply to repair' },
  REPAIR_NOT_YET_ELIGIBLE: {
    status: 409,
    zh: '该信息尚未届满最短公示期（{tier}，{months} 个月），自 {date} 起方可申请信用修复',
    en: 'The minimum publication period ({tier}, {months} months) has not passed; repair may be applied for from {date}',
  },
  REPAIR_NOT_REPAIRABLE: { status: 409, zh: '{name}不适用信用修复：{detail}', en: '{name} cannot be repaired: {detail}' },
  REPAIR_ENTRY_NOT_ACTIVE: { status: 409, zh: '名单条目当前状态为“{status}”，仅对在列的名单条目可申请信用修复', en: 'The list entry is {status}; only entries in force can be repaired' },
  REPAIR_ALREADY_OPEN: { status: 409, zh: '该信息已有处理中的信用修复申请（编号 {id}），请等待处理结果', en: 'A repair application for this item is already open ({id})' },
  REPAIR_TRANSITION_INVALID: { status: 409, zh: '信用修复申请 {id} 当前状态为“{status}”，不能{action}', en: 'Repair application {id} is {status}; cannot {action}' },
  REPAIR_TARGET_CHANGED: { status: 409, zh: '{kind} {id} 已不在公示（或不在列），不能准予修复', en: '{kind} {id} is no longer published or in force; cannot grant the repair' },
  REPAIR_REASON_REQUIRED: { status: 400, zh: '{action}须写明理由', en: 'A reason is required to {action}' },
  REPAIR_MATERIALS_MISSING: { status: 409, zh: '提交前须上传{missing}', en: 'Upload {missing} before submitting' },
  REPAIR_MATERIAL_TYPE: { status: 400, zh: '材料“{name}”不是有效的 PDF、JPEG 或 PNG 文件', en: 'Material "{name}" is not a valid PDF, JPEG or PNG file' },
  REPAIR_MATERIAL_TOO_LARGE: { status: 413, zh: '申请材料每个文件不超过 {limit}', en: 'Material files are limited to {limit} each' },
  REPAIR_TOO_MANY_MATERIALS: { status: 400, zh: '每件信用修复申请最多 {max} 个材料', en: 'At most {max} materials per repair application' },
});
