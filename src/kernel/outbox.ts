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

/** Queues many events in a few multi-row inserts (set-based paths: a court sync, a sweep). */
export async function emitEvents(
  db: Kysely<DB>,
  at: Date,
  events: readonly { topic: string; key: string | number; payload: Record<string, unknown> }[],
): Promise<void> {
  for (let i = 0; i < events.length; i += 2000) {
    const chunk = events.slice(i, i + 2000);
    await db
      .insertInto('outbox')
      .values(chunk.map((e) => ({ created_at: at, topic: e.topic, entity_key: String(e.key), payload: JSON.stringify(e.payload) })))
      .execute();
  }
}
