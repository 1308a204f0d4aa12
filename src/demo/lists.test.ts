import { describe, expect, it } from 'vitest';
import { validateResidentId, validateUscc } from '../codes/index.js';
import { BUILTIN_LIST_TYPES } from '../lists/index.js';
import { generateCity } from './city.js';
import { generateListDecisions } from './lists.js';

describe('the demo listing history', () => {
  const city = generateCity({ seed: 2025, today: '2026-11-22' });
  const decisions = generateListDecisions(city);

  it('is the same for the same city', () => {
    expect(generateListDecisions(city)).toEqual(decisions);
  });

  it('covers black, watch and red lists with valid codes, past dates and no subject twice on a list', () => {
    const codes = new Set(BUILTIN_LIST_TYPES.map((t) => t.code));
    const seen = new Set<string>();
    for (const d of decisions) {
      expect(codes.has(d.listType), d.listType).toBe(true);
      expect(d.decisionDate <= '2026-11-22').toBe(true);
      if (d.subject.uscc) expect(validateUscc(d.subject.uscc).valid).toBe(true);
      if (d.subject.residentId) expect(validateResidentId(d.subject.residentId).valid).toBe(true);
      const key = `${d.listType}:${d.subject.uscc ?? d.subject.residentId}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
    const kinds = new Set(decisions.map((d) => BUILTIN_LIST_TYPES.find((t) => t.code === d.listType)!.kind));
    expect([...kinds].sort()).toEqual(['black', 'red', 'watch']);
    expect(decisions.some((d) => d.subject.residentId)).toBe(true);
    expect(decisions.some((d) => d.followUp?.action === 'suspend')).toBe(true);
    expect(decisions.some((d) => d.followUp?.action === 'exit')).toBe(true);
  });
});
