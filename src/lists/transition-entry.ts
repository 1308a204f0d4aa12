import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import { applyTransition } from './apply-transition.js';
import { ListErrors } from './errors.js';
import { DEFAULT_REASONS, effectiveStatus, reasonRequired, TRANSITIONS } from './lifecycle.js';
import { authorizeTransition, entryScope } from './policies.js';
import { getEntry } from './read-lists.js';
import * as repo from './repository.js';
import { ENTRY_ACTION_NAMES, ENTRY_STATUS_NAMES, type ListEntryDetail, type TransitionInput } from './schemas.js';

/**
 * Moves one entry by an action a person takes (告知, 正式列入, 中止, 恢复, 移出, 信用修复, 撤销, 撤回),
 * with the reason kept. Two people acting on the same entry at once: one wins, the other gets
 * LIST_ENTRY_TRANSITION_INVALID naming the status it found.
 */
export async function transitionEntry(ctx: AppContext, actor: Actor, id: number, input: TransitionInput): Promise<ListEntryDetail> {
  const scope = entryScope(actor);
  const reason = input.reason.trim();
  const actionName = ENTRY_ACTION_NAMES[input.action];
  if (reasonRequired(input.action) && reason === '') throw new AppError(ListErrors.LIST_ENTRY_REASON_REQUIRED, { action: actionName });
  await ctx.db.transaction().execute(async (trx) => {
    const entry = await repo.findEntry(trx, id);
    if (!entry || (scope.departmentId !== undefined && entry.department_id !== scope.departmentId))
      throw new AppError(ListErrors.LIST_ENTRY_NOT_FOUND, { id });
    authorizeTransition(actor, entry.department_id, input.action);
    const today = chinaDate(ctx.clock.now());
    const status = effectiveStatus(entry.status, entry.expires_on, today);
    const refuse = (found: string) => new AppError(ListErrors.LIST_ENTRY_TRANSITION_INVALID, { id, status: found, action: actionName });
    if (!TRANSITIONS[input.action].from.includes(status)) throw refuse(ENTRY_STATUS_NAMES[status]);
    if (input.action === 'activate' && entry.status === 'proposed') {
      const type = await repo.findListTypeById(trx, entry.list_type_id);
      // Notice comes before listing (国办发〔2020〕49号), unless the list has no notice period.
      if (type!.notice_workdays > 0) throw refuse(`${ENTRY_STATUS_NAMES.proposed}（尚未告知）`);
    }
    if (input.action === 'activate' && entry.status === 'notified' && entry.objection_until !== null && today <= entry.objection_until)
      throw new AppError(ListErrors.LIST_ENTRY_NOTICE_PERIOD_OPEN, { id, until: entry.objection_until });
    // An objection still being handled holds the entry back until its outcome (as the sweep does).
    if (input.action === 'activate' && (await repo.findOpenObjectionOfEntry(trx, id))) throw refuse(`${ENTRY_STATUS_NAMES[status]}（异议处理中）`);
    const defaultReason =
      input.action === 'resume'
        ? DEFAULT_REASONS.resume
        : input.action !== 'activate'
          ? DEFAULT_REASONS.notify
          : entry.status === 'proposed'
            ? DEFAULT_REASONS.activateWithoutNotice
            : DEFAULT_REASONS.activateAfterNotice;
    const moved = await applyTransition(ctx, trx, actor, [id], input.action, reason || defaultReason);
    if (moved.length === 0) {
      const now = await repo.findEntry(trx, id);
      throw refuse(ENTRY_STATUS_NAMES[now?.status ?? status]);
    }
  });
  return getEntry(ctx, actor, id);
}
