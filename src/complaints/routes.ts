import { Type } from 'typebox';
import type { AppContext } from '../app/context.js';
import type { HttpApp } from '../http/types.js';
import { sendStoredFile } from '../http/attachment.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { ComplaintErrors } from './errors.js';
import { addComplaintEvidence, MAX_EVIDENCE_BYTES } from './evidence.js';
import { getComplaint, getEvidenceFile, getPublicComplaint, listComplaints } from './read-complaints.js';
import { revealComplainant } from './reveal-complainant.js';
import {
  ComplainantSchema,
  ComplaintInputSchema,
  ComplaintListQuerySchema,
  ComplaintPageSchema,
  ComplaintReceiptSchema,
  ComplaintSchema,
  ComplaintTransitionSchema,
  EvidenceSchema,
  PublicComplaintSchema,
  RevealInputSchema,
  TrackingNumber,
} from './schemas.js';
import { submitComplaint } from './submit-complaint.js';
import { transitionComplaint } from './transition-complaint.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
const FileParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), fileId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
const TrackingParams = Type.Object({ trackingNumber: TrackingNumber });
const CodeQuery = Type.Object({ code: Type.String({ minLength: 1, maxLength: 32, pattern: '^[0-9A-Za-z]+$' }) }, { additionalProperties: false });

/** 投诉举报: anonymous filing, evidence and tracking on the website; the console's list, handling and the audited reveal. */
export function registerComplaintRoutes(app: HttpApp, ctx: AppContext): void {
  const tags = ['投诉举报'];
  const security = [{ bearer: [] }];
  app.post('/public/complaints', {
    // Anonymous and stored: far fewer than the general limit, and small bodies only.
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    bodyLimit: 64 * 1024,
    schema: {
      tags,
      summary: '投诉举报失信行为（无需登录；返回受理编号和查询码，请妥善保存查询码）',
      body: ComplaintInputSchema,
      response: { 201: ComplaintReceiptSchema },
    },
  }, async (request, reply) => reply.status(201).send(await submitComplaint(ctx, request.body)));
  app.get('/public/complaints/:trackingNumber', {
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags, summary: '按受理编号和查询码查询投诉举报的办理进度和结果', params: TrackingParams, querystring: CodeQuery, response: { 200: PublicComplaintSchema } },
  }, async (request) => getPublicComplaint(ctx, request.params.trackingNumber, request.query.code));
  app.post('/public/complaints/:trackingNumber/evidence', {
    config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: '补充证据材料（multipart/form-data，文件字段 file；PDF、JPEG、PNG，每个 10 MB 以内，最多 5 个；须提供查询码 code）',
      consumes: ['multipart/form-data'],
      params: TrackingParams,
      querystring: CodeQuery,
      response: { 201: EvidenceSchema },
    },
  }, async (request, reply) => {
    if (!request.isMultipart()) throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: '请以 multipart/form-data 上传文件' });
    const part = await request.file({ limits: { fileSize: MAX_EVIDENCE_BYTES } });
    if (!part) throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: '没有收到文件（字段 file）' });
    const content = await part.toBuffer().catch((error: unknown) => {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(ComplaintErrors.COMPLAINT_EVIDENCE_TOO_LARGE, { limit: '10 MB' });
      throw error;
    });
    return reply.status(201).send(await addComplaintEvidence(ctx, request.params.trackingNumber, request.query.code, { fileName: part.filename, content }));
  });

  app.get('/complaints', {
    schema: { tags, summary: '投诉举报列表（信用中心全部；部门仅交办给本部门的；可按状态、是否逾期筛选；不含投诉人身份）', security, querystring: ComplaintListQuerySchema, response: { 200: ComplaintPageSchema } },
  }, async (request) => listComplaints(ctx, request.actor, request.query));
  app.get('/complaints/:id', {
    schema: { tags, summary: '一件投诉举报及其办理记录、证据材料（不含投诉人身份）', security, params: IdParams, response: { 200: ComplaintSchema } },
  }, async (request) => getComplaint(ctx, request.actor, request.params.id));
  app.get('/complaints/:id/evidence/:fileId', {
    schema: { tags, summary: '下载证据材料（信用中心或承办部门；不含投诉人身份）', security, params: FileParams },
  }, async (request, reply) => sendStoredFile(reply, await getEvidenceFile(ctx, request.actor, request.params.id, request.params.fileId)));
  app.post('/complaints/:id/transitions', {
    schema: { tags, summary: '交办 / 不予受理（信用中心）；开始办理 / 办结（承办部门或信用中心）', security, params: IdParams, body: ComplaintTransitionSchema, response: { 200: ComplaintSchema } },
  }, async (request) => transitionComplaint(ctx, request.actor, request.params.id, request.body));
  app.post('/complaints/:id/reveal-complainant', {
    schema: { tags, summary: '查看投诉人身份（仅信用中心管理员；须说明理由，记入审计日志）', security, params: IdParams, body: RevealInputSchema, response: { 200: ComplainantSchema } },
  }, async (request) => revealComplainant(ctx, request.actor, request.params.id, request.body.reason));
}
