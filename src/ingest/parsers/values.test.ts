import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSerialToDate, formatSpreadsheetDate, isDateFormat, plainDecimal } from './values.js';

describe('plainDecimal', () => {
  it('never uses exponent notation and keeps the value', () => {
    expect(plainDecimal(1e-7)).toBe('0.0000001');
    expect(plainDecimal(-1.5e-10)).toBe('-0.00000000015');
    expect(plainDecimal(123.45)).toBe('123.45');
    expect(plainDecimal(1e21)).toBe('1000000000000000000000');
    expect(plainDecimal(1.25e22)).toBe('12500000000000000000000');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = plainDecimal(n);
        expect(text).not.toMatch(/e/i);
        expect(Number(text)).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

describe('spreadsheet dates', () => {
  it('formats dates, date-times and pure times, rounding to the second', () => {
    expect(formatSpreadsheetDate(excelSerialToDate(45296, false))).toBe('2024-01-05');
    expect(formatSpreadsheetDate(excelSerialToDate(45296.354166666664, false))).toBe('2024-01-05 08:30:00');
    expect(formatSpreadsheetDate(excelSerialToDate(0.354166666, false))).toBe('08:30:00');
    expect(formatSpreadsheetDate(excelSerialToDate(43834, true))).toBe('2024-01-05');
    expect(formatSpreadsheetDate(new Date(Number.NaN))).toBe('');
  });

  it('recognises date formats but not number formats', () => {
    for (const f of ['yyyy-mm-dd', 'm/d/yy', 'yyyy"年"m"月"d"日"', '[$-804]yyyy年m月d日', 'h:mm:ss', '[h]:mm', 'mm-dd-yy']) expect(isDateFormat(f)).toBe(true);
    for (const f of [undefined, '', 'General', '0.00', '#,##0.00"万元"', '0.00E+00', '@', '[Red]#,##0', '0.0_ ;[Red]\\-0.0\\ ', '"年份"0']) expect(isDateFormat(f)).toBe(false);
  });
});
