import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  addCalendarDays,
  chinaDate,
  isCalendarDate,
  loadCalendar,
  validateSchedule,
  WorkdayCalendar,
} from './calendar.js';
import type { YearSchedule } from './calendar.js';
import { AppError } from './errors.js';

// The package's own answers, used only to cross-check the years it really covers.
const chineseDays = createRequire(import.meta.url)('chinese-days') as { isWorkday(date: string): boolean };

const schedule2027: YearSchedule & { note?: string } = {
  year: 2027,
  source: '测试用 2027 年安排（非真实通知）',
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-05', '2027-02-08', '2027-02-09'],
  workdays: ['2027-02-06', '2027-02-07'],
};

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

async function caughtAsync(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

function countDayByDay(calendar: WorkdayCalendar, from: string, to: string): number {
  let count = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (calendar.isWorkday(d)) count++;
  return count;
}

let tmp: string;
let calendar: WorkdayCalendar;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'xinyong-calendar-'));
  calendar = await loadCalendar({ overrideDir: path.join(tmp, 'does-not-exist') });
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function overrideDir(files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(path.join(tmp, 'dir-'));
  for (const [name, content] of Object.entries(files)) {
    await writeFile(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

describe('dates', () => {
  it('recognises real dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    for (const bad of ['2025-02-29', '2025-9-1', '2025-13-01', '2025-00-10', '2025-01-00', '', '2025-01-01T00:00', 7]) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });

  it('adds calendar days across month, leap-day and year boundaries, for any year', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addCalendarDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addCalendarDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addCalendarDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addCalendarDays('2027-01-01', 365)).toBe('2028-01-01');
    expect(addCalendarDays('2025-03-15', 0)).toBe('2025-03-15');
  });

  it('gives the China calendar date of an instant (UTC+8)', () => {
    expect(chinaDate(new Date('2025-12-31T15:59:59.999Z'))).toBe('2025-12-31');
    expect(chinaDate(new Date('2025-12-31T16:00:00.000Z'))).toBe('2026-01-01');
    expect(chinaDate(new Date('1969-12-31T16:00:00.000Z'))).toBe('1970-01-01');
    expect(caught(() => chinaDate(new Date('garbage'))).code).toBe('CALENDAR_BAD_DATE');
  });

  it('rejects a malformed date with CALENDAR_BAD_DATE naming it', () => {
    const error = caught(() => calendar.isWorkday('2025-02-29'));
    expect(error.code).toBe('CALENDAR_BAD_DATE');
    expect(error.status).toBe(400);
    expect(error.message).toBe('日期“2025-02-29”不合法，应为 YYYY-MM-DD 格式的真实日期，例如 2025-10-13');
    expect(caught(() => calendar.workdaysBetween('2025-1-1', '2025-02-01')).params.value).toBe('2025-1-1');
    expect(caught(() => addCalendarDays('20250101', 1)).code).toBe('CALENDAR_BAD_DATE');
  });
});

describe('package data (chinese-days)', () => {
  it('covers exactly 2004–2026', () => {
    expect(calendar.knownYears()).toEqual(Array.from({ length: 23 }, (_, k) => 2004 + k));
    expect(calendar.sourceOf(2025)).toMatch(/^chinese-days \d+\.\d+\.\d+$/);
    expect(calendar.sourceOf(2027)).toBeUndefined();
  });

  it('agrees with the package on every day it covers', () => {
    const mismatches: string[] = [];
    for (let d = '2004-01-01'; d <= '2026-12-31'; d = addCalendarDays(d, 1)) {
      if (calendar.isWorkday(d) !== chineseDays.isWorkday(d)) mismatches.push(d);
    }
    expect(mismatches).toEqual([]);
  });

  it('counts 7 working days from 2025-09-26 across National Day to 2025-10-13', () => {
    expect(calendar.isWorkday('2025-09-28')).toBe(true); // Sunday, adjusted workday
    expect(calendar.isWorkday('2025-10-11')).toBe(true); // Saturday, adjusted workday
    for (let d = '2025-10-01'; d <= '2025-10-08'; d = addCalendarDays(d, 1)) expect(calendar.isWorkday(d)).toBe(false);
    expect(calendar.addWorkdays('2025-09-26', 7)).toBe('2025-10-13');
    expect(calendar.workdaysBetween('2025-09-26', '2025-10-13')).toBe(7);
  });

  it('knows the 2026 Spring Festival schedule (15–23 February off, 14 and 28 February worked)', () => {
    expect(calendar.isWorkday('2026-02-13')).toBe(true);
    expect(calendar.isWorkday('2026-02-14')).toBe(true); // Saturday worked
    for (let d = '2026-02-15'; d <= '2026-02-23'; d = addCalendarDays(d, 1)) expect(calendar.isWorkday(d)).toBe(false);
    expect(calendar.isWorkday('2026-02-24')).toBe(true);
    expect(calendar.isWorkday('2026-02-28')).toBe(true); // Saturday worked
    expect(calendar.addWorkdays('2026-02-14', 1)).toBe('2026-02-24');
    expect(calendar.addWorkdays('2026-02-24', -1)).toBe('2026-02-14');
  });
});

describe('working-day arithmetic', () => {
  it('counts a Friday decision and Monday receipt as 1 working day', () => {
    expect(calendar.workdaysBetween('2025-03-14', '2025-03-17')).toBe(1);
    expect(calendar.workdaysBetween('2025-03-17', '2025-03-14')).toBe(-1);
    expect(calendar.workdaysBetween('2025-03-14', '2025-03-14')).toBe(0);
    expect(calendar.workdaysBetween('2025-03-14', '2025-03-16')).toBe(0);
  });

  it('returns the date itself for n = 0, even on a rest day, and counts from the next day otherwise', () => {
    expect(calendar.addWorkdays('2025-03-15', 0)).toBe('2025-03-15');
    expect(calendar.addWorkdays('2025-03-15', 1)).toBe('2025-03-17'); // Saturday + 1 = Monday
    expect(calendar.addWorkdays('2025-03-14', 1)).toBe('2025-03-17'); // Friday + 1 = Monday
    expect(calendar.addWorkdays('2025-03-17', -1)).toBe('2025-03-14');
    expect(calendar.addWorkdays('2025-03-16', -1)).toBe('2025-03-14'); // Sunday − 1 = Friday
  });

  it('goes back 60 working days across a year boundary', () => {
    const back = calendar.addWorkdays('2025-03-03', -60);
    expect(calendar.isWorkday(back)).toBe(true);
    expect(back < '2025-01-01').toBe(true);
    expect(calendar.workdaysBetween(back, '2025-03-03')).toBe(60);
    expect(calendar.addWorkdays(back, 60)).toBe('2025-03-03');
  });

  it('rejects a non-integer count', () => {
    expect(() => calendar.addWorkdays('2025-03-14', 1.5)).toThrow(RangeError);
  });

  it('satisfies workdaysBetween(d, addWorkdays(d, n)) === n and lands on working days (property)', () => {
    const first = '2005-01-01';
    const days = 8035; // 2005-01-01 … 2026-12-31, checked below
    const lastKnown = '2026-12-31';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: days - 1 }), fc.integer({ min: 0, max: 400 }), (offset, n) => {
        const d = addCalendarDays(first, offset);
        let r: string;
        try {
          r = calendar.addWorkdays(d, n);
        } catch (error) {
          // Only allowed when the answer really lies beyond the last known year.
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe('CALENDAR_YEAR_UNKNOWN');
          expect((error as AppError).params.year).toBe(2027);
          expect(calendar.workdaysBetween(d, lastKnown)).toBeLessThan(n);
          return;
        }
        expect(calendar.workdaysBetween(d, r)).toBe(n);
        expect(calendar.workdaysBetween(r, d)).toBe(n === 0 ? 0 : -n);
        if (n >= 1) {
          expect(calendar.isWorkday(r)).toBe(true);
          expect(r > d).toBe(true);
          // The smallest such day: the day before the result is still short of n.
          expect(calendar.workdaysBetween(d, addCalendarDays(r, -1))).toBe(n - 1);
        } else {
          expect(r).toBe(d);
        }
      }),
      { numRuns: 2000 },
    );
    expect(addCalendarDays(first, days - 1)).toBe('2026-12-31');
  });

  it('goes backwards as the mirror image (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8035 - 1 }), fc.integer({ min: 1, max: 400 }), (offset, k) => {
        const d = addCalendarDays('2005-01-01', offset);
        let r: string;
        try {
          r = calendar.addWorkdays(d, -k);
        } catch (error) {
          expect((error as AppError).code).toBe('CALENDAR_YEAR_UNKNOWN');
          expect((error as AppError).params.year).toBe(2003);
          return;
        }
        expect(r < d).toBe(true);
        expect(calendar.isWorkday(r)).toBe(true);
        // k − 1 working days strictly between, plus d itself when it is one.
        expect(calendar.workdaysBetween(r, d)).toBe(k - 1 + (calendar.isWorkday(d) ? 1 : 0));
        if (calendar.isWorkday(d)) expect(calendar.addWorkdays(r, k)).toBe(d);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with a day-by-day count and is additive (property)', () => {
    const date = fc.integer({ min: 0, max: 3 * 365 }).map((o) => addCalendarDays('2023-06-01', o));
    fc.assert(
      fc.property(date, date, date, (a, b, c) => {
        const ab = calendar.workdaysBetween(a, b);
        expect(ab).toBe(a <= b ? countDayByDay(calendar, a, b) : 0 - countDayByDay(calendar, b, a));
        expect(ab + calendar.workdaysBetween(b, c)).toBe(calendar.workdaysBetween(a, c));
      }),
      { numRuns: 300 },
    );
  });
});

