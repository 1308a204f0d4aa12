/** 名单: list types, entries and their lifecycle, rules on records, the court list sync. */
export { BUILTIN_LIST_TYPES, LIST_CODES, type ListTypeDefinition } from './builtin-list-types.js';
/** Seeds the national list types into a new installation (and links their departments later). */
export { ensureBuiltinListTypes } from './ensure-builtin-list-types.js';
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
/** Where a court feed comes from (a file, bytes in memory), and the keyed hash of a raw line. */
export { courtFeedBytes, courtFeedFile, rawLineHash, type CourtFeedSource } from './court-feed-bytes.js';
/** Errors of the lists module (court sync codes included). */
export { ListErrors } from './errors.js';
/** Imports listing decisions from a CSV file, all rows or none. */
export { importEntries } from './import-entries.js';
/** The entry lifecycle as data, and the status an entry has on a given day. */
export { effectiveStatus, LIVE_STATUSES, TRANSITIONS } from './lifecycle.js';
/** Rules that move subjects between lists as time passes (经营异常名录 three years → 严重违法失信名单). */
export { LIST_RULES } from './list-rules.js';
/** Records a listing decision (拟列入, optionally 告知 at once). */
export { proposeEntry, proposeEntryIn } from './propose-entry.js';
/** Reads list types and entries, the website's list column and list badges. */
export { getEntry, listEntries, listEntriesAsRecords, listEntryBadges, listListTypeViews, listMyNotices, listPublicEntries } from './read-lists.js';
export { findListTypeByCode, findListTypeById, findOpenEntryOfSubject, listListTypes } from './repository.js';
export { registerListRoutes } from './routes.js';
/** Creates and changes list types; activation needs a legal basis. */
export { createListType, updateListType } from './save-list-type.js';
export * from './schemas.js';
/** Records what time did: expiry, the end of objection periods, the list rules. */
export { sweepLists } from './sweep-lists.js';
/** Moves one entry by a person's action, reason kept. */
export { transitionEntry } from './transition-entry.js';
/** Moves entries by one action inside the caller's transaction (objections suspend, resume and revoke entries with it). */
export { applyTransition } from './apply-transition.js';
