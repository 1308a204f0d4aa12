import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpApp } from './types.js';

/** Where `vite build` puts the website and the console (web/build-if-stale.mjs builds it before `npm start`). */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const NOT_BUILT_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>网站尚未构建</title>
<body style="font-family:sans-serif;max-width:640px;margin:64px auto;line-height:1.8">
<h1>网站前端尚未构建</h1><p>请运行 <code>npm run build:web</code>（<code>npm start</code> 会自动构建），然后刷新本页。接口仍可使用：<a href="/api/docs">/api/docs</a>。</p>
<p lang="en">The web app is not built yet: run <code>npm run build:web</code> and reload.</p></body></html>`;

/** Paths the app never handles: the API, and names that look like files (a missing file is a 404, not the app). */
function isForTheApp(url: string): boolean {
  const path = url.split('?')[0] ?? '/';
  if (path === '/api' || path.startsWith('/api/')) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !/\.[A-Za-z0-9]{1,8}$/.test(last);
}

/**
 * Serves the React app (web/dist) at `/`: hashed files under /assets/ with a year of caching, and every
 * other GET outside /api — the app's own routes (/search, /subjects/1, /admin/…) — gets index.html,
 * which is never cached so a new build shows at once. Registered after the API routes; page and asset
 * requests do not count against the public API's rate limit.
 */
export async function registerWeb(app: HttpApp, options: { root?: string } = {}): Promise<void> {
  const root = options.root ?? WEB_DIST_DIR;
  // serve: false — the routes below decide what is served, the plugin provides sendFile (safe paths, ranges, ETags).
  await app.register(fastifyStatic, { root, serve: false });
  const noLimit = { rateLimit: false } as const;

  app.get('/assets/*', { schema: { hide: true }, config: noLimit }, async (request: FastifyRequest<{ Params: { '*': string } }>, reply) =>
    reply.sendFile(`assets/${request.params['*']}`, root, { maxAge: '365d', immutable: true }),
  );

  const sendApp = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isForTheApp(request.url)) return reply.callNotFound();
    if (!fs.existsSync(`${root}/index.html`)) {
      return reply.status(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false });
  };
  app.get('/', { schema: { hide: true }, config: noLimit }, sendApp);
  app.get('/*', { schema: { hide: true }, config: noLimit }, sendApp);
}
