import { sql, type Kysely } from 'kysely';
import type { DB, ObjectionStatus } from '../db/schema.js';
import type { Actor } from '../kernel/actor.js';

/** All SQL of objections (异议). */

/** Statuses of an objection still being handled. */
export const OPEN_STATUSES: readonly ObjectionStatus[] = ['submitted', 'accepted', 'verifying'];

export async function findRecordTarget(db: Kysely<DB>, id: number) {
  return db.selectFrom('records').select(['id', 'subject_id', 'department_id', 'status', 'is_current']).where('id', '=', id).executeTakeFirst();
}

export async function findEntryTarget(db: Kysely<DB>, id: number) {
  return db.selectFrom('list_entries').select(['id', 'subject_id', 'department_id', 'status']).where('id', '=', id).executeTakeFirst();
}

export async function findOpenObjection(db: Kysely<DB>, target: { kind: 'record' | 'list_entry'; id: number }) {
  return db
    .selectFrom('objections')
    .select('id')
    .where(target.kind === 'record' ? 'record_id' : 'entry_id', '=', target.id)
    .where('status', 'in', [...OPEN_STATUSES])
    .executeTakeFirst();
}

export async function insertObjection(db: Kysely<DB>, values: {
  target_kind: 'record' | 'list_entry';
  record_id: number | null;
  entry_id: number | null;
  subject_id: number;
  applicant_kind: 'subject' | 'department' | 'upstream_platform';
  applicant_name: string;
  applicant_user_id: string | null;
  applicant_department_id: number | null;
  reason_code: DB['objections']['reason_code'];
  reason_text: string;
  source_department_id: number | null;
  accept_due: string;
  at: Date;
}): Promise<number> {
  const { at, ...rest } = values;
  const row = await db
    .insertInto('objections')
    .values({ ...rest, status: 'submitted', submitted_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const columns = [
  'id', 'target_kind', 'record_id', 'entry_id', 'subject_id', 'applicant_kind', 'applicant_name', 'applicant_user_id', 'applicant_department_id',
  'reason_code', 'reason_text', 'status', 'source_department_id', 'accept_due', 'verify_due', 'entry_suspended', 'decision', 'decision_reasons', 'remedy',
  'submitted_at', 'decided_at',
] as const;

export async function findObjection(db: Kysely<DB>, id: number) {
  return db.selectFrom('objections').select([...columns]).where('id', '=', id).executeTakeFirst();
}
export type ObjectionRow = NonNullable<Awaited<ReturnType<typeof findObjection>>>;

/**
 * Moves an objection from one status to another only if it is still in `from` (the row is locked by
 * the update: of two concurrent transitions one matches, the other finds nothing). Returns whether it moved.
 */
export async function moveObjection(
  db: Kysely<DB>,
  id: number,
  from: ObjectionStatus,
  to: ObjectionStatus,
  set: Partial<{ verify_due: string; entry_suspended: boolean; decision: 'refused' | 'upheld' | 'rejected'; decision_reasons: string; remedy: 'withdraw' | 'correct'; accepted_at: Date; decided_at: Date }>,
  at: Date,
): Promise<boolean> {
  const result = await db.updateTable('objections').set({ ...set, status: to, updated_at: at }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertEvents(db: Kysely<DB>, at: Date, actor: Actor, objectionId: number, steps: readonly { from: ObjectionStatus | null; to: ObjectionStatus; reason: string }[]) {
  await db
    .insertInto('objection_events')
    .values(steps.map((s) => ({ objection_id: objectionId, at, from_status: s.from, to_status: s.to, reason: s.reason, actor_type: actor.type, actor_name: actor.name, department_id: actor.departmentId })))
    .execute();
}

export async function listEvents(db: Kysely<DB>, objectionId: number) {
  return db.selectFrom('objection_events').select(['at', 'from_status', 'to_status', 'reason', 'actor_name']).where('objection_id', '=', objectionId).orderBy('id').execute();
}

/** Who sees which objections: a subject account its subject's, a department those it is the source of or filed, the centre all. */
export interface ObjectionScope {
  subjectId?: number;
  departmentId?: number;
}

export async function listObjections(
  db: Kysely<DB>,
  f: { scope: ObjectionScope; status?: ObjectionStatus; overdueOn?: string; limit: number; offset: number },
) {
  let query = db.selectFrom('objections');
  if (f.scope.subjectId !== undefined) query = query.where('subject_id', '=', f.scope.subjectId);
  if (f.scope.departmentId !== undefined) {
    const dept = f.scope.departmentId;
    query = query.where((eb) => eb.or([eb('source_department_id', '=', dept), eb('applicant_department_id', '=', dept)]));
  }
  if (f.status) query = query.where('status', '=', f.status);
  if (f.overdueOn !== undefined) {
    const today = f.overdueOn;
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'submitted'), eb('accept_due', '<', today)]),
        eb.and([eb('status', '=', 'verifying'), eb('verify_due', '<', today)]),
      ]),
    );
  }
  const rows = await query.select([...columns]).orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return { rows, total: Number(count?.n ?? 0) };
}

export async function listEvidence(db: Kysely<DB>, objectionId: number) {
  return db.selectFrom('objection_evidence').select(['id', 'file_name', 'content_type', 'size']).where('objection_id', '=', objectionId).orderBy('id').execute();
}

export async function countEvidence(db: Kysely<DB>, objectionId: number): Promise<number> {
  const row = await db.selectFrom('objection_evidence').select((eb) => eb.fn.countAll<number>().as('n')).where('objection_id', '=', objectionId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertEvidence(db: Kysely<DB>, objectionId: number, file: { fileName: string; contentType: string; content: Buffer }, by: string | null, at: Date) {
  const row = await db
    .insertInto('objection_evidence')
    .values({ objection_id: objectionId, file_name: file.fileName, content_type: file.contentType, size: file.content.length, content: file.content, uploaded_by: by, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Locks the objection's row for the rest of the transaction (evidence counted against concurrent uploads). */
export async function lockObjection(db: Kysely<DB>, id: number): Promise<void> {
  await sql`select id from objections where id = ${id} for update`.execute(db);
}

/** One evidence file with its bytes, only if it belongs to the objection. */
export async function findEvidenceFile(db: Kysely<DB>, objectionId: number, fileId: number) {
  return db.selectFrom('objection_evidence').select(['id', 'file_name', 'content_type', 'content']).where('objection_id', '=', objectionId).where('id', '=', fileId).executeTakeFirst();
}