describe('unknown years', () => {
  it('throws CALENDAR_YEAR_UNKNOWN for 2027 instead of guessing, naming the year and the directory', () => {
    const error = caught(() => calendar.isWorkday('2027-01-01'));
    expect(error.code).toBe('CALENDAR_YEAR_UNKNOWN');
    expect(error.status).toBe(422);
    expect(error.params.year).toBe(2027);
    expect(error.message).toContain('2027 年的节假日安排');
    expect(error.message).toContain(path.join(tmp, 'does-not-exist'));
    expect(error.message).toContain('2027.json');
  });

  it('refuses computations that reach into an unknown year', () => {
    expect(caught(() => calendar.addWorkdays('2026-12-28', 5)).params.year).toBe(2027);
    expect(caught(() => calendar.workdaysBetween('2026-12-01', '2027-01-05')).params.year).toBe(2027);
    expect(caught(() => calendar.workdaysBetween('2027-01-05', '2026-12-01')).params.year).toBe(2027);
    expect(caught(() => calendar.addWorkdays('2004-01-05', -10)).params.year).toBe(2003);
    expect(caught(() => calendar.addWorkdays('2027-03-01', 0)).code).toBe('CALENDAR_YEAR_UNKNOWN');
    // Still fine right up to the edge.
    expect(calendar.addWorkdays('2026-12-30', 1)).toBe('2026-12-31');
  });

  it('names a placeholder directory when none was configured', () => {
    const bare = new WorkdayCalendar([]);
    expect(bare.knownYears()).toEqual([]);
    expect(caught(() => bare.isWorkday('2025-01-02')).message).toContain('<数据目录>/calendar/');
  });
});

