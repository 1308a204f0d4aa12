import { maskResidentId, normalizeCode, validateCode, validateResidentId, validateUscc, type CodeIssue } from '../codes/index.js';
import { AppError } from '../kernel/errors.js';
import { normalizeName } from '../subjects/index.js';
import { CheckErrors } from './errors.js';
import type { CheckSubjectQuery } from './schemas.js';

/** How a checked subject is looked up: by USCC, another code, a keyed hash of a resident ID, or an exact name. */
export type LookupKind = 'uscc' | 'org-code' | 'reg-no' | 'resident-id' | 'name';

export interface SubjectLookup {
  kind: LookupKind;
  /** The normalised value (resident IDs: their keyed hash, never the number). */
  key: string;
  /** What was asked, as the check log keeps it: personal numbers masked. */
  query: Record<string, string>;
}

const KEYS = ['uscc', 'code', 'name', 'residentId'] as const;

// Issue messages of a resident ID may quote its digits (the birth date): the check answers with the kind only.
const RESIDENT_ID_ISSUES: Record<string, string> = {
  empty: '号码为空',
  'bad-length': '长度应为 18 位',
  'bad-character': '含有不允许的字符',
  'checksum-mismatch': '校验码不符',
  'bad-address-code': '地址码不正确',
  'bad-birth-date': '出生日期不正确',
  'birth-date-in-future': '出生日期晚于今天',
  'birth-date-too-early': '出生日期过早',
};

function errorsOf(issues: readonly CodeIssue[]): CodeIssue[] {
  return issues.filter((issue) => issue.severity === 'error');
}

function residentIdDetail(issues: readonly CodeIssue[]): string {
  return [...new Set(errorsOf(issues).map((issue) => RESIDENT_ID_ISSUES[issue.code] ?? '格式不正确'))].join('；');
}

/**
 * Checks that a subject query gives exactly one well-formed key and turns it into a look-up. `where`
 * names the subject in messages (查询对象, 第 3 个主体); `blindIndex` hashes resident IDs.
 */
export function parseSubjectQuery(
  subject: CheckSubjectQuery | undefined,
  where: string,
  opts: { today: string; blindIndex: (value: string) => string },
): SubjectLookup {
  const given = KEYS.filter((key) => subject?.[key] !== undefined && subject[key].trim() !== '');
  if (given.length !== 1 || !subject) throw new AppError(CheckErrors.CHECK_SUBJECT_KEYS, { where, given: given.length === 0 ? '无' : given.join('、') });
  const key = given[0]!;
  const raw = subject[key]!.trim();

  if (key === 'name') {
    if ([...raw].length < 2 || [...raw].length > 100) throw new AppError(CheckErrors.CHECK_NAME_INVALID, { where });
    return { kind: 'name', key: normalizeName(raw), query: { name: raw } };
  }
  if (key === 'residentId') return residentLookup(raw, where, opts);
  if (key === 'uscc') {
    const result = validateUscc(raw);
    if (!result.valid) throw new AppError(CheckErrors.CHECK_USCC_INVALID, { where, value: raw, detail: errorsOf(result.issues).map((i) => i.message).join('；') });
    return { kind: 'uscc', key: result.normalized, query: { uscc: result.normalized } };
  }
  const result = validateCode(raw, { today: opts.today });
  if (result.kind === 'resident-id') return residentLookup(raw, where, opts);
  if (!result.valid || result.kind === 'unknown') {
    throw new AppError(CheckErrors.CHECK_CODE_INVALID, { where, value: normalizeCode(raw), detail: errorsOf(result.issues).map((i) => i.message).join('；') });
  }
  return { kind: result.kind, key: result.normalized, query: { code: result.normalized } };
}

function residentLookup(raw: string, where: string, opts: { today: string; blindIndex: (value: string) => string }): SubjectLookup {
  const result = validateResidentId(raw, { today: opts.today });
  if (!result.valid) throw new AppError(CheckErrors.CHECK_RESIDENT_ID_INVALID, { where, detail: residentIdDetail(result.issues) || '格式不正确' });
  return { kind: 'resident-id', key: opts.blindIndex(result.normalized), query: { residentId: maskResidentId(result.normalized) } };
}
