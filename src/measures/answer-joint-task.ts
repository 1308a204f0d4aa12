import type { AppContext } from '../app/context.js';
import { canSeeDepartment } from '../access/index.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { emitEvent } from '../kernel/outbox.js';
import { MeasureErrors } from './errors.js';
import { canAnswerFor, inboxScope } from './policies.js';
import * as repo from './repository.js';
import type { JointTaskAnswer } from './schemas.js';

const STATUS_NAMES: Record<string, { zh: string; en: string }> = {
  implemented: { zh: '反馈为已落实', en: 'answered as implemented' },
  not_applicable: { zh: '反馈为不适用', en: 'answered as not applicable' },
  cancelled: { zh: '因名单移出而撤销', en: 'cancelled' },
};

/**
 * 反馈: the implementing department answers a pending task — 已落实 with what was done, or 不适用 with
 * the reason. Only the task's own department answers, once: of two answers at once exactly one wins,
 * the other gets JOINT_TASK_NOT_PENDING. Audit row and `joint.task.answered` in the same transaction.
 */
export async function answerJointTask(ctx: AppContext, actor: Actor, id: number, answer: JointTaskAnswer) {
  inboxScope(actor);
  const note = (answer.note ?? '').trim();
  if (note.length === 0)
    throw new AppError(answer.outcome === 'implemented' ? MeasureErrors.JOINT_TASK_IMPLEMENTATION_REQUIRED : MeasureErrors.JOINT_TASK_REASON_REQUIRED);
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const task = await repo.findTask(trx, id);
    // Another department's task is not shown to be there at all.
    if (!task || !canSeeDepartment(actor, task.department_id)) throw new AppError(MeasureErrors.JOINT_TASK_NOT_FOUND, { id });
    if (!canAnswerFor(actor, task.department_id)) throw new AppError(MeasureErrors.JOINT_TASK_NOT_OWN_DEPARTMENT, { id });
    const by = actor.name ?? `${actor.type}:${actor.id ?? ''}`;
    const answered = await repo.answerPendingTask(trx, id, { outcome: answer.outcome, note, by, at });
    if (!answered) {
      const now = await repo.findTask(trx, id);
      const status = STATUS_NAMES[now?.status ?? ''] ?? { zh: '处理', en: 'handled' };
      throw new AppError(MeasureErrors.JOINT_TASK_NOT_PENDING, { id, status: status.zh, statusEn: status.en });
    }
    await writeAudit(trx, at, actor, { action: 'joint_task.answer', entityType: 'joint_task', entityId: id, detail: { outcome: answer.outcome, note } });
    await emitEvent(trx, at, {
      topic: 'joint.task.answered',
      key: id,
      payload: { taskId: id, entryId: answered.entry_id, measureId: answered.measure_id, departmentId: answered.department_id, outcome: answer.outcome, note, respondedAt: at.toISOString() },
    });
    return { id, status: answer.outcome, respondedAt: at.toISOString(), respondedBy: by };
  });
}
