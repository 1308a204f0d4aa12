import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { findTopicByCode, publicationEndOf } from '../catalog/index.js';
import type { DB } from '../db/schema.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { emitEvent } from '../kernel/outbox.js';
import { refreshSubjectStatus } from './refresh-subject-status.js';
import * as repo from './repository.js';

export interface CaseRecordInput {
  /** The topic's code (a built-in such as XYCN_WY). */
  topicCode: string;
  subjectId: number;
  /** The department the record comes from (it decided the case). */
  departmentId: number;
  /** Item code → value, already valid for the topic (no personal items: they would need encryption). */
  data: Record<string, string>;
  /** Where it comes from, for the audit row and the event: `{ kind: 'commitment', id: 42 }`. */
  source: { kind: string; id: number };
}

/**
 * Writes a credit record decided in a case (not submitted in a file) in the caller's transaction: version
 * 1 of the topic's business key, its publication end from the topic's rule, a one-row batch of channel
 * 'case' as provenance, an audit row and a `record.created` event. The record then shows in the
 * subject's record, the website and reports like any other. Throws when the topic is missing or a
 * required item is empty (a programming error, not user input).
 */
export async function insertRecordFromCase(db: Kysely<DB>, at: Date, actor: Actor, input: CaseRecordInput): Promise<number> {
  const topic = await findTopicByCode(db, input.topicCode);
  if (!topic) throw new Error(`topic ${input.topicCode} is not installed`);
  const def = topic.definition;
  const missing = def.items.filter((item) => item.required && !input.data[item.code]).map((item) => item.code);
  if (missing.length > 0) throw new Error(`record of ${def.code} lacks ${missing.join(', ')}`);
  if (def.items.some((item) => item.personal && input.data[item.code])) throw new Error(`personal items of ${def.code} cannot be written from a case`);
  const data = Object.fromEntries(def.items.filter((item) => input.data[item.code]).map((item) => [item.code, input.data[item.code]!]));
  const decisionDate = def.decisionDateItem ? (data[def.decisionDateItem] ?? null) : null;
  const publishUntil = publicationEndOf(
    def,
    decisionDate,
    def.publicationEndItem ? (data[def.publicationEndItem] ?? null) : null,
    def.validityEndItem ? (data[def.validityEndItem] ?? null) : null,
  );
  const json = JSON.stringify(data);
  const { recordId, batchId } = await repo.insertCaseRecord(db, {
    topicId: topic.id,
    topicVersion: topic.version,
    departmentId: input.departmentId,
    subjectId: input.subjectId,
    businessKey: def.businessKey.map((code) => data[code] ?? '').join('\u001f'),
    decisionDate,
    publishUntil,
    data,
    contentHash: crypto.hash('sha256', json, 'base64url'),
    label: `${input.source.kind} ${input.source.id}`,
    by: actor.name ?? actor.type,
    at,
  });
  await writeAudit(db, at, actor, { action: 'record.create', entityType: 'record', entityId: recordId, detail: { topic: def.code, batchId, source: input.source } });
  await emitEvent(db, at, { topic: 'record.created', key: recordId, payload: { recordId, subjectId: input.subjectId, topic: def.code, departmentId: input.departmentId, source: input.source } });
  if (def.statusItem) await refreshSubjectStatus(db, at, [input.subjectId]);
  return recordId;
}
