import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from './actor.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  detail?: Record<string, unknown>;
}

/** Writes an audit row; call it with the transaction that makes the change it describes. */
export async function writeAudit(db: Kysely<DB>, at: Date, actor: Actor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at,
      actor_type: actor.type,
      actor_id: actor.id,
      actor_name: actor.name,
      department_id: actor.departmentId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}
