/**
 * The working-day calendar of mainland China: which calendar dates are working days (工作日), given the
 * statutory holidays and adjusted workdays (调休) the State Council sets each year.
 *
 * Dates are plain 'YYYY-MM-DD' strings naming a calendar day in China; nothing in here knows about
 * time zones except `chinaDate`, which turns an instant into such a date. The schedule of a year comes
 * from an operator's override file when there is one, otherwise from the `chinese-days` package's raw
 * tables. A year neither covers is unknown, and every computation that touches it fails with
 * CALENDAR_YEAR_UNKNOWN: a deadline computed from a guessed schedule is wrong in a way nobody notices.
 * See docs/CALENDAR.md.
 */

import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

import { AppError, defineErrors } from './errors.js';

/** The calendar's user-visible errors. */
export const CalendarErrors = defineErrors({
  CALENDAR_YEAR_UNKNOWN: {
    // The request itself is well formed; the server lacks the year's schedule, so it cannot be processed.
    status: 422,
    zh:
      '尚未载入 {year} 年的节假日安排，无法计算工作日。请管理员依据国务院办公厅关于 {year} 年部分节假日安排的通知，' +
      '在日历目录 {dir} 中添加 {year}.json（格式见 docs/CALENDAR.md），然后重启服务。',
    en:
      'The holiday schedule for {year} is not loaded, so working days cannot be computed. An administrator must ' +
      "add {year}.json to the calendar directory {dir} from the State Council's notice for {year} " +
      '(format in docs/CALENDAR.md) and restart the service.',
  },
  CALENDAR_BAD_DATE: {
    status: 400,
    zh: '日期“{value}”不合法，应为 YYYY-MM-DD 格式的真实日期，例如 2025-10-13',
    en: 'Invalid date "{value}": expected a real date written YYYY-MM-DD, e.g. 2025-10-13',
  },
  CALENDAR_BAD_FILE: {
    // Only an operator can fix the file, and the service cannot start with it.
    status: 500,
    zh: '节假日安排文件 {file} 有误：{problem}',
    en: 'Holiday schedule file {file} is invalid: {problemEn}',
  },
});

/** One year's schedule as the State Council's notice sets it. */
export interface YearSchedule {
  year: number;
  /** Where the schedule comes from: the notice's title, or the package and version it was taken from. */
  source: string;
  /** Rest days of the holiday periods, in the year; weekend days inside a period may be listed or not. */
  holidays: readonly string[];
  /** Saturdays and Sundays that are working days (调休上班), in the year. */
  workdays: readonly string[];
}

/** Options of `loadCalendar`. */
export interface LoadCalendarOptions {
  /**
   * Directory of override files named `YYYY.json` (normally `Config.calendarDir`, i.e.
   * `<dataDir>/calendar/`). A missing directory means no overrides; without it only the package's
   * years are known.
   */
  overrideDir?: string;
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const MIN_SCHEDULE_YEAR = 1949;
const MAX_SCHEDULE_YEAR = 2199;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const OVERRIDE_NAME = /^(\d{4})\.json$/;
const ALLOWED_KEYS = new Set(['year', 'source', 'holidays', 'workdays', 'note']);

// Integer day arithmetic (Howard Hinnant's civil-date algorithms) instead of Date: no time zone can leak
// in, years below 100 are not remapped to 19xx, and it is fast enough to run per record.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function formatDay(dayNumber: number): string {
  const [year, month, day] = civilFromDays(dayNumber);
  if (year < 0 || year > 9999) throw new RangeError(`date out of the four-digit year range: day ${dayNumber}`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Day number (days since 1970-01-01) of a valid date string, or undefined. */
function parseDay(value: string): number | undefined {
  const match = DATE_PATTERN.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const dayNumber = daysFromCivil(year, month, day);
  // An impossible day such as 02-30 rolls into the next month; the round trip catches it.
  return civilFromDays(dayNumber)[2] === day ? dayNumber : undefined;
}

function requireDay(value: unknown): number {
  const dayNumber = typeof value === 'string' ? parseDay(value) : undefined;
  if (dayNumber === undefined) throw new AppError(CalendarErrors.CALENDAR_BAD_DATE, { value: String(value) });
  return dayNumber;
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

/** Whether `value` is a real calendar date written 'YYYY-MM-DD'. */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && parseDay(value) !== undefined;
}

/**
 * The calendar date in China (Asia/Shanghai: UTC+8 all year, no DST since 1991) of an instant — pass
 * the injected clock's `now()`, so that "today" does not depend on the server's time zone.
 */
export function chinaDate(instant: Date): string {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new AppError(CalendarErrors.CALENDAR_BAD_DATE, { value: String(instant) });
  return formatDay(Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS));
}

/** `date` moved by `n` calendar days (negative goes back); needs no schedule, so works for any year. */
export function addCalendarDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`addCalendarDays: n must be an integer, got ${n}`);
  return formatDay(requireDay(date) + n);
}

