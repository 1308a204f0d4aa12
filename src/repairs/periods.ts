/**
 * The figures of credit repair a subject is told (pure, no imports: the web app's explanation reads them).
 *
 * Deadlines in working days (STANDARDS.md §3, defaults of practice): the source department reviews
 * within 3 working days of submission, the credit centre decides within 10 working days of filing in all.
 */
export const REPAIR_DEADLINES = { departmentWorkdays: 3, totalWorkdays: 10 } as const;

/** Records whose topic has no severity tier: penalties' minimum of NDRC Order 58 (2023), 3 months. */
export const DEFAULT_MIN_MONTHS = 3;
