import type { Kysely } from 'kysely';
import type { AppContext } from '../app/context.js';
import type { DB, ListEntrySource } from '../db/schema.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { chinaDate, isCalendarDate } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import { emitEvents } from '../kernel/outbox.js';
import { applyTransition } from './apply-transition.js';
import { ListErrors } from './errors.js';
import { DEFAULT_REASONS } from './lifecycle.js';
import { authorizeProposeEntry } from './policies.js';
import { getEntry } from './read-lists.js';
import * as repo from './repository.js';
import { ageOn, resolveSubjectRef } from './resolve-subject-ref.js';
import type { ListEntryDetail, ProposeEntryInput } from './schemas.js';

/**
 * Records a listing decision as a proposed entry (拟列入). With `notify`, the subject is told at once
 * (告知: reasons, basis, rights) and the objection period of the list type starts; a list without a
 * notice period (a court's final decision, an annual tax grade) is in force at once.
 */
export async function proposeEntry(
  ctx: AppContext,
  actor: Actor,
  input: ProposeEntryInput,
  options: { source?: ListEntrySource } = {},
): Promise<ListEntryDetail> {
  const id = await ctx.db.transaction().execute((trx) => proposeEntryIn(ctx, trx, actor, input, options.source ?? 'console'));
  return getEntry(ctx, actor, id);
}

/** The same, inside the caller's transaction (file imports, rules: a rule names the subject by id). Returns the entry id. */
export async function proposeEntryIn(
  ctx: AppContext,
  db: Kysely<DB>,
  actor: Actor,
  input: ProposeEntryInput,
  source: ListEntrySource,
  extra: { ruleCode?: string; subject?: { id: number; name: string } } = {},
): Promise<number> {
  const type = await repo.findListTypeByCode(db, input.listType);
  if (!type) throw new AppError(ListErrors.LIST_TYPE_NOT_FOUND, { code: input.listType });
  authorizeProposeEntry(actor, type.authority_department_id, type.name);
  if (type.status !== 'active') throw new AppError(ListErrors.LIST_TYPE_NOT_ACTIVE, { name: type.name });
  const at = ctx.clock.now();
  const today = chinaDate(at);
  for (const [field, value] of [['decisionDate', input.decisionDate], ['expiresOn', input.expiresOn]] as const) {
    if (value !== undefined && !isCalendarDate(value)) throw new AppError(ListErrors.LIST_ENTRY_INVALID, { detail: `${field}“${value}”不是有效日期` });
  }
  if (input.decisionDate !== undefined && input.decisionDate > today)
    throw new AppError(ListErrors.LIST_ENTRY_INVALID, { detail: `决定日期 ${input.decisionDate} 晚于今天` });
  if (input.expiresOn !== undefined && input.expiresOn < today)
    throw new AppError(ListErrors.LIST_ENTRY_INVALID, { detail: `有效期至 ${input.expiresOn} 已经过去` });

  const subject = extra.subject
    ? { subjectId: extra.subject.id, name: extra.subject.name, birthDate: null }
    : await resolveSubjectRef(ctx, db, input.subject);
  if (type.minors_excluded && subject.birthDate !== null && ageOn(subject.birthDate, today) < 18)
    throw new AppError(ListErrors.LIST_ENTRY_MINOR, { name: subject.name, list: type.name });
  const sourceKey = input.sourceKey?.trim() || input.decisionNo?.trim() || null;
  const open = await repo.findOpenEntryOfSubject(db, type.id, subject.subjectId);
  const sameKey = sourceKey ? await repo.findLiveEntryByKey(db, type.id, sourceKey) : undefined;
  // One live entry per subject and list: a second decision on the same list is a change of the first.
  if (open || sameKey)
    throw new AppError(ListErrors.LIST_ENTRY_DUPLICATE, { list: type.name, sourceKey: sourceKey ?? '同一主体', id: (open ?? sameKey)!.id });

  const id = await repo.insertEntry(db, {
    list_type_id: type.id,
    subject_id: subject.subjectId,
    status: 'proposed',
    source,
    source_key: sourceKey,
    department_id: actor.departmentId ?? type.authority_department_id,
    decision_no: input.decisionNo?.trim() || null,
    decision_date: input.decisionDate ?? null,
    reasons: input.reasons.trim(),
    basis: input.basis?.trim() || null,
    expires_on: input.expiresOn ?? null,
    rule_code: extra.ruleCode ?? null,
    created_at: at,
    updated_at: at,
  });
  await repo.insertEntryEvents(db, at, actor, [{ entry_id: id, from_status: null, to_status: 'proposed', reason: input.reasons.trim() }]);
  await writeAudit(db, at, actor, {
    action: 'list.entry.propose',
    entityType: 'list_entry',
    entityId: id,
    detail: { listType: type.code, subjectId: subject.subjectId, decisionNo: input.decisionNo ?? null, source },
  });
  await emitEvents(db, at, [{ topic: 'list.entry.proposed', key: id, payload: { entryId: id, listTypeId: type.id, subjectId: subject.subjectId } }]);
  if (input.notify) {
    await applyTransition(ctx, db, actor, [id], 'notify', DEFAULT_REASONS.notify);
    if (type.notice_workdays === 0) await applyTransition(ctx, db, actor, [id], 'activate', DEFAULT_REASONS.activateWithoutNotice);
  }
  return id;
}
