/**
 * Normalisation of the values clerks type into templates: the many ways of writing a date and an
 * amount. Each function returns the canonical text, or undefined when the value cannot be read.
 */

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

const DATE_PATTERNS: RegExp[] = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** `2025-3-7`, `2025/03/07`, `2025.03.07`, `20250307`, `2025年3月7日`, with an optional time → `2025-03-07`. */
export function normalizeDate(text: string): string | undefined {
  const value = text.normalize('NFKC').trim();
  for (const pattern of DATE_PATTERNS) {
    const match = pattern.exec(value);
    if (!match) continue;
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (year < 1949 || year > 2099 || !isRealDate(year, month, day)) return undefined;
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return undefined;
}

/** Largest amount accepted, in 万元 (1 万亿元): beyond it a value is a typing error, not a fine. */
export const MAX_AMOUNT_WAN = 100_000_000;

export type AmountResult = { ok: true; value: string } | { ok: false; reason: 'format' | 'negative' | 'too-large' | 'precision' };

/**
 * An amount in 万元: digits with up to 6 decimals, thousands separators and a trailing `万元` / `万`
 * tolerated, stored without them (`1,200.50万元` → `1200.5`).
 */
export function normalizeAmount(text: string): AmountResult {
  const value = text.normalize('NFKC').trim().replace(/,/g, '').replace(/万元?$/, '').trim();
  if (/^-\d/.test(value)) return { ok: false, reason: 'negative' };
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return { ok: false, reason: 'format' };
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 6) return { ok: false, reason: 'precision' };
  const whole = (match[1] ?? '0').replace(/^0+(?=\d)/, '');
  if (Number(whole) > MAX_AMOUNT_WAN) return { ok: false, reason: 'too-large' };
  return { ok: true, value: decimals ? `${whole}.${decimals}` : whole };
}

/** Text as stored: NUL and other control characters removed (they break exports), ends trimmed. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function cleanText(text: string): string {
  // Most cells are clean: test first, replace only when needed (this runs for every cell of every row).
  return (HAS_CONTROL.test(text) ? text.replace(CONTROL, '') : text).trim();
}
