/** 信用记录: versions written by the ingest pipeline, publication windows and the views of them. */
export * from './views.js';
export type { RecordDetail, RecordPage, RecordSummary } from './schemas.js';
export { RecordErrors } from './errors.js';
/** A subject's credit record (主体信用档案) in a scope, as of the clock's now. */
export { getSubjectRecord } from './get-subject-record.js';
/** List badges (红名单 / 黑名单 / 重点关注) of subjects. */
export { listBadges } from './list-badges.js';
/** The 双公示 column. */
export { listPublications, type PublicationItem, type PublicationQuery } from './list-publications.js';
/** The website's headline figures. */
export { getPublicStats, type PublicStats } from './get-public-stats.js';
/** 政务诚信 figures for the website. */
export { getGovernmentIntegrity } from './get-government-integrity.js';
/** The console's record browser and a record with its versions (audited reads). */
export { browseRecords, getRecord } from './browse-records.js';
/** Which data items a scope shows, and a record as shown in it. */
export { presentRecord, SCOPE_DISCLOSURES } from './present-record.js';
/** Registers /public/stats, /public/departments, /public/publications, /public/subjects/:id, /records. */
export { registerRecordRoutes } from './routes.js';
/** 登记状态: keeps `subjects.status` in line with the records (per chunk in the pipeline; a full rebuild). */
export { rebuildSubjectStatus, refreshSubjectStatus, SUBJECT_STATUS_CHANGED, type RebuildSubjectStatusResult } from './refresh-subject-status.js';
/** Withdraws a record in the caller's transaction (an upheld objection), refreshing the subject's status. */
export { withdrawRecord } from './withdraw-record.js';
/** Ends a record's publication after a granted credit repair (status 'repaired'), refreshing the subject's status. */
export { markRecordRepaired } from './withdraw-record.js';
/** Writes a record decided in a case (a broken commitment) in the caller's transaction, with a one-row 'case' batch as provenance. */
export { insertRecordFromCase, type CaseRecordInput } from './insert-record-from-case.js';
