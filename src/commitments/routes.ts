import { Type } from 'typebox';
import type { AppContext } from '../app/context.js';
import { attachmentDisposition } from '../http/attachment.js';
import type { HttpApp } from '../http/types.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { attachCommitmentFile, MAX_COMMITMENT_FILE_BYTES } from './attach-file.js';
import { CommitmentErrors } from './errors.js';
import { getCommitment, getCommitmentOptions, listCommitments, readCommitmentFile } from './read-commitments.js';
import { CommitmentInputSchema, CommitmentListQuerySchema, CommitmentOptionsSchema, CommitmentPageSchema, CommitmentSchema, CommitmentTransitionSchema } from './schemas.js';
import { signCommitment } from './sign-commitment.js';
import { transitionCommitment } from './transition-commitment.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

/** 信用承诺: signing online or registering paper, the signed file, the list by role, 履约 verdicts. */
export function registerCommitmentRoutes(app: HttpApp, ctx: AppContext): void {
  const tags = ['信用承诺'];
  const security = [{ bearer: [] }];
  app.post('/commitments', {
    schema: { tags, summary: '签署信用承诺（信用主体在线签署）或登记纸质承诺（受理部门、信用中心）', security, body: CommitmentInputSchema, response: { 201: CommitmentSchema } },
  }, async (request, reply) => reply.status(201).send(await signCommitment(ctx, request.actor, request.body)));
  app.get('/commitments', {
    schema: { tags, summary: '信用承诺列表（按角色限定范围；可按状态、类型、逾期待核查筛选；每页最多 50 条）', security, querystring: CommitmentListQuerySchema, response: { 200: CommitmentPageSchema } },
  }, async (request) => listCommitments(ctx, request.actor, request.query));
  app.get('/commitments/options', {
    schema: { tags, summary: '签署表单的选项：承诺类型及标准承诺文本、事项、受理部门', security, response: { 200: CommitmentOptionsSchema } },
  }, async (request) => getCommitmentOptions(ctx, request.actor));
  app.get('/commitments/:id', {
    schema: { tags, summary: '一件信用承诺及其履约记录', security, params: IdParams, response: { 200: CommitmentSchema } },
  }, async (request) => getCommitment(ctx, request.actor, request.params.id));
  app.post('/commitments/:id/transitions', {
    schema: { tags, summary: '确认已履约 / 认定未履约（受理部门审核员或信用中心，未履约须写明理由并形成失信记录）；撤销（信用中心）', security, params: IdParams, body: CommitmentTransitionSchema, response: { 200: CommitmentSchema } },
  }, async (request) => transitionCommitment(ctx, request.actor, request.params.id, request.body));
  app.post('/commitments/:id/file', {
    schema: {
      tags,
      summary: '上传签署的纸质承诺书（multipart/form-data，文件字段 file；PDF、JPEG、PNG，10 MB 以内）',
      security,
      consumes: ['multipart/form-data'],
      params: IdParams,
      response: { 200: CommitmentSchema },
    },
  }, async (request) => {
    if (!request.isMultipart()) throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: '请以 multipart/form-data 上传文件' });
    const part = await request.file({ limits: { fileSize: MAX_COMMITMENT_FILE_BYTES } });
    if (!part) throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: '没有收到文件（字段 file）' });
    const content = await part.toBuffer().catch((error: unknown) => {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(CommitmentErrors.COMMITMENT_FILE_TOO_LARGE, { limit: '10 MB' });
      throw error;
    });
    return attachCommitmentFile(ctx, request.actor, request.params.id, { fileName: part.filename, content });
  });
  app.get('/commitments/:id/file', {
    schema: { tags, summary: '下载签署的纸质承诺书（承诺主体、受理部门、信用中心；不向社会公开）', security, params: IdParams },
  }, async (request, reply) => {
    const file = await readCommitmentFile(ctx, request.actor, request.params.id);
    const ext = file.fileName.includes('.') ? file.fileName.slice(file.fileName.lastIndexOf('.')) : '';
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', attachmentDisposition(`commitment-${request.params.id}${ext}`, file.fileName))
      .header('x-content-type-options', 'nosniff')
      .send(file.content);
  });
}
