import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/http/build-server.js';
import type { HttpApp } from '../src/http/types.js';
import { createTestContext, type TestContext } from './context.js';

let ctx: TestContext;
let app: HttpApp;

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildServer(ctx);
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

interface Operation {
  summary?: string;
  parameters?: { in: string; name: string; schema?: unknown }[];
  requestBody?: unknown;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

/** Endpoints that answer with a file rather than JSON. */
const FILE_RESPONSES = new Set(['/api/v1/public/subjects/{id}/report', '/api/v1/my/report', '/api/v1/public/articles/{id}/attachments/{attachmentId}', '/api/v1/reports/public-key']);

describe('the OpenAPI document', () => {
  it('lists every public endpoint with a summary, its parameters and its response schema', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const routes: string[] = [];
    const expected = [
      ['get', '/api/v1/public/stats'],
      ['get', '/api/v1/public/departments'],
      ['get', '/api/v1/public/publications'],
      ['get', '/api/v1/public/search'],
      ['get', '/api/v1/public/subjects/{id}'],
      ['post', '/api/v1/public/subjects/{id}/report'],
      ['get', '/api/v1/public/articles'],
      ['get', '/api/v1/public/articles/{id}'],
      ['get', '/api/v1/public/articles/{id}/attachments/{attachmentId}'],
      ['get', '/api/v1/public/list-types'],
      ['get', '/api/v1/public/lists'],
      ['get', '/api/v1/public/government-integrity'],
      ['get', '/api/v1/public/due-process'],
      ['post', '/api/v1/public/complaints'],
      ['get', '/api/v1/public/complaints/{trackingNumber}'],
      ['post', '/api/v1/public/complaints/{trackingNumber}/evidence'],
      ['get', '/api/v1/reports/{number}/verify'],
      ['post', '/api/v1/reports/verify'],
      ['get', '/api/v1/reports/public-key'],
      ['post', '/api/v1/codes/validate'],
      ['get', '/api/v1/calendar/add-workdays'],
      ['get', '/api/v1/calendar/workdays-between'],
    ] as const;
    for (const [method, path] of expected) {
      const operation = doc.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation?.summary, `${method} ${path}`).toMatch(/\S/);
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const name of pathParams) {
        expect(operation?.parameters?.some((p) => p.in === 'path' && p.name === name && p.schema), `${path} documents {${name}}`).toBe(true);
      }
      const ok = Object.entries(operation?.responses ?? {}).find(([status]) => status.startsWith('2'));
      expect(ok, `${method} ${path} documents its success response`).toBeDefined();
      if (!FILE_RESPONSES.has(path)) expect(ok?.[1].content?.['application/json']?.schema, `${method} ${path} response schema`).toBeDefined();
      routes.push(path);
    }
    // Every public route the server has is in the document.
    const documented = Object.keys(doc.paths).filter((path) => path.startsWith('/api/v1/public/'));
    expect(documented.sort()).toEqual([...new Set(expected.map(([, path]) => path).filter((path) => path.startsWith('/api/v1/public/')))].sort());
    expect(routes.length).toBe(expected.length);
  });

  it('documents the query parameters of the public lists, with their limits', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const pageSize = (path: string) => doc.paths[path]?.get?.parameters?.find((p) => p.in === 'query' && p.name === 'pageSize')?.schema as { maximum?: number } | undefined;
    expect(pageSize('/api/v1/public/publications')?.maximum).toBe(50);
    expect(pageSize('/api/v1/public/articles')?.maximum).toBe(50);
    expect(pageSize('/api/v1/public/search')?.maximum).toBe(50);
    expect(pageSize('/api/v1/public/lists')?.maximum).toBe(50);
  });
});
