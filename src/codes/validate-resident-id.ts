import { daysInMonth, isCalendarDate, resolveToday } from './calendar-date.js';
import { error, hasError, showChar } from './issues.js';
import { normalizeCode } from './normalize-code.js';
import { computeResidentIdCheckChar, PROVINCE_CODES } from './resident-id.js';
import type { CodeIssue, ResidentIdDetails, ResidentIdValidation, ValidateOptions } from './types.js';

function birthDateIssue(year: number, month: number, day: number): CodeIssue | null {
  if (isCalendarDate(year, month, day)) return null;
  if (month < 1 || month > 12) {
    return error('bad-birth-date', `第 11–12 位出生月份“${String(month).padStart(2, '0')}”无效，应为 01–12`);
  }
  const days = daysInMonth(year, month);
  const reason = day === 0 ? `应为 01–${days}` : `${year} 年 ${month} 月只有 ${days} 天`;
  return error('bad-birth-date', `第 13–14 位出生日“${String(day).padStart(2, '0')}”无效：${reason}`);
}

/**
 * Validates an 18-character 居民身份证号码 (GB 11643-1999). Messages name positions and characters but
 * never repeat the whole number, so they are safe to show and to store in error reports.
 */
export function validateResidentId(input: string, opts: ValidateOptions = {}): ResidentIdValidation {
  const today = resolveToday(opts.today);
  const normalized = normalizeCode(input);
  const issues: CodeIssue[] = [];
  const details: ResidentIdDetails = {};
  const done = (): ResidentIdValidation => ({ valid: !hasError(issues), kind: 'resident-id', normalized, issues, details });

  if (normalized === '') {
    issues.push(error('empty', '居民身份证号码为空'));
    return done();
  }
  if (normalized.length !== 18) {
    issues.push(error('bad-length', `居民身份证号码应为 18 位，实际为 ${normalized.length} 位`));
    return done();
  }
  normalized.split('').forEach((char, i) => {
    if (i < 17 && !/\d/.test(char)) {
      issues.push(error('bad-character', `第 ${i + 1} 位字符${showChar(char)}无效：前 17 位只能是数字`));
    } else if (i === 17 && !/[\dX]/.test(char)) {
      issues.push(error('bad-character', `第 18 位校验码${showChar(char)}无效：校验码只能是数字或“X”`));
    }
  });
  if (hasError(issues)) return done();

  const region = normalized.slice(0, 6);
  details.region = region;
  if (!(region.slice(0, 2) in PROVINCE_CODES)) {
    issues.push(error('bad-address-code', `第 1–2 位“${region.slice(0, 2)}”不是有效的省级行政区划代码`));
  }

  const [year, month, day] = [normalized.slice(6, 10), normalized.slice(10, 12), normalized.slice(12, 14)].map(Number) as [
    number,
    number,
    number,
  ];
  const dateIssue = birthDateIssue(year, month, day);
  if (dateIssue) {
    issues.push(dateIssue);
  } else {
    const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
    details.birthDate = birthDate;
    if (year < 1900) {
      issues.push(error('birth-date-too-early', `第 7–10 位出生年份“${year}”早于 1900 年`));
    } else if (birthDate > today) {
      issues.push(error('birth-date-in-future', `第 7–14 位出生日期 ${birthDate} 晚于今天（${today}）`));
    }
  }

  details.sex = Number(normalized.charAt(16)) % 2 === 1 ? 'M' : 'F';

  const expected = computeResidentIdCheckChar(normalized.slice(0, 17));
  const actual = normalized.charAt(17);
  if (expected !== null && expected !== actual) {
    issues.push(error('checksum-mismatch', `第 18 位校验码应为“${expected}”，实际为“${actual}”`));
    details.expectedCheck = expected;
  }
  return done();
}
