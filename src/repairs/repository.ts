import { sql, type Kysely } from 'kysely';
import type { DB, RepairMaterialKind, RepairStatus } from '../db/schema.js';
import type { Actor } from '../kernel/actor.js';

/** All SQL of credit repair (信用修复). */

export const OPEN_STATUSES: readonly RepairStatus[] = ['submitted', 'department_review', 'platform_review'];

/** A record with what eligibility needs: its topic's publication rule (of the record's topic version). */
export async function findRecordTarget(db: Kysely<DB>, id: number) {
  const row = await db
    .selectFrom('records as r')
    .innerJoin('catalog_topic_versions as v', (join) => join.onRef('v.topic_id', '=', 'r.topic_id').onRef('v.version', '=', 'r.topic_version'))
    .select(['r.id', 'r.subject_id', 'r.department_id', 'r.status', 'r.is_current', 'r.decision_date', 'v.definition'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  return row && { ...row, decision_date: row.decision_date === null ? null : String(row.decision_date).slice(0, 10) };
}

export async function findEntryTarget(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('list_entries as e')
    .innerJoin('list_types as t', 't.id', 'e.list_type_id')
    .select(['e.id', 'e.subject_id', 'e.department_id', 'e.status', 't.code as list_type_code', 't.name as list_type_name'])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export async function findOpenRepair(db: Kysely<DB>, target: { kind: 'record' | 'list_entry'; id: number }) {
  return db
    .selectFrom('repairs')
    .select('id')
    .where(target.kind === 'record' ? 'record_id' : 'entry_id', '=', target.id)
    .where('status', 'in', [...OPEN_STATUSES])
    .executeTakeFirst();
}

export async function insertRepair(db: Kysely<DB>, values: {
  target_kind: 'record' | 'list_entry';
  record_id: number | null;
  entry_id: number | null;
  subject_id: number;
  applicant_kind: 'subject' | 'department' | 'platform';
  applicant_name: string;
  applicant_user_id: string | null;
  applicant_department_id: number | null;
  source_department_id: number | null;
  statement: string;
  eligible_from: string | null;
  platform_due: string;
  at: Date;
}): Promise<number> {
  const { at, ...rest } = values;
  const row = await db.insertInto('repairs').values({ ...rest, status: 'submitted', filed_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const columns = [
  'id', 'target_kind', 'record_id', 'entry_id', 'subject_id', 'applicant_kind', 'applicant_name', 'applicant_user_id', 'applicant_department_id',
  'source_department_id', 'statement', 'eligible_from', 'status', 'department_due', 'platform_due', 'department_opinion', 'decision', 'decision_reasons',
  'certificate_no', 'filed_at', 'decided_at',
] as const;

export async function findRepair(db: Kysely<DB>, id: number) {
  return db.selectFrom('repairs').select([...columns]).where('id', '=', id).executeTakeFirst();
}
export type RepairRow = NonNullable<Awaited<ReturnType<typeof findRepair>>>;

/**
 * Moves an application from one status to another only if it is still in `from` (the update locks the
 * row: of two concurrent transitions one matches, the other finds nothing). Returns whether it moved.
 */
export async function moveRepair(
  db: Kysely<DB>,
  id: number,
  from: RepairStatus,
  to: RepairStatus,
  set: Partial<{ department_due: string; department_opinion: string; department_decided_at: Date; decision: 'granted' | 'refused'; decision_reasons: string; certificate_no: string; submitted_at: Date; decided_at: Date }>,
  at: Date,
): Promise<boolean> {
  const result = await db.updateTable('repairs').set({ ...set, status: to, updated_at: at }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function nextCertificateSequence(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ n: string }>`select nextval('repair_certificate_seq')::text as n`.execute(db);
  return Number(rows[0]!.n);
}

export async function insertEvents(db: Kysely<DB>, at: Date, actor: Actor, repairId: number, steps: readonly { from: RepairStatus | null; to: RepairStatus; reason: string }[]) {
  await db
    .insertInto('repair_events')
    .values(steps.map((s) => ({ repair_id: repairId, at, from_status: s.from, to_status: s.to, reason: s.reason, actor_type: actor.type, actor_name: actor.name, department_id: actor.departmentId })))
    .execute();
}

export async function listEvents(db: Kysely<DB>, repairId: number) {
  return db.selectFrom('repair_events').select(['at', 'from_status', 'to_status', 'reason', 'actor_name']).where('repair_id', '=', repairId).orderBy('id').execute();
}

/** Who sees which applications: a subject account its subject's, a department those it is the source of or filed, the centre and auditors all. */
export interface RepairScope {
  subjectId?: number;
  departmentId?: number;
}

export async function listRepairs(db: Kysely<DB>, f: { scope: RepairScope; status?: RepairStatus; overdueOn?: string; limit: number; offset: number }) {
  let query = db.selectFrom('repairs');
  if (f.scope.subjectId !== undefined) query = query.where('subject_id', '=', f.scope.subjectId);
  if (f.scope.departmentId !== undefined) {
    const dept = f.scope.departmentId;
    query = query.where((eb) => eb.or([eb('source_department_id', '=', dept), eb('applicant_department_id', '=', dept)]));
  }
  if (f.status) query = query.where('status', '=', f.status);
  if (f.overdueOn !== undefined) {
    // The same rule as read-repairs.ts isOverdue: the department's deadline while it reviews, the overall one otherwise.
    const today = f.overdueOn;
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'department_review'), eb('department_due', '<', today)]),
        eb.and([eb('status', 'in', ['submitted', 'platform_review']), eb('platform_due', '<', today)]),
      ]),
    );
  }
  const rows = await query.select([...columns]).orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return { rows, total: Number(count?.n ?? 0) };
}

export async function listMaterials(db: Kysely<DB>, repairId: number) {
  return db.selectFrom('repair_materials').select(['id', 'kind', 'file_name', 'content_type', 'size']).where('repair_id', '=', repairId).orderBy('id').execute();
}

export async function materialKinds(db: Kysely<DB>, repairId: number): Promise<{ kinds: Set<RepairMaterialKind>; count: number }> {
  const rows = await db.selectFrom('repair_materials').select('kind').where('repair_id', '=', repairId).execute();
  return { kinds: new Set(rows.map((r) => r.kind)), count: rows.length };
}

export async function insertMaterial(db: Kysely<DB>, repairId: number, file: { kind: RepairMaterialKind; fileName: string; contentType: string; content: Buffer }, by: string | null, at: Date) {
  const row = await db
    .insertInto('repair_materials')
    .values({ repair_id: repairId, kind: file.kind, file_name: file.fileName, content_type: file.contentType, size: file.content.length, content: file.content, uploaded_by: by, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Locks the application's row for the rest of the transaction (materials counted against concurrent uploads). */
export async function lockRepair(db: Kysely<DB>, id: number): Promise<void> {
  await sql`select id from repairs where id = ${id} for update`.execute(db);
}

export async function subjectName(db: Kysely<DB>, id: number): Promise<string> {
  const row = await db.selectFrom('subjects').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? '';
}

/** The credit centre (信用中心) issuing certificates: the first active one registered, else a generic name. */
export async function issuerName(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('departments').select('name').where('kind', '=', 'credit_centre').where('active', '=', true).orderBy('id').limit(1).executeTakeFirst();
  return row?.name ?? '信用中心';
}

/** One material with its bytes, only if it belongs to the application. */
export async function findMaterialFile(db: Kysely<DB>, repairId: number, materialId: number) {
  return db
    .selectFrom('repair_materials')
    .select(['id', 'file_name', 'content_type', 'content'])
    .where('repair_id', '=', repairId)
    .where('id', '=', materialId)
    .executeTakeFirst();
}

/** What a repair certificate names: the subject with its code (USCC, else the masked resident ID). */
export async function certificateSubject(db: Kysely<DB>, subjectId: number) {
  const subject = await db.selectFrom('subjects').select(['name', 'uscc']).where('id', '=', subjectId).executeTakeFirst();
  const masked = subject?.uscc
    ? undefined
    : await db.selectFrom('subject_identifiers').select(['kind', 'value_masked']).where('subject_id', '=', subjectId).where('value_masked', 'is not', null).orderBy('kind').executeTakeFirst();
  return { name: subject?.name ?? '', uscc: subject?.uscc ?? null, maskedId: masked?.value_masked ?? null, maskedKind: masked?.kind ?? null };
}

/** The repaired record with its topic version's definition and department, for the certificate. */
export async function certificateRecord(db: Kysely<DB>, recordId: number) {
  return db
    .selectFrom('records as r')
    .innerJoin('catalog_topic_versions as v', (join) => join.onRef('v.topic_id', '=', 'r.topic_id').onRef('v.version', '=', 'r.topic_version'))
    .innerJoin('catalog_topics as t', 't.id', 'r.topic_id')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select(['r.id', 'r.decision_date', 'r.publish_until', 'r.data', 'v.definition', 't.category', 'd.name as department_name'])
    .where('r.id', '=', recordId)
    .executeTakeFirst();
}

/** The repaired list entry with its list's name and the deciding department, for the certificate. */
export async function certificateEntry(db: Kysely<DB>, entryId: number) {
  return db
    .selectFrom('list_entries as e')
    .innerJoin('list_types as t', 't.id', 'e.list_type_id')
    .leftJoin('departments as d', 'd.id', 'e.department_id')
    .select(['e.id', 'e.decision_no', 'e.decision_date', 't.name as list_type_name', 'd.name as department_name'])
    .where('e.id', '=', entryId)
    .executeTakeFirst();
}
