import crypto from 'node:crypto';
import type { AppContext } from '../app/context.js';
import { AppError } from '../kernel/errors.js';
import { ReportErrors } from './errors.js';
import { codesMatch, REPORT_NUMBER_PATTERN } from './report-identifiers.js';
import { reportSignerOf } from './report-signer.js';
import { findReportByNumber, readReportPdf, type ReportRow } from './repository.js';
import type { ReportVerification } from './schemas.js';

/**
 * 报告核验 by number and verification code (what the QR code and the verification page send). An
 * unknown number and a wrong code get the same REPORT_NOT_FOUND, so numbers cannot be probed.
 * `signatureValid` says the stored facts still carry the platform's signature and the archived PDF
 * still has the signed SHA-256; `authentic` is that verdict.
 */
export async function verifyReport(ctx: AppContext, input: { number: string; code: string }): Promise<ReportVerification> {
  const number = input.number.trim().toUpperCase();
  const report = REPORT_NUMBER_PATTERN.test(number) ? await findReportByNumber(ctx.db, number) : undefined;
  if (!report || !codesMatch(report.verification_code, input.code)) throw new AppError(ReportErrors.REPORT_NOT_FOUND);
  const signatureValid = await checkStoredReport(ctx, report);
  return {
    authentic: signatureValid,
    number: report.number,
    issuedAt: report.issued_at.toISOString(),
    subjectName: report.subject_name,
    scope: report.scope,
    sha256: report.sha256,
    signatureValid,
  };
}

/** Whether a stored report's signature holds and its archived PDF still hashes to the signed SHA-256. */
export async function checkStoredReport(ctx: AppContext, report: ReportRow): Promise<boolean> {
  const signer = reportSignerOf(ctx.crypto);
  const fields = { number: report.number, sha256: report.sha256, issuedAt: report.issued_at, subjectId: report.subject_id, scope: report.scope };
  if (!signer.verify(fields, report.signature, report.key_id)) return false;
  const pdf = await readReportPdf(ctx.db, report.id);
  return pdf !== undefined && crypto.createHash('sha256').update(pdf).digest('hex') === report.sha256;
}
