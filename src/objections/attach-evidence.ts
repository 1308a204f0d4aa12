import path from 'node:path';
import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { evidenceType, MAX_EVIDENCE_BYTES } from '../kernel/evidence-files.js';
import { emitEvent } from '../kernel/outbox.js';
import { ObjectionErrors } from './errors.js';
import { canAddEvidence, objectionScope } from './policies.js';
import * as repo from './repository.js';
import { OBJECTION_STATUS_NAMES, type Evidence } from './schemas.js';

export { MAX_EVIDENCE_BYTES };
export const MAX_EVIDENCE_FILES = 10;

/** Adds one evidence file to an open objection (the applicant's side or the credit centre). */
export async function addEvidence(ctx: AppContext, actor: Actor, objectionId: number, file: { fileName: string; content: Buffer }): Promise<Evidence> {
  objectionScope(actor);
  const fileName = path.basename(file.fileName.replace(/\\/g, '/')).slice(0, 200);
  if (file.content.length > MAX_EVIDENCE_BYTES) throw new AppError(ObjectionErrors.OBJECTION_EVIDENCE_TOO_LARGE, { limit: '10 MB' });
  const contentType = evidenceType(fileName, file.content);
  if (!contentType) throw new AppError(ObjectionErrors.OBJECTION_EVIDENCE_TYPE, { name: fileName });
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockObjection(trx, objectionId);
    const row = await repo.findObjection(trx, objectionId);
    if (!row || !canAddEvidence(actor, row)) throw new AppError(ObjectionErrors.OBJECTION_NOT_FOUND, { id: objectionId });
    if (!repo.OPEN_STATUSES.includes(row.status)) throw new AppError(ObjectionErrors.OBJECTION_TRANSITION_INVALID, { id: objectionId, status: OBJECTION_STATUS_NAMES[row.status], action: '补充证明材料' });
    if ((await repo.countEvidence(trx, objectionId)) >= MAX_EVIDENCE_FILES) throw new AppError(ObjectionErrors.OBJECTION_TOO_MANY_EVIDENCE, { max: MAX_EVIDENCE_FILES });
    const id = await repo.insertEvidence(trx, objectionId, { fileName, contentType, content: file.content }, actor.name, at);
    await writeAudit(trx, at, actor, { action: 'objection.evidence.add', entityType: 'objection', entityId: objectionId, detail: { evidenceId: id, fileName, contentType, size: file.content.length } });
    await emitEvent(trx, at, { topic: 'objection.evidence_added', key: objectionId, payload: { objectionId, evidenceId: id, fileName, size: file.content.length } });
    return { id, fileName, contentType, size: file.content.length };
  });
}
