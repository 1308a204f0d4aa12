import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from './create-rng.js';
import { generateUscc } from './generate-uscc.js';
import { rngArb, substitute, swapAdjacent } from './test-arbitraries.js';
import { orgCodeFromUscc, regionOfUscc, USCC_ALPHABET, USCC_WEIGHTS, usccCheckChar } from './uscc.js';
import { USCC_AUTHORITIES } from './uscc-authorities.js';
import { validateUscc } from './validate-uscc.js';

const EXAMPLE = '91350100M000100Y43';

const pairArb = fc.constantFrom(
  ...Object.entries(USCC_AUTHORITIES).flatMap(([authority, entry]) =>
    Object.keys(entry.categories).map((category) => ({ authority, category })),
  ),
);

describe('USCC helpers', () => {
  it('uses the weights 3^(i-1) mod 31 from the standard', () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it('computes the check character of the worked example', () => {
    expect(usccCheckChar(EXAMPLE.slice(0, 17))).toBe('3');
  });

  it('throws on input it cannot compute a check for', () => {
    expect(() => usccCheckChar('91350100M000100Y')).toThrow(/17 位/);
    expect(() => usccCheckChar('91350100M000100O4')).toThrow(/17 位/);
  });

  it('derives the embedded org code and the region', () => {
    expect(orgCodeFromUscc(EXAMPLE)).toBe('M000100Y4');
    expect(regionOfUscc(EXAMPLE)).toBe('350100');
    expect(orgCodeFromUscc('00000000000000000X')).toBeUndefined();
    expect(regionOfUscc('91A50100M000100Y43')).toBeUndefined();
    expect(orgCodeFromUscc('9135')).toBeUndefined();
  });
});

describe('validateUscc', () => {
  it('accepts the worked example of GB 32100 and describes it', () => {
    expect(validateUscc(EXAMPLE)).toEqual({
      valid: true,
      kind: 'uscc',
      normalized: EXAMPLE,
      issues: [],
      details: {
        authority: '9',
        authorityName: '工商',
        category: '1',
        categoryName: '企业',
        region: '350100',
        orgCode: 'M000100Y4',
      },
    });
  });

  it('accepts lower-case and full-width input and reports the normalized form', () => {
    expect(validateUscc(' 91350100m000100y43 ')).toMatchObject({ valid: true, normalized: EXAMPLE });
    expect(validateUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toMatchObject({ valid: true, normalized: EXAMPLE });
  });

  it('accepts codes of authorities A, N and Y', () => {
    const rng = createRng(7);
    for (const [authority, category, name] of [
      ['A', '1', '中央军委改革和编制办公室'],
      ['N', '2', '农业'],
      ['Y', '1', '其他'],
    ] as const) {
      const code = generateUscc(rng, { authority, category });
      const result = validateUscc(code);
      expect(result.valid, code).toBe(true);
      expect(result.details.authorityName).toBe(name);
    }
  });

  it('treats the 个体工商户 placeholder as valid and says the registration number is then required', () => {
    const result = validateUscc('00000000000000000x');
    expect(result).toEqual({
      valid: true,
      kind: 'uscc',
      normalized: '00000000000000000X',
      issues: [
        {
          code: 'placeholder',
          severity: 'info',
          message: '“00000000000000000X”是无统一社会信用代码的个体工商户的占位代码，此时必须填写工商注册号',
        },
      ],
      details: { placeholder: true },
    });
  });

  it('reports a wrong check character with the expected one and flags a possible pilot-era code', () => {
    const result = validateUscc('91350100M000100Y44');
    expect(result.valid).toBe(false);
    expect(result.issues).toEqual([
      { code: 'checksum-mismatch', severity: 'error', message: '第 18 位校验码应为“3”，实际为“4”' },
    ]);
    expect(result.details).toMatchObject({ expectedCheck: '3', pilotEraCandidate: true });
  });

  it('does not flag a code as pilot-era when something besides the check character is wrong', () => {
    const result = validateUscc('9B350100M000100Y43');
    expect(result.issues.map((i) => i.code)).toEqual(['unknown-category', 'checksum-mismatch']);
    expect(result.issues[0]?.message).toBe(
      '第 2 位机构类别代码“B”对登记管理部门“9（工商）”无效，应为 1（企业）、2（个体工商户）、3（农民专业合作社）之一',
    );
    expect(result.details.pilotEraCandidate).toBeUndefined();
    expect(result.details.expectedCheck).toBe('4');
  });

  it('reports an unknown authority', () => {
    const code = 'B1350100M000100Y4';
    const result = validateUscc(code + usccCheckChar(code));
    expect(result.valid).toBe(false);
    expect(result.issues).toEqual([
      {
        code: 'unknown-authority',
        severity: 'error',
        message: '第 1 位登记管理部门代码“B”无效，应为 1、2、3、4、5、6、7、8、9、A、N、Y 之一',
      },
    ]);
  });

  it('names each character outside the alphabet, with a hint for look-alikes', () => {
    const result = validateUscc('91350100MO00100Y43');
    expect(result.valid).toBe(false);
    expect(result.issues).toEqual([
      {
        code: 'bad-character',
        severity: 'error',
        message: '第 10 位字符“O”不在统一社会信用代码字符集内（数字 0–9 和除 I、O、Z、S、V 以外的大写字母），是否应为“0”？',
      },
    ]);
    expect(validateUscc('91350100M000100Y4号').issues[0]?.message).toMatch(/^第 18 位字符“号”/);
    expect(validateUscc('91350100M000100Y4\t').normalized).toBe('91350100M000100Y4');
  });

  it('requires digits in positions 3–8', () => {
    const first17 = '91A50100M000100Y4';
    const result = validateUscc(first17 + usccCheckChar(first17));
    expect(result.issues).toEqual([
      {
        code: 'region-not-digits',
        severity: 'error',
        message: '第 3 位字符“A”应为数字：第 3–8 位是登记管理机关行政区划码，只能是数字',
      },
    ]);
    expect(result.details.region).toBeUndefined();
  });

  it('warns about an unknown province in the region and a bad embedded org-code check', () => {
    const first17 = '91990100M000100Y5';
    const result = validateUscc(first17 + usccCheckChar(first17));
    expect(result.valid).toBe(true);
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([
      ['unknown-region', 'warning'],
      ['org-code-checksum-mismatch', 'warning'],
    ]);
    expect(result.issues[1]?.message).toBe('第 9–17 位主体标识码（组织机构代码）“M000100Y-5”的校验码应为“4”，实际为“5”');
  });

  it('rejects empty input and wrong lengths', () => {
    expect(validateUscc('  ').issues).toEqual([{ code: 'empty', severity: 'error', message: '统一社会信用代码为空' }]);
    expect(validateUscc('91350100M000100Y4').issues).toEqual([
      { code: 'bad-length', severity: 'error', message: '统一社会信用代码应为 18 位，实际为 17 位' },
    ]);
  });
});

describe('validateUscc properties', () => {
  it('accepts every generated code, for every authority/category pair', () => {
    fc.assert(
      fc.property(rngArb, pairArb, (rng, pair) => {
        const result = validateUscc(generateUscc(rng, pair));
        expect(result.issues).toEqual([]);
        expect(result.details.category).toBe(pair.category);
      }),
    );
  });

  // 31 is prime and every weight is non-zero mod 31, so a change of one value changes the sum mod 31.
  it('catches every single-character substitution within the alphabet', () => {
    fc.assert(
      fc.property(rngArb, fc.nat(17), fc.integer({ min: 1, max: 30 }), (rng, position, shift) => {
        const code = generateUscc(rng);
        const original = USCC_ALPHABET.indexOf(code.charAt(position));
        const changed = substitute(code, position, USCC_ALPHABET.charAt((original + shift) % 31));
        const result = validateUscc(changed);
        expect(result.valid).toBe(false);
        expect(result.issues.map((i) => i.code)).toContain('checksum-mismatch');
      }),
      { numRuns: 2000 },
    );
  });

  it('catches every single-character substitution exhaustively for one code', () => {
    const code = generateUscc(createRng(1));
    for (let position = 0; position < 18; position++) {
      for (const char of USCC_ALPHABET) {
        if (char === code.charAt(position)) continue;
        expect(validateUscc(substitute(code, position, char)).valid).toBe(false);
      }
    }
  });

  // Adjacent weights differ by a factor of 3, so w(i) − w(i+1) = −2·w(i) ≢ 0 (mod 31); a swap with the
  // check character changes the sum by (a − c)(w17 − 1) with w17 = 28, also non-zero. All are caught.
  it('catches every transposition of adjacent distinct characters, including the check character', () => {
    fc.assert(
      fc.property(rngArb, pairArb, fc.nat(16), (rng, pair, position) => {
        const code = generateUscc(rng, pair);
        fc.pre(code.charAt(position) !== code.charAt(position + 1));
        const result = validateUscc(swapAdjacent(code, position));
        expect(result.valid).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
