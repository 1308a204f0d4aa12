import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanName, normalizeName } from './normalize-name.js';

describe('normalizeName', () => {
  it('treats width, bracket style, whitespace and traditional characters alike', () => {
    const forms = ['福州華信達（集團）有限公司', '福州华信达(集团)有限公司', ' 福州华信达 （集团） 有限公司 ', '福州华信达【集团】有限公司', '福州華信達［集團］有限公司'];
    const normalized = new Set(forms.map(normalizeName));
    expect([...normalized]).toEqual(['福州华信达(集团)有限公司']);
    expect(normalizeName('ＡＢＣ科技（福州）有限公司')).toBe('ABC科技(福州)有限公司');
    expect(normalizeName('臺灣發展銀行')).toBe('台湾发展银行');
  });

  it('keeps different names different', () => {
    expect(normalizeName('福州华信达有限公司')).not.toBe(normalizeName('福州华信通有限公司'));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (name) => normalizeName(normalizeName(name)) === normalizeName(name)));
  });
});

describe('cleanName', () => {
  it('trims, collapses spaces and turns full-width Latin into half-width but keeps Chinese brackets', () => {
    expect(cleanName('  ＡＢＣ　科技（福州）  有限公司 ')).toBe('ABC 科技（福州） 有限公司');
  });
});
