import { Type } from 'typebox';
import type { AppContext } from '../app/context.js';
import { attachmentDisposition } from '../http/attachment.js';
import type { HttpApp } from '../http/types.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { addAttachment, removeAttachment } from './attach-file.js';
import { getArticle, getAttachment, listAllArticles, listPublishedArticles } from './read-articles.js';
import { createArticle, deleteArticle, updateArticle } from './save-article.js';
import { ArticleInputSchema, ArticleListQuerySchema, ArticlePageSchema, ArticleSchema, AttachmentSchema } from './schemas.js';

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const IdParams = Type.Object({ id: Id });
const AttachmentParams = Type.Object({ id: Id, attachmentId: Id });
/** Attachments are documents, not uploads of data: 20 MB is plenty. */
const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

function download(fileName: string) {
  return attachmentDisposition(`attachment${fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.')) : ''}`, fileName);
}

/** The website's articles (信用动态 / 政策法规 / 诚信文化) and their editing in the console. */
export function registerArticleRoutes(app: HttpApp, ctx: AppContext): void {
  const tags = ['网站文章'];
  app.get('/public/articles', {
    schema: { tags, summary: '已发布的文章列表（按栏目，每页最多 50 篇）', querystring: ArticleListQuerySchema, response: { 200: ArticlePageSchema } },
  }, async (request) => listPublishedArticles(ctx, request.query));

  app.get('/public/articles/:id', {
    schema: { tags, summary: '一篇已发布的文章及其附件列表', params: IdParams, response: { 200: ArticleSchema } },
  }, async (request) => getArticle(ctx, null, request.params.id));

  app.get('/public/articles/:id/attachments/:attachmentId', {
    schema: { tags, summary: '下载已发布文章的附件', params: AttachmentParams },
  }, async (request, reply) => {
    const file = await getAttachment(ctx, null, request.params.id, request.params.attachmentId);
    return reply.header('content-type', file.contentType).header('content-disposition', download(file.fileName)).header('x-content-type-options', 'nosniff').send(file.content);
  });

  app.get('/articles', {
    schema: { tags, summary: '全部文章（含草稿；平台管理员与审计员）', security: [{ bearer: [] }], querystring: ArticleListQuerySchema, response: { 200: ArticlePageSchema } },
  }, async (request) => listAllArticles(ctx, request.actor, request.query));

  app.get('/articles/:id', {
    schema: { tags, summary: '一篇文章（含草稿）', security: [{ bearer: [] }], params: IdParams, response: { 200: ArticleSchema } },
  }, async (request) => getArticle(ctx, request.actor, request.params.id));

  app.post('/articles', {
    schema: { tags, summary: '撰写文章（平台管理员）', security: [{ bearer: [] }], body: ArticleInputSchema, response: { 201: ArticleSchema } },
  }, async (request, reply) => reply.status(201).send(await createArticle(ctx, request.actor, request.body)));

  app.put('/articles/:id', {
    schema: { tags, summary: '修改、发布或撤回文章（平台管理员）', security: [{ bearer: [] }], params: IdParams, body: ArticleInputSchema, response: { 200: ArticleSchema } },
  }, async (request) => updateArticle(ctx, request.actor, request.params.id, request.body));

  app.delete('/articles/:id', {
    schema: { tags, summary: '删除文章及其附件（平台管理员）', security: [{ bearer: [] }], params: IdParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await deleteArticle(ctx, request.actor, request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/articles/:id/attachments', {
    schema: {
      tags,
      summary: '上传附件（multipart/form-data，文件字段 file；PDF、Word、Excel、图片、文本、zip，20 MB 以内）',
      security: [{ bearer: [] }],
      consumes: ['multipart/form-data'],
      params: IdParams,
      response: { 201: AttachmentSchema },
    },
  }, async (request, reply) => {
    if (!request.isMultipart()) throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: '请以 multipart/form-data 上传文件' });
    const part = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES } });
    if (!part) throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: '没有收到文件（字段 file）' });
    const content = await part.toBuffer().catch((error: unknown) => {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(CommonErrors.PAYLOAD_TOO_LARGE, { limit: '20 MB' });
      throw error;
    });
    return reply.status(201).send(await addAttachment(ctx, request.actor, request.params.id, { fileName: part.filename, content }));
  });

  app.delete('/articles/:id/attachments/:attachmentId', {
    schema: { tags, summary: '删除附件（平台管理员）', security: [{ bearer: [] }], params: AttachmentParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await removeAttachment(ctx, request.actor, request.params.id, request.params.attachmentId);
    return reply.status(204).send(null);
  });
}
