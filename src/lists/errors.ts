import { defineErrors } from '../kernel/errors.js';

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
});
