/** 名单: list types, entries and their lifecycle, rules on records, the court list sync. */
export { BUILTIN_LIST_TYPES, LIST_CODES, type ListTypeDefinition } from './builtin-list-types.js';
export { ensureBuiltinListTypes } from './ensure-builtin-list-types.js';
export { findListTypeByCode, findListTypeById, listListTypes } from './repository.js';
/** 失信被执行人 sync: a full snapshot or a delta of the court's list, diffed set-based and applied in one transaction. */
export { syncCourtList, type CourtSyncPhase, type CourtSyncSummary, type SyncCourtListInput } from './sync-court-list.js';
/** The court feed: its fields, the streaming reader, row checks and the keyed content hash. */
export {
  checkCourtRow,
  COURT_FEED_FIELDS,
  courtContentHash,
  readCourtFeed,
  type CourtFeedField,
  type CourtFeedFormat,
  type CourtFeedRow,
  type CourtRowIssue,
} from './court-feed.js';
/** Errors of the lists module (court sync codes included). */
export { ListErrors } from './errors.js';
/** Admin routes of the lists module (the court sync). */
export { registerListRoutes } from './routes.js';
