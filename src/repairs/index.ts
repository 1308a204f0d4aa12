/** 信用修复 (credit repair) of credit records and list entries: eligibility, filing, materials, review, grant and its effects. */
export { RepairErrors } from './errors.js';
export * from './schemas.js';
/** Minimum publication periods per severity tier; list types that are not repaired (pure). */
export { DEFAULT_MIN_MONTHS, entryEligibility, NON_REPAIRABLE_LIST_TYPES, recordEligibility, SEVERITY_NAMES, type Severity } from './eligibility.js';
/** The deadlines in force and the repair rules, for the website. */
export { dueProcessRules } from './due-process-rules.js';
/** Whether the actor could apply for a record or entry today, and from when. */
export { checkEligibility } from './check-eligibility.js';
/** Files an application (subject account, department or the credit centre). */
export { fileRepair } from './submit-repair.js';
/** submit / approve / refuse / grant, with the grant's effects on the record or list entry. */
export { certificateNumber, transitionRepair } from './transition-repair.js';
/** Materials: commitment letter, proof of correction, other — PDF, JPEG, PNG by magic bytes, 10 MB each. */
export { addMaterial, MAX_MATERIAL_BYTES } from './attach-material.js';
/** Applications by role, the overdue flag. */
export { getMaterialFile, getRepair, isOverdue, listRepairs } from './read-repairs.js';
/** The 信用修复决定书 PDF of a granted application (applicant's side, source department, credit centre). */
export { downloadCertificate } from './download-certificate.js';
export { CERTIFICATE_LEGAL_BASIS, CERTIFICATE_TITLE, renderRepairCertificate, type CertificateContent } from './render-certificate.js';
/** Registers /repairs… (mounted under /api/v1 by the caller). */
export { registerRepairRoutes } from './routes.js';
