import type { AppContext } from '../app/context.js';
import { systemActor } from '../kernel/actor.js';
import { chinaDate } from '../kernel/calendar.js';
import { applyTransition } from './apply-transition.js';
import { runListRules } from './list-rules.js';
import * as repo from './repository.js';
import type { SweepResult } from './schemas.js';

const CHUNK = 5000;

/**
 * What time does to lists, recorded: entries past their last day expire (their measures end), notified
 * entries whose objection period passed come into force, and the list rules run. Readers never wait for
 * it (an entry past its last day already reads as expired); it makes the state, the trail and the
 * joint tasks follow. Idempotent; two sweeps at once skip each other's rows. Run by the server every
 * few minutes and by `xinyong lists sweep`.
 */
export async function sweepLists(ctx: AppContext): Promise<SweepResult> {
  const result: SweepResult = { expired: 0, activated: 0, warned: 0, proposedByRules: 0 };
  for (;;) {
    const moved = await ctx.db.transaction().execute(async (trx) => {
      const today = chinaDate(ctx.clock.now());
      const due = await repo.findEntriesPastLastDay(trx, today, CHUNK);
      return applyTransition(ctx, trx, systemActor, due.map((d) => d.id), 'expire', '纳入期限届满，自动移出');
    });
    result.expired += moved.length;
    if (moved.length < CHUNK) break;
  }
  for (;;) {
    const moved = await ctx.db.transaction().execute(async (trx) => {
      const today = chinaDate(ctx.clock.now());
      const due = await repo.findEntriesPastNotice(trx, today, CHUNK);
      return applyTransition(ctx, trx, systemActor, due.map((d) => d.id), 'activate', '告知期满，未提出异议或异议未成立，正式列入');
    });
    result.activated += moved.length;
    if (moved.length < CHUNK) break;
  }
  const rules = await ctx.db.transaction().execute((trx) => runListRules(ctx, trx));
  result.warned = rules.warned;
  result.proposedByRules = rules.proposed;
  return result;
}
