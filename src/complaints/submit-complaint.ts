import type { AppContext } from '../app/context.js';
import { validateResidentId } from '../codes/index.js';
import { publicActor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { emitEvent } from '../kernel/outbox.js';
import { ComplaintErrors } from './errors.js';
import * as repo from './repository.js';
import type { ComplaintInput, ComplaintReceipt } from './schemas.js';
import { newQueryCode, newTrackingNumber, queryCodeHash } from './tracking.js';

const blankToNull = (value: string | undefined) => (value === undefined || value.trim() === '' ? null : value.trim());

/**
 * Anyone files a complaint (投诉举报) about a subject. Every check runs before anything is written: a
 * bad input stores nothing. The complainant's name, phone and ID number are encrypted before the insert
 * and appear in no audit row, event or log. Returns the tracking number and the secret query code (the
 * code is stored only as a keyed hash).
 */
export async function submitComplaint(ctx: AppContext, input: ComplaintInput): Promise<ComplaintReceipt> {
  const at = ctx.clock.now();
  const today = chinaDate(at);
  const who = input.complainant ?? {};
  const idNumber = blankToNull(who.idNumber)?.toUpperCase() ?? null;
  if (idNumber !== null && !validateResidentId(idNumber, { today }).valid) throw new AppError(ComplaintErrors.COMPLAINT_ID_NUMBER_INVALID);
  let subject: { id: number | null; name: string; code: string | null };
  if (input.subject.id !== undefined) {
    const found = await repo.findSubject(ctx.db, input.subject.id);
    if (!found) throw new AppError(ComplaintErrors.COMPLAINT_SUBJECT_NOT_FOUND, { id: input.subject.id });
    subject = { id: Number(found.id), name: found.name, code: blankToNull(input.subject.code)?.toUpperCase() ?? null };
  } else {
    const name = blankToNull(input.subject.name);
    if (name === null) throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: '请填写被投诉对象的名称或选择信用主体' });
    subject = { id: null, name, code: blankToNull(input.subject.code)?.toUpperCase() ?? null };
  }
  const seal = (value: string | null) => (value === null ? null : ctx.crypto.encrypt(value));
  const queryCode = newQueryCode();
  for (let attempt = 0; ; attempt += 1) {
    const trackingNumber = newTrackingNumber(today);
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const id = await repo.insertComplaint(trx, {
          tracking_number: trackingNumber,
          query_code_hash: queryCodeHash(ctx.crypto, trackingNumber, queryCode),
          subject_id: subject.id,
          subject_name: subject.name,
          subject_code: subject.code,
          category: input.category,
          description: input.description.trim(),
          complainant_name_enc: seal(blankToNull(who.name)),
          complainant_phone_enc: seal(blankToNull(who.phone)),
          complainant_id_number_enc: seal(idNumber),
          at,
        });
        await repo.insertEvent(trx, at, publicActor, id, { from: null, to: 'submitted', reason: '收到投诉举报' });
        await writeAudit(trx, at, publicActor, { action: 'complaint.submit', entityType: 'complaint', entityId: id, detail: { trackingNumber, category: input.category, subjectId: subject.id } });
        await emitEvent(trx, at, { topic: 'complaint.submitted', key: id, payload: { complaintId: id, trackingNumber, category: input.category, subjectId: subject.id } });
      });
      return { trackingNumber, queryCode };
    } catch (error) {
      // A tracking number drawn twice (40 random bits a day): draw again.
      if ((error as { code?: string }).code === '23505' && attempt < 3) continue;
      throw error;
    }
  }
}
