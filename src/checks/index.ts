/** 应查必查: the credit check API, its log (查询使用登记) and what a subject sees of the checks about it. */
export { CheckErrors } from './errors.js';
export * from './schemas.js';
/** Checks one subject for a matter: verdict, measures, entries, legal basis; logged before answering. */
export { runCheck, type RunCheckInput } from './run-check.js';
/** Checks up to 10,000 subjects for one matter, set-based; each logged. */
export { runBatchCheck, type RunBatchCheckInput } from './run-batch-check.js';
/** The asking department records what it did with an answer. */
export { recordCheckOutcome } from './record-outcome.js';
/** The check log for the credit centre and departments, and a subject's own view of it. */
export { listChecks, listMyChecks } from './list-checks.js';
/** Inserts and rows written by the group-commit log writer (the benchmark's group size). */
export { checkLogStats } from './check-log.js';
/** Drops the in-memory matters, list types and measures after they changed (otherwise they refresh within seconds). */
export { invalidateCheckReferenceData, REFERENCE_TTL_MS } from './reference-data.js';
/** Registers /checks, /checks/batch, /checks/:id/outcome and /my/checks (mounted under /api/v1 by the caller). */
export { registerCheckRoutes } from './routes.js';
