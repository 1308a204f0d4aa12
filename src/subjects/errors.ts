import { defineErrors } from '../kernel/errors.js';

/** Errors of the subject registry and of 信用查询 (subject search). */
export const SubjectErrors = defineErrors({
  SEARCH_QUERY_INVALID: {
    status: 400,
    zh: '查询词不合法：{reason}',
    en: 'Invalid search query: {reasonEn}',
  },
  SEARCH_QUERY_TOO_SHORT: {
    status: 400,
    zh: '查询词太短：请至少输入两个字（或完整的统一社会信用代码、组织机构代码、注册号）',
    en: 'Search query too short: enter at least two characters (or a complete code)',
  },
  SEARCH_PAGE_INVALID: {
    status: 400,
    zh: '分页参数不合法：{reason}',
    en: 'Invalid paging: {reasonEn}',
  },
});
