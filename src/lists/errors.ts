import { defineErrors } from '../kernel/errors.js';

/**
 * Errors of the lists module. `COURT_SYNC_*` codes either refuse a whole court feed (a malformed file:
 * nothing is stored) or, with status 422, describe one refused row of a feed in the sync's summary
 * (`errors[].code`); the feed's other rows are still applied.
 */
export const ListErrors = defineErrors({
  LIST_TYPE_NOT_FOUND: { status: 404, zh: '没有名单类型 {code}', en: 'No list type {code}' },
  LIST_TYPE_EXISTS: { status: 409, zh: '名单类型代码 {code} 已存在', en: 'List type code {code} already exists' },
  LIST_TYPE_LEGAL_BASIS_REQUIRED: {
    status: 422,
    zh: '名单类型“{name}”没有设列依据，不能启用：名单只能依据法律、法规或党中央、国务院政策文件设立（国办发〔2020〕49号）',
    en: 'List type "{name}" has no legal basis and cannot be activated',
  },
  LIST_TYPE_NOT_ACTIVE: { status: 422, zh: '名单类型“{name}”未启用，不能列入主体', en: 'List type "{name}" is not active' },
  LIST_TYPE_INVALID: { status: 400, zh: '名单类型不合法：{detail}', en: 'Invalid list type: {detail}' },
  LIST_ENTRY_NOT_FOUND: { status: 404, zh: '没有编号为 {id} 的名单条目', en: 'No list entry {id}' },
  LIST_ENTRY_INVALID: { status: 400, zh: '名单条目不合法：{detail}', en: 'Invalid list entry: {detail}' },
  LIST_ENTRY_SUBJECT_INVALID: { status: 400, zh: '列入对象不合法：{detail}', en: 'Invalid subject of a list entry: {detail}' },
  LIST_ENTRY_MINOR: {
    status: 422,
    zh: '{name}未满十八周岁，“{list}”不得列入未成年人',
    en: '{name} is a minor; "{list}" never lists minors',
  },
  LIST_ENTRY_DUPLICATE: {
    status: 409,
    zh: '该主体已因“{sourceKey}”在“{list}”中（条目 {id}）',
    en: 'The subject is already on "{list}" for "{sourceKey}" (entry {id})',
  },
  LIST_ENTRY_TRANSITION_INVALID: {
    status: 409,
    zh: '名单条目 {id} 当前为“{status}”，不能{action}',
    en: 'List entry {id} is {status}; it cannot be {action}',
  },
  LIST_ENTRY_NOTICE_PERIOD_OPEN: {
    status: 409,
    zh: '名单条目 {id} 的异议期至 {until} 届满，届满前不能正式列入',
    en: 'The objection period of list entry {id} runs until {until}',
  },
  LIST_ENTRY_REASON_REQUIRED: { status: 400, zh: '请说明{action}的理由', en: 'A reason is required to {action}' },
  LIST_FILE_INVALID: {
    status: 422,
    zh: '名单文件有 {count} 行不合格，未导入任何条目',
    en: '{count} rows of the list file are invalid; nothing was imported',
  },
  COURT_SYNC_MALFORMED_FILE: {
    status: 400,
    zh: '失信被执行人数据文件格式错误（第 {row} 行）：{detail}。整个文件未导入',
    en: 'Malformed court list file (row {row}): {detail}. Nothing was imported',
  },
  COURT_SYNC_BAD_ENCODING: {
    status: 400,
    zh: '失信被执行人数据文件不是有效的 UTF-8 文本，整个文件未导入',
    en: 'The court list file is not valid UTF-8 text; nothing was imported',
  },
  COURT_SYNC_MISSING_COLUMNS: {
    status: 400,
    zh: 'CSV 表头缺少字段：{columns}',
    en: 'CSV header lacks fields: {columns}',
  },
  COURT_SYNC_EMPTY_FILE: { status: 400, zh: '失信被执行人数据文件中没有数据行', en: 'The court list file has no data rows' },
  COURT_SYNC_EMPTY_SNAPSHOT: {
    status: 400,
    zh: '全量数据中没有一条可用记录，为免误将全部名单撤销，本次同步未执行',
    en: 'The snapshot has no usable row; to avoid revoking the whole list, nothing was synced',
  },
  COURT_SYNC_FILE_CHANGED: {
    status: 409,
    zh: '失信被执行人数据文件在同步过程中发生了变化，本次同步未执行，请重新提交',
    en: 'The court list file changed while it was being synced; nothing was synced, submit it again',
  },
  // Row errors (reported per row in the summary, the rest of the feed is applied).
  COURT_SYNC_MISSING_FIELD: { status: 422, zh: '缺少必填字段「{field}」', en: 'Required field "{field}" is missing' },
  COURT_SYNC_BAD_CARD_NUM: {
    status: 422,
    zh: '证件号码「cardNum」无效：{detail}',
    en: 'Invalid identity number "cardNum": {detail}',
  },
  COURT_SYNC_BAD_DATE: {
    status: 422,
    zh: '字段「{field}」不是有效日期（应为 YYYY-MM-DD、YYYYMMDD 或 YYYY年M月D日）',
    en: 'Field "{field}" is not a valid date (YYYY-MM-DD, YYYYMMDD or the Chinese year-month-day form)',
  },
  COURT_SYNC_BAD_AGE: { status: 422, zh: '年龄「age」应为 0–150 的整数', en: 'Age must be an integer from 0 to 150' },
  COURT_SYNC_MINOR: {
    status: 422,
    zh: '被执行人未满十八周岁（{age} 岁），依法不得纳入失信被执行人名单（法释〔2017〕7号第三条）',
    en: 'The party is a minor ({age}); minors are never listed as dishonest judgment debtors',
  },
  COURT_SYNC_BAD_PARTY_TYPE: {
    status: 422,
    zh: '当事人类型「partyTypeName」无法识别：应为「自然人」或「法人或其他组织」',
    en: 'Unknown party type "partyTypeName": expected a natural person or a legal person or other organisation',
  },
  COURT_SYNC_BAD_OPERATION: {
    status: 422,
    zh: '增量数据的操作「op」应为 upsert 或 revoke',
    en: 'A delta row\'s operation "op" must be upsert or revoke',
  },
  COURT_SYNC_DUPLICATE_CASE: {
    status: 422,
    zh: '案号「{caseCode}」在文件中重复出现，仅采用第一次出现的一行',
    en: 'Case number "{caseCode}" appears more than once; only its first row is used',
  },
});
