import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateResidentId } from './generate-resident-id.js';
import { maskResidentId } from './mask-resident-id.js';
import { residentIdCheckChar } from './resident-id.js';
import { rngArb, substitute, swapAdjacent } from './test-arbitraries.js';
import { validateResidentId } from './validate-resident-id.js';

const TODAY = { today: '2025-06-01' };

/** A number with a correct check character, so a test isolates the one thing it is about. */
function withCheck(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}

describe('validateResidentId', () => {
  it('accepts a valid number and describes it', () => {
    expect(validateResidentId('110101199003078515', TODAY)).toEqual({
      valid: true,
      kind: 'resident-id',
      normalized: '110101199003078515',
      issues: [],
      details: { region: '110101', birthDate: '1990-03-07', sex: 'M' },
    });
    expect(validateResidentId(withCheck('35020319851231002'), TODAY).details.sex).toBe('F');
  });

  it('accepts a lower-case x and normalizes it', () => {
    const id = withCheck('11010519491231002');
    expect(id.endsWith('X')).toBe(true);
    expect(validateResidentId(id.toLowerCase(), TODAY)).toMatchObject({ valid: true, normalized: id });
  });

  it('accepts 29 February in a leap year and rejects it in other years', () => {
    expect(validateResidentId(withCheck('11010120000229001'), TODAY).valid).toBe(true);
    expect(validateResidentId(withCheck('11010119960229001'), TODAY).valid).toBe(true);
    expect(validateResidentId(withCheck('11010119000229001'), TODAY).issues).toEqual([
      { code: 'bad-birth-date', severity: 'error', message: '第 13–14 位出生日“29”无效：1900 年 2 月只有 28 天' },
    ]);
    const result = validateResidentId(withCheck('11010119990229001'), TODAY);
    expect(result.issues).toEqual([
      { code: 'bad-birth-date', severity: 'error', message: '第 13–14 位出生日“29”无效：1999 年 2 月只有 28 天' },
    ]);
    expect(result.details.birthDate).toBeUndefined();
  });

  it('rejects impossible months and days', () => {
    expect(validateResidentId(withCheck('11010119901307001'), TODAY).issues).toEqual([
      { code: 'bad-birth-date', severity: 'error', message: '第 11–12 位出生月份“13”无效，应为 01–12' },
    ]);
    expect(validateResidentId(withCheck('11010119900431001'), TODAY).issues[0]?.message).toBe(
      '第 13–14 位出生日“31”无效：1990 年 4 月只有 30 天',
    );
    expect(validateResidentId(withCheck('11010119900400001'), TODAY).issues[0]?.message).toBe(
      '第 13–14 位出生日“00”无效：应为 01–30',
    );
  });

  it('rejects a birth date after today, and accepts one born today', () => {
    expect(validateResidentId(withCheck('11010120250602001'), TODAY).issues).toEqual([
      { code: 'birth-date-in-future', severity: 'error', message: '第 7–14 位出生日期 2025-06-02 晚于今天（2025-06-01）' },
    ]);
    expect(validateResidentId(withCheck('11010120250601001'), TODAY).valid).toBe(true);
  });

  it('defaults today to the current date in China', () => {
    expect(validateResidentId(withCheck('11010130000101001')).issues[0]?.code).toBe('birth-date-in-future');
    expect(validateResidentId(withCheck('11010120000101001')).valid).toBe(true);
  });

  it('throws when the today option is not a date', () => {
    expect(() => validateResidentId('110101199003078515', { today: '2025/06/01' })).toThrow(/YYYY-MM-DD/);
  });

  it('rejects birth years before 1900', () => {
    expect(validateResidentId(withCheck('11010118991231001'), TODAY).issues).toEqual([
      { code: 'birth-date-too-early', severity: 'error', message: '第 7–10 位出生年份“1899”早于 1900 年' },
    ]);
  });

  it('rejects an address code that does not start with a province', () => {
    expect(validateResidentId(withCheck('99010119900307851'), TODAY).issues).toEqual([
      { code: 'bad-address-code', severity: 'error', message: '第 1–2 位“99”不是有效的省级行政区划代码' },
    ]);
    for (const province of ['71', '81', '82', '83', '65']) {
      expect(validateResidentId(withCheck(`${province}010119900307851`), TODAY).valid).toBe(true);
    }
  });

  it('reports a wrong check character with the expected one', () => {
    expect(validateResidentId('110101199003078514', TODAY)).toMatchObject({
      valid: false,
      issues: [{ code: 'checksum-mismatch', severity: 'error', message: '第 18 位校验码应为“5”，实际为“4”' }],
      details: { expectedCheck: '5' },
    });
  });

  it('reports bad characters and lengths without repeating the number', () => {
    const result = validateResidentId('1101011990O3078515', TODAY);
    expect(result.issues).toEqual([
      { code: 'bad-character', severity: 'error', message: '第 11 位字符“O”无效：前 17 位只能是数字' },
    ]);
    expect(validateResidentId('11010119900307851Y', TODAY).issues[0]?.message).toBe(
      '第 18 位校验码“Y”无效：校验码只能是数字或“X”',
    );
    expect(validateResidentId('11010119900307851', TODAY).issues).toEqual([
      { code: 'bad-length', severity: 'error', message: '居民身份证号码应为 18 位，实际为 17 位' },
    ]);
  });

  it('never puts the number into a message', () => {
    fc.assert(
      fc.property(rngArb, fc.nat(17), fc.constantFrom(...'0123456789XA'), (rng, position, char) => {
        const id = substitute(generateResidentId(rng), position, char);
        for (const issue of validateResidentId(id, TODAY).issues) expect(issue.message).not.toContain(id.slice(0, 14));
      }),
    );
  });
});

