import type { Kysely } from 'kysely';
import type { AppContext } from '../app/context.js';
import type { DB, ObjectionStatus } from '../db/schema.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import { emitEvents } from '../kernel/outbox.js';
import { applyTransition } from '../lists/index.js';
import { withdrawRecord } from '../records/index.js';
import { ObjectionErrors } from './errors.js';
import { authorizeAcceptance, authorizeVerification } from './policies.js';
import { getObjection } from './read-objections.js';
import * as repo from './repository.js';
import {
  OBJECTION_ACTION_NAMES,
  OBJECTION_REMEDY_NAMES,
  OBJECTION_STATUS_NAMES,
  type Objection,
  type ObjectionAction,
  type ObjectionRemedy,
  type ObjectionTransition,
} from './schemas.js';

/** The status each action starts from. */
const FROM: Record<ObjectionAction, ObjectionStatus> = { accept: 'submitted', refuse: 'submitted', uphold: 'verifying', reject: 'verifying' };

interface Step {
  from: ObjectionStatus | null;
  to: ObjectionStatus;
  reason: string;
}

/**
 * Moves an objection by one action, in one transaction:
 *
 *   submitted ─accept→ accepted → verifying (sent to the source department at once) ─uphold | reject→ upheld | rejected → closed
 *   submitted ─refuse→ refused → closed
 *
 * The status changes by a conditional update (`where status = from`): of two concurrent transitions one
 * wins, the other gets OBJECTION_TRANSITION_INVALID (409). Acceptance flags a record 异议处理中 and
 * suspends a list entry in force (its measures are then reported suspended); rejection resumes the
 * entry; upholding withdraws the record (subject status refreshed) or revokes the entry. Every step
 * leaves an event row; each action writes one audit row and outbox events.
 */
export async function transitionObjection(ctx: AppContext, actor: Actor, id: number, input: ObjectionTransition): Promise<Objection> {
  const action = input.action;
  const actionName = OBJECTION_ACTION_NAMES[action];
  const reason = input.reason.trim();
  if (action !== 'accept' && reason === '') throw new AppError(ObjectionErrors.OBJECTION_REASON_REQUIRED, { action: actionName });
  if (input.remedy !== undefined && action !== 'uphold') throw new AppError(ObjectionErrors.OBJECTION_REMEDY_NOT_APPLICABLE, { action: actionName });
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findObjection(trx, id);
    if (!row) throw new AppError(ObjectionErrors.OBJECTION_NOT_FOUND, { id });
    if (action === 'accept' || action === 'refuse') authorizeAcceptance(actor);
    else authorizeVerification(actor, row.source_department_id);
    const at = ctx.clock.now();
    const from = FROM[action];
    const refuse = (status: ObjectionStatus) => new AppError(ObjectionErrors.OBJECTION_TRANSITION_INVALID, { id, status: OBJECTION_STATUS_NAMES[status], action: actionName });
    if (row.status !== from) throw refuse(row.status);
    if (input.remedy !== undefined && row.target_kind !== 'record') throw new AppError(ObjectionErrors.OBJECTION_REMEDY_NOT_APPLICABLE, { action: actionName });
    const steps = await apply(ctx, trx, actor, row, action, reason, at, input.remedy ?? 'withdraw');
    if (!steps) {
      const now = await repo.findObjection(trx, id);
      throw refuse(now?.status ?? row.status);
    }
    await repo.insertEvents(trx, at, actor, id, steps);
    const to = steps[steps.length - 1]!.to;
    await writeAudit(trx, at, actor, { action: `objection.${action}`, entityType: 'objection', entityId: id, detail: { action: actionName, from, to, reason, steps: steps.map((s) => s.to) } });
    await emitEvents(
      trx,
      at,
      steps.map((s) => ({ topic: `objection.${s.to}`, key: id, payload: { objectionId: id, subjectId: Number(row.subject_id), target: row.target_kind, from: s.from, to: s.to, reason: s.reason } })),
    );
  });
  return getObjection(ctx, actor, id);
}

/** The action's changes; undefined when a concurrent transition moved the objection first (nothing written). */
async function apply(
  ctx: AppContext,
  trx: Kysely<DB>,
  actor: Actor,
  row: repo.ObjectionRow,
  action: ObjectionAction,
  reason: string,
  at: Date,
  remedy: ObjectionRemedy,
): Promise<Step[] | undefined> {
  const id = row.id;
  const entryId = row.entry_id === null ? null : Number(row.entry_id);
  if (action === 'refuse') {
    if (!(await repo.moveObjection(trx, id, 'submitted', 'closed', { decision: 'refused', decision_reasons: reason, decided_at: at }, at))) return undefined;
    return [
      { from: 'submitted', to: 'refused', reason },
      { from: 'refused', to: 'closed', reason: '已将不予受理的理由告知申请人' },
    ];
  }
  if (action === 'accept') {
    const verifyDue = ctx.calendar.addWorkdays(chinaDate(at), ctx.config.dueProcess.objectionVerifyWorkdays);
    if (!(await repo.moveObjection(trx, id, 'submitted', 'verifying', { verify_due: verifyDue, accepted_at: at }, at))) return undefined;
    let suspended = false;
    if (entryId !== null) {
      // Only an entry in force is suspended; one still in its notice period is simply not activated meanwhile.
      suspended = (await applyTransition(ctx, trx, actor, [entryId], 'suspend', `异议处理中（异议编号 ${id}）`)).length > 0;
      if (suspended) await repo.moveObjection(trx, id, 'verifying', 'verifying', { entry_suspended: true }, at);
    }
    return [
      { from: 'submitted', to: 'accepted', reason: reason || '已受理' },
      { from: 'accepted', to: 'verifying', reason: `已转交数据提供单位核查，${verifyDue} 前答复${suspended ? '；名单条目中止适用' : ''}` },
    ];
  }
  const decision = action === 'uphold' ? 'upheld' : 'rejected';
  const recordRemedy = action === 'uphold' && row.record_id !== null ? { remedy } : {};
  if (!(await repo.moveObjection(trx, id, 'verifying', 'closed', { decision, decision_reasons: reason, decided_at: at, ...recordRemedy }, at))) return undefined;
  if (action === 'uphold') {
    if (row.record_id !== null) {
      const how = remedy === 'correct' ? '，待认定部门报送更正后的记录' : '';
      await withdrawRecord(trx, at, actor, Number(row.record_id), `异议成立（异议编号 ${id}）${how}：${reason}`);
    }
    if (entryId !== null) await applyTransition(ctx, trx, actor, [entryId], 'revoke', `异议成立（异议编号 ${id}）：${reason}`);
  } else if (entryId !== null && row.entry_suspended) {
    await applyTransition(ctx, trx, actor, [entryId], 'resume', `异议不成立（异议编号 ${id}），恢复`);
  }
  const remedied = action === 'uphold' && row.record_id !== null ? `（${OBJECTION_REMEDY_NAMES[remedy]}）` : '';
  return [
    { from: 'verifying', to: decision, reason: `${reason}${remedied}` },
    { from: decision, to: 'closed', reason: '已将核查结果告知申请人' },
  ];
}
