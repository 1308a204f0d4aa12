import { sql, type Kysely } from 'kysely';
import type { ComplaintStatus, DB } from '../db/schema.js';
import type { Actor } from '../kernel/actor.js';

/** All SQL of complaints (投诉举报). */

export const OPEN_STATUSES: readonly ComplaintStatus[] = ['submitted', 'assigned', 'handling'];

export async function findSubject(db: Kysely<DB>, id: number) {
  return db.selectFrom('subjects').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function findDepartment(db: Kysely<DB>, id: number) {
  return db.selectFrom('departments').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

/** Departments that submitted records about a subject (candidates for assignment). */
export async function sourceDepartments(db: Kysely<DB>, subjectId: number) {
  return db
    .selectFrom('departments')
    .select(['departments.id', 'departments.name'])
    .where('departments.id', 'in', db.selectFrom('records').select('records.department_id').where('records.subject_id', '=', subjectId))
    .orderBy('departments.id')
    .execute();
}

export async function insertComplaint(db: Kysely<DB>, values: Omit<DB['complaints'], 'id' | 'status' | 'outcome' | 'result' | 'due_date' | 'department_id' | 'assigned_at' | 'concluded_at' | 'updated_at' | 'submitted_at'> & { at: Date }): Promise<number> {
  const { at, ...rest } = values;
  const row = await db
    .insertInto('complaints')
    .values({ ...rest, status: 'submitted', submitted_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Everything but the encrypted identity columns, with the department's name. */
function selectComplaint(db: Kysely<DB>) {
  return db
    .selectFrom('complaints as c')
    .leftJoin('departments as d', 'd.id', 'c.department_id')
    .select([
      'c.id', 'c.tracking_number', 'c.query_code_hash', 'c.subject_id', 'c.subject_name', 'c.subject_code', 'c.category', 'c.description',
      'c.department_id', 'd.name as department_name', 'c.status', 'c.outcome', 'c.result', 'c.due_date', 'c.submitted_at', 'c.assigned_at', 'c.concluded_at',
    ]);
}

export async function findComplaint(db: Kysely<DB>, id: number) {
  return selectComplaint(db).where('c.id', '=', id).executeTakeFirst();
}
export type ComplaintRow = NonNullable<Awaited<ReturnType<typeof findComplaint>>>;

export async function findByTrackingNumber(db: Kysely<DB>, trackingNumber: string) {
  return selectComplaint(db).where('c.tracking_number', '=', trackingNumber).executeTakeFirst();
}

/** The encrypted identity columns: read only by the audited reveal. */
export async function findComplainantSealed(db: Kysely<DB>, id: number) {
  return db.selectFrom('complaints').select(['complainant_name_enc', 'complainant_phone_enc', 'complainant_id_number_enc']).where('id', '=', id).executeTakeFirst();
}

/**
 * Moves a complaint only if it is still in one of `from` (the update locks the row: of two concurrent
 * transitions one matches, the other finds nothing). Returns whether it moved.
 */
export async function moveComplaint(
  db: Kysely<DB>,
  id: number,
  from: readonly ComplaintStatus[],
  to: ComplaintStatus,
  set: Partial<{ department_id: number; due_date: string; assigned_at: Date; outcome: DB['complaints']['outcome']; result: string; concluded_at: Date }>,
  at: Date,
): Promise<boolean> {
  const result = await db.updateTable('complaints').set({ ...set, status: to, updated_at: at }).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertEvent(db: Kysely<DB>, at: Date, actor: Actor, complaintId: number, step: { from: ComplaintStatus | null; to: ComplaintStatus; reason: string }) {
  await db
    .insertInto('complaint_events')
    .values({ complaint_id: complaintId, at, from_status: step.from, to_status: step.to, reason: step.reason, actor_type: actor.type, actor_name: actor.name, department_id: actor.departmentId })
    .execute();
}

export async function listEvents(db: Kysely<DB>, complaintId: number) {
  return db.selectFrom('complaint_events').select(['at', 'from_status', 'to_status', 'reason', 'actor_name']).where('complaint_id', '=', complaintId).orderBy('id').execute();
}

export async function listComplaints(db: Kysely<DB>, f: { departmentId?: number; status?: ComplaintStatus; overdueOn?: string; limit: number; offset: number }) {
  let query = selectComplaint(db);
  if (f.departmentId !== undefined) query = query.where('c.department_id', '=', f.departmentId);
  if (f.status) query = query.where('c.status', '=', f.status);
  if (f.overdueOn !== undefined) query = query.where('c.status', 'in', ['assigned', 'handling']).where('c.due_date', '<', f.overdueOn);
  const rows = await query.orderBy('c.id', 'desc').limit(f.limit).offset(f.offset).execute();
  const count = await query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return { rows, total: Number(count?.n ?? 0) };
}

export async function listEvidence(db: Kysely<DB>, complaintId: number) {
  return db.selectFrom('complaint_evidence').select(['id', 'file_name', 'content_type', 'size']).where('complaint_id', '=', complaintId).orderBy('id').execute();
}

export async function countEvidence(db: Kysely<DB>, complaintId: number): Promise<number> {
  const row = await db.selectFrom('complaint_evidence').select((eb) => eb.fn.countAll<number>().as('n')).where('complaint_id', '=', complaintId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertEvidence(db: Kysely<DB>, complaintId: number, file: { fileName: string; contentType: string; content: Buffer }, at: Date) {
  const row = await db
    .insertInto('complaint_evidence')
    .values({ complaint_id: complaintId, file_name: file.fileName, content_type: file.contentType, size: file.content.length, content: file.content, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Locks the complaint's row for the rest of the transaction (evidence counted against concurrent uploads). */
export async function lockComplaint(db: Kysely<DB>, id: number): Promise<void> {
  await sql`select id from complaints where id = ${id} for update`.execute(db);
}

/** One evidence file with its bytes, only if it belongs to the complaint. */
export async function findEvidenceFile(db: Kysely<DB>, complaintId: number, fileId: number) {
  return db.selectFrom('complaint_evidence').select(['id', 'file_name', 'content_type', 'content']).where('complaint_id', '=', complaintId).where('id', '=', fileId).executeTakeFirst();
}
