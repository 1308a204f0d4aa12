/** 归集: batches from departments through parse → validate → prepare → resolve subjects → write records. */
/** Runs a department's file through the pipeline and returns the batch report. */
export { submitBatch, WORKER_MIN_BYTES, type BatchReport, type SubmitBatchInput } from './submit-batch.js';
/** Reads batches with the department policy applied. */
export { getBatch, listBatches, presentBatch } from './read-batches.js';
/** The batch error report as CSV or XLSX. */
export { buildErrorReportCsv, buildErrorReportXlsx } from './build-error-report.js';
/** Compiles a topic into a row validator (used by the pipeline and by tests). */
export { compileRowValidator, type RowIssue, type ValidRow } from './compile-row-validator.js';
export { IngestErrors } from './errors.js';
/** Marks batches an earlier process left unfinished. */
export { markInterruptedBatches } from './repository.js';
/** HTTP routes of batch submission and reports. */
export { registerIngestRoutes } from './routes.js';
/** The batch as the API shows it. */
export { BatchSchema, type BatchView } from './schemas.js';
