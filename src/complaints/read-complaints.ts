import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import { ComplaintErrors } from './errors.js';
import { complaintScope } from './policies.js';
import * as repo from './repository.js';
import { COMPLAINT_OUTCOME_NAMES, COMPLAINT_STATUS_NAMES, type Complaint, type ComplaintListQuery, type ComplaintSummary, type PublicComplaint } from './schemas.js';
import { queryCodeMatches } from './tracking.js';

/** Compared against when the tracking number is unknown (a keyed hash has this length and never this value). */
const UNKNOWN_HASH = '-'.repeat(32);

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Assigned or being handled, and today (China) after the due date. Derived, never stored. */
export function isOverdue(row: Pick<repo.ComplaintRow, 'status' | 'due_date'>, today: string): boolean {
  return (row.status === 'assigned' || row.status === 'handling') && row.due_date !== null && today > row.due_date;
}

export function toSummary(row: repo.ComplaintRow, today: string): ComplaintSummary {
  return {
    id: row.id,
    trackingNumber: row.tracking_number,
    subject: { id: row.subject_id === null ? null : Number(row.subject_id), name: row.subject_name, code: row.subject_code },
    category: row.category,
    description: row.description,
    status: row.status,
    departmentId: row.department_id,
    departmentName: row.department_name ?? null,
    dueDate: row.due_date,
    overdue: isOverdue(row, today),
    outcome: row.outcome,
    result: row.result,
    submittedAt: iso(row.submitted_at)!,
    assignedAt: iso(row.assigned_at),
    concludedAt: iso(row.concluded_at),
  };
}

/** The complaint behind a tracking number and its query code; an unknown number and a wrong code are the same 404. */
export async function findPublicComplaint(ctx: AppContext, trackingNumber: string, code: string): Promise<repo.ComplaintRow> {
  const row = await repo.findByTrackingNumber(ctx.db, trackingNumber);
  // The code is hashed and compared whether or not the number exists: both answers take the same work.
  const matches = queryCodeMatches(ctx.crypto, trackingNumber, code, row?.query_code_hash ?? UNKNOWN_HASH);
  if (!row || !matches) throw new AppError(ComplaintErrors.COMPLAINT_NOT_FOUND, { id: trackingNumber });
  return row;
}

/** What the complainant sees by tracking number + code: status, the department's name, deadline, outcome. */
export async function getPublicComplaint(ctx: AppContext, trackingNumber: string, code: string): Promise<PublicComplaint> {
  const row = await findPublicComplaint(ctx, trackingNumber, code);
  return {
    trackingNumber: row.tracking_number,
    subjectName: row.subject_name,
    category: row.category,
    status: row.status,
    statusName: COMPLAINT_STATUS_NAMES[row.status],
    departmentName: row.department_name ?? null,
    dueDate: row.due_date,
    outcome: row.outcome,
    outcomeName: row.outcome === null ? null : COMPLAINT_OUTCOME_NAMES[row.outcome],
    result: row.result,
    evidenceCount: await repo.countEvidence(ctx.db, row.id),
    submittedAt: iso(row.submitted_at)!,
    concludedAt: iso(row.concluded_at),
  };
}

/** Complaints the actor may see (never the complainant's identity), newest first. */
export async function listComplaints(ctx: AppContext, actor: Actor, query: ComplaintListQuery) {
  const scope = complaintScope(actor);
  const today = chinaDate(ctx.clock.now());
  const { rows, total } = await repo.listComplaints(ctx.db, {
    departmentId: scope.departmentId,
    status: query.status,
    overdueOn: query.overdue ? today : undefined,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map((row) => toSummary(row, today)) };
}

/** One complaint with its trail, evidence list and the candidate departments; outside the actor's scope it is not found. */
export async function getComplaint(ctx: AppContext, actor: Actor, id: number): Promise<Complaint> {
  const scope = complaintScope(actor);
  const row = await repo.findComplaint(ctx.db, id);
  if (!row || (scope.departmentId !== undefined && row.department_id !== scope.departmentId)) throw new AppError(ComplaintErrors.COMPLAINT_NOT_FOUND, { id });
  const events = await repo.listEvents(ctx.db, id);
  const evidence = await repo.listEvidence(ctx.db, id);
  const departments = row.subject_id === null ? [] : await repo.sourceDepartments(ctx.db, Number(row.subject_id));
  return {
    ...toSummary(row, chinaDate(ctx.clock.now())),
    events: events.map((e) => ({ at: iso(e.at)!, from: e.from_status, to: e.to_status, reason: e.reason, actorName: e.actor_name })),
    evidence: evidence.map((e) => ({ id: e.id, fileName: e.file_name, contentType: e.content_type, size: e.size })),
    sourceDepartments: departments.map((d) => ({ id: d.id, name: d.name })),
  };
}

/**
 * One evidence file's bytes, for the credit centre or the department the complaint is assigned to; the
 * complainant's identity is not part of it. Outside the actor's scope (or another complaint's file) not found.
 */
export async function getEvidenceFile(ctx: AppContext, actor: Actor, id: number, fileId: number): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  const scope = complaintScope(actor);
  const row = await repo.findComplaint(ctx.db, id);
  if (!row || (scope.departmentId !== undefined && row.department_id !== scope.departmentId)) throw new AppError(ComplaintErrors.COMPLAINT_NOT_FOUND, { id });
  const file = await repo.findEvidenceFile(ctx.db, id, fileId);
  if (!file) throw new AppError(ComplaintErrors.COMPLAINT_EVIDENCE_NOT_FOUND, { id, fileId });
  return { fileName: file.file_name, contentType: file.content_type, content: file.content };
}
