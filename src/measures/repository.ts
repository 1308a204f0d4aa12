import { sql, type Kysely } from 'kysely';
import type { DB, LegalBasis, MeasureBinds, MeasureStrength } from '../db/schema.js';

/** All SQL of the measures module: 措施清单, 联合奖惩 tasks. */

export interface NewTask {
  id: number;
  entry_id: number;
  measure_id: number;
  department_id: number;
  due_on: string;
}

/** The active measures with their answer periods (working days). */
export async function findActiveMeasureDeadlines(db: Kysely<DB>) {
  return db.selectFrom('measures').select(['id', 'response_workdays']).where('active', '=', true).execute();
}

/**
 * One pending task per entry × active measure triggered by the entry's list type × implementing
 * department; a pair that already has a task gets no second one. `dueOn` maps measure ids to due dates.
 */
export async function insertTasksForEntries(
  db: Kysely<DB>,
  at: Date,
  entryIds: readonly number[],
  dueOn: ReadonlyMap<number, string>,
): Promise<NewTask[]> {
  if (entryIds.length === 0 || dueOn.size === 0) return [];
  const result = await sql<NewTask>`
    insert into joint_tasks (entry_id, measure_id, department_id, status, due_on, created_at)
    select e.id, ml.measure_id, md.department_id, 'pending', m.due_on, ${at}
    from list_entries e
    join measure_list_types ml on ml.list_type_id = e.list_type_id
    join measure_departments md on md.measure_id = ml.measure_id
    join unnest(${[...dueOn.keys()]}::int[], ${[...dueOn.values()]}::date[]) as m (measure_id, due_on)
      on m.measure_id = ml.measure_id
    where e.id = any(${[...entryIds]}::bigint[])
    on conflict (entry_id, measure_id, department_id) do nothing
    returning id, entry_id, measure_id, department_id, due_on::text as due_on`.execute(db);
  return result.rows;
}

/** Cancels the pending tasks of entries that ended (their measures end with them). */
export async function cancelPendingTasks(db: Kysely<DB>, at: Date, entryIds: readonly number[], reason: string) {
  if (entryIds.length === 0) return [];
  return db
    .updateTable('joint_tasks')
    .set({ status: 'cancelled', response: reason, responded_by: 'system', responded_at: at })
    .where('entry_id', 'in', entryIds)
    .where('status', '=', 'pending')
    .returning(['id', 'entry_id', 'department_id'])
    .execute();
}

// ---------------------------------------------------------------------------------------------------
// 措施清单

export interface MeasureValues {
  code: string;
  name: string;
  content: string;
  kind: 'punishment' | 'incentive';
  strength: MeasureStrength;
  legalBasis: LegalBasis[];
  matters: string[];
  binds: MeasureBinds[];
  responseWorkdays: number;
  active: boolean;
}

type Linkable = { id: number; createdAt: Date };

export async function listTypeIdsByCode(db: Kysely<DB>): Promise<Map<string, Linkable>> {
  const rows = await db.selectFrom('list_types').select(['id', 'code', 'created_at']).execute();
  return new Map(rows.map((r) => [r.code, { id: r.id, createdAt: new Date(r.created_at) }]));
}

/** Active departments by code. */
export async function departmentIdsByCode(db: Kysely<DB>): Promise<Map<string, Linkable>> {
  const rows = await db.selectFrom('departments').select(['id', 'code', 'created_at']).where('active', '=', true).execute();
  return new Map(rows.map((r) => [r.code, { id: r.id, createdAt: new Date(r.created_at) }]));
}

export async function findListTypesByCodes(db: Kysely<DB>, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('list_types').select(['id', 'code', 'kind', 'status']).where('code', 'in', codes).execute();
}

export async function findDepartmentsByCodes(db: Kysely<DB>, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('departments').select(['id', 'code']).where('code', 'in', codes).where('active', '=', true).execute();
}

export async function findActiveDepartment(db: Kysely<DB>, id: number) {
  return db.selectFrom('departments').select(['id', 'code', 'name']).where('id', '=', id).where('active', '=', true).executeTakeFirst();
}

export async function listMatters(db: Kysely<DB>) {
  return db.selectFrom('matters').selectAll().orderBy('builtin', 'desc').orderBy('code').execute();
}

