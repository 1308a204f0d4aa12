/** 信用承诺 (credit commitments): signing, the signed paper, 履约 verdicts, a breach's dishonesty record. */
export { CommitmentErrors } from './errors.js';
export * from './schemas.js';
/** Signs online (subject account) or registers paper (accepting department, credit centre); 告知承诺 refused for subjects on a serious list. */
export { defaultDueDate, signCommitment } from './sign-commitment.js';
/** The signed paper: PDF, JPEG, PNG by magic bytes, 10 MB. */
export { attachCommitmentFile, MAX_COMMITMENT_FILE_BYTES } from './attach-file.js';
/** kept / broken (with the breach's record) / revoke, one winner under concurrency. */
export { transitionCommitment } from './transition-commitment.js';
/** Commitments by role with the overdue flag; one with its trail; the signed file for the parties; the signing forms' choices. */
export { getCommitment, getCommitmentOptions, isOverdue, listCommitments, readCommitmentFile } from './read-commitments.js';
/** Registers /commitments… (mounted under /api/v1 by the caller). */
export { registerCommitmentRoutes } from './routes.js';
