import { defineErrors } from '../kernel/errors.js';

export const RecordErrors = defineErrors({
  RECORD_NOT_FOUND: { status: 404, zh: '没有编号为 {id} 的信用记录', en: 'No credit record {id}' },
  SUBJECT_NOT_FOUND: { status: 404, zh: '没有编号为 {id} 的公开信用主体', en: 'No public subject {id}' },
  RECORD_QUERY_INVALID: { status: 400, zh: '查询条件不合法：{detail}', en: 'Invalid query: {detail}' },
});
