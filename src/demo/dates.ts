/**
 * Calendar arithmetic on day numbers (days since 1970-01-01). Plain integers keep the generators
 * fast and free of time-zone surprises: a decision date is a civil date, not an instant.
 */

/** Days since 1970-01-01 of a civil date (proleptic Gregorian; Hinnant's algorithm). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number. */
export function civilDate(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

// The streaming generators format the same few thousand dates millions of times; caching the
// strings by day number (1970–2100) removes most of the date cost from a row.
const CACHE_DAYS = 47_482;
const isoCache: (string | undefined)[] = new Array<string | undefined>(CACHE_DAYS);
const chineseCache: (string | undefined)[] = new Array<string | undefined>(CACHE_DAYS);
const cacheable = (days: number): boolean => days >= 0 && days < CACHE_DAYS && Number.isInteger(days);

/** `YYYY-MM-DD` of a day number. */
export function formatDay(days: number): string {
  const cached = cacheable(days) ? isoCache[days] : undefined;
  if (cached !== undefined) return cached;
  const { year, month, day } = civilDate(days);
  const text = `${year}-${pad2(month)}-${pad2(day)}`;
  if (cacheable(days)) isoCache[days] = text;
  return text;
}

/** `2025年3月12日`, the way dates are written inside decision texts. */
export function formatDayChinese(days: number): string {
  const cached = cacheable(days) ? chineseCache[days] : undefined;
  if (cached !== undefined) return cached;
  const { year, month, day } = civilDate(days);
  const text = `${year}年${month}月${day}日`;
  if (cacheable(days)) chineseCache[days] = text;
  return text;
}

/** Day number of a `YYYY-MM-DD` string; throws on anything else, since options are programmer input. */
export function parseDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`expected YYYY-MM-DD, got "${text}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = dayNumber(year, month, day);
  const back = civilDate(days);
  if (back.month !== month || back.day !== day) throw new RangeError(`no such date: "${text}"`);
  return days;
}

const addMonthsCache = new Map<number, number>();

/** Same day `months` months later, clamped to the month's last day (2024-01-31 + 1 → 2024-02-29). */
export function addMonths(days: number, months: number): number {
  // Rows ask for the same few (date, period) pairs over and over; the key packs both in one number.
  const key = days * 4096 + months + 2048;
  const cached = months > -2048 && months < 2048 ? addMonthsCache.get(key) : undefined;
  if (cached !== undefined) return cached;
  const result = addMonthsUncached(days, months);
  if (months > -2048 && months < 2048 && addMonthsCache.size < 200_000) addMonthsCache.set(key, result);
  return result;
}

function addMonthsUncached(days: number, months: number): number {
  const { year, month, day } = civilDate(days);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dayNumber(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Number of days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/**
 * Moves a Saturday or Sunday to the following Monday: authorities sign decisions on working days.
 * The mapping never moves a date backwards, so it keeps a sorted sequence of dates sorted.
 */
export function toWorkingDay(days: number): number {
  const wd = weekday(days);
  return wd === 5 ? days + 2 : wd === 6 ? days + 1 : days;
}

/** The year of a day number. */
export function yearOf(days: number): number {
  return Number(formatDay(days).slice(0, 4));
}

/** Long-term validity in the national template: 2099-12-31 means “长期”. */
export const LONG_TERM = '2099-12-31';
