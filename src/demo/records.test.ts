import { describe, expect, it } from 'vitest';
import { createRng, validateCode, validateResidentId } from '../codes/index.js';
import { LICENCE_COLUMNS, LICENCE_REQUIRED, PENALTY_COLUMNS, PENALTY_REQUIRED } from './columns.js';
import { DEPARTMENTS } from './departments.js';
import { createRecordContext, fenToWan, generateLicenceRow, generatePenalty, generatePenaltyRow, nameVariant } from './records.js';
import { smallCity, TODAY } from './test-fixtures.js';
import { LICENCE_CATEGORIES, PENALTY_CATEGORIES, SUBJECT_CATEGORIES } from './vocab.js';

const city = smallCity();
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string): boolean => ISO_DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const threeYearsAgo = '2023-11-21';
const departmentUscc = new Map(DEPARTMENTS.map((d) => [d.name, d.uscc]));

describe('penalty rows', () => {
  const rows = city.penaltyRows;

  it('have every template column, in template order, and fill the required ones', () => {
    for (const row of rows) {
      expect(Object.keys(row)).toEqual([...PENALTY_COLUMNS]);
      for (const field of PENALTY_REQUIRED) expect(row[field], field).not.toBe('');
    }
  });

  it('identify the subject as the national rules require', () => {
    for (const row of rows) {
      expect(SUBJECT_CATEGORIES).toContain(row.CF_XDR_LB);
      if (row.CF_XDR_LB === '自然人') {
        expect(row.CF_XDR_ZJLX).toBe('身份证');
        expect(validateResidentId(row.CF_XDR_ZJHM ?? '', { today: TODAY }).valid).toBe(true);
        expect(row.CF_XDR_SHXYM).toBe('');
      } else {
        const code = row.CF_XDR_SHXYM ?? '';
        if (code === '00000000000000000X') {
          expect(row.CF_XDR_LB).toBe('个体工商户');
          expect(row.CF_XDR_GSZC).toMatch(/^\d{15}$/);
        } else {
          expect(validateCode(code).valid, code).toBe(true);
          if (code.startsWith('91')) expect(row.CF_XDR_LB).toBe('法人及非法人组织');
          if (code.startsWith('92')) expect(row.CF_XDR_LB).toBe('个体工商户');
        }
        expect(row.CF_FRDB).not.toBe('');
        if (row.CF_XDR_ZZJG) expect(validateCode(row.CF_XDR_ZZJG).valid).toBe(true);
      }
    }
  });

  it('are mostly about enterprises, some 个体工商户 and a few natural persons', () => {
    const share = (lb: string): number => rows.filter((r) => r.CF_XDR_LB === lb).length / rows.length;
    expect(share('法人及非法人组织')).toBeGreaterThan(0.55);
    expect(share('个体工商户')).toBeGreaterThan(0.1);
    expect(share('自然人')).toBeGreaterThan(0.01);
    expect(share('自然人')).toBeLessThan(0.15);
  });

  it('carry unique document numbers of the form 榕…〔year〕serial号, the year being the decision year', () => {
    const numbers = rows.map((r) => r.CF_WSH ?? '');
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const row of rows) {
      const m = /^榕\S+〔(\d{4})〕\d+号$/.exec(row.CF_WSH ?? '');
      expect(m, row.CF_WSH).not.toBeNull();
      expect(m?.[1]).toBe(row.CF_JDRQ?.slice(0, 4));
    }
  });

  it('use the current 处罚类别 vocabulary, sometimes two joined by ;', () => {
    for (const row of rows) for (const c of (row.CF_CFLB ?? '').split(';')) expect(PENALTY_CATEGORIES).toContain(c);
    expect(rows.some((r) => r.CF_CFLB?.includes(';'))).toBe(true);
    expect(rows.filter((r) => r.CF_CFLB?.split(';').includes('罚款')).length / rows.length).toBeGreaterThan(0.7);
  });

  it('give amounts in 万元 as positive decimals with at most six decimals, present with a 罚款', () => {
    const amounts: number[] = [];
    for (const row of rows) {
      for (const field of ['CF_NR_FK', 'CF_NR_WFFF'] as const) {
        const value = row[field] ?? '';
        if (value === '') continue;
        expect(value, field).toMatch(/^\d+(\.\d{1,6})?$/);
        expect(Number(value)).toBeGreaterThan(0);
      }
      const fines = row.CF_CFLB?.split(';').includes('罚款');
      expect(row.CF_NR_FK !== '', row.CF_WSH).toBe(fines);
      if (fines) amounts.push(Number(row.CF_NR_FK));
    }
    amounts.sort((a, b) => a - b);
    const median = amounts[Math.floor(amounts.length / 2)] ?? 0;
    expect(median).toBeGreaterThan(0.05);
    expect(median).toBeLessThan(50);
    expect(amounts.some((a) => a > 50)).toBe(true);
  });

  it('date decisions in the last three years on working days, with consistent validity and publication ends', () => {
    for (const row of rows) {
      const decided = row.CF_JDRQ ?? '';
      expect(isRealDate(decided)).toBe(true);
      expect(decided > threeYearsAgo && decided <= TODAY).toBe(true);
      expect([0, 6]).not.toContain(new Date(`${decided}T00:00:00Z`).getUTCDay());
      expect(isRealDate(row.CF_YXQ ?? '')).toBe(true);
      expect((row.CF_YXQ ?? '') > decided).toBe(true);
      expect(isRealDate(row.CF_GSJZQ ?? '')).toBe(true);
      expect((row.CF_GSJZQ ?? '') > decided).toBe(true);
      expect((row.CF_GSJZQ ?? '') <= `${Number(decided.slice(0, 4)) + 3}${decided.slice(4)}`).toBe(true);
    }
  });

  it('are issued by a department under its own USCC, which is also the data source', () => {
    for (const row of rows) {
      expect(row.CF_CFJGDM).toBe(departmentUscc.get(row.CF_CFJG ?? ''));
      expect(row.CF_SJLY).toBe(row.CF_CFJG);
      expect(row.CF_SJLYDM).toBe(row.CF_CFJGDM);
    }
    expect(new Set(rows.map((r) => r.CF_CFJG)).size).toBe(13);
  });

  it('read like decisions: facts end by citing the law violated, the basis cites a law', () => {
    for (const row of rows) {
      expect(row.CF_SY).toMatch(/《[^》]+》第[^。]+条[^。]*的规定[^。]*。$/);
      expect(row.CF_YJ).toMatch(/^《[^》]+》第.+条/);
    }
  });

  it('generate one by one with a decision date and department on request', () => {
    const ctx = createRecordContext({ pool: city, today: TODAY });
    const row = generatePenaltyRow(createRng(1), ctx, { decidedOn: '2025-03-12', department: 'XF' });
    expect(row.CF_JDRQ).toBe('2025-03-12');
    expect(row.CF_CFJG).toBe('福州市消防救援支队');
    expect(row.CF_WSH).toMatch(/^榕消行罚决字〔2025〕0001号$/);
    expect(generatePenalty(createRng(1), createRecordContext({ pool: city, today: TODAY }), { department: 'XF' }).department.code).toBe('XF');
  });
});

