import * as OpenCC from 'opencc-js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateCity, licenceRows, penaltyRows } from './city.js';
import { LICENCE_COLUMNS, PENALTY_COLUMNS } from './columns.js';
import { toCsv } from './csv.js';
import { smallCity, TODAY } from './test-fixtures.js';

const SMALL = { today: TODAY, enterprises: 200, individualBusinesses: 60, persons: 60, publicInstitutions: 20, socialOrganisations: 20, penalties: 400, licences: 400 };

describe('generateCity', () => {
  it('is deterministic: same seed, same city; another seed, another city', () => {
    const a = generateCity({ seed: 99, ...SMALL, invalidRate: 0.05 });
    const b = generateCity({ seed: 99, ...SMALL, invalidRate: 0.05 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = generateCity({ seed: 100, ...SMALL });
    expect(c.enterprises[0]?.name).not.toBe(a.enterprises[0]?.name);
    expect(c.penaltyRows[0]).not.toEqual(a.penaltyRows[0]);
  });

  it('keeps subjects stable when only the row counts change', () => {
    const a = generateCity({ seed: 5, ...SMALL });
    const b = generateCity({ seed: 5, ...SMALL, penalties: 10, licences: 10 });
    expect(b.enterprises).toEqual(a.enterprises);
    expect(b.persons).toEqual(a.persons);
  });

  it('returns the default-size city with unique names and unique document numbers', () => {
    const city = generateCity({ seed: 1, today: TODAY });
    expect(city.enterprises).toHaveLength(3000);
    expect(city.individualBusinesses).toHaveLength(800);
    expect(city.persons).toHaveLength(1500);
    expect(city.penaltyRows).toHaveLength(6000);
    expect(city.licenceRows).toHaveLength(9000);
    const names = [...city.enterprises, ...city.individualBusinesses, ...city.persons, ...city.publicInstitutions, ...city.socialOrganisations].map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const penaltyNumbers = city.penaltyRows.map((r) => r.CF_WSH);
    expect(new Set(penaltyNumbers).size).toBe(penaltyNumbers.length);
    const licenceNumbers = city.licenceRows.map((r) => `${r.XK_XKJG}|${r.XK_WSH}`);
    expect(new Set(licenceNumbers).size).toBe(licenceNumbers.length);
    expect(city.departments).toHaveLength(18);
  });

  it('submits a small share of names as traditional or half-width-bracket variants that normalise back', () => {
    const city = smallCity();
    const variants = [...city.penaltyNameVariants, ...city.licenceNameVariants];
    const share = variants.length / (city.penaltyRows.length + city.licenceRows.length);
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.05);
    const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
    const normalise = (s: string): string => t2s(s).replaceAll('(', '（').replaceAll(')', '）');
    for (const v of variants) {
      expect(v.submitted).not.toBe(v.registered);
      expect(normalise(v.submitted)).toBe(v.registered);
    }
    for (const v of city.penaltyNameVariants) expect(city.penaltyRows[v.index]?.CF_XDR_MC).toBe(v.submitted);
    expect(generateCity({ seed: 1, ...SMALL, nameVariantRate: 0 }).penaltyNameVariants).toHaveLength(0);
  });
});

describe('streaming generators', () => {
  it('yield n rows, deterministically, in decision-date order with unique document numbers', () => {
    const pool = { enterprises: 2000, individualBusinesses: 600, persons: 500, publicInstitutions: 50, socialOrganisations: 50 };
    const first = [...penaltyRows(3, 20_000, { pool })];
    expect(first).toHaveLength(20_000);
    const again = penaltyRows(3, 20_000, { pool });
    for (let i = 0; i < 200; i++) expect(again.next().value).toEqual(first[i]);
    for (let i = 1; i < first.length; i++) expect((first[i]?.CF_JDRQ ?? '') >= (first[i - 1]?.CF_JDRQ ?? '')).toBe(true);
    const numbers = first.map((r) => r.CF_WSH);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(Object.keys(first[0] ?? {})).toEqual([...PENALTY_COLUMNS]);
  });

  it('report spoiled rows through onInvalid', () => {
    const labels: number[] = [];
    const pool = { enterprises: 300, individualBusinesses: 100, persons: 100 };
    const rows = [...licenceRows(4, 1000, { pool, invalidRate: 0.2, onInvalid: (l) => labels.push(l.index) })];
    expect(rows).toHaveLength(1000);
    expect(labels.length).toBeGreaterThan(100);
    expect(Object.keys(rows[0] ?? {})).toEqual([...LICENCE_COLUMNS]);
  });
});

describe('toCsv', () => {
  it('quotes per RFC 4180 and parses back to the same rows', () => {
    const rows = [
      { A: 'plain', B: 'with, comma', C: 'say "hi"' },
      { A: 'line\nbreak', B: '', C: '中文（全角）' },
    ];
    const csv = toCsv(rows, ['A', 'B', 'C']);
    expect(csv).toBe('A,B,C\r\nplain,"with, comma","say ""hi"""\r\n"line\nbreak",,中文（全角）\r\n');
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.data).toEqual(rows);
  });

  it('writes generated rows with the national column codes as header', () => {
    const city = smallCity();
    const csv = toCsv(city.penaltyRows.slice(0, 50), PENALTY_COLUMNS);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...PENALTY_COLUMNS]);
    expect(parsed.data).toEqual(city.penaltyRows.slice(0, 50));
  });
});
