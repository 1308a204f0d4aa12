/**
 * Publication periods of dishonesty information by severity (STANDARDS.md §3, 国办发〔2025〕22号): at most
 * 3 months / 1 year / 3 years from the decision date for 轻微 / 一般 / 严重; repair may be applied for after
 * the minimum (none / 3 months / 1 year). Local practice may change these: they are defaults. No imports:
 * the web app reads the same figures when it explains credit repair.
 */
export const SEVERITY_PERIOD_MONTHS = {
  minor: { min: 0, max: 3 },
  general: { min: 3, max: 12 },
  serious: { min: 12, max: 36 },
} as const;
