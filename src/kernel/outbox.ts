import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Queues an event for other systems; call it with the transaction that makes the change. */
export async function emitEvent(
  db: Kysely<DB>,
  at: Date,
  event: { topic: string; key: string | number; payload: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('outbox')
    .values({ created_at: at, topic: event.topic, entity_key: String(event.key), payload: JSON.stringify(event.payload) })
    .execute();
}
