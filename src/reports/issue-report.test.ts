import crypto from 'node:crypto';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { buildDepartment } from '../access/test-factories.js';
import { systemActor, type Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/errors.js';
import { issueReportFromView, type IssuedReport } from './issue-report.js';
import { pdfText } from './pdf-tools.test-support.js';
import { renderReportPdf } from './render-report-pdf.js';
import { canonicalReportString, ReportSigner, reportSignerOf } from './report-signer.js';
import { buildEnterpriseRecordView, storeSubjectOf } from './test-fixtures.js';
import { verifyReport } from './verify-report.js';
import { verifyReportFile } from './verify-report-file.js';

let ctx: TestContext;
let report: IssuedReport;
const clerk: Actor = { type: 'user', id: '7', name: '企业经办人', departmentId: null, roles: [], subjectId: null };

beforeAll(async () => {
  ctx = await createTestContext({ now: '2025-06-16T17:30:00Z' });
  await buildDepartment(ctx, { code: 'XYZX', name: '福州市公共信用信息中心', kind: 'credit_centre' });
  const view = await storeSubjectOf(ctx.db, buildEnterpriseRecordView());
  report = await issueReportFromView(ctx, clerk, view);
});
afterAll(async () => {
  await ctx.dispose();
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('issueReportFromView', () => {
  it('numbers the report by its Beijing day, signs the SHA-256 of the exact bytes and stores it with an audit row', async () => {
    // 17:30 UTC is already the next day in Beijing.
    expect(report.number).toBe('XY20250617000001');
    expect(report.verificationCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(report.sha256).toBe(crypto.createHash('sha256').update(report.pdf).digest('hex'));
    const row = await ctx.db.selectFrom('reports').selectAll().where('number', '=', report.number).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      subject_name: '福州榕鑫达食品贸易有限公司',
      scope: 'public',
      sha256: report.sha256,
      requested_by_type: 'user',
      requested_by_id: '7',
      requested_by_name: '企业经办人',
      pdf_bytes: report.pdf.length,
    });
    expect(Buffer.from(row.pdf).equals(report.pdf)).toBe(true);
    expect(row.issued_at.toISOString()).toBe('2025-06-16T17:30:00.000Z');
    const audit = await ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'report').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'report.issued', entity_id: report.number, actor_id: '7' });
    expect(audit[0]!.detail).toMatchObject({ scope: 'public', sha256: report.sha256 });
    // The credit centre registered on the platform is the issuer printed on the report.
    expect(pdfText(report.pdf)).toContain('福州市公共信用信息中心');
  });

  it('gives the next report of the day the next number', async () => {
    const view = await storeSubjectOf(ctx.db, buildEnterpriseRecordView());
    const next = await issueReportFromView(ctx, systemActor, view);
    expect(next.number).toBe('XY20250617000002');
  });

  it('signs with an Ed25519 key derived from the master key: the same key after a restart, another for another master key', () => {
    const signer = reportSignerOf(ctx.crypto);
    const fields = { number: report.number, sha256: report.sha256, issuedAt: report.issuedAt, subjectId: report.subjectId, scope: report.scope };
    expect(signer.verify(fields, report.signature, report.keyId)).toBe(true);
    const again = new ReportSigner(ctx.crypto.exportMasterKey());
    expect(again.publicKeyPem).toBe(signer.publicKeyPem);
    expect(again.verify(fields, report.signature, report.keyId)).toBe(true);
    expect(signer.verify({ ...fields, scope: 'shared' }, report.signature, report.keyId)).toBe(false);
    const other = new ReportSigner(crypto.randomBytes(32));
    expect(other.keyId).not.toBe(signer.keyId);
    // Anyone can check the signature with the published public key alone.
    const publicKey = crypto.createPublicKey(signer.publicKeyPem);
    expect(publicKey.asymmetricKeyType).toBe('ed25519');
    expect(crypto.verify(null, Buffer.from(canonicalReportString(fields)), publicKey, Buffer.from(report.signature, 'base64'))).toBe(true);
  });
});

