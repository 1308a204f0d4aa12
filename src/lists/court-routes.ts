import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../app/context.js';
import type { HttpApp } from '../http/types.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { authorizeCourtSync } from './policies.js';
import { CourtSyncQuerySchema, CourtSyncSummarySchema } from './schemas.js';
import { courtFeedFile } from './court-feed-bytes.js';
import { syncCourtList } from './sync-court-list.js';

const RAW_TYPES = ['text/csv', 'text/plain', 'application/json', 'application/x-ndjson', 'application/jsonl', 'application/octet-stream'];

/**
 * Runs `fn` with the upload written to a private temporary file: the sync reads the feed again by
 * position, and a request body can be read once. The file is removed afterwards, whatever happens.
 */
async function withSpooledUpload<T>(body: Readable, limit: number, fn: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xinyong-court-'));
  const file = path.join(dir, 'feed');
  try {
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > limit) done(new AppError(CommonErrors.PAYLOAD_TOO_LARGE, { limit: `${limit} 字节` }));
        else done(null, chunk);
      },
    });
    await pipeline(body, counter, fs.createWriteStream(file, { mode: 0o600 }));
    return await fn(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The 失信被执行人 sync route (admin). */
export function registerCourtSyncRoutes(app: HttpApp, ctx: AppContext): void {
  const response = { 200: CourtSyncSummarySchema };
  const tags = ['名单'];
  const description =
    '请求体为 JSON Lines 或 CSV（表头为法院数据字段名），或 multipart/form-data 的文件字段 file。全量（snapshot）中缺少的案号视为法院已撤销；增量（delta）每行带 op（upsert 或 revoke）。整个同步在一个事务中完成。仅平台管理员可调用。';

  app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    // The sync reads the body itself, as a stream, whatever its type.
    scope.removeContentTypeParser(['application/json', 'text/plain']);
    scope.addContentTypeParser(RAW_TYPES, (_request, payload, done) => done(null, payload));
    scope.post(
      '/lists/court-sync',
      {
        bodyLimit: ctx.config.maxUploadBytes,
        schema: {
          tags,
          summary: '同步失信被执行人名单（全量或增量）',
          description,
          security: [{ bearer: [] }],
          querystring: CourtSyncQuerySchema,
          response,
        },
      },
      async (request) => {
        authorizeCourtSync(request.actor);
        if (request.isMultipart()) {
          for await (const part of request.parts()) {
            if (part.type === 'field') continue;
            return withSpooledUpload(part.file, ctx.config.maxUploadBytes, (file) =>
              syncCourtList(ctx, request.actor, { mode: request.query.mode, source: courtFeedFile(file) }),
            );
          }
          throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: '没有收到文件（字段 file）' });
        }
        return withSpooledUpload(request.body as Readable, ctx.config.maxUploadBytes, (file) =>
          syncCourtList(ctx, request.actor, { mode: request.query.mode, source: courtFeedFile(file) }),
        );
      },
    );
  });
}
