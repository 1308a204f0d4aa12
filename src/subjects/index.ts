/** 信用主体: the subject registry, identity resolution and name normalisation. */
/** Matching form of a name (width, brackets, spaces, traditional → simplified). */
export { cleanName, normalizeName } from './normalize-name.js';
/** Resolves a batch's rows to subjects (cached per batch, set-based per chunk). */
export { SubjectResolver, type IdentifierInput, type ResolvedSubject, type SubjectInput } from './resolve-subjects.js';
/** A subject's basic information as the website and reports show it (personal numbers masked). */
export { getSubjectProfile } from './get-subject-profile.js';
