/** 信用主体: the subject registry, identity resolution and name normalisation. */
/** Matching form of a name (width, brackets, spaces, traditional → simplified). */
export { cleanName, normalizeName } from './normalize-name.js';
