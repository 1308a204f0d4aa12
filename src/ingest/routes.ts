import type { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../app/context.js';
import { attachmentDisposition } from '../http/attachment.js';
import type { HttpApp } from '../http/types.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { buildErrorReportCsv, buildErrorReportXlsx } from './build-error-report.js';
import { getBatch, listBatches } from './read-batches.js';
import { BatchSchema } from './schemas.js';
import { submitBatch, WORKER_MIN_BYTES } from './submit-batch.js';

const RAW_TYPES = [
  'text/csv',
  'text/plain',
  'application/json',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

const FORMAT_OF_TYPE: Record<string, 'csv' | 'json' | 'xlsx'> = {
  'text/csv': 'csv',
  'text/plain': 'csv',
  'application/json': 'json',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

const BatchParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

function departmentFor(actorDepartment: string | undefined, requested: string | undefined): string {
  const code = requested ?? actorDepartment;
  if (!code) throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: '请用 department 参数指明报送部门代码' });
  return code;
}

/** Batch submission (file upload and raw API body), batch reports and their error files. */
export function registerIngestRoutes(app: HttpApp, ctx: AppContext): void {
  const departmentCodeOf = async (departmentId: number | null) =>
    departmentId === null
      ? undefined
      : (await ctx.db.selectFrom('departments').select('code').where('id', '=', departmentId).executeTakeFirst())?.code;

  app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    // The pipeline reads the body itself, streaming and with its own limits, whatever its type.
    scope.removeContentTypeParser(['application/json', 'text/plain']);
    scope.addContentTypeParser(RAW_TYPES, (_request, payload, done) => done(null, payload));
    scope.post(
      '/batches',
      {
        bodyLimit: ctx.config.maxUploadBytes,
        schema: {
          tags: ['数据归集'],
          summary: '报送一个批次（请求体为 CSV、XLSX 或 JSON 文件内容）',
          description: '部门令牌调用时报送部门默认为令牌所属部门。CSV 支持 UTF-8 与 GBK/GB18030（自动识别）。',
          security: [{ bearer: [] }],
          querystring: Type.Object({
            topic: Type.String({ maxLength: 40, description: '数据主题代码，如 XZCF' }),
            department: Type.Optional(Type.String({ maxLength: 32 })),
            fileName: Type.Optional(Type.String({ maxLength: 255 })),
          }),
          response: { 201: BatchSchema },
        },
      },
      async (request, reply) => {
        const mime = (request.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
        const report = await submitBatch(ctx, request.actor, {
          departmentCode: departmentFor(await departmentCodeOf(request.actor.departmentId), request.query.department),
          topicCode: request.query.topic,
          channel: 'api',
          fileName: request.query.fileName ?? null,
          ...(FORMAT_OF_TYPE[mime] ? { format: FORMAT_OF_TYPE[mime] } : {}),
          input: request.body as Readable,
          // The body reaches the pipeline as a raw stream, which Fastify's bodyLimit does not cover.
          limits: { maxBytes: ctx.config.maxUploadBytes },
          worker: isLarge(request.headers['content-length']),
        });
        return reply.status(201).send(await getBatch(ctx, request.actor, report.id));
      },
    );
  });

  app.post(
    '/batches/upload',
    {
      schema: {
        tags: ['数据归集'],
        summary: '上传文件报送一个批次（multipart/form-data：字段 topic、可选 department，文件字段 file）',
        security: [{ bearer: [] }],
        consumes: ['multipart/form-data'],
        response: { 201: BatchSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: '请以 multipart/form-data 上传文件' });
      const fields: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          fields[part.fieldname] = String(part.value);
          continue;
        }
        if (!fields.topic) throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: '表单字段 topic 须在文件之前提交' });
        const report = await submitBatch(ctx, request.actor, {
          departmentCode: departmentFor(await departmentCodeOf(request.actor.departmentId), fields.department),
          topicCode: fields.topic,
          channel: 'upload',
          fileName: part.filename,
          input: part.file,
          limits: { maxBytes: ctx.config.maxUploadBytes },
          worker: isLarge(request.headers['content-length']),
        });
        if (part.file.truncated) throw new AppError(CommonErrors.PAYLOAD_TOO_LARGE, { limit: `${ctx.config.maxUploadBytes} 字节` });
        return reply.status(201).send(await getBatch(ctx, request.actor, report.id));
      }
      throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: '没有收到文件（字段 file）' });
    },
  );

  app.get(
    '/batches',
    {
      schema: {
        tags: ['数据归集'],
        summary: '批次列表（本部门；平台管理员与审计员可见全部）',
        security: [{ bearer: [] }],
        querystring: Type.Object({
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          beforeId: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: { 200: Type.Array(BatchSchema) },
      },
    },
    async (request) => listBatches(ctx, request.actor, request.query),
  );

  app.get(
    '/batches/:id',
    {
      schema: { tags: ['数据归集'], summary: '批次报告', security: [{ bearer: [] }], params: BatchParams, response: { 200: BatchSchema } },
    },
    async (request) => getBatch(ctx, request.actor, request.params.id),
  );

  app.get(
    '/batches/:id/errors.:format',
    {
      schema: {
        tags: ['数据归集'],
        summary: '下载批次错误报告（errors.csv 或 errors.xlsx）：逐行列出行号、列和原因',
        security: [{ bearer: [] }],
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]) }),
      },
    },
    async (request, reply) => {
      const batch = await getBatch(ctx, request.actor, request.params.id);
      const xlsx = request.params.format === 'xlsx';
      const file = xlsx ? await buildErrorReportXlsx(ctx.db, batch.id) : await buildErrorReportCsv(ctx.db, batch.id);
      const name = `批次${batch.id}错误报告.${request.params.format}`;
      return reply
        .header('content-type', xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
        .header('content-disposition', attachmentDisposition(`batch-${batch.id}-errors.${request.params.format}`, name))
        .send(file);
    },
  );
}

/** A declared body size at which parsing moves to a worker thread. */
function isLarge(contentLength: string | undefined): boolean {
  return Number(contentLength ?? 0) >= WORKER_MIN_BYTES;
}
