import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import { emitEvent } from '../kernel/outbox.js';
import { resolveTarget } from './check-eligibility.js';
import { RepairErrors } from './errors.js';
import { applicantOf } from './policies.js';
import { getRepair } from './read-repairs.js';
import * as repo from './repository.js';
import type { Repair, RepairInput } from './schemas.js';

/**
 * Files an application for credit repair (信用修复) of a record or a list entry. Refused before the
 * minimum publication period (REPAIR_NOT_YET_ELIGIBLE names the date), for an entry not in force or
 * on a list that is not repaired (失信被执行人). The application then waits for its materials and the
 * applicant's `submit`; the credit centre must decide within config.dueProcess.repairTotalWorkdays working
 * days of filing.
 */
export async function fileRepair(ctx: AppContext, actor: Actor, input: RepairInput): Promise<Repair> {
  const applicant = applicantOf(actor);
  const at = ctx.clock.now();
  const today = chinaDate(at);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const target = await resolveTarget(trx, applicant, input.target, today);
    if (target.refusal) throw target.refusal;
    const open = await repo.findOpenRepair(trx, input.target);
    if (open) throw new AppError(RepairErrors.REPAIR_ALREADY_OPEN, { id: open.id });
    const platformDue = ctx.calendar.addWorkdays(today, ctx.config.dueProcess.repairTotalWorkdays);
    const statement = input.statement.trim();
    const id = await repo.insertRepair(trx, {
      target_kind: target.kind,
      record_id: target.kind === 'record' ? target.id : null,
      entry_id: target.kind === 'list_entry' ? target.id : null,
      subject_id: target.subjectId,
      applicant_kind: applicant.kind,
      applicant_name: actor.name ?? applicant.kind,
      applicant_user_id: actor.id,
      applicant_department_id: applicant.kind === 'department' ? applicant.departmentId : null,
      source_department_id: target.sourceDepartmentId,
      statement,
      eligible_from: target.eligibility.eligibleFrom,
      platform_due: platformDue,
      at,
    });
    await repo.insertEvents(trx, at, actor, id, [{ from: null, to: 'submitted', reason: statement }]);
    await writeAudit(trx, at, actor, { action: 'repair.file', entityType: 'repair', entityId: id, detail: { target: input.target, applicantKind: applicant.kind, eligibleFrom: target.eligibility.eligibleFrom } });
    await emitEvent(trx, at, { topic: 'repair.filed', key: id, payload: { repairId: id, target: input.target, subjectId: target.subjectId, platformDue } });
    return id;
  }).catch((error: unknown) => {
    // Two filings for the same item at once: the unique index on open applications lets one in.
    if ((error as { code?: string }).code === '23505') throw new AppError(RepairErrors.REPAIR_ALREADY_OPEN, { id: '—' });
    throw error;
  });
  return getRepair(ctx, actor, id);
}
