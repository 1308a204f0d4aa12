/** 信用主体: the subject registry, identity resolution, name normalisation and 信用查询 (subject search). */
/** Matching form of a name (width, brackets, spaces, traditional → simplified). */
export { cleanName, normalizeName } from './normalize-name.js';
/** Resolves a batch's rows to subjects (cached per batch, set-based per chunk; keeps the search index current). */
export { SubjectResolver, type IdentifierInput, type ResolvedSubject, type SubjectInput } from './resolve-subjects.js';
/** Takes the subject registry's transaction lock (batches take the same one) before creating subjects. */
export { lockSubjectRegistry } from './repository.js';
/** A subject's basic information as the website and reports show it (personal numbers masked). */
export { getSubjectProfile, type SubjectProfile } from './get-subject-profile.js';
/** Finds subjects by partial name, earlier name, pinyin initials or exact identifier, paged. */
export { searchSubjects, type SearchAudience, type SearchItem, type SearchResult, type SearchSubjectsInput } from './search-subjects.js';
/** Recomputes the search index from subjects and their names. */
export { rebuildSearchIndex, type RebuildSearchIndexResult } from './rebuild-search-index.js';
/** Registers `GET /public/search`. */
export { registerSubjectRoutes, type BadgeSource } from './routes.js';
/** The search's limits (query length, page size, total cap). */
export * from './search-limits.js';
/** The search's request and response schemas. */
export { SearchItemSchema, SearchQuerySchema, SearchResultSchema } from './schemas.js';
/** Errors of the subject module. */
export { SubjectErrors } from './errors.js';