describe('maskResidentId', () => {
  it('hides the birth month and day', () => {
    expect(maskResidentId('110101199003078515')).toBe('1101011990****8515');
    expect(maskResidentId('11010519491231002x')).toBe('1101051949****002X');
    expect(maskResidentId('110101900307851')).toBe('11010190****851');
  });

  it('masks everything it cannot parse', () => {
    expect(maskResidentId('1101011990030785')).toBe('****************');
  });
});

describe('validateResidentId properties', () => {
  it('accepts every generated number and reads back region, birth date and sex', () => {
    fc.assert(
      fc.property(
        rngArb,
        fc.constantFrom('110101', '350203', '440305', '810000'),
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-06-01T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('M' as const, 'F' as const),
        (rng, region, date, sex) => {
          const birthDate = date.toISOString().slice(0, 10);
          const result = validateResidentId(generateResidentId(rng, { region, birthDate, sex }), TODAY);
          expect(result).toMatchObject({ valid: true, details: { region, birthDate, sex } });
        },
      ),
    );
  });

  // Weights are powers of 2 mod 11, all non-zero, and digits differ by less than 11.
  it('catches every single-character substitution', () => {
    fc.assert(
      fc.property(rngArb, fc.nat(17), fc.constantFrom(...'0123456789X'), (rng, position, char) => {
        const id = generateResidentId(rng);
        fc.pre(char !== id.charAt(position));
        expect(validateResidentId(substitute(id, position, char), TODAY).valid).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  // Adjacent weights satisfy w(i) = 2·w(i+1) mod 11, so a swap changes the sum by (a − b)·w(i+1) ≢ 0;
  // the check character has weight 1 against position 17's 2, so swapping those is caught too.
  it('catches every transposition of adjacent distinct characters, including the check character', () => {
    fc.assert(
      fc.property(rngArb, fc.nat(16), (rng, position) => {
        const id = generateResidentId(rng);
        fc.pre(id.charAt(position) !== id.charAt(position + 1));
        const swapped = swapAdjacent(id, position);
        expect(validateResidentId(swapped, TODAY).issues.map((i) => i.code)).toContain(
          position === 16 && id.charAt(17) === 'X' ? 'bad-character' : 'checksum-mismatch',
        );
      }),
      { numRuns: 2000 },
    );
  });
});