describe('verifyReport (number and code)', () => {
  it('confirms an issued report', async () => {
    await expect(verifyReport(ctx, { number: report.number, code: report.verificationCode.toLowerCase() })).resolves.toEqual({
      authentic: true,
      number: report.number,
      issuedAt: '2025-06-16T17:30:00.000Z',
      subjectName: '福州榕鑫达食品贸易有限公司',
      scope: 'public',
      sha256: report.sha256,
      signatureValid: true,
    });
  });

  it('answers a wrong code and an unknown number alike', async () => {
    const wrongCode = await rejection(verifyReport(ctx, { number: report.number, code: 'ZZZZZZZZ' }));
    const unknown = await rejection(verifyReport(ctx, { number: 'XY20250617999999', code: report.verificationCode }));
    expect(wrongCode.code).toBe('REPORT_NOT_FOUND');
    expect(wrongCode.status).toBe(404);
    expect(unknown.toJSON()).toEqual(wrongCode.toJSON());
  });
});

describe('verifyReportFile (upload)', () => {
  it('recognises the file as issued, unchanged', async () => {
    const result = await verifyReportFile(ctx, report.pdf);
    expect(result).toMatchObject({ authentic: true, unchanged: true, number: report.number, issuedAt: '2025-06-16T17:30:00.000Z', subjectName: '福州榕鑫达食品贸易有限公司' });
    expect(result.message).toContain('核验通过');
  });

  it('fails a copy with one byte changed', async () => {
    const tampered = Buffer.from(report.pdf);
    const at = Math.floor(tampered.length / 2);
    tampered[at] = tampered[at]! ^ 0x01;
    const result = await verifyReportFile(ctx, tampered);
    expect(result).toMatchObject({ authentic: false, unchanged: false, number: report.number });
    expect(result.message).toContain('文件已被修改');
  });

  it('fails a file re-made with the same number and code but edited text (a penalty removed)', async () => {
    const view = buildEnterpriseRecordView();
    view.sections = view.sections.map((section) => (section.category === 'penalty' ? { ...section, records: section.records.slice(1) } : section));
    const forged = await renderReportPdf(view, {
      number: report.number,
      verificationCode: report.verificationCode,
      issuedAt: report.issuedAt,
      publicBaseUrl: ctx.config.publicBaseUrl,
      issuerName: '福州市公共信用信息中心',
    });
    const result = await verifyReportFile(ctx, forged);
    expect(result.authentic).toBe(false);
    expect(result.unchanged).toBe(false);
    expect(result.message).toBe(
      `核验未通过：该文件标注为编号 ${report.number} 的信用报告，但内容与平台出具的原件不一致（文件摘要 SHA-256 不符），文件已被修改，不能作为有效的信用报告使用。请向平台重新申请报告。`,
    );
  });

  it('does not recognise a PDF the platform never issued, nor tell anything about a guessed number', async () => {
    const foreign = await new Promise<Buffer>((resolve) => {
      const doc = new PDFDocument({ info: { Title: '信用报告', ReportNumber: report.number } as PDFKit.DocumentInfo });
      const chunks: Buffer[] = [];
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.text('Credit report');
      doc.end();
    });
    expect(await verifyReportFile(ctx, foreign)).toEqual({
      authentic: false,
      unchanged: false,
      number: null,
      issuedAt: null,
      subjectName: null,
      message: '核验未通过：该文件不是本平台出具的信用报告（未找到与之相符的报告编号、验证码或文件摘要）。',
    });
  });

  it('refuses what is not a PDF', async () => {
    const error = await rejection(verifyReportFile(ctx, Buffer.from('hello')));
    expect(error.code).toBe('REPORT_NOT_PDF');
  });

  it('notices when the archived facts no longer match the signature', async () => {
    const view = await storeSubjectOf(ctx.db, buildEnterpriseRecordView());
    const altered = await issueReportFromView(ctx, systemActor, view);
    await ctx.db.updateTable('reports').set({ subject_name: '另一家公司', subject_id: 1 }).where('number', '=', altered.number).execute();
    const result = await verifyReport(ctx, { number: altered.number, code: altered.verificationCode });
    expect(result).toMatchObject({ authentic: false, signatureValid: false });
    expect((await verifyReportFile(ctx, altered.pdf)).authentic).toBe(false);
  });
});
