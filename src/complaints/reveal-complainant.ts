import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { ComplaintErrors } from './errors.js';
import { authorizeReveal } from './policies.js';
import * as repo from './repository.js';
import type { Complainant } from './schemas.js';

/**
 * The credit centre's admin reveals who filed a complaint (e.g. to ask for more facts). The audit row
 * (`complaint.reveal_complainant`) records who, when and the reason, never the revealed values; it is
 * written in the same transaction as the read, so no reveal goes unrecorded.
 */
export async function revealComplainant(ctx: AppContext, actor: Actor, id: number, reason: string): Promise<Complainant> {
  authorizeReveal(actor);
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const sealed = await repo.findComplainantSealed(trx, id);
    if (!sealed) throw new AppError(ComplaintErrors.COMPLAINT_NOT_FOUND, { id });
    await writeAudit(trx, at, actor, {
      action: 'complaint.reveal_complainant',
      entityType: 'complaint',
      entityId: id,
      detail: { reason: reason.trim(), fields: Object.entries(sealed).filter(([, v]) => v !== null).map(([k]) => k.replace(/_enc$/, '')) },
    });
    const open = (value: string | null) => (value === null ? null : ctx.crypto.decrypt(value));
    return { name: open(sealed.complainant_name_enc), phone: open(sealed.complainant_phone_enc), idNumber: open(sealed.complainant_id_number_enc) };
  });
}
