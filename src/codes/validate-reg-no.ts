import { error, hasError, showChar } from './issues.js';
import { normalizeCode } from './normalize-code.js';
import { computeRegNoCheckDigit } from './reg-no.js';
import { checkAuthorityRegion } from './region.js';
import type { CodeIssue, RegNoDetails, RegNoValidation } from './types.js';

/** Validates a 15-digit 工商注册号 (GS15-2006, ISO 7064 MOD 11,10 check digit). */
export function validateRegNo(input: string): RegNoValidation {
  const normalized = normalizeCode(input);
  const issues: CodeIssue[] = [];
  const details: RegNoDetails = {};
  const done = (): RegNoValidation => ({ valid: !hasError(issues), kind: 'reg-no', normalized, issues, details });

  if (normalized === '') {
    issues.push(error('empty', '工商注册号为空'));
    return done();
  }
  if (normalized.length !== 15) {
    issues.push(error('bad-length', `工商注册号应为 15 位数字，实际为 ${normalized.length} 位`));
    return done();
  }
  normalized.split('').forEach((char, i) => {
    if (!/\d/.test(char)) issues.push(error('bad-character', `第 ${i + 1} 位字符${showChar(char)}无效：工商注册号只能是数字`));
  });
  if (hasError(issues)) return done();

  details.region = normalized.slice(0, 6);
  const regionIssue = checkAuthorityRegion(details.region, 1);
  if (regionIssue) issues.push(regionIssue);
  const expected = computeRegNoCheckDigit(normalized.slice(0, 14));
  const actual = normalized.charAt(14);
  if (expected !== null && expected !== actual) {
    issues.push(error('checksum-mismatch', `第 15 位校验位应为“${expected}”，实际为“${actual}”`));
    details.expectedCheck = expected;
  }
  return done();
}
