import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { BUILTIN_TOPICS } from './builtin-topics.js';
import * as repo from './repository.js';

/** Adds the built-in topics an installation lacks; leaves existing ones (and their edits) alone. */
export async function ensureBuiltinTopics(db: Kysely<DB>, at: Date): Promise<void> {
  for (const def of BUILTIN_TOPICS) {
    if (await repo.findTopicByCode(db, def.code)) continue;
    await repo.insertTopic(db, def, { builtin: true, at, by: 'system' });
  }
}
