import type { AppContext } from '../app/context.js';
import type { ListKind } from '../db/schema.js';
import { requireSignedIn } from '../access/index.js';
import { hasRole, type Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { ListErrors } from './errors.js';
import { effectiveStatus, TRANSITIONS } from './lifecycle.js';
import { canTransition, entryScope } from './policies.js';
import * as repo from './repository.js';
import {
  ENTRY_ACTIONS,
  type ListEntryDetail,
  type ListEntryPage,
  type ListEntryQuery,
  type ListEntryView,
  type ListNotice,
  type ListTypeView,
  type PublicListPage,
  type PublicListQuery,
} from './schemas.js';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type ListTypeRow = NonNullable<Awaited<ReturnType<typeof repo.findListTypeById>>>;

export function presentListType(row: ListTypeRow, departmentName: string | null, activeEntries: number): ListTypeView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    legalBasis: row.legal_basis,
    authority: row.authority,
    authorityDepartmentId: row.authority_department_id,
    authorityDepartmentName: departmentName,
    criteria: row.criteria,
    exitConditions: row.exit_conditions,
    remedies: row.remedies,
    defaultDurationMonths: row.default_duration_months,
    noticeWorkdays: row.notice_workdays,
    serious: row.serious,
    publishPersons: row.publish_persons,
    minorsExcluded: row.minors_excluded,
    status: row.status,
    builtin: row.builtin,
    activeEntries,
    updatedAt: iso(row.updated_at)!,
  };
}

/**
 * Every list type with its basis, criteria, exit conditions and remedies. Public: 国办发〔2020〕49号
 * asks for them to be published. The public sees active types only.
 */
export async function listListTypeViews(ctx: AppContext, options: { includeInactive: boolean }): Promise<ListTypeView[]> {
  const rows = (await repo.listListTypes(ctx.db)).filter((r) => options.includeInactive || r.status === 'active');
  const names = await repo.departmentNames(ctx.db, rows.flatMap((r) => (r.authority_department_id ? [r.authority_department_id] : [])));
  const counts = await repo.countLiveEntriesByType(ctx.db);
  return rows.map((r) => presentListType(r, r.authority_department_id ? (names.get(r.authority_department_id) ?? null) : null, counts.get(r.id) ?? 0));
}

export async function getListTypeView(ctx: AppContext, id: number): Promise<ListTypeView> {
  const row = await repo.findListTypeById(ctx.db, id);
  if (!row) throw new AppError(ListErrors.LIST_TYPE_NOT_FOUND, { code: String(id) });
  const names = await repo.departmentNames(ctx.db, row.authority_department_id ? [row.authority_department_id] : []);
  const counts = await repo.countLiveEntriesByType(ctx.db);
  return presentListType(row, row.authority_department_id ? (names.get(row.authority_department_id) ?? null) : null, counts.get(row.id) ?? 0);
}

type EntryRow = NonNullable<Awaited<ReturnType<typeof repo.findEntry>>>;

function presentEntry(row: EntryRow, today: string, personIds: Map<number, string>): ListEntryView {
  return {
    id: row.id,
    listType: { id: row.list_type_id, code: row.type_code, name: row.type_name, kind: row.type_kind },
    subject: {
      id: row.subject_id,
      name: row.subject_name,
      kind: row.subject_kind,
      code: row.subject_kind === 'natural_person' ? (personIds.get(row.subject_id) ?? null) : row.subject_uscc,
    },
    status: effectiveStatus(row.status, row.expires_on, today),
    source: row.source,
    sourceKey: row.source_key,
    department: row.department_id !== null && row.department_name !== null ? { id: row.department_id, name: row.department_name } : null,
    decisionNo: row.decision_no,
    decisionDate: row.decision_date,
    reasons: row.reasons,
    basis: row.basis,
    objectionUntil: row.objection_until,
    effectiveFrom: row.effective_from,
    expiresOn: row.expires_on,
    endedAt: iso(row.ended_at),
    endReason: row.end_reason,
    ruleCode: row.rule_code,
    createdAt: iso(row.created_at)!,
  };
}

