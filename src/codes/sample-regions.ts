/**
 * Real county-level division codes (GB/T 2260) that generated codes are registered in, so that demo
 * data looks like a real city's rather than random digits.
 */
export const SAMPLE_REGION_CODES: readonly string[] = [
  '110101', '110105', '120101', '310104', '310115', '320102', '330106', '350102', '350104', '350203',
  '370102', '420106', '440106', '440305', '500103', '510107', '610113',
];
