import { isCalendarDate, resolveToday } from './calendar-date.js';
import { error, EXPECTED_LENGTHS } from './issues.js';
import { normalizeCode } from './normalize-code.js';
import { computeOrgCodeCheckChar } from './org-code.js';
import { checkAuthorityRegion } from './region.js';
import { computeResidentIdCheckChar, PROVINCE_CODES } from './resident-id.js';
import { computeUsccCheckChar, USCC_PLACEHOLDER } from './uscc.js';
import { USCC_AUTHORITIES } from './uscc-authorities.js';
import type { CodeValidation, ValidateOptions } from './types.js';
import { validateOrgCode } from './validate-org-code.js';
import { validateRegNo } from './validate-reg-no.js';
import { validateResidentId } from './validate-resident-id.js';
import { validateUscc } from './validate-uscc.js';

// How much of each reading of an all-digit 18-character code holds. A mistyped code keeps most of its
// structure but loses its check, while a random string passes a check 1 time in 11 (ID) or 31 (USCC);
// the points are set so that a single wrong digit seldom turns one kind into the other (measured on
// generated codes: every valid code is read right; about 2 % of codes with one wrong digit are not).
function residentIdScore(code: string): number {
  const year = Number(code.slice(6, 10));
  const month = Number(code.slice(10, 12));
  let score = 0;
  if (code.slice(0, 2) in PROVINCE_CODES) score += 1;
  if (year >= 1900 && year <= 2199) score += 2;
  if (month >= 1 && month <= 12) score += 1;
  if (isCalendarDate(year, month, Number(code.slice(12, 14)))) score += 1;
  if (computeResidentIdCheckChar(code.slice(0, 17)) === code.charAt(17)) score += 2;
  return score;
}

function usccScore(code: string): number {
  let score = 0;
  if (USCC_AUTHORITIES[code.charAt(0)]?.categories[code.charAt(1)] !== undefined) score += 2;
  if (checkAuthorityRegion(code.slice(2, 8), 3) === null) score += 1;
  if (computeOrgCodeCheckChar(code.slice(8, 16)) === code.charAt(16)) score += 2;
  if (computeUsccCheckChar(code.slice(0, 17)) === code.charAt(17)) score += 2;
  return score;
}

/** Both alphabets allow 17 digits and a final digit or X, so such a code needs a closer look. */
function isResidentIdRatherThanUscc(code: string): boolean {
  if (!/^\d{17}[\dX]$/.test(code)) return false;
  const id = residentIdScore(code);
  const uscc = usccScore(code);
  return id > uscc || (id === uscc && code.slice(0, 2) in PROVINCE_CODES);
}

/**
 * Detects which identifier `input` is from its length and shape, and validates it as that kind.
 * Callers that know the kind should call the per-kind validator instead.
 */
export function validateCode(input: string, opts: ValidateOptions = {}): CodeValidation {
  // Checked up front so a bad option fails the same way whatever kind the input turns out to be.
  const today = resolveToday(opts.today);
  const normalized = normalizeCode(input);
  if (normalized === '') {
    return { valid: false, kind: 'unknown', normalized, issues: [error('empty', '代码为空')], details: {} };
  }
  switch (normalized.length) {
    case 18:
      if (normalized !== USCC_PLACEHOLDER && isResidentIdRatherThanUscc(normalized)) {
        return validateResidentId(normalized, { today });
      }
      return validateUscc(normalized);
    case 9:
      return validateOrgCode(normalized);
    case 15:
      return validateRegNo(normalized);
    default:
      return {
        valid: false,
        kind: 'unknown',
        normalized,
        issues: [error('bad-length', `代码长度为 ${normalized.length} 位，不符合任何已知代码（${EXPECTED_LENGTHS}）`)],
        details: {},
      };
  }
}