interface Problem {
  zh: string;
  en: string;
}

function badFile(file: string, problems: Problem[]): AppError {
  return new AppError(
    CalendarErrors.CALENDAR_BAD_FILE,
    { file, problem: problems.map((p) => p.zh).join('；'), problemEn: problems.map((p) => p.en).join('; ') },
    { file, problems },
  );
}

// A typo in an override file silently shifts every deadline of that year, so anything unusual is an
// error rather than something to tolerate.
function checkDates(
  list: unknown,
  field: 'holidays' | 'workdays',
  year: number | undefined,
  problems: Problem[],
): string[] {
  if (!Array.isArray(list)) {
    problems.push({ zh: `"${field}" 必须是日期字符串数组`, en: `"${field}" must be an array of date strings` });
    return [];
  }
  const seen = new Set<string>();
  for (const item of list as unknown[]) {
    const dayNumber = typeof item === 'string' ? parseDay(item) : undefined;
    if (dayNumber === undefined) {
      const shown = JSON.stringify(item) ?? String(item);
      problems.push({
        zh: `"${field}" 中的 ${shown} 不是 YYYY-MM-DD 格式的真实日期`,
        en: `${shown} in "${field}" is not a real date written YYYY-MM-DD`,
      });
      continue;
    }
    const date = item as string;
    if (year !== undefined && Number(date.slice(0, 4)) !== year) {
      problems.push({
        zh: `"${field}" 中的 ${date} 不属于 ${year} 年（跨年的日期请写入该日期所在年份的文件）`,
        en: `${date} in "${field}" is not in ${year} (a date of another year belongs in that year's file)`,
      });
    }
    if (seen.has(date)) {
      problems.push({ zh: `"${field}" 中 ${date} 重复出现`, en: `${date} appears twice in "${field}"` });
      continue;
    }
    if (field === 'workdays' && !isWeekend(dayNumber)) {
      problems.push({
        zh: `调休上班日 ${date} 不是周六或周日（"workdays" 只列需要上班的周末）`,
        en: `adjusted workday ${date} is not a Saturday or Sunday ("workdays" lists only weekend days worked)`,
      });
    }
    seen.add(date);
  }
  return [...seen];
}

/**
 * Checks a year's schedule (parsed JSON of an override file, or the package's data) and returns it
 * normalised and sorted; throws CALENDAR_BAD_FILE naming `file` and listing every problem found.
 */
