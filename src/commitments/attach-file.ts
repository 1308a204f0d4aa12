import path from 'node:path';
import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { evidenceType, MAX_EVIDENCE_BYTES } from '../kernel/evidence-files.js';
import { emitEvent } from '../kernel/outbox.js';
import { CommitmentErrors } from './errors.js';
import { authorizeFileUpload, commitmentScope, inScope } from './policies.js';
import { getCommitment } from './read-commitments.js';
import * as repo from './repository.js';
import { COMMITMENT_STATUS_NAMES, type Commitment } from './schemas.js';

export const MAX_COMMITMENT_FILE_BYTES = MAX_EVIDENCE_BYTES;

/**
 * Stores the signed paper of a commitment registered on paper (replacing an earlier upload while it is
 * still being fulfilled), by the accepting department or the credit centre. PDF, JPEG or PNG: the name
 * and the first bytes must agree; 10 MB. A disguised or oversized file stores nothing.
 */
export async function attachCommitmentFile(ctx: AppContext, actor: Actor, id: number, file: { fileName: string; content: Buffer }): Promise<Commitment> {
  const scope = commitmentScope(actor);
  const fileName = path.basename(file.fileName.replace(/\\/g, '/')).slice(0, 200);
  if (file.content.length > MAX_COMMITMENT_FILE_BYTES) throw new AppError(CommitmentErrors.COMMITMENT_FILE_TOO_LARGE, { limit: '10 MB' });
  const contentType = evidenceType(fileName, file.content);
  if (!contentType) throw new AppError(CommitmentErrors.COMMITMENT_FILE_TYPE, { name: fileName });
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockCommitment(trx, id);
    const row = await repo.findCommitment(trx, id);
    if (!row || !inScope(row, scope)) throw new AppError(CommitmentErrors.COMMITMENT_NOT_FOUND, { id });
    authorizeFileUpload(actor, row.department_id);
    if (row.signed_via === 'online') throw new AppError(CommitmentErrors.COMMITMENT_FILE_NOT_ALLOWED, { id });
    if (row.status !== 'signed') throw new AppError(CommitmentErrors.COMMITMENT_TRANSITION_INVALID, { id, status: COMMITMENT_STATUS_NAMES[row.status], action: '上传承诺书' });
    await repo.storeFile(trx, id, { fileName, contentType, content: file.content }, at);
    await writeAudit(trx, at, actor, { action: 'commitment.file.upload', entityType: 'commitment', entityId: id, detail: { fileName, contentType, size: file.content.length, replaced: row.file_name !== null } });
    await emitEvent(trx, at, { topic: 'commitment.file_uploaded', key: id, payload: { commitmentId: id, subjectId: Number(row.subject_id), departmentId: row.department_id } });
  });
  return getCommitment(ctx, actor, id);
}
