import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { insertDepartment, insertSubject } from '../../test/factories.js';
import { buildUser, signIn } from '../access/test-factories.js';
import { buildServer } from '../http/build-server.js';
import type { HttpApp } from '../http/types.js';
import { emitEvent } from '../kernel/outbox.js';
import { LIST_CODES } from '../lists/index.js';
import { ensureBuiltinMeasures } from './builtin-measures.js';
import { deliverOutbox, signWebhook } from './deliver-outbox.js';
import { openJointTasks } from './joint-tasks.js';
import * as repo from './repository.js';
import type { CreatedWebhook, Webhook } from './schemas.js';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let ctx: TestContext;
let app: HttpApp;
let admin: string;
let server: http.Server;
let base: string;
const received: Received[] = [];
/** Path → statuses to answer, in turn (then 200); 'hang' never answers. */
const script = new Map<string, (number | 'hang')[]>();
const departments = { CZ: 0, GGZY: 0, SCJG: 0 };

beforeAll(async () => {
  ctx = await createTestContext();
  app = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
  admin = (await signIn(ctx, await buildUser(ctx, { roles: ['admin'] }))).token;
  for (const code of ['CZ', 'GGZY', 'SCJG'] as const) departments[code] = await insertDepartment(ctx.db, code);
  await ensureBuiltinMeasures(ctx.db, ctx.clock.now());
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const next = script.get(req.url ?? '')?.shift() ?? 200;
      if (next === 'hang') return;
      res.writeHead(next, { 'content-type': 'text/plain' }).end(next === 200 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await app?.close();
  await ctx?.dispose();
});

async function register(departmentId: number, path: string, topics?: string[]): Promise<CreatedWebhook> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: { authorization: `Bearer ${admin}` }, payload: { departmentId, url: `${base}${path}`, ...(topics ? { topics } : {}) } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CreatedWebhook>();
}

