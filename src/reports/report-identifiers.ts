import crypto from 'node:crypto';

/** Report numbers, verification codes and how times are shown on reports. */

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** The Beijing calendar day of a moment, YYYY-MM-DD (reports are numbered by the day they are issued there). */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** `2025年06月16日 10:00:00（北京时间）`. */
export function formatBeijingTime(at: Date): string {
  const iso = new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString();
  return `${iso.slice(0, 4)}年${iso.slice(5, 7)}月${iso.slice(8, 10)}日 ${iso.slice(11, 19)}（北京时间）`;
}

/** 报告编号: `XY` + the Beijing date + a 6-digit sequence of that day, e.g. XY20250616000042. */
export function formatReportNumber(day: string, sequence: number): string {
  return `XY${day.replaceAll('-', '')}${String(sequence).padStart(6, '0')}`;
}

export const REPORT_NUMBER_PATTERN = /^XY\d{14}$/;

// No 0/O, 1/I/L: a code is read off paper and typed by hand.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const VERIFICATION_CODE_LENGTH = 8;

/** A random 8-character verification code (≈ 40 bits). */
export function newVerificationCode(): string {
  let code = '';
  for (let i = 0; i < VERIFICATION_CODE_LENGTH; i += 1) code += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A code as typed by a person: case, spaces and dashes do not matter. */
export function normalizeVerificationCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** Constant-time comparison of a stored and a typed code. */
export function codesMatch(stored: string, typed: string): boolean {
  const a = Buffer.from(stored, 'utf8');
  const b = Buffer.from(normalizeVerificationCode(typed), 'utf8');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** The address the report's QR code points at. */
export function verifyUrl(publicBaseUrl: string, number: string, code: string): string {
  return `${publicBaseUrl}/verify?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`;
}
