import type { CodeIssue, CodeIssueCode } from './types.js';

export function error(code: CodeIssueCode, message: string): CodeIssue {
  return { code, severity: 'error', message };
}

export function warning(code: CodeIssueCode, message: string): CodeIssue {
  return { code, severity: 'warning', message };
}

export function info(code: CodeIssueCode, message: string): CodeIssue {
  return { code, severity: 'info', message };
}

export function hasError(issues: readonly CodeIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}

/** Quotes a character for a message; invisible ones are shown by code point so the user can find them. */
export function showChar(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  const visible = codePoint > 0x20 && codePoint !== 0x7f && !/\p{C}|\p{Z}/u.test(char);
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return visible ? `“${char}”` : `不可见字符 ${hex}`;
}

export const EXPECTED_LENGTHS = '统一社会信用代码 18 位、组织机构代码 9 位、工商注册号 15 位、居民身份证号码 18 位';
