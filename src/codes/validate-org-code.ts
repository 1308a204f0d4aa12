import { error, hasError, showChar } from './issues.js';
import { normalizeCode } from './normalize-code.js';
import { computeOrgCodeCheckChar, formatOrgCode } from './org-code.js';
import type { CodeIssue, OrgCodeDetails, OrgCodeValidation } from './types.js';

/** Validates a 组织机构代码 (GB 11714-1997), with or without the hyphen before the check character. */
export function validateOrgCode(input: string): OrgCodeValidation {
  const normalized = normalizeCode(input);
  const issues: CodeIssue[] = [];
  const details: OrgCodeDetails = {};
  const done = (): OrgCodeValidation => ({ valid: !hasError(issues), kind: 'org-code', normalized, issues, details });

  if (normalized === '') {
    issues.push(error('empty', '组织机构代码为空'));
    return done();
  }
  if (normalized.length !== 9) {
    issues.push(error('bad-length', `组织机构代码应为 9 位（不含连字符），实际为 ${normalized.length} 位`));
    return done();
  }

  const body = normalized.slice(0, 8);
  body.split('').forEach((char, i) => {
    if (!/[0-9A-Z]/.test(char)) {
      issues.push(error('bad-character', `第 ${i + 1} 位字符${showChar(char)}无效：本体代码只能是数字或大写字母`));
    }
  });
  const actual = normalized.charAt(8);
  const checkShaped = /[0-9X]/.test(actual);
  if (!checkShaped) {
    issues.push(error('bad-character', `第 9 位校验码${showChar(actual)}无效：校验码只能是数字或“X”`));
  }
  if (hasError(issues)) return done();

  details.display = formatOrgCode(normalized);
  const expected = computeOrgCodeCheckChar(body);
  if (expected !== null && expected !== actual) {
    issues.push(error('checksum-mismatch', `第 9 位校验码应为“${expected}”，实际为“${actual}”`));
    details.expectedCheck = expected;
  }
  return done();
}
