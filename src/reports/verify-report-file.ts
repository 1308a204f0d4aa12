import crypto from 'node:crypto';
import type { AppContext } from '../app/context.js';
import { AppError } from '../kernel/errors.js';
import { ReportErrors } from './errors.js';
import { readReportIdentity } from './read-report-identity.js';
import { codesMatch, formatBeijingTime } from './report-identifiers.js';
import { findReportByNumber, findReportsBySha256 } from './repository.js';
import type { ReportFileVerification } from './schemas.js';
import { checkStoredReport } from './verify-report.js';

/**
 * 报告核验 of an uploaded PDF: authentic only when its exact bytes are those of a report the platform
 * issued (same SHA-256) and that report's signature holds. A file carrying the number and code of a
 * real report but other bytes (one byte changed, text edited, re-saved) is reported as altered; a file
 * the platform never issued is not authentic. Details of a report are given only to a caller who holds
 * its file or its number and code, as on the verification page.
 */
export async function verifyReportFile(ctx: AppContext, pdf: Buffer): Promise<ReportFileVerification> {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError(ReportErrors.REPORT_NOT_PDF);
  const sha256 = crypto.createHash('sha256').update(pdf).digest('hex');

  const [exact] = await findReportsBySha256(ctx.db, sha256);
  if (exact) {
    const signatureValid = await checkStoredReport(ctx, exact);
    const when = formatBeijingTime(exact.issued_at);
    return {
      authentic: signatureValid,
      unchanged: true,
      number: exact.number,
      issuedAt: exact.issued_at.toISOString(),
      subjectName: exact.subject_name,
      message: signatureValid
        ? `核验通过：该文件与平台于 ${when} 出具的编号为 ${exact.number} 的信用报告完全一致，平台签名有效。`
        : `核验未通过：平台存档的编号为 ${exact.number} 的报告签名校验失败，请联系平台核实。`,
    };
  }

  const identity = readReportIdentity(pdf);
  const claimed = identity.number ? await findReportByNumber(ctx.db, identity.number) : undefined;
  if (claimed && identity.code && codesMatch(claimed.verification_code, identity.code)) {
    return {
      authentic: false,
      unchanged: false,
      number: claimed.number,
      issuedAt: claimed.issued_at.toISOString(),
      subjectName: claimed.subject_name,
      message: `核验未通过：该文件标注为编号 ${claimed.number} 的信用报告，但内容与平台出具的原件不一致（文件摘要 SHA-256 不符），文件已被修改，不能作为有效的信用报告使用。请向平台重新申请报告。`,
    };
  }
  return {
    authentic: false,
    unchanged: false,
    number: null,
    issuedAt: null,
    subjectName: null,
    message: '核验未通过：该文件不是本平台出具的信用报告（未找到与之相符的报告编号、验证码或文件摘要）。',
  };
}
