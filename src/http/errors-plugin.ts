import { createRequire } from 'node:module';
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, CommonErrors } from '../kernel/errors.js';

// ajv-i18n is CommonJS exporting the function itself, which its ESM typings do not describe.
const localize = createRequire(import.meta.url)('ajv-i18n/localize/zh') as (errors: unknown[]) => void;

function validationDetail(error: FastifyError): string {
  // Schema errors come from AJV in English; the platform answers in Chinese.
  if (error.validation) localize(error.validation);
  const first = error.validation?.[0];
  if (!first) return error.message;
  const where = `${error.validationContext ?? ''}${first.instancePath || ''}`.replace(/^body/, '请求体').replace(/^querystring/, '查询参数').replace(/^params/, '路径参数');
  return `${where || '请求'} ${first.message ?? ''}`.trim();
}

/**
 * Maps every error to `{ code, message, messageEn, details? }` with the catalogue's status. Unexpected
 * errors are logged (without request bodies, which may hold personal data) and shown as INTERNAL.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) return reply.status(error.status).send(error.toJSON());
    if ('validation' in error && error.validation) {
      const mapped = new AppError(CommonErrors.VALIDATION_FAILED, { detail: validationDetail(error) });
      return reply.status(400).send(mapped.toJSON());
    }
    if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(new AppError(CommonErrors.PAYLOAD_TOO_LARGE, { limit: '配置的上限' }).toJSON());
    }
    if (error.statusCode === 429) return reply.status(429).send(new AppError(CommonErrors.RATE_LIMITED).toJSON());
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send(new AppError(CommonErrors.VALIDATION_FAILED, { detail: error.message }).toJSON());
    }
    request.log.error({ err: { message: error.message, stack: error.stack, code: error.code } }, 'unhandled error');
    return reply.status(500).send(new AppError(CommonErrors.INTERNAL).toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(new AppError(CommonErrors.NOT_FOUND, { what: `接口 ${request.method} ${request.url.split('?')[0]}` }).toJSON());
  });
}
