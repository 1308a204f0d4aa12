import type { Kysely } from 'kysely';
import type { AppContext } from '../app/context.js';
import type { DB } from '../db/schema.js';
import type { Actor } from '../kernel/actor.js';
import { chinaDate } from '../kernel/calendar.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { RepairErrors } from './errors.js';
import { entryEligibility, recordEligibility, SEVERITY_NAMES, type Severity } from './eligibility.js';
import { applicantOf, type Applicant } from './policies.js';
import * as repo from './repository.js';
import type { Eligibility, EligibilityQuery } from './schemas.js';

export const TARGET_NAMES = { record: '信用记录', list_entry: '名单条目' } as const;

/** The severity tier of a topic version's publication rule, or null when it has none. */
function tierOf(definition: unknown): Severity | null {
  const publication = (definition as { publication?: { kind?: string; defaultSeverity?: Severity } }).publication;
  return publication?.kind === 'severity-tiers' ? (publication.defaultSeverity ?? 'general') : null;
}

export interface ResolvedTarget {
  kind: 'record' | 'list_entry';
  id: number;
  subjectId: number;
  sourceDepartmentId: number | null;
  eligibility: Eligibility;
  /** The coded refusal when not eligible. */
  refusal?: AppError;
}

/**
 * A target the applicant may apply for, with its eligibility on `today`. A record that is not current
 * and published (withdrawn, already repaired), or anything outside the applicant's reach (another
 * subject's, another department's), is not found — it is not revealed.
 */
export async function resolveTarget(db: Kysely<DB>, applicant: Applicant, target: { kind: 'record' | 'list_entry'; id: number }, today: string): Promise<ResolvedTarget> {
  const notFound = () => new AppError(RepairErrors.REPAIR_TARGET_NOT_FOUND, { kind: TARGET_NAMES[target.kind], id: target.id });
  const row = target.kind === 'record' ? await repo.findRecordTarget(db, target.id) : await repo.findEntryTarget(db, target.id);
  if (!row) throw notFound();
  const subjectId = Number(row.subject_id);
  if (applicant.kind === 'subject' && applicant.subjectId !== subjectId) throw notFound();
  if (applicant.kind === 'department' && applicant.departmentId !== row.department_id) throw notFound();
  const base = { kind: target.kind, id: target.id, subjectId, sourceDepartmentId: row.department_id };
  if ('list_type_code' in row) {
    const result = entryEligibility({ listTypeCode: row.list_type_code, listTypeName: row.list_type_name, status: row.status });
    const eligibility = { target, eligible: result.eligible, eligibleFrom: null, tier: null, minMonths: null, explanation: result.explanation };
    if (result.eligible) return { ...base, eligibility };
    const refusal = result.repairable
      ? new AppError(RepairErrors.REPAIR_ENTRY_NOT_ACTIVE, { status: row.status })
      : new AppError(RepairErrors.REPAIR_NOT_REPAIRABLE, { name: row.list_type_name, detail: result.explanation.split('：').slice(1).join('：') });
    return { ...base, eligibility, refusal };
  }
  if (!('is_current' in row) || !row.is_current || row.status !== 'active') throw notFound();
  const result = recordEligibility({ tier: tierOf(row.definition), decisionDate: row.decision_date, today });
  const eligibility = { target, eligible: result.eligible, eligibleFrom: result.eligibleFrom, tier: result.tier, minMonths: result.minMonths, explanation: result.explanation };
  if (result.eligible) return { ...base, eligibility };
  const refusal = new AppError(RepairErrors.REPAIR_NOT_YET_ELIGIBLE, {
    tier: result.tier ? SEVERITY_NAMES[result.tier] : '未分级',
    months: result.minMonths,
    date: result.eligibleFrom,
  });
  return { ...base, eligibility, refusal };
}

/** GET /repairs/eligibility: whether the actor could apply for this record or entry today, and from when. */
export async function checkEligibility(ctx: AppContext, actor: Actor, query: EligibilityQuery): Promise<Eligibility> {
  const applicant = applicantOf(actor);
  if ((query.recordId === undefined) === (query.entryId === undefined)) {
    throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: '请给出 recordId 或 entryId 之一' });
  }
  const target = query.recordId !== undefined ? { kind: 'record' as const, id: query.recordId } : { kind: 'list_entry' as const, id: query.entryId! };
  return (await resolveTarget(ctx.db, applicant, target, chinaDate(ctx.clock.now()))).eligibility;
}
