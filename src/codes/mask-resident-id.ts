import { normalizeCode } from './normalize-code.js';

/**
 * The published form of a 居民身份证号码: the birth month and day (digits 11–14 of the 18-digit
 * number, 9–12 of the old 15-digit one) become `****`. Anything else is masked entirely, because a
 * value we cannot parse might still be somebody's number.
 */
export function maskResidentId(id: string): string {
  const normalized = normalizeCode(id);
  if (/^\d{17}[\dX]$/.test(normalized)) return `${normalized.slice(0, 10)}****${normalized.slice(14)}`;
  if (/^\d{15}$/.test(normalized)) return `${normalized.slice(0, 8)}****${normalized.slice(12)}`;
  return '*'.repeat(normalized.length);
}
