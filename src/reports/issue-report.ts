import crypto from 'node:crypto';
import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { getSubjectRecord, RecordErrors, type RecordScope, type SubjectRecordView } from '../records/index.js';
import { authorizeIssueReport } from './policies.js';
import { renderReportPdf } from './render-report-pdf.js';
import { beijingDay, formatReportNumber, newVerificationCode } from './report-identifiers.js';
import { reportSignerOf } from './report-signer.js';
import { findIssuerName, insertReport, nextReportSequence } from './repository.js';

/** An issued report: the PDF and what identifies and proves it. */
export interface IssuedReport {
  id: number;
  number: string;
  verificationCode: string;
  issuedAt: Date;
  subjectId: number;
  subjectName: string;
  scope: RecordScope;
  sha256: string;
  /** Ed25519 signature (base64) of the canonical string, under key `keyId`. */
  signature: string;
  keyId: string;
  pdf: Buffer;
}

export interface IssueReportInput {
  subjectId: number;
  scope: RecordScope;
}

/**
 * Issues a signed credit report of a subject's record in a scope: the public report (社会公开 items in
 * their publication window) for anyone, about organisations only — a natural person is answered as not
 * found —, or the fuller 'shared' report for the subject's own account.
 */
export async function issueReport(ctx: AppContext, actor: Actor, input: IssueReportInput): Promise<IssuedReport> {
  authorizeIssueReport(actor, input.subjectId, input.scope);
  const view = await getSubjectRecord(ctx, input.subjectId, input.scope);
  // Natural persons are not shown to the public (STANDARDS.md §1): the same answer as the record page.
  if (!view || (input.scope === 'public' && view.subject.kind === 'natural_person')) {
    throw new AppError(RecordErrors.SUBJECT_NOT_FOUND, { id: input.subjectId });
  }
  return issueReportFromView(ctx, actor, view);
}

/**
 * Issues a credit report of a record view already computed for its scope: numbers it, renders it,
 * hashes the exact bytes, signs the canonical string with the platform key, and stores the PDF, the
 * signature and who asked, with an audit row, in one transaction. Callers decide who may see the view
 * (`issueReport` does, for the HTTP routes).
 */
export async function issueReportFromView(ctx: AppContext, actor: Actor, view: SubjectRecordView): Promise<IssuedReport> {
  const issuedAt = ctx.clock.now();
  // The number is drawn before rendering (the report prints it) in a statement of its own, so the
  // day's counter is not locked while a long report renders. A failed render leaves a gap, no duplicate.
  const number = formatReportNumber(beijingDay(issuedAt), await nextReportSequence(ctx.db, beijingDay(issuedAt)));
  const verificationCode = newVerificationCode();
  const pdf = await renderReportPdf(view, {
    number,
    verificationCode,
    issuedAt,
    publicBaseUrl: ctx.config.publicBaseUrl,
    issuerName: await findIssuerName(ctx.db),
  });
  const sha256 = crypto.createHash('sha256').update(pdf).digest('hex');
  const signer = reportSignerOf(ctx.crypto);
  const signed = { number, sha256, issuedAt, subjectId: view.subject.id, scope: view.scope };
  const signature = signer.sign(signed);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const reportId = await insertReport(trx, {
      number,
      verification_code: verificationCode,
      subject_id: view.subject.id,
      subject_name: view.subject.name,
      scope: view.scope,
      issued_at: issuedAt,
      sha256,
      signature,
      key_id: signer.keyId,
      pdf,
      pdf_bytes: pdf.length,
      requested_by_type: actor.type,
      requested_by_id: actor.id,
      requested_by_name: actor.name,
    });
    await writeAudit(trx, issuedAt, actor, {
      action: 'report.issued',
      entityType: 'report',
      entityId: number,
      detail: { subjectId: view.subject.id, scope: view.scope, sha256, bytes: pdf.length },
    });
    return reportId;
  });
  return { id, ...signed, verificationCode, subjectName: view.subject.name, signature, keyId: signer.keyId, pdf };
}
