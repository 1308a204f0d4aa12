/** 异议 (objections) to credit records and list entries: filing, evidence, acceptance, verification and their effects. */
export { ObjectionErrors } from './errors.js';
export * from './schemas.js';
/** Files an objection (subject account, department or the credit centre for an upstream platform). */
export { submitObjection } from './submit-objection.js';
/** Accept / refuse / uphold / reject, with their effects on the record or list entry. */
export { transitionObjection } from './transition-objection.js';
/** Evidence files: PDF, JPEG, PNG checked by magic bytes, 10 MB each. */
export { addEvidence, MAX_EVIDENCE_BYTES } from './attach-evidence.js';
/** Objections by role, the overdue flag. */
export { getEvidenceFile, getObjection, isOverdue, listObjections } from './read-objections.js';
/** Registers /objections… (mounted under /api/v1 by the caller). */
export { registerObjectionRoutes } from './routes.js';
