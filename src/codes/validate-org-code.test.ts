import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateOrgCode } from './generate-org-code.js';
import { formatOrgCode, orgCodeCheckChar } from './org-code.js';
import { rngArb, substitute, swapAdjacent } from './test-arbitraries.js';
import { validateOrgCode } from './validate-org-code.js';

const BODY_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const value = (char: string): number => BODY_CHARS.indexOf(char);

describe('orgCodeCheckChar', () => {
  it('follows GB 11714: 11 − (Σ mod 11), 10 → X, 11 → 0', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('00000000')).toBe('0');
    // 3·0+7·0+9·0+10·0+5·0+8·0+4·0+2·5 = 10 → 11 − 10 = 1
    expect(orgCodeCheckChar('00000005')).toBe('1');
    // Σ = 2·6 = 12 ≡ 1 → 10 → X
    expect(orgCodeCheckChar('00000006')).toBe('X');
  });

  it('throws on a body it cannot compute', () => {
    expect(() => orgCodeCheckChar('1234567')).toThrow(/8 位/);
  });
});

describe('validateOrgCode', () => {
  it('accepts the code with or without hyphen and gives the display form', () => {
    for (const input of ['M000100Y4', 'M000100Y-4', 'm000100y－4', ' M000100Y - 4 ']) {
      expect(validateOrgCode(input)).toEqual({
        valid: true,
        kind: 'org-code',
        normalized: 'M000100Y4',
        issues: [],
        details: { display: 'M000100Y-4' },
      });
    }
    expect(validateOrgCode('00000006-x')).toMatchObject({ valid: true, normalized: '00000006X' });
  });

  it('reports a wrong check character with the expected one', () => {
    expect(validateOrgCode('M000100Y-5')).toEqual({
      valid: false,
      kind: 'org-code',
      normalized: 'M000100Y5',
      issues: [{ code: 'checksum-mismatch', severity: 'error', message: '第 9 位校验码应为“4”，实际为“5”' }],
      details: { display: 'M000100Y-5', expectedCheck: '4' },
    });
  });

  it('reports bad characters and lengths', () => {
    expect(validateOrgCode('M000100Y-A').issues).toEqual([
      { code: 'bad-character', severity: 'error', message: '第 9 位校验码“A”无效：校验码只能是数字或“X”' },
    ]);
    expect(validateOrgCode('M0001_0Y4').issues[0]).toEqual({
      code: 'bad-character',
      severity: 'error',
      message: '第 6 位字符“_”无效：本体代码只能是数字或大写字母',
    });
    expect(validateOrgCode('M000100-4').issues).toEqual([
      { code: 'bad-length', severity: 'error', message: '组织机构代码应为 9 位（不含连字符），实际为 8 位' },
    ]);
    expect(validateOrgCode('').issues[0]?.code).toBe('empty');
  });

  it('formats for display', () => {
    expect(formatOrgCode('M000100Y4')).toBe('M000100Y-4');
  });
});

describe('validateOrgCode properties', () => {
  it('accepts every generated code', () => {
    fc.assert(fc.property(rngArb, (rng) => validateOrgCode(generateOrgCode(rng)).valid));
  });

  // Each weight is non-zero mod 11, so a substitution is caught exactly when the two characters'
  // values differ mod 11 — always for digits, but not for e.g. 0 ↔ B (0 and 11).
  it('catches a body substitution exactly when the values differ mod 11', () => {
    fc.assert(
      fc.property(rngArb, fc.nat(7), fc.constantFrom(...BODY_CHARS), (rng, position, char) => {
        const code = generateOrgCode(rng);
        const original = code.charAt(position);
        fc.pre(char !== original);
        const caught = !validateOrgCode(substitute(code, position, char)).valid;
        expect(caught).toBe((value(char) - value(original)) % 11 !== 0);
      }),
      { numRuns: 2000 },
    );
    expect(validateOrgCode(substitute('M000100Y4', 1, 'B')).valid).toBe(true);
  });

  it('catches every substitution of the check character', () => {
    fc.assert(
      fc.property(rngArb, fc.constantFrom(...'0123456789X'), (rng, char) => {
        const code = generateOrgCode(rng);
        fc.pre(char !== code.charAt(8));
        expect(validateOrgCode(substitute(code, 8, char)).valid).toBe(false);
      }),
    );
  });

  // Adjacent weights differ by 4, 2, 1, 5, 3, 4, 2 — all non-zero mod 11 — so swapping two body
  // characters is caught exactly when their values differ mod 11 (always for digits).
  it('catches adjacent body transpositions exactly when the values differ mod 11', () => {
    fc.assert(
      fc.property(rngArb, fc.nat(6), (rng, position) => {
        const code = generateOrgCode(rng);
        const [a, b] = [code.charAt(position), code.charAt(position + 1)];
        fc.pre(a !== b);
        const caught = !validateOrgCode(swapAdjacent(code, position)).valid;
        expect(caught).toBe((value(a) - value(b)) % 11 !== 0);
      }),
      { numRuns: 2000 },
    );
  });
});
