/** 信用报告: PDF credit reports of a subject's record, signed by the platform, and their verification (报告核验). */
export { ReportErrors } from './errors.js';
export * from './schemas.js';
/** Issues a signed report of a subject's record (public, or the subject's own 'shared' one). */
export { issueReport, issueReportFromView, type IssuedReport, type IssueReportInput } from './issue-report.js';
/** Renders a record view as the PDF report (no numbering, signing or storing). */
export { renderReportPdf, type ReportMeta } from './render-report-pdf.js';
/** The page-layout helper over pdfkit (Noto Sans SC, tables that break cleanly, QR codes), shared with other documents such as the repair certificate. */
export { A4, COLOURS, CONTENT_WIDTH, MARGIN, PdfLayout, type Cell } from './pdf-layout.js';
/** Verifies a report by its number and verification code. */
export { verifyReport } from './verify-report.js';
/** Verifies an uploaded report PDF: issued by the platform and unchanged? */
export { verifyReportFile } from './verify-report-file.js';
/** The platform's report-signing key (Ed25519, derived from the master secret) and its public key. */
export { reportSignerOf, canonicalReportString, type ReportSigner } from './report-signer.js';
/** Registers the report routes (mounted under /api/v1 by the caller). */
export { registerReportRoutes } from './routes.js';
