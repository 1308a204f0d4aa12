import { addMonths } from '../catalog/index.js';
import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { addCalendarDays, chinaDate } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import { emitEvent } from '../kernel/outbox.js';
import { CommitmentErrors } from './errors.js';
import { signerOf } from './policies.js';
import { getCommitment } from './read-commitments.js';
import * as repo from './repository.js';
import { COMMITMENT_DEFAULT_DUE, NOTIFY_AND_COMMIT_TYPES, type Commitment, type CommitmentInput, type CommitmentType } from './schemas.js';

/** The due date of a commitment signed today when the department gives none (COMMITMENT_DEFAULT_DUE). */
export function defaultDueDate(ctx: AppContext, type: CommitmentType, today: string): string | null {
  const rule = COMMITMENT_DEFAULT_DUE[type];
  if (!rule) return null;
  return 'workdays' in rule ? ctx.calendar.addWorkdays(today, rule.workdays) : addCalendarDays(addMonths(today, rule.months), -1);
}

/**
 * Signs a credit commitment (信用承诺): online by a subject account for its own subject, or registered
 * on paper by the accepting department (the signed file follows with `attachCommitmentFile`) or the
 * credit centre. 告知承诺 (审批替代型) and 容缺受理 are refused, naming the list, for a subject with an
 * entry in force on a serious list (STANDARDS.md §6). Nothing is stored when any check fails.
 */
export async function signCommitment(ctx: AppContext, actor: Actor, input: CommitmentInput): Promise<Commitment> {
  const signer = signerOf(actor, input);
  const content = input.content.trim();
  if (content === '') throw new AppError(CommitmentErrors.COMMITMENT_TEXT_REQUIRED);
  const subjectId = signer.kind === 'subject' ? signer.subjectId : input.subjectId;
  if (subjectId === undefined) throw new AppError(CommitmentErrors.COMMITMENT_SUBJECT_REQUIRED);
  const departmentId = signer.kind === 'department' ? signer.departmentId : input.departmentId;
  if (departmentId === undefined) throw new AppError(CommitmentErrors.COMMITMENT_DEPARTMENT_REQUIRED);
  const at = ctx.clock.now();
  const today = chinaDate(at);
  const dueDate = input.dueDate ?? defaultDueDate(ctx, input.type, today);
  if (dueDate !== null && dueDate < today) throw new AppError(CommitmentErrors.COMMITMENT_DUE_INVALID, { due: dueDate, today });

  const id = await ctx.db.transaction().execute(async (trx) => {
    const subject = await repo.findSubject(trx, subjectId);
    if (!subject) throw new AppError(CommitmentErrors.COMMITMENT_SUBJECT_NOT_FOUND, { id: subjectId });
    if (!(await repo.findDepartment(trx, departmentId))) throw new AppError(CommitmentErrors.COMMITMENT_DEPARTMENT_NOT_FOUND, { id: departmentId });
    const matter = await repo.findMatter(trx, input.matter);
    if (!matter) throw new AppError(CommitmentErrors.COMMITMENT_MATTER_UNKNOWN, { code: input.matter });
    if (input.repairId !== undefined && !(await repo.repairOfSubject(trx, input.repairId, subjectId))) {
      throw new AppError(CommitmentErrors.COMMITMENT_REPAIR_NOT_FOUND, { id: input.repairId });
    }
    if (NOTIFY_AND_COMMIT_TYPES.includes(input.type)) {
      const [serious] = await repo.findSeriousEntries(trx, subjectId, today);
      if (serious) throw new AppError(CommitmentErrors.COMMITMENT_SERIOUS_LIST, { list: serious.name, since: serious.effective_from ?? '—' });
    }
    const online = signer.kind === 'subject';
    const id = await repo.insertCommitment(trx, {
      type: input.type,
      subject_id: subjectId,
      matter_code: matter.code,
      matter_detail: input.matterDetail.trim(),
      content,
      signed_via: online ? 'online' : 'upload',
      signer_name: online ? (actor.name ?? subject.name) : input.signerName?.trim() || subject.name,
      signed_by_user_id: online ? actor.id : null,
      department_id: departmentId,
      repair_id: input.repairId ?? null,
      signed_on: today,
      due_date: dueDate,
      at,
    });
    const reason = online ? '信用主体在线签署承诺' : '受理部门登记纸质承诺';
    await repo.insertEvent(trx, at, actor, id, { from: null, to: 'signed', reason });
    await writeAudit(trx, at, actor, { action: 'commitment.sign', entityType: 'commitment', entityId: id, detail: { type: input.type, subjectId, departmentId, matter: matter.code, signedVia: online ? 'online' : 'upload', dueDate } });
    await emitEvent(trx, at, { topic: 'commitment.signed', key: id, payload: { commitmentId: id, type: input.type, subjectId, departmentId, matter: matter.code, dueDate } });
    return id;
  });
  return getCommitment(ctx, actor, id);
}