describe('override files', () => {
  it('adds a year from <dir>/2027.json and follows it', async () => {
    const dir = await overrideDir({ '2027.json': schedule2027, 'README.md': 'ignored' });
    const withOverride = await loadCalendar({ overrideDir: dir });
    expect(withOverride.knownYears().at(-1)).toBe(2027);
    expect(withOverride.sourceOf(2027)).toBe(schedule2027.source);
    expect(withOverride.isWorkday('2027-01-01')).toBe(false);
    expect(withOverride.isWorkday('2027-01-04')).toBe(true);
    expect(withOverride.isWorkday('2027-02-06')).toBe(true); // Saturday worked
    expect(withOverride.isWorkday('2027-02-08')).toBe(false); // Monday off
    expect(withOverride.addWorkdays('2026-12-31', 1)).toBe('2027-01-04');
    expect(withOverride.workdaysBetween('2026-12-31', '2027-01-04')).toBe(1);
    expect(caught(() => withOverride.isWorkday('2028-01-03')).params.year).toBe(2028);
  });

  it('replaces the package data for a year it covers', async () => {
    const dir = await overrideDir({
      '2026.json': { year: 2026, source: '测试：只放元旦', holidays: ['2026-01-01'], workdays: [] },
    });
    const replaced = await loadCalendar({ overrideDir: dir });
    expect(replaced.sourceOf(2026)).toBe('测试：只放元旦');
    expect(replaced.isWorkday('2026-01-02')).toBe(true);
    expect(replaced.isWorkday('2026-02-16')).toBe(true);
    expect(replaced.isWorkday('2026-02-14')).toBe(false);
    expect(replaced.isWorkday('2025-10-01')).toBe(false); // other years untouched
  });

  it('refuses to bridge a gap between known years', async () => {
    const dir = await overrideDir({
      '2028.json': { year: 2028, source: '测试', holidays: ['2028-01-01'], workdays: [] },
    });
    const gapped = await loadCalendar({ overrideDir: dir });
    expect(gapped.knownYears()).toContain(2028);
    expect(gapped.isWorkday('2028-01-03')).toBe(true);
    expect(gapped.workdaysBetween('2028-01-03', '2028-01-04')).toBe(1);
    expect(caught(() => gapped.isWorkday('2027-06-01')).params.year).toBe(2027);
    expect(caught(() => gapped.addWorkdays('2026-12-31', 1)).params.year).toBe(2027);
    expect(caught(() => gapped.addWorkdays('2028-01-03', -1)).params.year).toBe(2027);
    expect(caught(() => gapped.workdaysBetween('2026-12-31', '2028-01-03')).params.year).toBe(2027);
  });

  const malformed: [string, Record<string, unknown>, string][] = [
    ['not JSON', { '2027.json': '{ "year": 2027, ' }, '不是合法的 JSON'],
    ['a badly named file', { '2027-holidays.json': schedule2027 }, '文件名必须是“年份.json”'],
    ['a year differing from the name', { '2028.json': schedule2027 }, '文件名年份 2028 与 "year" 字段 2027 不一致'],
    [
      'a date of another year',
      { '2027.json': { ...schedule2027, holidays: [...schedule2027.holidays, '2026-12-31'] } },
      '"holidays" 中的 2026-12-31 不属于 2027 年',
    ],
    [
      'an impossible date',
      { '2027.json': { ...schedule2027, holidays: [...schedule2027.holidays, '2027-02-30'] } },
      '"holidays" 中的 "2027-02-30" 不是 YYYY-MM-DD 格式的真实日期',
    ],
    [
      'a date in both lists',
      { '2027.json': { ...schedule2027, workdays: [...schedule2027.workdays, '2027-01-02'] } },
      '2027-01-02 同时出现在 "holidays" 和 "workdays" 中',
    ],
    [
      'a weekday listed as adjusted workday',
      { '2027.json': { ...schedule2027, workdays: ['2027-02-10'] } },
      '调休上班日 2027-02-10 不是周六或周日',
    ],
    ['a missing source', { '2027.json': { ...schedule2027, source: ' ' } }, '"source" 必须写明依据'],
    ['an unknown field', { '2027.json': { ...schedule2027, workday: [] } }, '不认识的字段 "workday"'],
    ['no 元旦', { '2027.json': { ...schedule2027, holidays: ['2027-02-08'] } }, '缺少元旦 2027-01-01'],
    ['an array', { '2027.json': [schedule2027] }, '内容必须是一个 JSON 对象'],
  ];

  it.each(malformed)('rejects %s with CALENDAR_BAD_FILE naming the file', async (_label, files, problem) => {
    const dir = await overrideDir(files);
    const error = await caughtAsync(loadCalendar({ overrideDir: dir }));
    expect(error.code).toBe('CALENDAR_BAD_FILE');
    expect(error.status).toBe(500);
    const file = path.join(dir, Object.keys(files)[0] ?? '');
    expect(error.message.startsWith(`节假日安排文件 ${file} 有误：`)).toBe(true);
    expect(error.message).toContain(problem);
  });

  it('reports every problem of a file at once', () => {
    const error = caught(() =>
      validateSchedule({ ...schedule2027, workdays: ['2027-02-10', '2027-02-10'], holidays: ['2027-13-01'] }, 'x.json'),
    );
    expect(error.message).toBe(
      '节假日安排文件 x.json 有误："holidays" 中的 "2027-13-01" 不是 YYYY-MM-DD 格式的真实日期；' +
        '调休上班日 2027-02-10 不是周六或周日（"workdays" 只列需要上班的周末）；' +
        '"workdays" 中 2027-02-10 重复出现；' +
        '"holidays" 缺少元旦 2027-01-01，安排不完整',
    );
    expect(error.messageEn).toContain('adjusted workday 2027-02-10 is not a Saturday or Sunday');
  });

  it('treats a missing directory as no overrides, but an unreadable one as an error', async () => {
    const missing = await loadCalendar({ overrideDir: path.join(tmp, 'nope') });
    expect(missing.knownYears()).toEqual(calendar.knownYears());
    const fileNotDir = path.join(tmp, 'plain-file');
    await writeFile(fileNotDir, 'x');
    await expect(loadCalendar({ overrideDir: fileNotDir })).rejects.toThrow(/ENOTDIR/);
    await mkdir(path.join(tmp, 'empty'));
    expect((await loadCalendar({ overrideDir: path.join(tmp, 'empty') })).knownYears()).toHaveLength(23);
  });
});