export function validateSchedule(raw: unknown, file: string): YearSchedule {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw badFile(file, [{ zh: '内容必须是一个 JSON 对象', en: 'the content must be a JSON object' }]);
  }
  const record = raw as Record<string, unknown>;
  const problems: Problem[] = [];
  for (const key of Object.keys(record)) {
    if (!ALLOWED_KEYS.has(key)) {
      const allowed = [...ALLOWED_KEYS].join(', ');
      problems.push({ zh: `不认识的字段 "${key}"（允许：${allowed}）`, en: `unknown field "${key}" (allowed: ${allowed})` });
    }
  }
  const { year, source, note } = record;
  const yearOk =
    typeof year === 'number' && Number.isInteger(year) && year >= MIN_SCHEDULE_YEAR && year <= MAX_SCHEDULE_YEAR;
  if (!yearOk) {
    problems.push({
      zh: `"year" 必须是 ${MIN_SCHEDULE_YEAR}–${MAX_SCHEDULE_YEAR} 之间的整数，当前为 ${JSON.stringify(year) ?? '缺失'}`,
      en: `"year" must be an integer from ${MIN_SCHEDULE_YEAR} to ${MAX_SCHEDULE_YEAR}, got ${JSON.stringify(year) ?? 'nothing'}`,
    });
  }
  if (typeof source !== 'string' || source.trim() === '') {
    problems.push({
      zh: '"source" 必须写明依据，例如“国务院办公厅关于2027年部分节假日安排的通知”',
      en: '"source" must name the notice the schedule comes from',
    });
  }
  if (note !== undefined && typeof note !== 'string') {
    problems.push({ zh: '"note" 必须是字符串', en: '"note" must be a string' });
  }
  const knownYear = yearOk ? year : undefined;
  const holidays = checkDates(record.holidays, 'holidays', knownYear, problems);
  const workdays = checkDates(record.workdays, 'workdays', knownYear, problems);
  const holidaySet = new Set(holidays);
  for (const date of workdays) {
    if (holidaySet.has(date)) {
      problems.push({
        zh: `${date} 同时出现在 "holidays" 和 "workdays" 中`,
        en: `${date} is in both "holidays" and "workdays"`,
      });
    }
  }
  // 元旦 is a statutory holiday every year, so a schedule without it is incomplete or for the wrong year.
  if (knownYear !== undefined && Array.isArray(record.holidays) && !holidaySet.has(`${knownYear}-01-01`)) {
    problems.push({
      zh: `"holidays" 缺少元旦 ${knownYear}-01-01，安排不完整`,
      en: `"holidays" lacks New Year's Day ${knownYear}-01-01, so the schedule is incomplete`,
    });
  }
  if (problems.length > 0 || knownYear === undefined) throw badFile(file, problems);
  return { year: knownYear, source: (source as string).trim(), holidays: holidays.sort(), workdays: workdays.sort() };
}

const requireFromHere = createRequire(import.meta.url);

/**
 * The years `chinese-days` really covers, from its raw holiday and adjusted-workday tables. Its
 * `isWorkday` is not used: for a year it has no data for, it answers from the weekday alone.
 */
export function packageSchedules(): YearSchedule[] {
  const file = requireFromHere.resolve('chinese-days/dist/chinese-days.json');
  const version = (requireFromHere('chinese-days/package.json') as { version?: unknown }).version;
  const data = requireFromHere(file) as { holidays?: unknown; workdays?: unknown };
  if (typeof data.holidays !== 'object' || data.holidays === null || typeof data.workdays !== 'object' || data.workdays === null) {
    throw badFile(file, [{ zh: '缺少 holidays / workdays 表', en: 'the holidays / workdays tables are missing' }]);
  }
  const byYear = new Map<number, { holidays: string[]; workdays: string[] }>();
  const add = (dates: string[], field: 'holidays' | 'workdays'): void => {
    for (const date of dates) {
      const year = Number(date.slice(0, 4));
      let entry = byYear.get(year);
      if (!entry) byYear.set(year, (entry = { holidays: [], workdays: [] }));
      entry[field].push(date);
    }
  };
  add(Object.keys(data.holidays), 'holidays');
  add(Object.keys(data.workdays), 'workdays');
  const schedules: YearSchedule[] = [];
  for (const [year, lists] of [...byYear].sort((a, b) => a[0] - b[0])) {
    // A stray entry of a neighbouring year (e.g. a 31 December worked for the next 元旦) is not a
    // year's schedule; only a year whose 元旦 is listed was actually published in the data.
    if (!lists.holidays.includes(`${year}-01-01`)) continue;
    schedules.push(validateSchedule({ year, source: `chinese-days ${String(version)}`, ...lists }, file));
  }
  return schedules;
}

/**
 * Reads every `YYYY.json` in `dir` (other `.json` names are an error, other files are ignored). A
 * missing directory yields no schedules.
 */
export async function readOverrideSchedules(dir: string): Promise<YearSchedule[]> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const schedules: YearSchedule[] = [];
  for (const name of names.sort()) {
    if (!name.toLowerCase().endsWith('.json')) continue;
    const file = path.join(dir, name);
    const nameMatch = OVERRIDE_NAME.exec(name);
    if (!nameMatch) {
      throw badFile(file, [
        { zh: '文件名必须是“年份.json”，例如 2027.json', en: 'the file name must be the year plus .json, e.g. 2027.json' },
      ]);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw badFile(file, [{ zh: `无法读取或不是合法的 JSON：${reason}`, en: `cannot be read or is not valid JSON: ${reason}` }]);
    }
    const schedule = validateSchedule(raw, file);
    if (schedule.year !== Number(nameMatch[1])) {
      throw badFile(file, [
        {
          zh: `文件名年份 ${nameMatch[1]} 与 "year" 字段 ${schedule.year} 不一致`,
          en: `the file name's year ${nameMatch[1]} differs from "year" ${schedule.year}`,
        },
      ]);
    }
    schedules.push(schedule);
  }
  return schedules;
}

