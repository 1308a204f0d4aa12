import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import { RepairErrors } from './errors.js';
import { repairScope } from './policies.js';
import * as repo from './repository.js';
import type { Repair, RepairListQuery, RepairSummary } from './schemas.js';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const day = (value: string | Date | null) => (value === null ? null : String(value instanceof Date ? value.toISOString() : value).slice(0, 10));

/** Open and past its current deadline: the department's while under its review, the overall one otherwise. */
export function isOverdue(row: Pick<repo.RepairRow, 'status' | 'department_due' | 'platform_due'>, today: string): boolean {
  if (row.status === 'department_review') return row.department_due !== null && today > day(row.department_due)!;
  if (row.status === 'submitted' || row.status === 'platform_review') return today > day(row.platform_due)!;
  return false;
}

export function toSummary(row: repo.RepairRow, today: string): RepairSummary {
  return {
    id: row.id,
    target: { kind: row.target_kind, id: Number(row.target_kind === 'record' ? row.record_id : row.entry_id) },
    subjectId: Number(row.subject_id),
    applicantKind: row.applicant_kind,
    applicantName: row.applicant_name,
    statement: row.statement,
    eligibleFrom: day(row.eligible_from),
    status: row.status,
    sourceDepartmentId: row.source_department_id,
    departmentDue: day(row.department_due),
    platformDue: day(row.platform_due)!,
    overdue: isOverdue(row, today),
    departmentOpinion: row.department_opinion,
    decision: row.decision,
    decisionReasons: row.decision_reasons,
    certificateNo: row.certificate_no,
    filedAt: iso(row.filed_at)!,
    decidedAt: iso(row.decided_at),
  };
}

function inScope(row: repo.RepairRow, scope: repo.RepairScope): boolean {
  if (scope.subjectId !== undefined && Number(row.subject_id) !== scope.subjectId) return false;
  if (scope.departmentId !== undefined && row.source_department_id !== scope.departmentId && row.applicant_department_id !== scope.departmentId) return false;
  return true;
}

/** Applications the actor may see, newest first; `overdue` keeps open ones past their current deadline. */
export async function listRepairs(ctx: AppContext, actor: Actor, query: RepairListQuery) {
  const scope = repairScope(actor);
  const today = chinaDate(ctx.clock.now());
  const { rows, total } = await repo.listRepairs(ctx.db, { scope, status: query.status, overdueOn: query.overdue ? today : undefined, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map((row) => toSummary(row, today)) };
}

/** One application with its trail, materials and, once granted, the repair certificate's data; outside the actor's scope it is not found. */
export async function getRepair(ctx: AppContext, actor: Actor, id: number): Promise<Repair> {
  const scope = repairScope(actor);
  const row = await repo.findRepair(ctx.db, id);
  if (!row || !inScope(row, scope)) throw new AppError(RepairErrors.REPAIR_NOT_FOUND, { id });
  const events = await repo.listEvents(ctx.db, id);
  const materials = await repo.listMaterials(ctx.db, id);
  const summary = toSummary(row, chinaDate(ctx.clock.now()));
  const certificate =
    row.certificate_no === null
      ? null
      : {
          number: row.certificate_no,
          subjectId: summary.subjectId,
          subjectName: await repo.subjectName(ctx.db, summary.subjectId),
          target: summary.target,
          effect: row.target_kind === 'record' ? '终止公示、停止共享该条失信信息' : '信用修复移出名单，相关联合惩戒措施终止',
          issuedAt: summary.decidedAt!,
          issuer: await repo.issuerName(ctx.db),
        };
  return {
    ...summary,
    events: events.map((e) => ({ at: iso(e.at)!, from: e.from_status, to: e.to_status, reason: e.reason, actorName: e.actor_name })),
    materials: materials.map((m) => ({ id: m.id, kind: m.kind, fileName: m.file_name, contentType: m.content_type, size: m.size })),
    certificate,
  };
}

/** One material's bytes, for whoever may read the application; otherwise (or another application's file) not found. */
export async function getMaterialFile(ctx: AppContext, actor: Actor, id: number, fileId: number): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  const scope = repairScope(actor);
  const row = await repo.findRepair(ctx.db, id);
  if (!row || !inScope(row, scope)) throw new AppError(RepairErrors.REPAIR_NOT_FOUND, { id });
  const file = await repo.findMaterialFile(ctx.db, id, fileId);
  if (!file) throw new AppError(RepairErrors.REPAIR_MATERIAL_NOT_FOUND, { id, fileId });
  return { fileName: file.file_name, contentType: file.content_type, content: file.content };
}
