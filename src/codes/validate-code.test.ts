import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateOrgCode } from './generate-org-code.js';
import { generateRegNo } from './generate-reg-no.js';
import { generateResidentId } from './generate-resident-id.js';
import { generateUscc } from './generate-uscc.js';
import { residentIdCheckChar } from './resident-id.js';
import { rngArb } from './test-arbitraries.js';
import { CODE_ISSUE_CODES } from './types.js';
import { USCC_AUTHORITIES } from './uscc-authorities.js';
import { validateCode } from './validate-code.js';

const TODAY = { today: '2025-06-01' };

const pairArb = fc.constantFrom(
  ...Object.entries(USCC_AUTHORITIES).flatMap(([authority, entry]) =>
    Object.keys(entry.categories).map((category) => ({ authority, category })),
  ),
);

describe('validateCode', () => {
  it('detects each kind from its shape', () => {
    expect(validateCode('91350100M000100Y43', TODAY)).toMatchObject({ kind: 'uscc', valid: true });
    expect(validateCode('00000000000000000X', TODAY)).toMatchObject({
      kind: 'uscc',
      valid: true,
      details: { placeholder: true },
    });
    expect(validateCode('M000100Y-4', TODAY)).toMatchObject({ kind: 'org-code', valid: true, normalized: 'M000100Y4' });
    expect(validateCode('370102048050204', TODAY)).toMatchObject({ kind: 'reg-no', valid: true });
    expect(validateCode('11010519491231002x', TODAY)).toMatchObject({ kind: 'resident-id', valid: true });
  });

  it('reads an all-digit code by its structure when its check fails', () => {
    // A 居民身份证号码 with a wrong check character, and one with an impossible date.
    expect(validateCode('110101199003078514', TODAY)).toMatchObject({
      kind: 'resident-id',
      issues: [{ code: 'checksum-mismatch' }],
    });
    const feb30 = '11010119900230851';
    expect(validateCode(feb30 + residentIdCheckChar(feb30), TODAY)).toMatchObject({
      kind: 'resident-id',
      issues: [{ code: 'bad-birth-date' }],
    });
    // A 工商 enterprise USCC with an all-digit organisation code and a wrong check character.
    expect(validateCode('913701028615268487', TODAY)).toMatchObject({
      kind: 'uscc',
      details: { expectedCheck: '6', pilotEraCandidate: true },
    });
  });

  it('reports empty input and lengths that match no kind', () => {
    expect(validateCode(' - ', TODAY)).toEqual({
      valid: false,
      kind: 'unknown',
      normalized: '',
      issues: [{ code: 'empty', severity: 'error', message: '代码为空' }],
      details: {},
    });
    expect(validateCode('9135010', TODAY)).toEqual({
      valid: false,
      kind: 'unknown',
      normalized: '9135010',
      issues: [
        {
          code: 'bad-length',
          severity: 'error',
          message:
            '代码长度为 7 位，不符合任何已知代码（统一社会信用代码 18 位、组织机构代码 9 位、工商注册号 15 位、居民身份证号码 18 位）',
        },
      ],
      details: {},
    });
  });

  it('rejects a malformed today option whatever the input', () => {
    expect(() => validateCode('91350100M000100Y43', { today: '2025-13-01' })).toThrow(/YYYY-MM-DD/);
  });

  it('returns plain JSON', () => {
    const result = validateCode('91350100M000100Y44', TODAY);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe('validateCode properties', () => {
  it('detects and accepts every generated code of every kind', () => {
    fc.assert(
      fc.property(rngArb, pairArb, (rng, pair) => {
        expect(validateCode(generateUscc(rng, pair), TODAY)).toMatchObject({ kind: 'uscc', valid: true });
        expect(validateCode(generateOrgCode(rng), TODAY)).toMatchObject({ kind: 'org-code', valid: true });
        expect(validateCode(generateRegNo(rng), TODAY)).toMatchObject({ kind: 'reg-no', valid: true });
        expect(validateCode(generateResidentId(rng), TODAY)).toMatchObject({ kind: 'resident-id', valid: true });
      }),
      { numRuns: 5000 },
    );
  });

  it('never throws, and every issue uses a catalogued code and a Chinese message', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (input) => {
        const result = validateCode(input, TODAY);
        expect(result.valid).toBe(!result.issues.some((i) => i.severity === 'error'));
        for (const issue of result.issues) {
          expect(CODE_ISSUE_CODES).toContain(issue.code);
          expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
