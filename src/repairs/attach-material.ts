import path from 'node:path';
import type { AppContext } from '../app/context.js';
import type { RepairMaterialKind } from '../db/schema.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { evidenceType, MAX_EVIDENCE_BYTES } from '../kernel/evidence-files.js';
import { RepairErrors } from './errors.js';
import { isApplicantSide, repairScope } from './policies.js';
import * as repo from './repository.js';
import { REPAIR_STATUS_NAMES, type Material } from './schemas.js';

export const MAX_MATERIAL_BYTES = MAX_EVIDENCE_BYTES;
export const MAX_MATERIAL_FILES = 10;

/**
 * Adds one material (信用修复承诺书, 整改证明, other) to an application not yet submitted, by the
 * applicant's side or the credit centre. PDF, JPEG or PNG: name and magic bytes must agree; 10 MB each.
 */
export async function addMaterial(ctx: AppContext, actor: Actor, repairId: number, file: { kind: RepairMaterialKind; fileName: string; content: Buffer }): Promise<Material> {
  repairScope(actor);
  const fileName = path.basename(file.fileName.replace(/\\/g, '/')).slice(0, 200);
  if (file.content.length > MAX_MATERIAL_BYTES) throw new AppError(RepairErrors.REPAIR_MATERIAL_TOO_LARGE, { limit: '10 MB' });
  const contentType = evidenceType(fileName, file.content);
  if (!contentType) throw new AppError(RepairErrors.REPAIR_MATERIAL_TYPE, { name: fileName });
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockRepair(trx, repairId);
    const row = await repo.findRepair(trx, repairId);
    if (!row || !isApplicantSide(actor, row)) throw new AppError(RepairErrors.REPAIR_NOT_FOUND, { id: repairId });
    if (row.status !== 'submitted') throw new AppError(RepairErrors.REPAIR_TRANSITION_INVALID, { id: repairId, status: REPAIR_STATUS_NAMES[row.status], action: '补充材料' });
    if ((await repo.materialKinds(trx, repairId)).count >= MAX_MATERIAL_FILES) throw new AppError(RepairErrors.REPAIR_TOO_MANY_MATERIALS, { max: MAX_MATERIAL_FILES });
    const id = await repo.insertMaterial(trx, repairId, { kind: file.kind, fileName, contentType, content: file.content }, actor.name, at);
    await writeAudit(trx, at, actor, { action: 'repair.material.add', entityType: 'repair', entityId: repairId, detail: { materialId: id, kind: file.kind, fileName, contentType, size: file.content.length } });
    return { id, kind: file.kind, fileName, contentType, size: file.content.length };
  });
}
