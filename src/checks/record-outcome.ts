import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { CheckErrors } from './errors.js';
import { authorizeRecordOutcome } from './policies.js';
import * as repo from './repository.js';

/** The asking department records what it did with a check's answer (e.g. 报名被拦截), with an audit row. */
export async function recordCheckOutcome(ctx: AppContext, actor: Actor, checkId: number, outcome: string): Promise<{ id: number; outcome: string; outcomeAt: string }> {
  const text = outcome.trim();
  return ctx.db.transaction().execute(async (tx) => {
    const check = await repo.findCheck(tx, checkId);
    if (!check) throw new AppError(CheckErrors.CHECK_NOT_FOUND, { id: checkId });
    authorizeRecordOutcome(actor, check);
    if (text === '') throw new AppError(CheckErrors.CHECK_OUTCOME_REQUIRED);
    const at = ctx.clock.now();
    await repo.setCheckOutcome(tx, checkId, text, at);
    await writeAudit(tx, at, actor, { action: 'check.outcome', entityType: 'check', entityId: checkId, detail: { outcome: text, previous: check.outcome } });
    return { id: checkId, outcome: text, outcomeAt: at.toISOString() };
  });
}
