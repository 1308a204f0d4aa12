import type { AppContext } from '../app/context.js';
import { commitmentNumber } from '../catalog/index.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import { CommitmentErrors } from './errors.js';
import { commitmentScope, inScope } from './policies.js';
import * as repo from './repository.js';
import { COMMITMENT_TEMPLATES, COMMITMENT_TYPE_NAMES, COMMITMENT_TYPES, NOTIFY_AND_COMMIT_TYPES, type Commitment, type CommitmentListQuery, type CommitmentOptions, type CommitmentSummary } from './schemas.js';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Still waiting for its verdict after its due date: flagged for verification (待核查). */
export function isOverdue(row: { status: string; due_date: string | null }, today: string): boolean {
  return row.status === 'signed' && row.due_date !== null && today > row.due_date;
}

function toSummary(row: repo.CommitmentRow, today: string): CommitmentSummary {
  return {
    id: row.id,
    number: commitmentNumber(row.id, row.signed_on),
    type: row.type,
    subjectId: Number(row.subject_id),
    subjectName: row.subject_name,
    matter: row.matter_code,
    matterName: row.matter_name,
    matterDetail: row.matter_detail,
    content: row.content,
    signedVia: row.signed_via,
    signerName: row.signer_name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    repairId: row.repair_id,
    signedOn: row.signed_on,
    dueDate: row.due_date,
    status: row.status,
    overdue: isOverdue(row, today),
    hasFile: row.file_name !== null,
    verdictReason: row.verdict_reason,
    verdictBy: row.verdict_by,
    verdictAt: iso(row.verdict_at),
    breachRecordId: row.breach_record_id === null ? null : Number(row.breach_record_id),
  };
}

/** Commitments the actor may see (subject: its own; department: those it accepted; centre: all), newest first, filtered. */
export async function listCommitments(ctx: AppContext, actor: Actor, query: CommitmentListQuery) {
  const scope = commitmentScope(actor);
  const today = chinaDate(ctx.clock.now());
  const { rows, total } = await repo.listCommitments(ctx.db, {
    scope,
    status: query.status,
    type: query.type,
    overdueOn: query.overdue ? today : undefined,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map((row) => toSummary(row, today)) };
}

/** One commitment with its trail and the uploaded file's name; outside the actor's scope it is not found. */
export async function getCommitment(ctx: AppContext, actor: Actor, id: number): Promise<Commitment> {
  const scope = commitmentScope(actor);
  const row = await repo.findCommitment(ctx.db, id);
  if (!row || !inScope(row, scope)) throw new AppError(CommitmentErrors.COMMITMENT_NOT_FOUND, { id });
  const events = await repo.listEvents(ctx.db, id);
  return {
    ...toSummary(row, chinaDate(ctx.clock.now())),
    file: row.file_name === null ? null : { fileName: row.file_name, contentType: row.file_content_type ?? '', size: row.file_size ?? 0 },
    events: events.map((e) => ({ at: iso(e.at)!, from: e.from_status, to: e.to_status, reason: e.reason, actorName: e.actor_name })),
  };
}

/** The signed paper, for the parties (the subject, the accepting department, the credit centre and auditors); the read is audited. */
export async function readCommitmentFile(ctx: AppContext, actor: Actor, id: number): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  const scope = commitmentScope(actor);
  const row = await repo.findCommitment(ctx.db, id);
  if (!row || !inScope(row, scope)) throw new AppError(CommitmentErrors.COMMITMENT_NOT_FOUND, { id });
  const file = await repo.readFile(ctx.db, id);
  if (!file?.file_name || !file.file_content) throw new AppError(CommitmentErrors.COMMITMENT_FILE_MISSING, { id });
  await writeAudit(ctx.db, ctx.clock.now(), actor, { action: 'commitment.file.read', entityType: 'commitment', entityId: id, detail: { fileName: file.file_name } });
  return { fileName: file.file_name, contentType: file.file_content_type ?? 'application/octet-stream', content: file.file_content };
}

/** The signing forms' choices: every type with its standard text, the active matters and departments. */
export async function getCommitmentOptions(ctx: AppContext, actor: Actor): Promise<CommitmentOptions> {
  commitmentScope(actor);
  return {
    types: COMMITMENT_TYPES.map((type) => ({ type, name: COMMITMENT_TYPE_NAMES[type], template: COMMITMENT_TEMPLATES[type], notifyAndCommit: NOTIFY_AND_COMMIT_TYPES.includes(type) })),
    matters: await repo.listActiveMatters(ctx.db),
    departments: await repo.listActiveDepartments(ctx.db),
  };
}
