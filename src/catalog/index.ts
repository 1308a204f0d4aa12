/** 信用信息目录: topics, their data items, disclosure scopes and templates. */
export { BROKEN_COMMITMENT_TOPIC, BUILTIN_TOPICS, GOVERNMENT_DISHONESTY_TOPIC, LICENCE_TOPIC, PENALTY_TOPIC, REGISTRATION_TOPIC } from './builtin-topics.js';
/** Builds a topic's Excel template with headers, required marks and drop-down lists. */
export { buildTemplate, templateHeader } from './build-template.js';
/** Validates a topic definition, references included. */
export { checkTopicDefinition } from './check-topic-definition.js';
/** Seeds the national topics into a new installation. */
export { ensureBuiltinTopics } from './ensure-builtin-topics.js';
export { CatalogErrors } from './errors.js';
/** Creates a topic, or adds a version to one. */
export { createTopic, updateTopic } from './save-topic.js';
/** Reads topics (current or a given version). */
export { findTopicByCode, findTopicById, findTopicVersion, listTopics, listTopicVersions } from './repository.js';
export * from './schemas.js';
export * from './vocabularies.js';
/** Publication periods: the last day a record is published, and whether a topic is ever public. */
export { addMonths, isPublishable, publicationEndOf, SEVERITY_PERIOD_MONTHS } from './publication-period.js';
