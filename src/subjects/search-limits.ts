/** Limits of 信用查询, shared by the route schema, the search and its tests. */
export const SEARCH_QUERY_MAX_LENGTH = 50;
export const SEARCH_QUERY_MIN_LENGTH = 2;
export const SEARCH_PAGE_SIZE_MAX = 50;
export const SEARCH_PAGE_SIZE_DEFAULT = 20;
export const SEARCH_PAGE_MAX = 50;
/**
 * `total` is exact up to this many matches; beyond it `totalIsLowerBound` is set. Up to it the matches
 * are collected through the inverted index and sorted; beyond it they are dense enough (at least 0.2%
 * of a million subjects) that walking subjects in id order finds a page quickly.
 */
export const SEARCH_TOTAL_CAP = 2000;
/** Subjects bearing exactly the queried name that lead the results (more would be a data problem). */
export const SEARCH_EXACT_LIMIT = 100;
