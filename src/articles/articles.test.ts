import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { insertDepartment } from '../../test/factories.js';
import { buildUser, signIn } from '../access/test-factories.js';
import { buildServer } from '../http/build-server.js';
import type { HttpApp } from '../http/types.js';

let ctx: TestContext;
let app: HttpApp;
let admin: string;
let clerk: string;

function multipart(fileName: string, content: Buffer) {
  const boundary = '----xinyong-article-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
  admin = (await signIn(ctx, await buildUser(ctx, { roles: ['admin'] }))).token;
  const department = await insertDepartment(ctx.db, 'SCJG');
  clerk = (await signIn(ctx, await buildUser(ctx, { roles: ['submitter'], departmentId: department }))).token;
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('articles of the website', () => {
  it('keeps drafts off the website, publishes, serves attachments, and audits every change', async () => {
    const auth = { authorization: `Bearer ${admin}` };
    const body = { channel: 'policy', title: '福州市公共信用信息管理办法', body: '第一条 为了规范公共信用信息管理……\n\n第二条 本办法适用于本市行政区域内。', status: 'draft' };
    const created = await app.inject({ method: 'POST', url: '/api/v1/articles', headers: auth, payload: body });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect(created.json()).toMatchObject({ status: 'draft', publishedAt: null, channel: 'policy' });
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/articles/${id}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/public/articles?channel=policy' })).json().items).toEqual([]);

    const file = multipart('办法全文.pdf', Buffer.from('%PDF-1.4 test'));
    const attached = await app.inject({ method: 'POST', url: `/api/v1/articles/${id}/attachments`, headers: { ...auth, ...file.headers }, payload: file.payload });
    expect(attached.statusCode).toBe(201);
    const script = multipart('x.html', Buffer.from('<script>alert(1)</script>'));
    const refused = await app.inject({ method: 'POST', url: `/api/v1/articles/${id}/attachments`, headers: { ...auth, ...script.headers }, payload: script.payload });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('ARTICLE_ATTACHMENT_TYPE');

    ctx.clock.set('2025-06-16T05:00:00Z'); // later the same day (sessions last eight hours)
    const published = await app.inject({ method: 'PUT', url: `/api/v1/articles/${id}`, headers: auth, payload: { ...body, status: 'published' } });
    expect(published.json().publishedAt).toBe('2025-06-16T05:00:00.000Z');
    const list = (await app.inject({ method: 'GET', url: '/api/v1/public/articles?channel=policy' })).json();
    expect(list.items.map((a: { title: string }) => a.title)).toEqual(['福州市公共信用信息管理办法']);
    expect(list.items[0].summary).toContain('第一条');
    const article = (await app.inject({ method: 'GET', url: `/api/v1/public/articles/${id}` })).json();
    expect(article.attachments).toEqual([{ id: attached.json().id, fileName: '办法全文.pdf', contentType: 'application/pdf', size: 13 }]);
    const download = await app.inject({ method: 'GET', url: `/api/v1/public/articles/${id}/attachments/${attached.json().id}` });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('%PDF-1.4 test');
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('办法全文.pdf'));

    const audits = await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'article').execute();
    expect(audits.map((a) => a.action)).toEqual(['article.create', 'article.attachment.add', 'article.update']);

    const deleted = await app.inject({ method: 'DELETE', url: `/api/v1/articles/${id}`, headers: auth });
    expect(deleted.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/v1/public/articles/${id}` })).statusCode).toBe(404);
  });

  it('lets only the credit centre write articles and refuses malformed ones', async () => {
    const payload = { channel: 'news', title: '信用动态', body: '正文', status: 'published' };
    expect((await app.inject({ method: 'POST', url: '/api/v1/articles', payload })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/v1/articles', headers: { authorization: `Bearer ${clerk}` }, payload })).statusCode).toBe(403);
    const bad = await app.inject({ method: 'POST', url: '/api/v1/articles', headers: { authorization: `Bearer ${admin}` }, payload: { ...payload, channel: 'ads' } });
    expect(bad.statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/v1/public/articles?pageSize=500' })).statusCode).toBe(400);
  });
});
