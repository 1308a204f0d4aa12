import type { Kysely } from 'kysely';
import type { AppContext } from '../app/context.js';
import type { DB, RepairStatus } from '../db/schema.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import { emitEvent } from '../kernel/outbox.js';
import { applyTransition } from '../lists/index.js';
import { markRecordRepaired } from '../records/index.js';
import { TARGET_NAMES } from './check-eligibility.js';
import { RepairErrors } from './errors.js';
import { authorizeDepartmentReview, authorizePlatformDecision, isApplicantSide } from './policies.js';
import { getRepair } from './read-repairs.js';
import * as repo from './repository.js';
import { MATERIAL_KIND_NAMES, REPAIR_ACTION_NAMES, REPAIR_STATUS_NAMES, type Repair, type RepairAction, type RepairTransition } from './schemas.js';

/** The certificate number: XF, the China date of the grant, a six-digit sequence (XF20250616000001). */
export function certificateNumber(today: string, sequence: number): string {
  return `XF${today.replace(/-/g, '')}${String(sequence).padStart(6, '0')}`;
}

/**
 * Moves an application by one action, in one transaction:
 *
 *   submitted ─submit (commitment + proof uploaded)→ department_review ─approve→ platform_review ─grant→ granted
 *                                                   department_review | platform_review ─refuse→ refused
 *
 * submit: the applicant's side or the credit centre; approve and refusal under review: a reviewer of the
 * source department (or the centre); grant and refusal at the platform: the credit centre. The status
 * moves by a conditional update (`where status = from`): of two concurrent decisions one wins, the other
 * gets REPAIR_TRANSITION_INVALID (409). A grant ends the record's publication (status 'repaired', subject
 * status refreshed) or moves the list entry by the lists' `repair` action (its joint tasks end), issues
 * the certificate number and emits `repair.granted` for the upstream platform and the source department.
 */
export async function transitionRepair(ctx: AppContext, actor: Actor, id: number, input: RepairTransition): Promise<Repair> {
  const action = input.action;
  const actionName = REPAIR_ACTION_NAMES[action];
  const reason = input.reason.trim();
  if (action === 'refuse' && reason === '') throw new AppError(RepairErrors.REPAIR_REASON_REQUIRED, { action: actionName });
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findRepair(trx, id);
    if (!row) throw new AppError(RepairErrors.REPAIR_NOT_FOUND, { id });
    authorize(actor, row, action);
    const refuse = (status: RepairStatus) => new AppError(RepairErrors.REPAIR_TRANSITION_INVALID, { id, status: REPAIR_STATUS_NAMES[status], action: actionName });
    const at = ctx.clock.now();
    const from = row.status;
    if (!allowedFrom(action).includes(from)) throw refuse(from);
    if (action === 'refuse' && from === 'platform_review') authorizePlatformDecision(actor);
    const step = await apply(ctx, trx, actor, row, action, reason, at);
    if (!step) {
      const now = await repo.findRepair(trx, id);
      throw refuse(now?.status ?? from);
    }
    await repo.insertEvents(trx, at, actor, id, [step]);
    await writeAudit(trx, at, actor, { action: `repair.${action}`, entityType: 'repair', entityId: id, detail: { action: actionName, from, to: step.to, reason, ...step.detail } });
    await emitEvent(trx, at, {
      topic: `repair.${step.to}`,
      key: id,
      payload: { repairId: id, subjectId: Number(row.subject_id), target: { kind: row.target_kind, id: Number(row.record_id ?? row.entry_id) }, sourceDepartmentId: row.source_department_id, from, to: step.to, reason, ...step.detail },
    });
  });
  return getRepair(ctx, actor, id);
}

function allowedFrom(action: RepairAction): readonly RepairStatus[] {
  switch (action) {
    case 'submit':
      return ['submitted'];
    case 'approve':
      return ['department_review'];
    case 'grant':
      return ['platform_review'];
    case 'refuse':
      return ['department_review', 'platform_review'];
  }
}

function authorize(actor: Actor, row: repo.RepairRow, action: RepairAction): void {
  if (action === 'submit') {
    if (!isApplicantSide(actor, row)) throw new AppError(RepairErrors.REPAIR_NOT_FOUND, { id: row.id });
  } else if (action === 'grant') authorizePlatformDecision(actor);
  else authorizeDepartmentReview(actor, row.source_department_id);
}

interface Step {
  from: RepairStatus;
  to: RepairStatus;
  reason: string;
  detail?: Record<string, unknown>;
}

/** The action's changes; undefined when a concurrent transition moved the application first (nothing written). */
async function apply(ctx: AppContext, trx: Kysely<DB>, actor: Actor, row: repo.RepairRow, action: RepairAction, reason: string, at: Date): Promise<Step | undefined> {
  const id = row.id;
  const today = chinaDate(at);
  if (action === 'submit') {
    const { kinds } = await repo.materialKinds(trx, id);
    const missing = (['commitment', 'proof'] as const).filter((k) => !kinds.has(k)).map((k) => MATERIAL_KIND_NAMES[k]);
    if (missing.length > 0) throw new AppError(RepairErrors.REPAIR_MATERIALS_MISSING, { missing: missing.join('和') });
    const departmentDue = ctx.calendar.addWorkdays(today, ctx.config.dueProcess.repairDepartmentWorkdays);
    if (!(await repo.moveRepair(trx, id, 'submitted', 'department_review', { department_due: departmentDue, submitted_at: at }, at))) return undefined;
    return { from: 'submitted', to: 'department_review', reason: reason || `材料齐全，已转认定部门审核，${departmentDue} 前答复`, detail: { departmentDue } };
  }
  if (action === 'approve') {
    if (!(await repo.moveRepair(trx, id, 'department_review', 'platform_review', { department_opinion: reason || '同意修复', department_decided_at: at }, at))) return undefined;
    return { from: 'department_review', to: 'platform_review', reason: reason || '认定部门同意修复' };
  }
  if (action === 'refuse') {
    const from = row.status;
    const set = from === 'department_review' ? { department_opinion: reason, department_decided_at: at } : {};
    if (!(await repo.moveRepair(trx, id, from, 'refused', { ...set, decision: 'refused', decision_reasons: reason, decided_at: at }, at))) return undefined;
    return { from, to: 'refused', reason };
  }
  // grant
  const certificateNo = certificateNumber(today, await repo.nextCertificateSequence(trx));
  if (!(await repo.moveRepair(trx, id, 'platform_review', 'granted', { decision: 'granted', decision_reasons: reason || '准予信用修复', certificate_no: certificateNo, decided_at: at }, at))) return undefined;
  const why = `信用修复（申请编号 ${id}，修复证书 ${certificateNo}）`;
  const changed =
    row.target_kind === 'record'
      ? await markRecordRepaired(trx, at, actor, Number(row.record_id), why)
      : (await applyTransition(ctx, trx, actor, [Number(row.entry_id)], 'repair', why)).length > 0;
  if (!changed) {
    const targetId = Number(row.record_id ?? row.entry_id);
    throw new AppError(RepairErrors.REPAIR_TARGET_CHANGED, { kind: TARGET_NAMES[row.target_kind], id: targetId });
  }
  return { from: 'platform_review', to: 'granted', reason: reason || '准予信用修复', detail: { certificateNo } };
}
