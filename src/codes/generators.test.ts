import { describe, expect, it } from 'vitest';
import { createRng } from './create-rng.js';
import { generateOrgCode } from './generate-org-code.js';
import { generateRegNo } from './generate-reg-no.js';
import { generateResidentId } from './generate-resident-id.js';
import { generateUscc } from './generate-uscc.js';
import { validateResidentId } from './validate-resident-id.js';
import { validateUscc } from './validate-uscc.js';

describe('createRng', () => {
  it('is reproducible from its seed and stays in [0, 1)', () => {
    const a = createRng(2024);
    const b = createRng(2024);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(createRng(2025)()).not.toBe(values[0]);
  });

  it('spreads values roughly evenly', () => {
    const rng = createRng(1);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(rng() * 10)]! += 1;
    for (const count of buckets) expect(count).toBeGreaterThan(9_500);
  });
});

describe('generators', () => {
  it('produce the same codes from the same seed', () => {
    const run = (seed: number): string[] => {
      const rng = createRng(seed);
      return [generateUscc(rng), generateOrgCode(rng), generateRegNo(rng), generateResidentId(rng)];
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
  });

  it('honour the USCC options and default to a 工商 enterprise', () => {
    const rng = createRng(9);
    expect(validateUscc(generateUscc(rng)).details).toMatchObject({ authority: '9', category: '1' });
    expect(generateUscc(rng, { authority: '5', category: '3', region: '350203' })).toMatch(/^53350203/);
    expect(generateUscc(rng, { authority: 'N' })).toMatch(/^N1/);
  });

  it('honour the resident ID options', () => {
    const id = generateResidentId(createRng(3), { region: '350203', birthDate: '2000-02-29', sex: 'F' });
    expect(validateResidentId(id, { today: '2025-06-01' }).details).toEqual({
      region: '350203',
      birthDate: '2000-02-29',
      sex: 'F',
    });
  });

  it('put the region first in a registration number', () => {
    expect(generateRegNo(createRng(3), '440305')).toMatch(/^440305\d{9}$/);
  });

  it('throw a coded error on options the standards do not allow', () => {
    const rng = createRng(1);
    expect(() => generateUscc(rng, { authority: 'B' })).toThrow(expect.objectContaining({ code: 'CODES_INVALID_ARGUMENT' }));
    expect(() => generateUscc(rng, { authority: '9', category: '9' })).toThrow(/工商.*9/);
    expect(() => generateUscc(rng, { region: '35020' })).toThrow(/6 位数字/);
    expect(() => generateRegNo(rng, 'abcdef')).toThrow(/6 位数字/);
    expect(() => generateResidentId(rng, { region: '990101' })).toThrow(/地址码/);
    expect(() => generateResidentId(rng, { birthDate: '1999-02-29' })).toThrow(/出生日期/);
    expect(() => generateResidentId(rng, { birthDate: '1899-12-31' })).toThrow(/出生日期/);
  });
});
