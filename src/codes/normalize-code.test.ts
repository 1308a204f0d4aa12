import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCode } from './normalize-code.js';

describe('normalizeCode', () => {
  it('trims, upper-cases and removes inner spaces', () => {
    expect(normalizeCode('  91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(normalizeCode('110101 19900307 8515')).toBe('110101199003078515');
  });

  it('turns full-width digits, letters and spaces into half-width', () => {
    expect(normalizeCode('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(normalizeCode('ｍ０００１００ｙ４')).toBe('M000100Y4');
    expect(normalizeCode('\u3000９１３５\u3000')).toBe('9135');
  });

  it('removes the hyphen of the printed org code, in its ASCII, full-width and dash forms', () => {
    expect(normalizeCode('12345678-X')).toBe('12345678X');
    expect(normalizeCode('12345678－x')).toBe('12345678X');
    expect(normalizeCode('12345678—X')).toBe('12345678X');
    expect(normalizeCode('12345678\u2013X')).toBe('12345678X');
  });

  it('strips zero-width characters pasted from office software', () => {
    expect(normalizeCode('\ufeff9135\u200b0100')).toBe('91350100');
  });

  it('does not "fix" look-alike letters', () => {
    expect(normalizeCode('O1I')).toBe('O1I');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => normalizeCode(normalizeCode(s)) === normalizeCode(s)));
  });
});
