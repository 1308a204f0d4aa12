import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController } from 'fastify';
import { resolveActor, registerAccessRoutes } from '../access/index.js';
import type { AppContext } from '../app/context.js';
import { registerArticleRoutes } from '../articles/index.js';
import { registerObjectionRoutes } from '../objections/index.js';
import { registerComplaintRoutes } from '../complaints/index.js';
import { registerRepairRoutes } from '../repairs/index.js';
import { registerCommitmentRoutes } from '../commitments/index.js';
import { registerMeasureRoutes } from '../measures/index.js';
import { registerCatalogRoutes } from '../catalog/routes.js';
import { registerCheckRoutes } from '../checks/index.js';
import { registerCodesRoutes } from '../codes/routes.js';
import { registerIngestRoutes } from '../ingest/routes.js';
import { registerListRoutes } from '../lists/index.js';
import { listBadges, registerRecordRoutes } from '../records/index.js';
import { publicActor } from '../kernel/actor.js';
import { registerCalendarRoutes } from '../kernel/calendar-routes.js';
import { registerReportRoutes } from '../reports/routes.js';
import { registerSubjectRoutes } from '../subjects/index.js';
import { registerErrorHandler } from './errors-plugin.js';
import type { HttpApp } from './types.js';
import { registerWeb } from './web.js';

export interface ServerOptions {
  logger?: boolean | { level: string };
  /** Requests per minute per client on public endpoints. */
  rateLimitPerMinute?: number;
}

/** Builds the HTTP server: error mapping, authentication, rate limits, OpenAPI and every module's routes. */
export async function buildServer(ctx: AppContext, options: ServerOptions = {}): Promise<HttpApp> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Personal data may travel in bodies and query strings: the request log keeps method and path only.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024 * 1024,
    ajv: { customOptions: { allErrors: false, removeAdditional: false, coerceTypes: 'array' } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandler(app);
  app.decorateRequest('actor', { getter: () => publicActor, setter: () => {} });
  app.addHook('onRequest', async (request) => {
    const actor = await resolveActor(ctx, request.headers.authorization);
    Object.defineProperty(request, 'actor', { value: actor, writable: false, configurable: true });
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, path: request.routeOptions.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) });
  });

  await app.register(rateLimit, {
    max: options.rateLimitPerMinute ?? 600,
    timeWindow: '1 minute',
    // Signed-in departments and the credit centre are not throttled like anonymous visitors.
    allowList: (request) => request.actor.type !== 'public',
  });
  await app.register(multipart, { limits: { fileSize: ctx.config.maxUploadBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Xinyong 公共信用信息平台 API', version: '1' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(async (api) => {
    registerCodesRoutes(api);
    registerCalendarRoutes(api, ctx);
    registerCatalogRoutes(api, ctx);
    registerIngestRoutes(api, ctx);
    registerAccessRoutes(api, ctx);
    registerRecordRoutes(api, ctx);
    registerArticleRoutes(api, ctx);
    registerReportRoutes(api, ctx);
    registerMeasureRoutes(api, ctx);
    registerCheckRoutes(api, ctx);
    registerSubjectRoutes(api, ctx, (ids) => listBadges(ctx, ids));
    registerListRoutes(api, ctx);
    registerObjectionRoutes(api, ctx);
    registerComplaintRoutes(api, ctx);
    registerRepairRoutes(api, ctx);
    registerCommitmentRoutes(api, ctx);
  }, { prefix: '/api/v1' });
  // The website and the console: after the API, so /api keeps its own 404s.
  await registerWeb(app);

  return app;
}