async function openTasksForNewEntry(): Promise<void> {
  const listType = await ctx.db.selectFrom('list_types').select('id').where('code', '=', LIST_CODES.procurement).executeTakeFirstOrThrow();
  const at = ctx.clock.now();
  const entry = await ctx.db
    .insertInto('list_entries')
    .values({ list_type_id: listType.id, subject_id: await insertSubject(ctx), status: 'active', source: 'console', reasons: '提供虚假材料谋取中标', decision_no: '榕财采处〔2025〕7号', created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db.transaction().execute((trx) => openJointTasks(trx, ctx.calendar, at, [entry.id]));
}

describe('department webhooks', () => {
  it('registers a subscription (admins only), refusing bad URLs and unknown departments', async () => {
    const headers = { authorization: `Bearer ${admin}` };
    const bad = await app.inject({ method: 'POST', url: '/api/v1/webhooks', headers, payload: { departmentId: departments.CZ, url: 'ftp://example.org/x' } });
    expect(bad.json().code).toBe('WEBHOOK_URL_INVALID');
    const creds = await app.inject({ method: 'POST', url: '/api/v1/webhooks', headers, payload: { departmentId: departments.CZ, url: 'https://u:p@example.org/x' } });
    expect(creds.json().code).toBe('WEBHOOK_URL_INVALID');
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/webhooks', headers, payload: { departmentId: 999_999, url: 'https://example.org/x' } });
    expect(unknown.json().code).toBe('WEBHOOK_DEPARTMENT_UNKNOWN');
    const clerk = (await signIn(ctx, await buildUser(ctx, { roles: ['reviewer'], departmentId: departments.CZ }))).token;
    const refused = await app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: { authorization: `Bearer ${clerk}` }, payload: { departmentId: departments.CZ, url: 'https://example.org/x' } });
    expect(refused.statusCode).toBe(403);
  });

  it('delivers each department its tasks, signed, with the outbox id as idempotency key; retries failures with backoff without holding back others', async () => {
    const cz = await register(departments.CZ, '/cz');
    expect(cz.secret).toMatch(/^whsec_/);
    expect(cz.topics).toEqual(['joint.task.*']);
    const ggzy = await register(departments.GGZY, '/ggzy');
    const stored = await ctx.db.selectFrom('webhook_subscriptions').select('secret_enc').where('id', '=', cz.id).executeTakeFirstOrThrow();
    expect(stored.secret_enc).not.toContain(cz.secret);

    // An unrelated event (no department) and one about a department nobody subscribed for.
    await emitEvent(ctx.db, ctx.clock.now(), { topic: 'batch.completed', key: 1, payload: { batchId: 1 } });
    await emitEvent(ctx.db, ctx.clock.now(), { topic: 'joint.task.created', key: 0, payload: { departmentId: departments.SCJG } });
    script.set('/ggzy', [503]);
    await openTasksForNewEntry(); // ZFCGSX_PROCUREMENT → CZ and GGZY

    const first = await deliverOutbox(ctx, { baseDelayMs: 60_000 });
    expect(first).toMatchObject({ queued: 2, attempted: 2, delivered: 1, retrying: 1, gaveUp: 0 });
    expect(first.events).toBeGreaterThanOrEqual(4);
    const toCz = received.filter((r) => r.path === '/cz');
    expect(toCz).toHaveLength(1);
    const { headers, body } = toCz[0]!;
    const event = JSON.parse(body) as { id: number; topic: string; payload: Record<string, unknown> };
    expect(event.topic).toBe('joint.task.created');
    expect(event.payload).toMatchObject({ departmentId: departments.CZ, listType: 'ZFCGSX', measureCode: 'ZFCGSX_PROCUREMENT', decisionNo: '榕财采处〔2025〕7号' });
    expect(headers['idempotency-key']).toBe(String(event.id));
    expect(headers['x-xinyong-event']).toBe('joint.task.created');
    expect(headers['x-xinyong-signature']).toBe(signWebhook(cz.secret, String(headers['x-xinyong-timestamp']), body));
    expect(headers['x-xinyong-signature']).not.toBe(signWebhook(ggzy.secret, String(headers['x-xinyong-timestamp']), body));

    // Nothing is due before the backoff has passed; after it, the failed one is sent again.
    expect(await deliverOutbox(ctx)).toMatchObject({ events: 0, attempted: 0 });
    const [failed] = await repo.findDeliveries(ctx.db, ggzy.id);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, last_status: 503, last_error: 'HTTP 503' });
    expect(new Date(failed!.next_attempt_at!).getTime() - ctx.clock.now().getTime()).toBe(60_000);
    ctx.clock.advanceMs(61_000);
    expect(await deliverOutbox(ctx)).toMatchObject({ attempted: 1, delivered: 1 });
    const toGgzy = received.filter((r) => r.path === '/ggzy');
    expect(toGgzy).toHaveLength(2);
    expect(toGgzy[1]!.headers['idempotency-key']).toBe(toGgzy[0]!.headers['idempotency-key']);
    expect(await deliverOutbox(ctx)).toMatchObject({ attempted: 0 });

    const list = (await app.inject({ method: 'GET', url: '/api/v1/webhooks', headers: { authorization: `Bearer ${admin}` } })).json<Webhook[]>();
    expect(list.map((w) => [w.departmentId, w.pending, w.delivered, w.failed])).toEqual([
      [departments.CZ, 0, 1, 0],
      [departments.GGZY, 0, 1, 0],
    ]);
    await app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${ggzy.id}`, headers: { authorization: `Bearer ${admin}` } });
    await app.inject({ method: 'DELETE', url: `/api/v1/webhooks/${cz.id}`, headers: { authorization: `Bearer ${admin}` } });
  });

  it('gives up after the last attempt, and a hanging endpoint times out without delaying another department', async () => {
    const slow = await register(departments.SCJG, '/slow', ['joint.task.created']);
    const fast = await register(departments.CZ, '/fast');
    script.set('/slow', ['hang', 'hang']);
    await emitEvent(ctx.db, ctx.clock.now(), { topic: 'joint.task.created', key: 1, payload: { departmentId: departments.SCJG } });
    await emitEvent(ctx.db, ctx.clock.now(), { topic: 'joint.task.cancelled', key: 1, payload: { departmentId: departments.SCJG } }); // not subscribed
    await emitEvent(ctx.db, ctx.clock.now(), { topic: 'joint.task.cancelled', key: 2, payload: { departmentId: departments.CZ } });

    const started = Date.now();
    const round = await deliverOutbox(ctx, { timeoutMs: 500, maxAttempts: 2, baseDelayMs: 1000 });
    expect(round).toMatchObject({ queued: 2, attempted: 2, delivered: 1, retrying: 1 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(received.filter((r) => r.path === '/fast')).toHaveLength(1);
    ctx.clock.advanceMs(2000);
    expect(await deliverOutbox(ctx, { timeoutMs: 500, maxAttempts: 2, baseDelayMs: 1000 })).toMatchObject({ attempted: 1, gaveUp: 1 });
    const [gaveUp] = await repo.findDeliveries(ctx.db, slow.id);
    expect(gaveUp).toMatchObject({ status: 'failed', attempts: 2, last_error: 'timeout after 500 ms', next_attempt_at: null });
    ctx.clock.advanceMs(3_600_000);
    expect(await deliverOutbox(ctx)).toMatchObject({ attempted: 0 });
    expect((await repo.findDeliveries(ctx.db, fast.id)).map((d) => d.status)).toEqual(['delivered']);
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'webhook_subscription').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['webhook.deactivate', 'webhook.deactivate', 'webhook.register', 'webhook.register', 'webhook.register', 'webhook.register']);
  });
});
