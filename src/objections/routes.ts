import { Type } from 'typebox';
import type { AppContext } from '../app/context.js';
import type { HttpApp } from '../http/types.js';
import { sendStoredFile } from '../http/attachment.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { addEvidence, MAX_EVIDENCE_BYTES } from './attach-evidence.js';
import { ObjectionErrors } from './errors.js';
import { getEvidenceFile, getObjection, listObjections } from './read-objections.js';
import { EvidenceSchema, ObjectionInputSchema, ObjectionListQuerySchema, ObjectionPageSchema, ObjectionSchema, ObjectionTransitionSchema } from './schemas.js';
import { submitObjection } from './submit-objection.js';
import { transitionObjection } from './transition-objection.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
const FileParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), fileId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

/** 异议: filing, evidence, the credit centre's list with overdue flags, acceptance and verification. */
export function registerObjectionRoutes(app: HttpApp, ctx: AppContext): void {
  const tags = ['异议处理'];
  const security = [{ bearer: [] }];
  app.post('/objections', {
    schema: { tags, summary: '提出异议（信用主体、报送部门或信用中心）', security, body: ObjectionInputSchema, response: { 201: ObjectionSchema } },
  }, async (request, reply) => reply.status(201).send(await submitObjection(ctx, request.actor, request.body)));
  app.get('/objections', {
    schema: { tags, summary: '异议列表（按角色限定范围；可按状态、是否逾期筛选；每页最多 50 条）', security, querystring: ObjectionListQuerySchema, response: { 200: ObjectionPageSchema } },
  }, async (request) => listObjections(ctx, request.actor, request.query));
  app.get('/objections/:id', {
    schema: { tags, summary: '一件异议及其处理记录、证明材料', security, params: IdParams, response: { 200: ObjectionSchema } },
  }, async (request) => getObjection(ctx, request.actor, request.params.id));
  app.get('/objections/:id/evidence/:fileId', {
    schema: { tags, summary: '下载证明材料（可查看该异议者）', security, params: FileParams },
  }, async (request, reply) => sendStoredFile(reply, await getEvidenceFile(ctx, request.actor, request.params.id, request.params.fileId)));
  app.post('/objections/:id/transitions', {
    schema: { tags, summary: '受理 / 不予受理（信用中心）；认定异议成立 / 不成立（数据提供单位审核员或信用中心）', security, params: IdParams, body: ObjectionTransitionSchema, response: { 200: ObjectionSchema } },
  }, async (request) => transitionObjection(ctx, request.actor, request.params.id, request.body));
  app.post('/objections/:id/evidence', {
    schema: {
      tags,
      summary: '上传证明材料（multipart/form-data，文件字段 file；PDF、JPEG、PNG，每个 10 MB 以内）',
      security,
      consumes: ['multipart/form-data'],
      params: IdParams,
      response: { 201: EvidenceSchema },
    },
  }, async (request, reply) => {
    if (!request.isMultipart()) throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: '请以 multipart/form-data 上传文件' });
    const part = await request.file({ limits: { fileSize: MAX_EVIDENCE_BYTES } });
    if (!part) throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: '没有收到文件（字段 file）' });
    const content = await part.toBuffer().catch((error: unknown) => {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(ObjectionErrors.OBJECTION_EVIDENCE_TOO_LARGE, { limit: '10 MB' });
      throw error;
    });
    return reply.status(201).send(await addEvidence(ctx, request.actor, request.params.id, { fileName: part.filename, content }));
  });
}
