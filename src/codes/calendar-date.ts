import { AppError } from '../kernel/errors.js';
import { CodesErrors } from './errors.js';

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** True when year-month-day exists in the proleptic Gregorian calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

/** `YYYY-MM-DD` when the string is such a date and it exists, else null. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDate(year, month, day) ? { year, month, day } : null;
}

/** Identifiers are issued in China, so "today" is the date in UTC+8 whatever the server's zone. */
export function todayInChina(now: number = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The `today` option checked, or today in China when it is absent. */
export function resolveToday(today: string | undefined): string {
  if (today === undefined) return todayInChina();
  if (!parseIsoDate(today)) {
    throw new AppError(CodesErrors.CODES_INVALID_ARGUMENT, { detail: `today 应为 YYYY-MM-DD 格式的日期，收到“${today}”` });
  }
  return today;
}
