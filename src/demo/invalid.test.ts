import { describe, expect, it } from 'vitest';
import { createRng, validateResidentId, validateUscc } from '../codes/index.js';
import { generateCity } from './city.js';
import { applicableKinds, INVALID_KINDS, spoilRow } from './invalid.js';
import type { InvalidLabel, Topic } from './invalid.js';
import { smallCity, TODAY } from './test-fixtures.js';
import { LICENCE_CATEGORIES, PENALTY_CATEGORIES } from './vocab.js';

const isRealDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Checks that the labelled error is really in the row, independently of how it was made. */
function assertLabel(original: Record<string, string>, spoiled: Record<string, string>, label: InvalidLabel, topic: Topic): void {
  const p = topic === 'penalty' ? 'CF' : 'XK';
  const changed = Object.keys(spoiled).filter((k) => spoiled[k] !== original[k]);
  expect(changed).toEqual([label.field]);
  expect(spoiled[label.field]).toBe(label.value);
  switch (label.kind) {
    case 'missing-required':
      expect(label.value).toBe('');
      break;
    case 'bad-date':
      expect(label.field).toBe(`${p}_JDRQ`);
      expect(isRealDate(label.value)).toBe(false);
      break;
    case 'negative-amount':
      expect(Number(label.value)).toBeLessThan(0);
      break;
    case 'unknown-enum':
      expect([...PENALTY_CATEGORIES, ...LICENCE_CATEGORIES] as string[]).not.toContain(label.value);
      break;
    case 'checksum-mismatch': {
      const issues = label.field.endsWith('ZJHM') ? validateResidentId(label.value, { today: TODAY }).issues : validateUscc(label.value).issues;
      expect(issues.map((i) => i.code)).toEqual(['checksum-mismatch']);
      break;
    }
    case 'category-mismatch': {
      const lb = spoiled[`${p}_XDR_LB`];
      const code = spoiled[`${p}_XDR_SHXYM`] ?? '';
      expect(validateUscc(code).valid).toBe(true);
      const mismatch = (lb === '自然人' && code.startsWith('91')) || (lb === '个体工商户' && code.startsWith('91')) || (lb === '法人及非法人组织' && code.startsWith('92'));
      expect(mismatch, `${lb} ${code}`).toBe(true);
      break;
    }
  }
}

describe('spoilRow', () => {
  const city = smallCity();

  it('injects each applicable kind into penalty and licence rows, labelled correctly', () => {
    const rng = createRng(11);
    const seen = new Set<string>();
    for (const [topic, rows] of [['penalty', city.penaltyRows], ['licence', city.licenceRows]] as const) {
      for (const row of rows.slice(0, 400)) {
        for (const kind of applicableKinds(row, topic)) {
          const { row: spoiled, label } = spoilRow(rng, row, topic, kind);
          expect(label.kind).toBe(kind);
          assertLabel(row, spoiled, label, topic);
          seen.add(`${topic}:${kind}`);
        }
      }
    }
    for (const kind of INVALID_KINDS) expect(seen.has(`penalty:${kind}`), kind).toBe(true);
    for (const kind of INVALID_KINDS.filter((k) => k !== 'negative-amount')) expect(seen.has(`licence:${kind}`), kind).toBe(true);
  });

  it('does not touch the original row and refuses a kind that cannot apply', () => {
    const row = city.licenceRows[0] ?? {};
    const copy = { ...row };
    spoilRow(createRng(1), row, 'licence', 'missing-required');
    expect(row).toEqual(copy);
    expect(() => spoilRow(createRng(1), row, 'licence', 'negative-amount')).toThrow(RangeError);
  });
});

describe('generateCity with invalidRate', () => {
  const city = generateCity({
    seed: 7,
    today: TODAY,
    enterprises: 300,
    individualBusinesses: 100,
    persons: 100,
    publicInstitutions: 30,
    socialOrganisations: 20,
    penalties: 1500,
    licences: 1500,
    invalidRate: 0.1,
  });
  const clean = generateCity({
    seed: 7,
    today: TODAY,
    enterprises: 300,
    individualBusinesses: 100,
    persons: 100,
    publicInstitutions: 30,
    socialOrganisations: 20,
    penalties: 1500,
    licences: 1500,
  });

  it('spoils about the requested share, and exactly the labelled rows', () => {
    for (const [topic, rows, labels, cleanRows] of [
      ['penalty', city.penaltyRows, city.penaltyInvalid, clean.penaltyRows],
      ['licence', city.licenceRows, city.licenceInvalid, clean.licenceRows],
    ] as const) {
      expect(labels.length).toBeGreaterThan(rows.length * 0.06);
      expect(labels.length).toBeLessThan(rows.length * 0.14);
      const spoiled = new Map(labels.map((l) => [l.index, l]));
      rows.forEach((row, i) => {
        const label = spoiled.get(i);
        if (label) assertLabel(cleanRows[i] ?? {}, row, label, topic);
        else expect(row).toEqual(cleanRows[i]);
      });
    }
  });

  it('restricts spoiled rows to the requested kinds', () => {
    const only = generateCity({ seed: 3, today: TODAY, enterprises: 200, individualBusinesses: 50, persons: 50, penalties: 500, licences: 10, invalidRate: 0.5, invalidKinds: ['negative-amount'] });
    expect(only.penaltyInvalid.length).toBeGreaterThan(100);
    for (const label of only.penaltyInvalid) expect(label.kind).toBe('negative-amount');
  });
});