/**
 * Working-day arithmetic over the loaded years. Everything is precomputed over the span from the
 * first to the last known year, so each operation is a map lookup and a few array reads — cheap
 * enough to run per record over millions of records.
 */
export class WorkdayCalendar {
  private readonly schedules = new Map<number, YearSchedule>();
  private readonly overrideDir: string | undefined;
  private readonly firstYear: number;
  private readonly lastYear: number;
  private readonly spanStart: number;
  private readonly dates: string[] = [];
  private readonly indexOf = new Map<string, number>();
  /** workdaysBefore[i] = working days among span days [0, i). */
  private readonly workdaysBefore: Int32Array;
  /** unknownBefore[i] = days of unknown years among span days [0, i); a gap between known years. */
  private readonly unknownBefore: Int32Array;
  /** Span indices of the working days, ascending: the k-th working day is one array read away. */
  private readonly workdayIndices: Int32Array;

  /**
   * Builds a calendar from validated schedules (one per year; see `loadCalendar` for the usual way).
   * `overrideDir` is only named in CALENDAR_YEAR_UNKNOWN messages, so the operator knows where to add
   * a year.
   */
  constructor(schedules: Iterable<YearSchedule>, options: { overrideDir?: string } = {}) {
    this.overrideDir = options.overrideDir;
    for (const schedule of schedules) {
      if (this.schedules.has(schedule.year)) throw new Error(`WorkdayCalendar: two schedules for ${schedule.year}`);
      this.schedules.set(schedule.year, validateSchedule(schedule, `<schedule ${schedule.year}>`));
    }
    const years = [...this.schedules.keys()].sort((a, b) => a - b);
    this.firstYear = years[0] ?? 0;
    this.lastYear = years.at(-1) ?? -1;
    this.spanStart = daysFromCivil(this.firstYear, 1, 1);
    const length = years.length === 0 ? 0 : daysFromCivil(this.lastYear + 1, 1, 1) - this.spanStart;

    this.workdaysBefore = new Int32Array(length + 1);
    this.unknownBefore = new Int32Array(length + 1);
    const workdayIndices: number[] = [];
    let holidays = new Set<string>();
    let workdays = new Set<string>();
    let currentYear = Number.NaN;
    let known = false;
    for (let i = 0; i < length; i++) {
      const date = formatDay(this.spanStart + i);
      this.dates.push(date);
      this.indexOf.set(date, i);
      const year = Number(date.slice(0, 4));
      if (year !== currentYear) {
        currentYear = year;
        const schedule = this.schedules.get(year);
        known = schedule !== undefined;
        holidays = new Set(schedule?.holidays);
        workdays = new Set(schedule?.workdays);
      }
      const working = known && (workdays.has(date) || (!isWeekend(this.spanStart + i) && !holidays.has(date)));
      if (working) workdayIndices.push(i);
      this.workdaysBefore[i + 1] = (this.workdaysBefore[i] ?? 0) + (working ? 1 : 0);
      this.unknownBefore[i + 1] = (this.unknownBefore[i] ?? 0) + (known ? 0 : 1);
    }
    this.workdayIndices = Int32Array.from(workdayIndices);
  }

  /** The years with a schedule, ascending. */
  knownYears(): number[] {
    return [...this.schedules.keys()].sort((a, b) => a - b);
  }

  /** Where a year's schedule came from (an override's `source`, or `chinese-days <version>`), if known. */
  sourceOf(year: number): string | undefined {
    return this.schedules.get(year)?.source;
  }

  /** Whether `date` is a working day. Throws CALENDAR_BAD_DATE or CALENDAR_YEAR_UNKNOWN. */
  isWorkday(date: string): boolean {
    const i = this.index(date);
    return this.at(this.workdaysBefore, i + 1) - this.at(this.workdaysBefore, i) === 1;
  }