export async function findMeasureByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('measures').selectAll().where('code', '=', code).executeTakeFirst();
}

/** A measure row, locked for update when asked (an update reads, compares and writes it). */
export async function findMeasureById(db: Kysely<DB>, id: number, opts: { lock?: boolean } = {}) {
  let query = db.selectFrom('measures').selectAll().where('id', '=', id);
  if (opts.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertMeasure(db: Kysely<DB>, m: MeasureValues & { builtin: boolean }, at: Date): Promise<number> {
  const row = await db
    .insertInto('measures')
    .values({
      code: m.code,
      name: m.name,
      content: m.content,
      kind: m.kind,
      strength: m.strength,
      legal_basis: JSON.stringify(m.legalBasis),
      matters: m.matters,
      binds: m.binds,
      response_workdays: m.responseWorkdays,
      active: m.active,
      builtin: m.builtin,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMeasure(db: Kysely<DB>, id: number, m: MeasureValues, at: Date): Promise<void> {
  await db
    .updateTable('measures')
    .set({
      code: m.code,
      name: m.name,
      content: m.content,
      kind: m.kind,
      strength: m.strength,
      legal_basis: JSON.stringify(m.legalBasis),
      matters: m.matters,
      binds: m.binds,
      response_workdays: m.responseWorkdays,
      active: m.active,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export async function linkListTypes(db: Kysely<DB>, measureId: number, listTypeIds: readonly number[]): Promise<void> {
  if (listTypeIds.length === 0) return;
  await db
    .insertInto('measure_list_types')
    .values(listTypeIds.map((id) => ({ measure_id: measureId, list_type_id: id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function linkDepartments(db: Kysely<DB>, measureId: number, departmentIds: readonly number[]): Promise<void> {
  if (departmentIds.length === 0) return;
  await db
    .insertInto('measure_departments')
    .values(departmentIds.map((id) => ({ measure_id: measureId, department_id: id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Sets a measure's list types and departments to exactly these. */
export async function replaceLinks(db: Kysely<DB>, measureId: number, listTypeIds: readonly number[], departmentIds: readonly number[]): Promise<void> {
  let deleteLists = db.deleteFrom('measure_list_types').where('measure_id', '=', measureId);
  if (listTypeIds.length > 0) deleteLists = deleteLists.where('list_type_id', 'not in', listTypeIds);
  await deleteLists.execute();
  let deleteDepartments = db.deleteFrom('measure_departments').where('measure_id', '=', measureId);
  if (departmentIds.length > 0) deleteDepartments = deleteDepartments.where('department_id', 'not in', departmentIds);
  await deleteDepartments.execute();
  await linkListTypes(db, measureId, listTypeIds);
  await linkDepartments(db, measureId, departmentIds);
}

export async function listMeasures(db: Kysely<DB>, f: { kind?: string; listType?: string; matter?: string; active?: boolean; ids?: readonly number[] }) {
  let query = db.selectFrom('measures').selectAll('measures');
  if (f.kind) query = query.where('kind', '=', f.kind as 'punishment' | 'incentive');
  if (f.active !== undefined) query = query.where('active', '=', f.active);
  if (f.matter) query = query.where(sql<boolean>`${f.matter} = any(matters)`);
  if (f.ids) query = query.where('id', 'in', f.ids.length > 0 ? f.ids : [0]);
  if (f.listType) {
    const code = f.listType;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('measure_list_types as ml')
          .innerJoin('list_types as lt', 'lt.id', 'ml.list_type_id')
          .select('ml.measure_id')
          .whereRef('ml.measure_id', '=', 'measures.id')
          .where('lt.code', '=', code),
      ),
    );
  }
  return query.orderBy('kind', 'desc').orderBy('id').execute();
}

/** The list types and departments of these measures. */
export async function findLinks(db: Kysely<DB>, measureIds: readonly number[]) {
  if (measureIds.length === 0) return { listTypes: [], departments: [] };
  const listTypes = await db
    .selectFrom('measure_list_types as ml')
    .innerJoin('list_types as lt', 'lt.id', 'ml.list_type_id')
    .select(['ml.measure_id', 'lt.id', 'lt.code', 'lt.name', 'lt.kind'])
    .where('ml.measure_id', 'in', measureIds)
    .orderBy('lt.id')
    .execute();
  const departments = await db
    .selectFrom('measure_departments as md')
    .innerJoin('departments as d', 'd.id', 'md.department_id')
    .select(['md.measure_id', 'd.id', 'd.code', 'd.name'])
    .where('md.measure_id', 'in', measureIds)
    .orderBy('d.code')
    .execute();
  return { listTypes, departments };
}

export async function countPendingTasksOfMeasure(db: Kysely<DB>, measureId: number): Promise<number> {
  const row = await db
    .selectFrom('joint_tasks')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('measure_id', '=', measureId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------------
// 联合奖惩 tasks

/** What an outbox event about new tasks carries, so a department's system can act without asking back. */
export async function findTaskEventDetails(db: Kysely<DB>, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('joint_tasks as t')
    .innerJoin('list_entries as e', 'e.id', 't.entry_id')
    .innerJoin('list_types as lt', 'lt.id', 'e.list_type_id')
    .innerJoin('subjects as s', 's.id', 'e.subject_id')
    .innerJoin('measures as m', 'm.id', 't.measure_id')
    .select([
      't.id',
      's.id as subject_id',
      's.name as subject_name',
      's.uscc',
      'lt.code as list_type_code',
      'e.decision_no',
      'm.code as measure_code',
      'm.name as measure_name',
      'm.matters',
    ])
    .where('t.id', 'in', taskIds)
    .execute();
}

export interface TaskFilter {
  departmentId: number | null;
  status?: string;
  overdue?: boolean;
  listType?: string;
  today: string;
}

function taskQuery(db: Kysely<DB>, f: TaskFilter) {
  let query = db
    .selectFrom('joint_tasks as t')
    .innerJoin('list_entries as e', 'e.id', 't.entry_id')
    .innerJoin('list_types as lt', 'lt.id', 'e.list_type_id');
  if (f.departmentId !== null) query = query.where('t.department_id', '=', f.departmentId);
  if (f.status) query = query.where('t.status', '=', f.status as 'pending');
  if (f.overdue === true) query = query.where('t.status', '=', 'pending').where('t.due_on', '<', f.today);
  if (f.overdue === false) query = query.where((eb) => eb.or([eb('t.status', '<>', 'pending'), eb('t.due_on', '>=', f.today)]));
  if (f.listType) query = query.where('lt.code', '=', f.listType);
  return query;
}

/** A page of tasks: pending first (earliest due first), then answered ones, newest first. */
export async function listTasks(db: Kysely<DB>, f: TaskFilter, limit: number, offset: number) {
  const rows = await taskQuery(db, f)
    .innerJoin('subjects as s', 's.id', 'e.subject_id')
    .leftJoin('subjects as rep', 'rep.id', 's.legal_rep_id')
    .innerJoin('measures as m', 'm.id', 't.measure_id')
    .innerJoin('departments as d', 'd.id', 't.department_id')
    .select([
      't.id',
      't.status',
      sql<string>`t.due_on::text`.as('due_on'),
      't.created_at',
      't.response',
      't.responded_by',
      't.responded_at',
      'd.id as department_id',
      'd.code as department_code',
      'd.name as department_name',
      's.id as subject_id',
      's.name as subject_name',
      's.kind as subject_kind',
      's.uscc',
      'rep.name as legal_rep_name',
      'e.id as entry_id',
      'e.reasons',
      'e.decision_no',
      sql<string | null>`e.decision_date::text`.as('decision_date'),
      sql<string | null>`e.expires_on::text`.as('expires_on'),
      'lt.code as list_type_code',
      'lt.name as list_type_name',
      'lt.kind as list_type_kind',
      'm.id as measure_id',
      'm.code as measure_code',
      'm.name as measure_name',
      'm.content as measure_content',
      'm.kind as measure_kind',
      'm.strength as measure_strength',
      'm.legal_basis as measure_legal_basis',
      'm.matters as measure_matters',
      'm.binds as measure_binds',
    ])
    .orderBy(sql`t.status = 'pending'`, 'desc')
    .orderBy(sql`case when t.status = 'pending' then t.due_on end`, 'asc')
    .orderBy('t.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const count = await taskQuery(db, f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  return { rows, total: Number(count?.n ?? 0) };
}

export async function findTask(db: Kysely<DB>, id: number) {
  return db.selectFrom('joint_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Answers a pending task. The status condition makes two answers at once safe: the second waits for
 * the first's row lock, re-reads the row, finds it answered and updates nothing.
 */
export async function answerPendingTask(db: Kysely<DB>, id: number, a: { outcome: 'implemented' | 'not_applicable'; note: string; by: string; at: Date }) {
  return db
    .updateTable('joint_tasks')
    .set({ status: a.outcome, response: a.note, responded_by: a.by, responded_at: a.at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning(['id', 'entry_id', 'measure_id', 'department_id', 'status'])
    .executeTakeFirst();
}

export interface TaskCountsRow {
  id: number;
  code: string;
  name: string;
  tasks: number;
  implemented: number;
  not_applicable: number;
  pending: number;
  overdue: number;
  cancelled: number;
}

/** 跟踪问效: task counts grouped by department or by list type, optionally for tasks created in a period. */
export async function countTasks(db: Kysely<DB>, by: 'department' | 'list_type', f: { today: string; from?: string; to?: string }) {
  const group = by === 'department' ? sql`d.id, d.code, d.name` : sql`lt.id, lt.code, lt.name`;
  const from = f.from ? sql`and (t.created_at at time zone 'Asia/Shanghai')::date >= ${f.from}::date` : sql``;
  const to = f.to ? sql`and (t.created_at at time zone 'Asia/Shanghai')::date <= ${f.to}::date` : sql``;
  const result = await sql<TaskCountsRow>`
    select ${group},
      count(*) filter (where t.status <> 'cancelled') as tasks,
      count(*) filter (where t.status = 'implemented') as implemented,
      count(*) filter (where t.status = 'not_applicable') as not_applicable,
      count(*) filter (where t.status = 'pending') as pending,
      count(*) filter (where t.status = 'pending' and t.due_on < ${f.today}::date) as overdue,
      count(*) filter (where t.status = 'cancelled') as cancelled
    from joint_tasks t
    join departments d on d.id = t.department_id
    join list_entries e on e.id = t.entry_id
    join list_types lt on lt.id = e.list_type_id
    where true ${from} ${to}
    group by ${group}
    order by ${by === 'department' ? sql`d.code` : sql`lt.id`}`.execute(db);
  return result.rows;
}

// ---------------------------------------------------------------------------------------------------
// Webhooks

export async function insertSubscription(
  db: Kysely<DB>,
  s: { departmentId: number; url: string; secretEnc: string; topics: string[]; by: string; at: Date },
): Promise<number> {
  const row = await db
    .insertInto('webhook_subscriptions')
    .values({ department_id: s.departmentId, url: s.url, secret_enc: s.secretEnc, topics: s.topics, created_by: s.by, created_at: s.at, updated_at: s.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Subscriptions with their delivery counts. */
export async function listSubscriptions(db: Kysely<DB>, ids?: readonly number[]) {
  let query = db
    .selectFrom('webhook_subscriptions as w')
    .innerJoin('departments as d', 'd.id', 'w.department_id')
    .select((eb) => [
      'w.id',
      'w.department_id',
      'd.name as department_name',
      'w.url',
      'w.topics',
      'w.active',
      'w.created_at',
      eb.selectFrom('webhook_deliveries as x').select(eb.fn.countAll<number>().as('n')).whereRef('x.subscription_id', '=', 'w.id').where('x.status', '=', 'pending').as('pending'),
      eb.selectFrom('webhook_deliveries as x').select(eb.fn.countAll<number>().as('n')).whereRef('x.subscription_id', '=', 'w.id').where('x.status', '=', 'delivered').as('delivered'),
      eb.selectFrom('webhook_deliveries as x').select(eb.fn.countAll<number>().as('n')).whereRef('x.subscription_id', '=', 'w.id').where('x.status', '=', 'failed').as('failed'),
    ]);
  if (ids) query = query.where('w.id', 'in', ids.length > 0 ? ids : [0]);
  return query.orderBy('w.id').execute();
}

export async function deactivateSubscription(db: Kysely<DB>, id: number, at: Date): Promise<boolean> {
  const result = await db.updateTable('webhook_subscriptions').set({ active: false, updated_at: at }).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Fans out up to `limit` undelivered outbox rows (oldest first, skipping rows another dispatcher holds):
 * one delivery row per active subscription of the department the event names (`payload.departmentId`)
 * whose topics match, then marks the outbox rows handed over. Rows nobody subscribes to are marked too,
 * so they are not read again. Returns how many outbox rows and deliveries.
 */
export async function fanOutOutbox(db: Kysely<DB>, at: Date, limit: number): Promise<{ events: number; deliveries: number }> {
  const picked = await sql<{ id: number }>`
    select id from outbox where delivered_at is null order by id limit ${limit} for update skip locked`.execute(db);
  const ids = picked.rows.map((r) => r.id);
  if (ids.length === 0) return { events: 0, deliveries: 0 };
  const inserted = await sql`
    insert into webhook_deliveries (outbox_id, subscription_id, status, attempts, next_attempt_at, created_at)
    select o.id, w.id, 'pending', 0, ${at}, ${at}
    from outbox o
    join webhook_subscriptions w on w.active and o.payload ->> 'departmentId' = w.department_id::text
    where o.id = any(${ids}::bigint[])
      and exists (select 1 from unnest(w.topics) t where o.topic = t or (right(t, 1) = '*' and starts_with(o.topic, left(t, -1))))
    on conflict do nothing`.execute(db);
  await db.updateTable('outbox').set({ delivered_at: at }).where('id', 'in', ids).execute();
  return { events: ids.length, deliveries: Number(inserted.numAffectedRows ?? 0) };
}

export interface ClaimedDelivery {
  outbox_id: number;
  subscription_id: number;
  attempts: number;
  topic: string;
  payload: Record<string, unknown>;
  event_at: Date;
  url: string;
  secret_enc: string;
}

/**
 * Claims up to `limit` due deliveries: their next attempt moves to `leaseUntil`, so another dispatcher
 * (or this one after a crash) does not send them again before then.
 */
export async function claimDueDeliveries(db: Kysely<DB>, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
  const result = await sql<ClaimedDelivery>`
    with due as (
      select outbox_id, subscription_id from webhook_deliveries
      where status = 'pending' and next_attempt_at <= ${now}
      order by next_attempt_at, outbox_id
      limit ${limit}
      for update skip locked
    ), claimed as (
      update webhook_deliveries d set next_attempt_at = ${leaseUntil}
      from due where d.outbox_id = due.outbox_id and d.subscription_id = due.subscription_id
      returning d.outbox_id, d.subscription_id, d.attempts
    )
    select c.outbox_id, c.subscription_id, c.attempts, o.topic, o.payload, o.created_at as event_at, w.url, w.secret_enc
    from claimed c
    join outbox o on o.id = c.outbox_id
    join webhook_subscriptions w on w.id = c.subscription_id
    order by c.outbox_id`.execute(db);
  return result.rows;
}

export async function recordDeliveryAttempt(
  db: Kysely<DB>,
  d: { outboxId: number; subscriptionId: number; at: Date; status: 'pending' | 'delivered' | 'failed'; httpStatus: number | null; error: string | null; nextAttemptAt: Date | null },
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      status: d.status,
      attempts: eb('attempts', '+', 1),
      last_attempt_at: d.at,
      last_status: d.httpStatus,
      last_error: d.error,
      next_attempt_at: d.nextAttemptAt,
      delivered_at: d.status === 'delivered' ? d.at : null,
    }))
    .where('outbox_id', '=', d.outboxId)
    .where('subscription_id', '=', d.subscriptionId)
    .execute();
}

export async function findDeliveries(db: Kysely<DB>, subscriptionId: number) {
  return db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId).orderBy('outbox_id').execute();
}

/** Pending tasks in creation order (the demo loader answers the older ones). */
export async function listPendingTaskDueDates(db: Kysely<DB>) {
  return db.selectFrom('joint_tasks').select(['id', 'department_id', 'due_on']).where('status', '=', 'pending').orderBy('id').execute();
}
