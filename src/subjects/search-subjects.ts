import type { AppContext } from '../app/context.js';
import { chinaDate } from '../kernel/calendar.js';
import { normalizeCode, regionNameOf } from '../codes/index.js';
import { AppError } from '../kernel/errors.js';
import { SubjectErrors } from './errors.js';
import { normalizeName } from './normalize-name.js';
import * as repo from './repository.js';
import {
  SEARCH_PAGE_MAX,
  SEARCH_PAGE_SIZE_DEFAULT,
  SEARCH_PAGE_SIZE_MAX,
  SEARCH_QUERY_MAX_LENGTH,
  SEARCH_QUERY_MIN_LENGTH,
  SEARCH_TOTAL_CAP,
} from './search-limits.js';
import { charLength, gramsOf } from './search-text.js';

/** Who is searching: the public never sees natural persons; staff see them with masked numbers. */
export type SearchAudience = 'public' | 'staff';

export interface SearchSubjectsInput {
  q: unknown;
  page?: unknown;
  pageSize?: unknown;
  audience: SearchAudience;
}

export interface SearchItem {
  id: number;
  name: string;
  kind: string;
  uscc: string | null;
  /** The best identifier to show: the USCC, else another code; a person's number only masked. */
  code: string | null;
  regionCode: string | null;
  /** 行政区划 name down to the county where known (福建省福州市鼓楼区). */
  regionName: string | null;
  /** 登记状态 (存续, 吊销, 注销 …) from the newest registration record; null without one (and for persons). */
  status: string | null;
  /** The earlier name the query matched, when it did not match the current one. */
  formerName: string | null;
}

export interface SearchResult {
  total: number;
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
  items: SearchItem[];
}

const CODE_KINDS = ['uscc', 'org-code', 'reg-no', 'tax-no', 'institution-cert', 'social-org-cert'] as const;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const LOOKS_LIKE_CODE = /^(?=.*\d)[0-9A-Z]{8,20}$/;

function invalidQuery(reason: string, reasonEn: string): AppError {
  return new AppError(SubjectErrors.SEARCH_QUERY_INVALID, { reason, reasonEn });
}

function readPaging(value: unknown, fallback: number, max: number, name: string): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,6}$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new AppError(SubjectErrors.SEARCH_PAGE_INVALID, {
      reason: `${name} 应为 1–${max} 的整数`,
      reasonEn: `${name} must be an integer from 1 to ${max}`,
    });
  }
  return n;
}

/** Checks the query text and returns it trimmed; throws the search's coded errors. */
function checkQuery(q: unknown): string {
  if (q === undefined || q === null) throw invalidQuery('请输入查询词（参数 q）', 'the query (q) is missing');
  if (typeof q !== 'string') throw invalidQuery('查询词只能有一个', 'give one query');
  if (CONTROL.test(q)) throw invalidQuery('查询词不能包含控制字符', 'the query contains control characters');
  const trimmed = q.trim();
  if (trimmed === '') throw invalidQuery('请输入查询词，不能只有空格', 'the query is empty');
  if (charLength(q) > SEARCH_QUERY_MAX_LENGTH) {
    throw invalidQuery(`查询词不能超过 ${SEARCH_QUERY_MAX_LENGTH} 个字符`, `the query is longer than ${SEARCH_QUERY_MAX_LENGTH} characters`);
  }
  return trimmed;
}

/**
 * 信用查询: finds subjects by part of their current or an earlier name (two characters or more; width,
 * bracket style and traditional characters do not matter), by the pinyin initials of their name, or by
 * an exact identifier (统一社会信用代码, 组织机构代码, 注册号…; staff also 居民身份证号码). Subjects whose current
 * name is exactly the query come first, then the others by id (registration order). For a common
 * substring only the first matches in storage order are read (see `SEARCH_TOTAL_CAP`). The public finds
 * natural persons only while a list that publishes persons (失信被执行人) has them, with the ID masked. `total` is exact up to the cap; beyond it, `totalIsLowerBound` is set.
 */
