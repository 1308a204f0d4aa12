import type {} from '@fastify/rate-limit';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../app/context.js';
import { attachmentDisposition } from '../http/attachment.js';
import type { HttpApp } from '../http/types.js';
import type { IssuedReport } from './issue-report.js';
import { issueReport } from './issue-report.js';
import { requireSubjectAccount } from './policies.js';
import { reportSignerOf } from './report-signer.js';
import {
  MAX_VERIFY_UPLOAD_BYTES,
  ReportFileVerificationSchema,
  ReportNumberSchema,
  ReportVerificationSchema,
  VerificationCodeSchema,
} from './schemas.js';
import { verifyReport } from './verify-report.js';
import { verifyReportFile } from './verify-report-file.js';

const TAGS = ['信用报告'];
const PdfResponse = {
  description: '信用报告 PDF（响应头 X-Report-Number 为报告编号）',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};
const ErrorResponse = Type.Object({ code: Type.String(), message: Type.String(), messageEn: Type.String() });

/** `信用报告-<name>-<number>.pdf`, RFC 5987-encoded, with an ASCII fallback for old clients. */
function contentDisposition(report: IssuedReport): string {
  const name = `信用报告-${report.subjectName.replace(/[\\/:*?"<>|\s]+/g, '_')}-${report.number}.pdf`;
  return attachmentDisposition(`credit-report-${report.number}.pdf`, name);
}

/** Credit reports: the public report, a subject's own fuller report, verification and the public key. Mounted under /api/v1. */
export function registerReportRoutes(app: HttpApp, ctx: AppContext): void {
  const sendPdf = (reply: FastifyReply, report: IssuedReport) =>
    reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', contentDisposition(report))
      .header('x-report-number', report.number)
      .header('cache-control', 'no-store')
      .send(report.pdf);

  app.post(
    '/public/subjects/:id/report',
    {
      // Each report is rendered and archived: anonymous callers get far fewer than the general limit.
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: TAGS,
        summary: '下载信用主体的公开版信用报告（PDF）',
        description: '仅含社会公开且在公示期内的信息；每次请求出具一份新编号的报告，由平台签名。自然人不提供公开报告。',
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }),
        response: { 200: PdfResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => sendPdf(reply, await issueReport(ctx, request.actor, { subjectId: request.params.id, scope: 'public' })),
  );

  app.post(
    '/my/report',
    {
      schema: {
        tags: TAGS,
        summary: '下载本主体的自查版信用报告（含政务共享信息，PDF）',
        description: '仅限信用主体账号登录后调用，出具其所代表主体的报告。',
        security: [{ bearer: [] }],
        response: { 200: PdfResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => {
      const subjectId = requireSubjectAccount(request.actor);
      return sendPdf(reply, await issueReport(ctx, request.actor, { subjectId, scope: 'shared' }));
    },
  );

  app.get(
    '/reports/:number/verify',
    {
      schema: {
        tags: TAGS,
        summary: '报告核验：按报告编号和验证码核验报告真伪',
        description: '编号不存在与验证码错误返回同一个 404（REPORT_NOT_FOUND），无法借此探测报告编号。',
        params: Type.Object({ number: ReportNumberSchema }),
        querystring: Type.Object({ code: VerificationCodeSchema }),
        response: { 200: ReportVerificationSchema, 404: ErrorResponse },
      },
    },
    async (request) => verifyReport(ctx, { number: request.params.number, code: request.query.code }),
  );

  app.register(async (scope) => {
    scope.addContentTypeParser(['application/pdf', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_VERIFY_UPLOAD_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      '/reports/verify',
      {
        bodyLimit: MAX_VERIFY_UPLOAD_BYTES,
        schema: {
          tags: TAGS,
          summary: '报告核验：上传信用报告 PDF 文件，核验是否为平台出具且未被修改',
          description: `请求体为 PDF 文件本身（Content-Type: application/pdf），不超过 ${MAX_VERIFY_UPLOAD_BYTES / 1024 / 1024} MB。文件须与平台出具的原件逐字节一致才能通过核验。`,
          consumes: ['application/pdf'],
          response: { 200: ReportFileVerificationSchema, 400: ErrorResponse, 413: ErrorResponse },
        },
      },
      async (request) => verifyReportFile(ctx, request.body as Buffer),
    );
  });

  app.get(
    '/reports/public-key',
    {
      schema: {
        tags: TAGS,
        summary: '平台报告签名公钥（Ed25519，PEM）',
        description: '签名覆盖的规范字符串见 docs/ARCHITECTURE.md「信用报告」；响应头 X-Key-Id 为公钥标识。',
        response: { 200: { description: 'SubjectPublicKeyInfo PEM', content: { 'application/x-pem-file': { schema: { type: 'string' } } } } },
      },
    },
    async (_request, reply) => {
      const signer = reportSignerOf(ctx.crypto);
      return reply.header('content-type', 'application/x-pem-file').header('x-key-id', signer.keyId).send(signer.publicKeyPem);
    },
  );
}
