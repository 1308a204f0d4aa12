import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import { ObjectionErrors } from './errors.js';
import { objectionScope } from './policies.js';
import * as repo from './repository.js';
import type { Objection, ObjectionListQuery, ObjectionSummary } from './schemas.js';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Open and past its current deadline: today (China) after accept_due while submitted, after verify_due while verifying. */
export function isOverdue(row: Pick<repo.ObjectionRow, 'status' | 'accept_due' | 'verify_due'>, today: string): boolean {
  if (row.status === 'submitted') return today > row.accept_due;
  if (row.status === 'verifying' || row.status === 'accepted') return row.verify_due !== null && today > row.verify_due;
  return false;
}

export function toSummary(row: repo.ObjectionRow, today: string): ObjectionSummary {
  return {
    id: row.id,
    target: { kind: row.target_kind, id: Number(row.target_kind === 'record' ? row.record_id : row.entry_id) },
    subjectId: Number(row.subject_id),
    applicantKind: row.applicant_kind,
    applicantName: row.applicant_name,
    reasonCode: row.reason_code,
    reasonText: row.reason_text,
    status: row.status,
    sourceDepartmentId: row.source_department_id,
    acceptDue: row.accept_due,
    verifyDue: row.verify_due,
    overdue: isOverdue(row, today),
    decision: row.decision,
    decisionReasons: row.decision_reasons,
    remedy: row.remedy,
    submittedAt: iso(row.submitted_at)!,
    decidedAt: iso(row.decided_at),
  };
}

function inScope(row: repo.ObjectionRow, scope: repo.ObjectionScope): boolean {
  if (scope.subjectId !== undefined && Number(row.subject_id) !== scope.subjectId) return false;
  if (scope.departmentId !== undefined && row.source_department_id !== scope.departmentId && row.applicant_department_id !== scope.departmentId) return false;
  return true;
}

/** Objections the actor may see, newest first; `overdue` keeps open ones past their deadline. */
export async function listObjections(ctx: AppContext, actor: Actor, query: ObjectionListQuery) {
  const scope = objectionScope(actor);
  const today = chinaDate(ctx.clock.now());
  const { rows, total } = await repo.listObjections(ctx.db, {
    scope,
    status: query.status,
    overdueOn: query.overdue ? today : undefined,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map((row) => toSummary(row, today)) };
}

/** One objection with its trail and evidence list; outside the actor's scope it is not found. */
export async function getObjection(ctx: AppContext, actor: Actor, id: number): Promise<Objection> {
  const scope = objectionScope(actor);
  const row = await repo.findObjection(ctx.db, id);
  if (!row || !inScope(row, scope)) throw new AppError(ObjectionErrors.OBJECTION_NOT_FOUND, { id });
  const events = await repo.listEvents(ctx.db, id);
  const evidence = await repo.listEvidence(ctx.db, id);
  return {
    ...toSummary(row, chinaDate(ctx.clock.now())),
    events: events.map((e) => ({ at: iso(e.at)!, from: e.from_status, to: e.to_status, reason: e.reason, actorName: e.actor_name })),
    evidence: evidence.map((e) => ({ id: e.id, fileName: e.file_name, contentType: e.content_type, size: e.size })),
  };
}

/** One evidence file's bytes, for whoever may read the objection; otherwise (or another objection's file) not found. */
export async function getEvidenceFile(ctx: AppContext, actor: Actor, id: number, fileId: number): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  const scope = objectionScope(actor);
  const row = await repo.findObjection(ctx.db, id);
  if (!row || !inScope(row, scope)) throw new AppError(ObjectionErrors.OBJECTION_NOT_FOUND, { id });
  const file = await repo.findEvidenceFile(ctx.db, id, fileId);
  if (!file) throw new AppError(ObjectionErrors.OBJECTION_EVIDENCE_NOT_FOUND, { id, fileId });
  return { fileName: file.file_name, contentType: file.content_type, content: file.content };
}
