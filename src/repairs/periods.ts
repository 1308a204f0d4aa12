/**
 * The figures of credit repair a subject is told (pure, no imports: the web app's explanation reads
 * them). The review deadlines are configuration: `config.dueProcess`, GET /public/due-process.
 */

/** Records whose topic has no severity tier: penalties' minimum of NDRC Order 58 (2023), 3 months. */
export const DEFAULT_MIN_MONTHS = 3;