export async function searchSubjects(ctx: AppContext, input: SearchSubjectsInput): Promise<SearchResult> {
  const text = checkQuery(input.q);
  const page = readPaging(input.page, 1, SEARCH_PAGE_MAX, 'page');
  const pageSize = readPaging(input.pageSize, SEARCH_PAGE_SIZE_DEFAULT, SEARCH_PAGE_SIZE_MAX, 'pageSize');
  const withPersons = input.audience === 'staff';
  const offset = (page - 1) * pageSize;

  const byCode = await searchByCode(ctx, normalizeCode(text), withPersons);
  if (byCode.length > 0) {
    const ids = byCode.slice(offset, offset + pageSize);
    return { total: byCode.length, totalIsLowerBound: false, page, pageSize, items: await present(ctx, ids, null) };
  }

  const query = normalizeName(text);
  if (charLength(query) < SEARCH_QUERY_MIN_LENGTH) throw new AppError(SubjectErrors.SEARCH_QUERY_TOO_SHORT);
  const grams = gramsOf(query);
  // Two characters: holding the gram is the match. Longer: every gram, then the text itself.
  const today = chinaDate(ctx.clock.now());
  const search = { grams, verify: charLength(query) > 2 ? query : null, withPersons, today };
  // Read at most `want` matches through the inverted index (in storage order, which follows
  // registration order), never all of a common substring's matches.
  const want = Math.max(SEARCH_TOTAL_CAP, offset + pageSize) + 1;
  const matches = await repo.collectMatches(ctx.db, { ...search, cap: want });
  const lowerBound = matches.length >= want;
  if (lowerBound) matches.pop();
  // The exact name first, then by id; with more matches than were read, the exact names are looked up
  // on their own so that they still lead.
  const exact = lowerBound ? await repo.findExactNames(ctx.db, query, withPersons, today) : [];
  matches.sort((a, b) => Number(b.name_norm === query) - Number(a.name_norm === query) || a.subject_id - b.subject_id);
  const ordered = [...new Set([...exact, ...matches.map((m) => m.subject_id)])];
  const ids = ordered.slice(offset, offset + pageSize);
  return { total: lowerBound ? Math.max(ordered.length, want - 1) : ordered.length, totalIsLowerBound: lowerBound, page, pageSize, items: await present(ctx, ids, query) };
}

/** Exact identifier look-up: codes as stored, resident ID numbers (staff only) through their keyed hash. */
async function searchByCode(ctx: AppContext, code: string, withPersons: boolean): Promise<number[]> {
  if (!LOOKS_LIKE_CODE.test(code)) return [];
  const wanted: { kind: string; valueKey: string }[] = CODE_KINDS.map((kind) => ({ kind, valueKey: code }));
  if (withPersons && /^(\d{17}[\dX]|\d{15})$/.test(code)) {
    wanted.push({ kind: 'resident-id', valueKey: ctx.crypto.blindIndex('resident-id', code) });
  }
  return repo.findSubjectsByIdentifiers(ctx.db, wanted, withPersons);
}

async function present(ctx: AppContext, ids: readonly number[], query: string | null): Promise<SearchItem[]> {
  const rows = new Map((await repo.loadSearchItems(ctx.db, ids)).map((row) => [row.id, row]));
  const items: SearchItem[] = [];
  for (const id of ids) {
    const row = rows.get(id);
    if (!row) continue;
    const formerName =
      query !== null && !row.name_norm.includes(query) ? (row.former_names.find((name) => normalizeName(name).includes(query)) ?? null) : null;
    items.push({
      id: row.id,
      name: row.name,
      kind: row.kind,
      uscc: row.uscc,
      code: row.uscc ?? row.other_code,
      regionCode: row.region_code,
      regionName: regionNameOf(row.region_code),
      status: row.status,
      formerName,
    });
  }
  return items;
}
