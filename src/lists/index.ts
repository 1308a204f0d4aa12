/** 名单: list types, entries and their lifecycle, rules on records, the court list sync. */
export { BUILTIN_LIST_TYPES, LIST_CODES, type ListTypeDefinition } from './builtin-list-types.js';
export { ensureBuiltinListTypes } from './ensure-builtin-list-types.js';
export { findListTypeByCode, findListTypeById, listListTypes } from './repository.js';
