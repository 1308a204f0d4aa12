/**
 * A small city shared by the demo tests, generated once per test file: big enough to exercise every
 * department and subject kind, small enough to keep the suite fast.
 */
import { generateCity } from './city.js';
import type { DemoCity } from './city.js';

/** The fixed “today” of the demo tests. */
export const TODAY = '2026-11-21';

let cached: DemoCity | undefined;

/** The shared small city (seed 20261121). */
export function smallCity(): DemoCity {
  cached ??= generateCity({
    seed: 20261121,
    today: TODAY,
    enterprises: 800,
    individualBusinesses: 300,
    persons: 300,
    publicInstitutions: 80,
    socialOrganisations: 60,
    penalties: 3000,
    licences: 3000,
  });
  return cached;
}
