import path from 'node:path';
import type { AppContext } from '../app/context.js';
import { publicActor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { evidenceType, MAX_EVIDENCE_BYTES } from '../kernel/evidence-files.js';
import { emitEvent } from '../kernel/outbox.js';
import { ComplaintErrors } from './errors.js';
import { findPublicComplaint } from './read-complaints.js';
import * as repo from './repository.js';
import { COMPLAINT_STATUS_NAMES, type Evidence } from './schemas.js';

export { MAX_EVIDENCE_BYTES };
export const MAX_EVIDENCE_FILES = 5;

/** The complainant adds one evidence file to an open complaint, proving the query code. */
export async function addComplaintEvidence(ctx: AppContext, trackingNumber: string, code: string, file: { fileName: string; content: Buffer }): Promise<Evidence> {
  const fileName = path.basename(file.fileName.replace(/\\/g, '/')).replace(/\p{Cc}/gu, '').slice(0, 200);
  const row = await findPublicComplaint(ctx, trackingNumber, code);
  if (file.content.length > MAX_EVIDENCE_BYTES) throw new AppError(ComplaintErrors.COMPLAINT_EVIDENCE_TOO_LARGE, { limit: '10 MB' });
  const contentType = evidenceType(fileName, file.content);
  if (!contentType) throw new AppError(ComplaintErrors.COMPLAINT_EVIDENCE_TYPE, { name: fileName });
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockComplaint(trx, row.id);
    const now = await repo.findComplaint(trx, row.id);
    if (!now || !repo.OPEN_STATUSES.includes(now.status)) {
      throw new AppError(ComplaintErrors.COMPLAINT_TRANSITION_INVALID, { id: trackingNumber, status: COMPLAINT_STATUS_NAMES[now?.status ?? row.status], action: '补充证据材料' });
    }
    if ((await repo.countEvidence(trx, row.id)) >= MAX_EVIDENCE_FILES) throw new AppError(ComplaintErrors.COMPLAINT_TOO_MANY_EVIDENCE, { max: MAX_EVIDENCE_FILES });
    const id = await repo.insertEvidence(trx, row.id, { fileName, contentType, content: file.content }, at);
    await writeAudit(trx, at, publicActor, { action: 'complaint.evidence.add', entityType: 'complaint', entityId: row.id, detail: { evidenceId: id, contentType, size: file.content.length } });
    await emitEvent(trx, at, { topic: 'complaint.evidence_added', key: row.id, payload: { complaintId: row.id, evidenceId: id, size: file.content.length } });
    return { id, fileName, contentType, size: file.content.length };
  });
}
