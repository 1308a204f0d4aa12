/** Turning numbers and dates into the plain strings the pipeline validates. */

/**
 * A number as plain decimal text, never in exponent form (1e-7 → "0.0000001"), because validators
 * and clerks expect amounts like 0.0000001 万元 to read as written. Callers reject unsafe integers
 * first, so an integer here is below 2^53 and already prints without an exponent.
 */
export function plainDecimal(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const sign = match[1] as string;
  const digits = (match[2] as string) + (match[3] ?? '');
  const exponent = Number(match[4]);
  if (exponent >= 0) {
    const intLength = exponent + 1;
    if (digits.length <= intLength) return sign + digits + '0'.repeat(intLength - digits.length);
    return `${sign}${digits.slice(0, intLength)}.${digits.slice(intLength)}`;
  }
  return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
}

/** Digits in the integer part, for "是 18 位的数字" in precision errors. */
export function integerDigits(value: number): number {
  return plainDecimal(Math.trunc(Math.abs(value))).length;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A date cell as text: 'YYYY-MM-DD', 'YYYY-MM-DD HH:mm:ss' when it has a time, or 'HH:mm:ss' for a pure
 * time (Excel stores those as a fraction of day 0, i.e. in 1899). The Date carries the sheet's wall-clock
 * time in its UTC fields, as exceljs builds it; rounding to the second undoes the binary fraction error
 * that turns 08:30 into 08:29:59.999.
 */
export function formatSpreadsheetDate(date: Date): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return '';
  const d = new Date(Math.round(ms / 1000) * 1000);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (d.getUTCFullYear() < 1900) return time;
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return time === '00:00:00' ? day : `${day} ${time}`;
}

/** An Excel serial date (days since 1899-12-30, or since 1904-01-01 in 1904-based workbooks) as a Date. */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/**
 * Whether an Excel number format shows a date or time: after removing literal text ("…", \x), colour
 * and locale tags ([Red], [$-804]) and padding (_x, *x), any of y m d h s remains.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '');
  return /[ymdhs]/i.test(bare);
}
