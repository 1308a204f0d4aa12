/** Limits of 信用查询, shared by the route schema, the search and its tests. */
export const SEARCH_QUERY_MAX_LENGTH = 50;
export const SEARCH_QUERY_MIN_LENGTH = 2;
export const SEARCH_PAGE_SIZE_MAX = 50;
export const SEARCH_PAGE_SIZE_DEFAULT = 20;
export const SEARCH_PAGE_MAX = 50;
/**
 * `total` is exact up to this many matches (or up to the end of the page asked for, when that is
 * further); beyond it `totalIsLowerBound` is set. The search reads no more matching rows than that:
 * reading all of a common substring's tens of thousands of matches to count or sort them measured
 * 70 ms – 2 s on a million subjects.
 */
export const SEARCH_TOTAL_CAP = 200;
/** Subjects bearing exactly the queried name that lead the results (more would be a data problem). */
export const SEARCH_EXACT_LIMIT = 100;
