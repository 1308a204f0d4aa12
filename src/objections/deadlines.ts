/**
 * Deadlines in working days (a settings constant, not configuration: local practice, STANDARDS.md §3 —
 * the credit centre accepts within 2 working days, the data provider verifies within 10). No imports:
 * the web app tells subjects the same figures.
 */
export const OBJECTION_DEADLINES = { acceptWorkdays: 2, verifyWorkdays: 10 } as const;
