import { describe, expect, it } from 'vitest';
import { validateUscc } from '../codes/index.js';
import { evidenceType } from '../kernel/evidence-files.js';
import { generateCity } from './city.js';
import { demoScan, generateCommitments } from './commitments.js';

describe('the demo commitments', () => {
  const city = generateCity({ seed: 2025, today: '2026-11-22', enterprises: 400, penalties: 500, licences: 200 });
  const commitments = generateCommitments(city);

  it('is the same for the same city, with kept, broken, open and government ones, verdicts before today', () => {
    expect(generateCommitments(city)).toEqual(commitments);
    expect(commitments.filter((c) => c.verdict?.action === 'broken')).toHaveLength(1);
    expect(commitments.filter((c) => c.verdict?.action === 'kept').length).toBeGreaterThanOrEqual(3);
    expect(commitments.some((c) => !c.verdict)).toBe(true);
    const government = commitments.filter((c) => c.subject.kind === 'government');
    expect(government.map((c) => c.type)).toEqual(['voluntary', 'voluntary']);
    const penalised = new Set(city.penaltyRows.map((r) => r.CF_XDR_SHXYM));
    for (const c of commitments) {
      expect(validateUscc(c.subject.uscc).valid).toBe(true);
      if (c.subject.kind === 'enterprise') expect(penalised.has(c.subject.uscc)).toBe(false);
      if (c.verdict) expect(c.signedOn < '2026-11-22').toBe(true);
    }
    expect(new Set(commitments.map((c) => c.subject.uscc)).size).toBe(commitments.length);
  });

  it('has a scan that passes the upload check as a PDF', () => {
    const scan = demoScan('Commitment 7');
    expect(evidenceType('scan.pdf', scan)).toBe('application/pdf');
    expect(scan.toString('latin1')).toMatch(/startxref\n\d+\n%%EOF\n$/);
  });
});