async function listTypeIdOf(ctx: AppContext, code: string | undefined): Promise<number | undefined> {
  if (code === undefined) return undefined;
  const type = await repo.findListTypeByCode(ctx.db, code);
  if (!type) throw new AppError(ListErrors.LIST_TYPE_NOT_FOUND, { code });
  return type.id;
}

/** Entries for the console, newest first: all for the credit centre, a department's own for a department. */
export async function listEntries(ctx: AppContext, actor: Actor, query: ListEntryQuery): Promise<ListEntryPage> {
  const scope = entryScope(actor);
  const today = chinaDate(ctx.clock.now());
  const { items, total } = await repo.listEntries(
    ctx.db,
    {
      ...scope,
      listTypeId: await listTypeIdOf(ctx, query.listType),
      status: query.status,
      subjectId: query.subjectId,
      nameLike: query.q?.trim() ? likePattern(query.q.trim()) : undefined,
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const personIds = await repo.maskedPersonIds(ctx.db, items.filter((i) => i.subject_kind === 'natural_person').map((i) => i.subject_id));
  return { total, page: query.page, pageSize: query.pageSize, items: items.map((row) => presentEntry(row, today, personIds)) };
}

/** Activation waits for notice and for the end of the objection period. */
function activationAllowed(action: string, row: EntryRow, today: string): boolean {
  if (action !== 'activate') return true;
  if (row.status === 'proposed') return row.notice_workdays === 0;
  return row.objection_until === null || today > row.objection_until;
}

/** One entry with its transitions, its joint tasks' progress and what the caller may do with it now. Audited. */
export async function getEntry(ctx: AppContext, actor: Actor, id: number): Promise<ListEntryDetail> {
  const scope = entryScope(actor);
  const row = await repo.findEntry(ctx.db, id);
  if (!row || (scope.departmentId !== undefined && row.department_id !== scope.departmentId))
    throw new AppError(ListErrors.LIST_ENTRY_NOT_FOUND, { id });
  const today = chinaDate(ctx.clock.now());
  const personIds = await repo.maskedPersonIds(ctx.db, row.subject_kind === 'natural_person' ? [row.subject_id] : []);
  const [events, tasks, objection] = await Promise.all([repo.findEntryEvents(ctx.db, id), repo.countTasksOfEntry(ctx.db, id), repo.findOpenObjectionOfEntry(ctx.db, id)]);
  const view = presentEntry(row, today, personIds);
  await writeAudit(ctx.db, ctx.clock.now(), actor, { action: 'list.entry.viewed', entityType: 'list_entry', entityId: id });
  return {
    ...view,
    events: events.map((e) => ({ at: iso(e.at)!, fromStatus: e.from_status, toStatus: e.to_status, reason: e.reason, actor: e.actor_name })),
    tasks: {
      total: [...tasks.values()].reduce((a, b) => a + b, 0),
      pending: tasks.get('pending') ?? 0,
      implemented: tasks.get('implemented') ?? 0,
      notApplicable: tasks.get('not_applicable') ?? 0,
    },
    actions:
      view.status === 'expired'
        ? []
        : ENTRY_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(row.status) && canTransition(actor, row.department_id, a) && activationAllowed(a, row, today) && !(a === 'activate' && objection)),
    openObjection: objection ? { id: objection.id, status: objection.status } : null,
  };
}

/** The website's 信用名单 column: entries in force today; persons only on lists that publish them, ID masked. */
export async function listPublicEntries(ctx: AppContext, query: PublicListQuery): Promise<PublicListPage> {
  const today = chinaDate(ctx.clock.now());
  let listTypeId: number | undefined;
  if (query.listType !== undefined) {
    const type = await repo.findListTypeByCode(ctx.db, query.listType);
    if (!type || type.status !== 'active') throw new AppError(ListErrors.LIST_TYPE_NOT_FOUND, { code: query.listType });
    listTypeId = type.id;
  }
  const { items, total } = await repo.listPublicEntries(
    ctx.db,
    today,
    { listTypeId, kind: query.kind, nameLike: query.q?.trim() ? likePattern(query.q.trim()) : undefined, subjectKind: query.subjectKind },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const personIds = await repo.maskedPersonIds(ctx.db, items.filter((i) => i.subject_kind === 'natural_person').map((i) => i.subject_id));
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: items.map((row) => {
      const person = row.subject_kind === 'natural_person';
      return {
        id: row.id,
        listType: { code: row.type_code, name: row.type_name, kind: row.type_kind },
        // A person's page is never public: the entry names them, with the ID masked, and links nowhere.
        subjectId: person ? null : row.subject_id,
        subjectName: row.subject_name,
        code: person ? (personIds.get(row.subject_id) ?? null) : row.subject_uscc,
        department: row.department_name,
        decisionNo: row.decision_no,
        reasons: row.reasons,
        effectiveFrom: row.effective_from,
        expiresOn: row.expires_on,
        underObjection: row.status === 'suspended',
      };
    }),
  };
}

/** The list kinds (红/黑/重点关注) each subject is on today, for the badges of search and the subject page. */
export async function listEntryBadges(ctx: AppContext, subjectIds: readonly number[]): Promise<Map<number, ListKind[]>> {
  const out = new Map<number, ListKind[]>();
  for (const row of await repo.findPublicListKinds(ctx.db, subjectIds, chinaDate(ctx.clock.now()))) {
    out.set(row.subject_id, [...(out.get(row.subject_id) ?? []), row.kind].sort());
  }
  return out;
}

const CATEGORY_OF_KIND = { red: 'red_list', black: 'black_list', watch: 'watch_list' } as const;

/**
 * A subject's entries in force today, shaped like records of the list categories (红名单 / 黑名单 /
 * 重点关注), for its credit record and reports: list, deciding department, decision, reasons, period,
 * and 异议处理中 while an objection is verified.
 */
export async function listEntriesAsRecords(ctx: AppContext, subjectId: number) {
  const today = chinaDate(ctx.clock.now());
  const { items } = await repo.listPublicEntries(ctx.db, today, { subjectId }, { offset: 0, limit: 200 });
  return items.map((row) => ({
    id: row.id,
    source: 'list_entry' as const,
    topicCode: row.type_code,
    topicName: row.type_name,
    category: CATEGORY_OF_KIND[row.type_kind],
    departmentName: row.department_name ?? '',
    decisionDate: row.decision_date ?? row.effective_from,
    documentNo: row.decision_no,
    title: row.status === 'suspended' ? `${row.type_name}（异议处理中）` : row.type_name,
    publishUntil: row.expires_on,
    fields: [
      { code: 'LIST_NAME', name: '名单', value: row.type_name },
      { code: 'LIST_REASONS', name: '列入事由', value: row.reasons },
      ...(row.basis ? [{ code: 'LIST_BASIS', name: '列入依据', value: row.basis }] : []),
      { code: 'LIST_FROM', name: '列入日期', value: row.effective_from ?? '' },
      { code: 'LIST_UNTIL', name: '有效期至', value: row.expires_on ?? '至移出条件满足' },
      { code: 'LIST_STATUS', name: '状态', value: row.status === 'suspended' ? '异议处理中' : '有效' },
    ],
  }));
}

/**
 * 拟列入告知 for the signed-in subject account: its entries in their notice period, with the last day to
 * object and the objection already filed, if any. While an objection is open the entry does not come
 * into force (the sweep holds it back).
 */
export async function listMyNotices(ctx: AppContext, actor: Actor): Promise<ListNotice[]> {
  requireSignedIn(actor);
  if (!hasRole(actor, 'subject') || !actor.subjectId) throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅信用主体账号可查看本主体的拟列入告知' });
  const rows = await repo.findNoticesOf(ctx.db, actor.subjectId);
  return rows.map((row) => ({
    id: row.id,
    listType: { code: row.type_code, name: row.type_name, kind: row.type_kind },
    department: row.department_name,
    decisionNo: row.decision_no,
    decisionDate: row.decision_date,
    reasons: row.reasons,
    basis: row.basis,
    notifiedAt: iso(row.notified_at),
    objectionUntil: row.objection_until,
    openObjection: row.objection_id === null ? null : { id: row.objection_id, status: row.objection_status ?? 'submitted' },
  }));
}
