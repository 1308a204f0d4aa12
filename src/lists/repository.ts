import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB, ListEntriesTable, ListEntryStatus, ListKind } from '../db/schema.js';
import type { ListTypeDefinition } from './builtin-list-types.js';

/** All SQL of the lists module. */

export async function findListTypeByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('list_types').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findListTypeById(db: Kysely<DB>, id: number) {
  return db.selectFrom('list_types').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listListTypes(db: Kysely<DB>) {
  return db.selectFrom('list_types').selectAll().orderBy('id').execute();
}

export async function findDepartmentIdByCode(db: Kysely<DB>, code: string): Promise<number | null> {
  const row = await db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id ?? null;
}

/** The columns of a list type's definition (the same for a new type and a changed one). */
function definitionColumns(def: ListTypeDefinition, authorityDepartmentId: number | null) {
  return {
    name: def.name,
    kind: def.kind,
    legal_basis: JSON.stringify(def.legalBasis),
    authority: def.authority,
    authority_department_id: authorityDepartmentId,
    criteria: def.criteria,
    exit_conditions: def.exitConditions,
    remedies: def.remedies,
    default_duration_months: def.defaultDurationMonths,
    notice_workdays: def.noticeWorkdays,
    serious: def.serious,
    publish_persons: def.publishPersons,
    minors_excluded: def.minorsExcluded,
  };
}

export async function insertListType(
  db: Kysely<DB>,
  def: ListTypeDefinition,
  opts: { at: Date; builtin: boolean; status: 'draft' | 'active'; authorityDepartmentId: number | null },
) {
  return db
    .insertInto('list_types')
    .values({
      code: def.code,
      ...definitionColumns(def, opts.authorityDepartmentId),
      status: opts.status,
      builtin: opts.builtin,
      created_at: opts.at,
      updated_at: opts.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setListTypeAuthorityDepartment(db: Kysely<DB>, id: number, departmentId: number): Promise<void> {
  await db.updateTable('list_types').set({ authority_department_id: departmentId }).where('id', '=', id).execute();
}

export async function updateListType(
  db: Kysely<DB>,
  id: number,
  def: ListTypeDefinition,
  opts: { at: Date; status: 'draft' | 'active' | 'retired'; authorityDepartmentId: number | null },
): Promise<void> {
  await db
    .updateTable('list_types')
    .set({ ...definitionColumns(def, opts.authorityDepartmentId), status: opts.status, updated_at: opts.at })
    .where('id', '=', id)
    .execute();
}

/** Live (active or suspended) entries per list type. */
export async function countLiveEntriesByType(db: Kysely<DB>): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('list_entries')
    .select(['list_type_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('status', 'in', ['active', 'suspended'])
    .groupBy('list_type_id')
    .execute();
  return new Map(rows.map((r) => [r.list_type_id, Number(r.n)]));
}

export async function departmentNames(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---- entries ----

export type NewEntry = Insertable<ListEntriesTable>;

export async function insertEntry(db: Kysely<DB>, values: NewEntry): Promise<number> {
  const row = await db.insertInto('list_entries').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findLiveEntryByKey(db: Kysely<DB>, listTypeId: number, sourceKey: string) {
  return db
    .selectFrom('list_entries')
    .select(['id'])
    .where('list_type_id', '=', listTypeId)
    .where('source_key', '=', sourceKey)
    .where('status', 'in', ['proposed', 'notified', 'active', 'suspended'])
    .executeTakeFirst();
}

/** A subject's live or pending entry on a list (one subject is listed once per list and cause). */
export async function findOpenEntryOfSubject(db: Kysely<DB>, listTypeId: number, subjectId: number) {
  return db
    .selectFrom('list_entries')
    .select(['id', 'status'])
    .where('list_type_id', '=', listTypeId)
    .where('subject_id', '=', subjectId)
    .where('status', 'in', ['proposed', 'notified', 'active', 'suspended'])
    .executeTakeFirst();
}

export interface EntryEvent {
  entry_id: number;
  from_status: ListEntryStatus | null;
  to_status: ListEntryStatus;
  reason: string;
}

export async function insertEntryEvents(
  db: Kysely<DB>,
  at: Date,
  actor: { type: string; name: string | null; departmentId: number | null },
  events: readonly EntryEvent[],
): Promise<void> {
  for (let i = 0; i < events.length; i += 2000) {
    await db
      .insertInto('list_entry_events')
      .values(
        events.slice(i, i + 2000).map((e) => ({
          ...e,
          at,
          actor_type: actor.type,
          actor_name: actor.name,
          department_id: actor.departmentId,
        })),
      )
      .execute();
  }
}

/**
 * Moves entries from one of `from` to `to`, only those still in one of `from` (two transitions racing
 * on an entry: one wins, the other finds nothing to move). Returns the moved entries as they were.
 */
export async function moveEntries(
  db: Kysely<DB>,
  ids: readonly number[],
  from: readonly ListEntryStatus[],
  to: ListEntryStatus,
  values: Updateable<ListEntriesTable>,
) {
  if (ids.length === 0) return [];
  const result = await sql<{ id: number; from_status: ListEntryStatus; list_type_id: number; subject_id: number }>`
    update list_entries e set ${sql.join([
      sql`status = ${to}`,
      ...Object.entries(values).map(([column, value]) => sql`${sql.ref(column)} = ${value}`),
    ])}
    from (select id, status from list_entries where id = any(${[...ids]}::bigint[]) and status = any(${[...from]}::text[]) for update) old
    where e.id = old.id and e.status = any(${[...from]}::text[])
    returning e.id, old.status as from_status, e.list_type_id, e.subject_id`.execute(db);
  return result.rows;
}

/**
 * Puts entries in force: from today unless the decision named a start, until the decision's last day or
 * else the list type's default duration (null: until exit). Same race rule as `moveEntries`.
 */
export async function activateEntries(db: Kysely<DB>, ids: readonly number[], from: readonly ListEntryStatus[], today: string, at: Date) {
  if (ids.length === 0) return [];
  const result = await sql<{ id: number; from_status: ListEntryStatus; list_type_id: number; subject_id: number }>`
    update list_entries e set status = 'active', updated_at = ${at},
      effective_from = coalesce(e.effective_from, ${today}::date),
      expires_on = coalesce(e.expires_on,
        (coalesce(e.effective_from, ${today}::date) + make_interval(months => t.default_duration_months) - interval '1 day')::date)
    from list_types t,
      (select id, status from list_entries where id = any(${[...ids]}::bigint[]) and status = any(${[...from]}::text[]) for update) old
    where e.id = old.id and t.id = e.list_type_id and e.status = any(${[...from]}::text[])
    returning e.id, old.status as from_status, e.list_type_id, e.subject_id`.execute(db);
  return result.rows;
}

const entryColumns = [
  'e.id',
  'e.list_type_id',
  'e.subject_id',
  'e.status',
  'e.source',
  'e.source_key',
  'e.department_id',
  'e.decision_no',
  'e.decision_date',
  'e.reasons',
  'e.basis',
  'e.notified_at',
  'e.objection_until',
  'e.effective_from',
  'e.expires_on',
  'e.ended_at',
  'e.end_reason',
  'e.rule_code',
  'e.created_at',
  't.code as type_code',
  't.name as type_name',
  't.kind as type_kind',
  't.publish_persons',
  't.notice_workdays',
  's.name as subject_name',
  's.kind as subject_kind',
  's.uscc as subject_uscc',
  'd.name as department_name',
] as const;

function entriesQuery(db: Kysely<DB>) {
  return db
    .selectFrom('list_entries as e')
    .innerJoin('list_types as t', 't.id', 'e.list_type_id')
    .innerJoin('subjects as s', 's.id', 'e.subject_id')
    .leftJoin('departments as d', 'd.id', 'e.department_id');
}

export type EntryRow = Awaited<ReturnType<typeof findEntry>> & object;

export async function findEntry(db: Kysely<DB>, id: number) {
  return entriesQuery(db).select(entryColumns).where('e.id', '=', id).executeTakeFirst();
}

export interface EntryFilter {
  listTypeId?: number;
  status?: ListEntryStatus;
  subjectId?: number;
  departmentId?: number;
  nameLike?: string;
}

function filtered<Q extends ReturnType<typeof entriesQuery>>(query: Q, filter: EntryFilter): Q {
  let q = query;
  if (filter.listTypeId !== undefined) q = q.where('e.list_type_id', '=', filter.listTypeId) as Q;
  if (filter.status !== undefined) q = q.where('e.status', '=', filter.status) as Q;
  if (filter.subjectId !== undefined) q = q.where('e.subject_id', '=', filter.subjectId) as Q;
  if (filter.departmentId !== undefined) q = q.where('e.department_id', '=', filter.departmentId) as Q;
  if (filter.nameLike !== undefined) q = q.where('s.name', 'like', filter.nameLike) as Q;
  return q;
}

export async function listEntries(db: Kysely<DB>, filter: EntryFilter, page: { offset: number; limit: number }) {
  const [items, count] = await Promise.all([
    filtered(entriesQuery(db), filter).select(entryColumns).orderBy('e.id', 'desc').offset(page.offset).limit(page.limit).execute(),
    filtered(entriesQuery(db), filter).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Masked resident IDs of person subjects (the only form the platform ever shows). */
export async function maskedPersonIds(db: Kysely<DB>, subjectIds: readonly number[]): Promise<Map<number, string>> {
  if (subjectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('subject_identifiers')
    .select(['subject_id', 'value_masked'])
    .where('kind', '=', 'resident-id')
    .where('subject_id', 'in', [...new Set(subjectIds)])
    .execute();
  return new Map(rows.map((r) => [r.subject_id, r.value_masked ?? '']));
}

/**
 * Entries the public may see today: in force (active, or suspended and flagged 异议处理中), not past
 * their last day, of active list types; persons only on lists that publish them.
 */
export async function listPublicEntries(
  db: Kysely<DB>,
  today: string,
  filter: { listTypeId?: number; kind?: ListKind; nameLike?: string; subjectId?: number; subjectKind?: string },
  page: { offset: number; limit: number },
) {
  let base = entriesQuery(db)
    .where('e.status', 'in', ['active', 'suspended'])
    .where('t.status', '=', 'active')
    .where((eb) => eb.or([eb('e.expires_on', 'is', null), eb('e.expires_on', '>=', today)]))
    .where((eb) => eb.or([eb('s.kind', '<>', 'natural_person'), eb('t.publish_persons', '=', true)]));
  if (filter.listTypeId !== undefined) base = base.where('e.list_type_id', '=', filter.listTypeId);
  if (filter.kind !== undefined) base = base.where('t.kind', '=', filter.kind);
  if (filter.nameLike !== undefined) base = base.where('s.name', 'like', filter.nameLike);
  if (filter.subjectId !== undefined) base = base.where('e.subject_id', '=', filter.subjectId);
  if (filter.subjectKind !== undefined) base = base.where('s.kind', '=', filter.subjectKind);
  const [items, count] = await Promise.all([
    base.select(entryColumns).orderBy('e.effective_from', 'desc').orderBy('e.id', 'desc').offset(page.offset).limit(page.limit).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** The public list badges of subjects: list kinds they are on today. */
export async function findPublicListKinds(db: Kysely<DB>, subjectIds: readonly number[], today: string) {
  if (subjectIds.length === 0) return [];
  return db
    .selectFrom('list_entries as e')
    .innerJoin('list_types as t', 't.id', 'e.list_type_id')
    .select(['e.subject_id', 't.kind'])
    .distinct()
    .where('e.subject_id', 'in', [...subjectIds])
    .where('e.status', 'in', ['active', 'suspended'])
    .where('t.status', '=', 'active')
    .where((eb) => eb.or([eb('e.expires_on', 'is', null), eb('e.expires_on', '>=', today)]))
    .execute();
}

export async function findEntryEvents(db: Kysely<DB>, entryId: number) {
  return db
    .selectFrom('list_entry_events')
    .select(['at', 'from_status', 'to_status', 'reason', 'actor_name'])
    .where('entry_id', '=', entryId)
    .orderBy('id')
    .execute();
}

export async function countTasksOfEntry(db: Kysely<DB>, entryId: number) {
  const rows = await db
    .selectFrom('joint_tasks')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('entry_id', '=', entryId)
    .groupBy('status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

// ---- the sweep ----

/** Entries in force whose last day has passed (locked; a second sweep at the same time skips them). */
export async function findEntriesPastLastDay(db: Kysely<DB>, today: string, limit: number) {
  return db
    .selectFrom('list_entries')
    .select(['id'])
    .where('status', 'in', ['active', 'suspended'])
    .where('expires_on', '<', today)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/**
 * Notified entries whose objection period is over and that no objection still being handled
 * (submitted, accepted or verifying) disputes: such an entry waits for the objection's outcome.
 */
export async function findEntriesPastNotice(db: Kysely<DB>, today: string, limit: number) {
  return db
    .selectFrom('list_entries')
    .select(['id'])
    .where('status', '=', 'notified')
    .where('objection_until', '<', today)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('objections as o').select('o.id').whereRef('o.entry_id', '=', 'list_entries.id').where('o.status', 'in', ['submitted', 'accepted', 'verifying']))),
    )
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** The objection still being handled (submitted, accepted or verifying) about an entry, if any. */
export async function findOpenObjectionOfEntry(db: Kysely<DB>, entryId: number) {
  return db
    .selectFrom('objections')
    .select(['id', 'status'])
    .where('entry_id', '=', entryId)
    .where('status', 'in', ['submitted', 'accepted', 'verifying'])
    .executeTakeFirst();
}

/** Live entries of a list that began on or before a date, without a warning of a rule yet. */
export async function findLiveEntriesSince(db: Kysely<DB>, listTypeId: number, onOrBefore: string, unwarnedBy?: string) {
  let q = db
    .selectFrom('list_entries as e')
    .select(['e.id', 'e.subject_id', 'e.effective_from', 'e.reasons', 'e.decision_no'])
    .where('e.list_type_id', '=', listTypeId)
    .where('e.status', 'in', ['active', 'suspended'])
    .where('e.effective_from', '<=', onOrBefore);
  if (unwarnedBy !== undefined)
    q = q.where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('list_rule_warnings as w').select('w.entry_id').whereRef('w.entry_id', '=', 'e.id').where('w.rule_code', '=', unwarnedBy))),
    );
  return q.orderBy('e.id').execute();
}

export async function insertRuleWarning(db: Kysely<DB>, ruleCode: string, entryId: number, at: Date, dueOn: string): Promise<boolean> {
  const result = await db
    .insertInto('list_rule_warnings')
    .values({ rule_code: ruleCode, entry_id: entryId, warned_at: at, due_on: dueOn })
    .onConflict((oc) => oc.columns(['rule_code', 'entry_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Whether a rule already proposed an entry for a subject (on any status: a rule acts once per cause). */
export async function findRuleEntry(db: Kysely<DB>, ruleCode: string, sourceKey: string) {
  return db.selectFrom('list_entries').select('id').where('rule_code', '=', ruleCode).where('source_key', '=', sourceKey).executeTakeFirst();
}

/** A subject by an identifier (USCC, other code, or a person's keyed hash). */
export async function findSubjectByIdentifier(db: Kysely<DB>, kind: string, valueKey: string) {
  const row = await db
    .selectFrom('subject_identifiers')
    .innerJoin('subjects', 'subjects.id', 'subject_identifiers.subject_id')
    .select(['subjects.id', 'subjects.name', 'subjects.kind'])
    .where('subject_identifiers.kind', '=', kind as never)
    .where('subject_identifiers.value_key', '=', valueKey)
    .executeTakeFirst();
  return row;
}

export async function findSubjectName(db: Kysely<DB>, id: number): Promise<string> {
  const row = await db.selectFrom('subjects').select('name').where('id', '=', id).executeTakeFirstOrThrow();
  return row.name;
}

/** Runs `fn` under a savepoint: if it throws, what it wrote is undone and the transaction goes on. */
export async function withSavepoint<T>(db: Kysely<DB>, fn: () => Promise<T>): Promise<T> {
  await sql`savepoint list_row`.execute(db);
  try {
    const value = await fn();
    await sql`release savepoint list_row`.execute(db);
    return value;
  } catch (error) {
    await sql`rollback to savepoint list_row`.execute(db);
    throw error;
  }
}

/**
 * A subject's entries in their notice period (告知: notified, not yet in force), with the objection still
 * being handled about each, soonest deadline first.
 */
export async function findNoticesOf(db: Kysely<DB>, subjectId: number) {
  return entriesQuery(db)
    .leftJoin('objections as o', (join) => join.onRef('o.entry_id', '=', 'e.id').on('o.status', 'in', ['submitted', 'accepted', 'verifying']))
    .select([...entryColumns, 'o.id as objection_id', 'o.status as objection_status'])
    .where('e.subject_id', '=', subjectId)
    .where('e.status', '=', 'notified')
    .orderBy('e.objection_until')
    .orderBy('e.id')
    .limit(100)
    .execute();
}
