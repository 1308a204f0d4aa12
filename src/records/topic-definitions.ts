import type { Kysely } from 'kysely';
import { findTopicVersion, type TopicDefinition } from '../catalog/index.js';
import type { DB } from '../db/schema.js';

/** A topic version never changes once written, so its definition is read once per database handle. */
const caches = new WeakMap<Kysely<DB>, Map<string, Promise<TopicDefinition>>>();

/** The definition a record was validated against (its topic at the record's topic version). */
export function topicDefinition(db: Kysely<DB>, topicId: number, version: number): Promise<TopicDefinition> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${topicId}:${version}`;
  let found = cache.get(key);
  if (!found) {
    found = findTopicVersion(db, topicId, version).then((topic) => {
      if (!topic) throw new Error(`topic ${topicId} has no version ${version}`);
      return topic.definition;
    });
    found.catch(() => cache.delete(key));
    cache.set(key, found);
  }
  return found;
}