describe('licence rows', () => {
  const rows = city.licenceRows;

  it('have every template column, in order, and fill the required ones', () => {
    for (const row of rows) {
      expect(Object.keys(row)).toEqual([...LICENCE_COLUMNS]);
      for (const field of LICENCE_REQUIRED) expect(row[field], field).not.toBe('');
    }
  });

  it('use the 许可类别 vocabulary, with long-term validity as 2099-12-31 and a consistent 当前状态', () => {
    for (const row of rows) {
      expect(LICENCE_CATEGORIES).toContain(row.XK_XKLB);
      expect(row.XK_YXQZ).toBe(row.XK_JDRQ);
      expect(isRealDate(row.XK_YXQZI ?? '')).toBe(true);
      expect((row.XK_YXQZI ?? '') > (row.XK_YXQZ ?? '')).toBe(true);
      expect(row.XK_ZT).toBe((row.XK_YXQZI ?? '') >= TODAY ? '1' : '2');
    }
    expect(rows.some((r) => r.XK_YXQZI === '2099-12-31')).toBe(true);
    expect(new Set(rows.map((r) => r.XK_XKLB)).size).toBeGreaterThanOrEqual(5);
    expect(rows.some((r) => r.XK_XKWS === '食品经营许可证准予许可决定书')).toBe(true);
  });

  it('carry unique decision numbers per department', () => {
    const keys = rows.map((r) => `${r.XK_XKJG}|${r.XK_WSH}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('date 设立登记 at the subject’s establishment', () => {
    const established = new Map([...city.enterprises, ...city.individualBusinesses].map((s) => [s.uscc ?? s.regNo, s.establishedOn]));
    const registrations = rows.filter((r) => r.XK_XKWS === '准予设立登记通知书');
    expect(registrations.length).toBeGreaterThan(0);
    for (const r of registrations) expect(r.XK_JDRQ).toBe(established.get(r.XK_XKBH));
  });

  it('generate one by one', () => {
    const ctx = createRecordContext({ pool: city, today: TODAY });
    const row = generateLicenceRow(createRng(2), ctx, { department: 'SCJG', decidedOn: '2024-06-03' });
    expect(row.XK_XKJG).toBe('福州市市场监督管理局');
  });
});

describe('helpers', () => {
  it('fenToWan writes 万元 without float error', () => {
    expect(fenToWan(5_000_000)).toBe('5');
    expect(fenToWan(20_000)).toBe('0.02');
    expect(fenToWan(12_345_678)).toBe('12.345678');
    expect(fenToWan(100)).toBe('0.0001');
    expect(fenToWan(-500_000)).toBe('-0.5');
  });

  it('nameVariant converts to traditional characters or half-width brackets, or declines', () => {
    expect(nameVariant('福州华信电子科技有限公司', 'traditional')).toBe('福州華信電子科技有限公司');
    expect(nameVariant('华信（福州）贸易有限公司', 'half-width-brackets')).toBe('华信(福州)贸易有限公司');
    expect(nameVariant('福州华信电子科技有限公司', 'half-width-brackets')).toBeNull();
  });
});
