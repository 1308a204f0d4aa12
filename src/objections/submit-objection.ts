import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import { emitEvent } from '../kernel/outbox.js';
import { ObjectionErrors } from './errors.js';
import { applicantOf } from './policies.js';
import { getObjection } from './read-objections.js';
import * as repo from './repository.js';
import type { Objection, ObjectionInput } from './schemas.js';

const TARGET_NAMES = { record: '信用记录', list_entry: '名单条目' } as const;

/**
 * Files an objection (异议) to a credit record or a list entry. The credit centre must accept or refuse
 * it within the configured number of working days (config.dueProcess). A subject account may object only to its
 * own subject's items, a department only to items it submitted; anything else is "not found".
 */
export async function submitObjection(ctx: AppContext, actor: Actor, input: ObjectionInput): Promise<Objection> {
  const applicant = applicantOf(actor);
  const { kind, id: targetId } = input.target;
  const notFound = () => new AppError(ObjectionErrors.OBJECTION_TARGET_NOT_FOUND, { kind: TARGET_NAMES[kind], id: targetId });
  const at = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const target = kind === 'record' ? await repo.findRecordTarget(trx, targetId) : await repo.findEntryTarget(trx, targetId);
    if (!target) throw notFound();
    const subjectId = Number(target.subject_id);
    if (applicant.kind === 'subject' && applicant.subjectId !== subjectId) throw notFound();
    if (applicant.kind === 'department' && applicant.departmentId !== target.department_id) throw notFound();
    // A withdrawn record has nothing left to dispute.
    if (kind === 'record' && target.status !== 'active') throw notFound();
    const open = await repo.findOpenObjection(trx, input.target);
    if (open) throw new AppError(ObjectionErrors.OBJECTION_ALREADY_OPEN, { id: open.id });
    const applicantName = applicant.kind === 'upstream_platform' ? (input.onBehalfOf?.trim() || (actor.name ?? '信用中心')) : (actor.name ?? applicant.kind);
    const acceptDue = ctx.calendar.addWorkdays(chinaDate(at), ctx.config.dueProcess.objectionAcceptWorkdays);
    const id = await repo.insertObjection(trx, {
      target_kind: kind,
      record_id: kind === 'record' ? targetId : null,
      entry_id: kind === 'list_entry' ? targetId : null,
      subject_id: subjectId,
      applicant_kind: applicant.kind,
      applicant_name: applicantName,
      applicant_user_id: actor.id,
      applicant_department_id: applicant.kind === 'department' ? applicant.departmentId : null,
      reason_code: input.reasonCode,
      reason_text: input.reasonText.trim(),
      source_department_id: target.department_id,
      accept_due: acceptDue,
      at,
    });
    await repo.insertEvents(trx, at, actor, id, [{ from: null, to: 'submitted', reason: input.reasonText.trim() }]);
    await writeAudit(trx, at, actor, { action: 'objection.submit', entityType: 'objection', entityId: id, detail: { target: input.target, reasonCode: input.reasonCode, applicantKind: applicant.kind } });
    await emitEvent(trx, at, { topic: 'objection.submitted', key: id, payload: { objectionId: id, target: input.target, subjectId, acceptDue } });
    return id;
  }).catch((error: unknown) => {
    // Two filings about the same item at once: the unique index on open objections lets one in.
    if ((error as { code?: string }).code === '23505') throw new AppError(ObjectionErrors.OBJECTION_ALREADY_OPEN, { id: '—' });
    throw error;
  });
  return getObjection(ctx, actor, id);
}
