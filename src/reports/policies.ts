import type { Actor } from '../kernel/actor.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import type { RecordScope } from '../records/views.js';
import { ReportErrors } from './errors.js';

/**
 * Who may have which report: anyone the public one; the fuller 'shared' one (政务共享 items) only the
 * subject's own signed-in account, and the platform itself.
 */
export function authorizeIssueReport(actor: Actor, subjectId: number, scope: RecordScope): void {
  if (scope === 'public' || actor.type === 'system') return;
  if (actor.type === 'public') throw new AppError(CommonErrors.UNAUTHENTICATED);
  if (actor.subjectId === undefined || actor.subjectId === null || actor.subjectId !== subjectId) {
    throw new AppError(ReportErrors.REPORT_NOT_SUBJECT_ACCOUNT);
  }
}

/** The subject a signed-in subject account acts for (`POST /my/report`). */
export function requireSubjectAccount(actor: Actor): number {
  if (actor.type === 'public') throw new AppError(CommonErrors.UNAUTHENTICATED);
  if (actor.subjectId === undefined || actor.subjectId === null) throw new AppError(ReportErrors.REPORT_NOT_SUBJECT_ACCOUNT);
  return actor.subjectId;
}
