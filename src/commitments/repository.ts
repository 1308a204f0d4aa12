import { sql, type Kysely } from 'kysely';
import type { CommitmentStatus, CommitmentType, DB } from '../db/schema.js';
import type { Actor } from '../kernel/actor.js';

/** All SQL of credit commitments (信用承诺). */

/** Who sees which commitments (undefined fields: no restriction). */
export interface CommitmentScope {
  subjectId?: number;
  departmentId?: number;
}

export async function findSubject(db: Kysely<DB>, id: number) {
  return db.selectFrom('subjects').select(['id', 'name', 'kind']).where('id', '=', id).executeTakeFirst();
}

export async function findDepartment(db: Kysely<DB>, id: number) {
  return db.selectFrom('departments').select(['id', 'name', 'uscc']).where('id', '=', id).where('active', '=', true).executeTakeFirst();
}

export async function findMatter(db: Kysely<DB>, code: string) {
  return db.selectFrom('matters').select(['code', 'name']).where('code', '=', code).where('active', '=', true).executeTakeFirst();
}

export async function repairOfSubject(db: Kysely<DB>, repairId: number, subjectId: number): Promise<boolean> {
  const row = await db.selectFrom('repairs').select('id').where('id', '=', repairId).where('subject_id', '=', subjectId).executeTakeFirst();
  return row !== undefined;
}

/**
 * The subject's entries in force today on a list marked serious (严重失信主体名单: `list_types.serious`,
 * e.g. 失信被执行人, 严重违法失信名单): those exclude 告知承诺. Suspended entries (an objection under
 * verification) do not count: their measures are suspended.
 */
export async function findSeriousEntries(db: Kysely<DB>, subjectId: number, today: string) {
  return db
    .selectFrom('list_entries as e')
    .innerJoin('list_types as t', 't.id', 'e.list_type_id')
    .select(['e.id', 't.code', 't.name', sql<string | null>`e.effective_from::text`.as('effective_from')])
    .where('e.subject_id', '=', subjectId)
    .where('t.serious', '=', true)
    .where('e.status', '=', 'active')
    .where((eb) => eb.or([eb('e.expires_on', 'is', null), eb('e.expires_on', '>=', today)]))
    .orderBy('e.id')
    .execute();
}

export async function insertCommitment(db: Kysely<DB>, values: {
  type: CommitmentType;
  subject_id: number;
  matter_code: string;
  matter_detail: string;
  content: string;
  signed_via: 'online' | 'upload';
  signer_name: string;
  signed_by_user_id: string | null;
  department_id: number;
  repair_id: number | null;
  signed_on: string;
  due_date: string | null;
  at: Date;
}): Promise<number> {
  const { at, ...rest } = values;
  const row = await db.insertInto('commitments').values({ ...rest, status: 'signed', created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const columns = [
  'c.id', 'c.type', 'c.subject_id', 's.name as subject_name', 's.kind as subject_kind', 's.uscc as subject_uscc', 'c.matter_code', 'm.name as matter_name',
  'c.matter_detail', 'c.content', 'c.signed_via', 'c.signer_name', 'c.department_id', 'd.name as department_name', 'd.uscc as department_uscc',
  'c.repair_id', 'c.status', 'c.file_name', 'c.file_content_type', 'c.file_size', 'c.verdict_reason', 'c.verdict_by', 'c.verdict_at', 'c.breach_record_id',
] as const;

function withNames(db: Kysely<DB>) {
  return db
    .selectFrom('commitments as c')
    .innerJoin('subjects as s', 's.id', 'c.subject_id')
    .innerJoin('matters as m', 'm.code', 'c.matter_code')
    .innerJoin('departments as d', 'd.id', 'c.department_id');
}

const dates = [sql<string>`c.signed_on::text`.as('signed_on'), sql<string | null>`c.due_date::text`.as('due_date')] as const;

export async function findCommitment(db: Kysely<DB>, id: number) {
  return withNames(db).select([...columns, ...dates]).where('c.id', '=', id).executeTakeFirst();
}
export type CommitmentRow = NonNullable<Awaited<ReturnType<typeof findCommitment>>>;

/** Locks the commitment's row for the rest of the transaction: of two concurrent verdicts the second waits, then sees the first's status. */
export async function lockCommitment(db: Kysely<DB>, id: number): Promise<void> {
  await sql`select id from commitments where id = ${id} for update`.execute(db);
}

/** Moves a commitment out of `signed` only if it is still there. Returns whether it moved. */
export async function recordVerdict(
  db: Kysely<DB>,
  id: number,
  to: Exclude<CommitmentStatus, 'signed'>,
  set: { verdict_reason: string; verdict_by: string; verdict_department_id: number | null; verdict_at: Date; breach_record_id?: number },
): Promise<boolean> {
  const result = await db.updateTable('commitments').set({ ...set, status: to, updated_at: set.verdict_at }).where('id', '=', id).where('status', '=', 'signed').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function storeFile(db: Kysely<DB>, id: number, file: { fileName: string; contentType: string; content: Buffer }, at: Date): Promise<void> {
  await db
    .updateTable('commitments')
    .set({ file_name: file.fileName, file_content_type: file.contentType, file_size: file.content.length, file_content: file.content, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function readFile(db: Kysely<DB>, id: number) {
  return db.selectFrom('commitments').select(['file_name', 'file_content_type', 'file_content']).where('id', '=', id).executeTakeFirst();
}

export async function insertEvent(db: Kysely<DB>, at: Date, actor: Actor, commitmentId: number, step: { from: CommitmentStatus | null; to: CommitmentStatus; reason: string }) {
  await db
    .insertInto('commitment_events')
    .values({ commitment_id: commitmentId, at, from_status: step.from, to_status: step.to, reason: step.reason, actor_type: actor.type, actor_name: actor.name, department_id: actor.departmentId })
    .execute();
}

export async function listEvents(db: Kysely<DB>, commitmentId: number) {
  return db.selectFrom('commitment_events').select(['at', 'from_status', 'to_status', 'reason', 'actor_name']).where('commitment_id', '=', commitmentId).orderBy('id').execute();
}

export async function listCommitments(
  db: Kysely<DB>,
  f: { scope: CommitmentScope; status?: CommitmentStatus; type?: CommitmentType; overdueOn?: string; limit: number; offset: number },
) {
  let query = withNames(db);
  if (f.scope.subjectId !== undefined) query = query.where('c.subject_id', '=', f.scope.subjectId);
  if (f.scope.departmentId !== undefined) query = query.where('c.department_id', '=', f.scope.departmentId);
  if (f.status) query = query.where('c.status', '=', f.status);
  if (f.type) query = query.where('c.type', '=', f.type);
  if (f.overdueOn !== undefined) query = query.where('c.status', '=', 'signed').where('c.due_date', '<', f.overdueOn);
  const rows = await query.select([...columns, ...dates]).orderBy('c.id', 'desc').limit(f.limit).offset(f.offset).execute();
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return { rows, total: Number(count?.n ?? 0) };
}

export async function listActiveMatters(db: Kysely<DB>) {
  return db.selectFrom('matters').select(['code', 'name']).where('active', '=', true).orderBy('builtin', 'desc').orderBy('code').execute();
}

export async function listActiveDepartments(db: Kysely<DB>) {
  return db.selectFrom('departments').select(['id', 'name']).where('active', '=', true).where('kind', '=', 'department').orderBy('code').execute();
}