  /**
   * The n-th working day after `date` (n ≥ 1), or for n < 0 the |n|-th working day before it; both
   * count from the day next to `date`, whether or not `date` itself is a working day. n = 0 returns
   * `date` unchanged (even on a rest day), so that `workdaysBetween(d, addWorkdays(d, n)) === n` for
   * every n ≥ 0. For a working day d, `addWorkdays(addWorkdays(d, -k), k) === d`.
   * `date` and every day up to the result must be in known years (else CALENDAR_YEAR_UNKNOWN).
   */
  addWorkdays(date: string, n: number): string {
    if (!Number.isSafeInteger(n)) throw new RangeError(`addWorkdays: n must be an integer, got ${n}`);
    const i = this.index(date);
    if (n === 0) return this.at(this.dates, i);
    const k = n > 0 ? this.at(this.workdaysBefore, i + 1) + n - 1 : this.at(this.workdaysBefore, i) + n;
    const target = this.workdayIndices[k];
    if (target === undefined) throw this.yearUnknown(this.firstUnknownYear(this.yearAt(i), Math.sign(n)));
    const [low, high] = n > 0 ? [i, target] : [target, i];
    // The working-day list skips unknown years, so a result past a gap must be refused here.
    if (this.at(this.unknownBefore, high + 1) - this.at(this.unknownBefore, low) > 0) {
      throw this.yearUnknown(this.firstUnknownYear(this.yearAt(i), Math.sign(n)));
    }
    return this.at(this.dates, target);
  }

  /**
   * The number of working days d with from < d ≤ to — a decision on a Friday and receipt the next
   * Monday is 1. When to < from, the negative of `workdaysBetween(to, from)`. Both dates and every
   * day between them must be in known years.
   */
  workdaysBetween(from: string, to: string): number {
    const i = this.index(from);
    const j = this.index(to);
    const [low, high] = i <= j ? [i, j] : [j, i];
    if (this.at(this.unknownBefore, high + 1) - this.at(this.unknownBefore, low) > 0) {
      throw this.yearUnknown(this.firstUnknownYear(this.yearAt(low), 1));
    }
    const count = this.at(this.workdaysBefore, high + 1) - this.at(this.workdaysBefore, low + 1);
    // `0 - count` rather than `-count`: no -0 for callers comparing with Object.is.
    return i <= j ? count : 0 - count;
  }

  /** Span index of a date in a known year; the fast path is one map lookup. */
  private index(date: string): number {
    const i = this.indexOf.get(date);
    if (i !== undefined && this.at(this.unknownBefore, i + 1) === this.at(this.unknownBefore, i)) return i;
    const dayNumber = requireDay(date);
    throw this.yearUnknown(civilFromDays(dayNumber)[0]);
  }

  private yearAt(i: number): number {
    return Number(this.at(this.dates, i).slice(0, 4));
  }

  private firstUnknownYear(from: number, direction: number): number {
    let year = from;
    while (this.schedules.has(year)) year += direction;
    return year;
  }

  private yearUnknown(year: number): AppError {
    return new AppError(CalendarErrors.CALENDAR_YEAR_UNKNOWN, {
      year,
      dir: this.overrideDir ?? '<数据目录>/calendar/',
    });
  }

  // Indices are computed within the span, so a miss is a bug in this class, not bad input.
  private at<T extends number | string>(array: ArrayLike<T>, i: number): T {
    const value = array[i];
    if (value === undefined) throw new Error(`WorkdayCalendar: index ${i} outside the span`);
    return value;
  }
}

/**
 * Loads the calendar: the package's years, each replaced or supplemented by an override file
 * `<overrideDir>/YYYY.json` when one exists. Throws CALENDAR_BAD_FILE on any invalid override file.
 */
export async function loadCalendar(opts: LoadCalendarOptions = {}): Promise<WorkdayCalendar> {
  const byYear = new Map<number, YearSchedule>();
  for (const schedule of packageSchedules()) byYear.set(schedule.year, schedule);
  if (opts.overrideDir !== undefined) {
    for (const schedule of await readOverrideSchedules(opts.overrideDir)) byYear.set(schedule.year, schedule);
  }
  return new WorkdayCalendar(byYear.values(), opts.overrideDir === undefined ? {} : { overrideDir: opts.overrideDir });
}
