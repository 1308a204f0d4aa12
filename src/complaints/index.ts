/** 投诉举报 (complaints): anonymous filing with evidence, tracking by number + code, assignment, handling, the audited reveal. */
export { ComplaintErrors } from './errors.js';
export * from './schemas.js';
/** Anyone files a complaint; returns the tracking number and the secret query code. */
export { submitComplaint } from './submit-complaint.js';
/** Assign / start / conclude / reject. */
export { transitionComplaint } from './transition-complaint.js';
/** Evidence files: PDF, JPEG, PNG checked by magic bytes, 10 MB each, 5 per complaint. */
export { addComplaintEvidence, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from './evidence.js';
/** The complainant's view by tracking number + code; the console's views by role; the overdue flag. */
export { getComplaint, getEvidenceFile, getPublicComplaint, isOverdue, listComplaints } from './read-complaints.js';
/** The credit centre's audited reveal of the complainant's identity. */
export { revealComplainant } from './reveal-complainant.js';
/** Registers /public/complaints… and /complaints… (mounted under /api/v1 by the caller). */
export { registerComplaintRoutes } from './routes.js';
