import crypto from 'node:crypto';
import type { AppContext } from '../app/context.js';
import * as repo from './repository.js';

export interface DeliverOutboxOptions {
  /** Outbox rows fanned out and deliveries attempted per call (default 100 each). */
  batchSize?: number;
  /** Per request (default 10 s); a slow endpoint costs its own delivery a retry, nobody else a wait. */
  timeoutMs?: number;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  /** Attempts before a delivery is given up (default 10). */
  maxAttempts?: number;
  /** First retry after this long, doubling each time (default 30 s) up to `maxDelayMs` (default 6 h). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  fetch?: typeof fetch;
}

export interface DeliverOutboxResult {
  /** Outbox rows handed over (fanned out to subscriptions, or to none). */
  events: number;
  /** Delivery rows created for them. */
  queued: number;
  attempted: number;
  delivered: number;
  /** Failed attempts that will be retried. */
  retrying: number;
  /** Failed attempts that were the last one. */
  gaveUp: number;
}

/** `sha256=` + hex HMAC-SHA256 over `{timestamp}.{body}`: what a receiver recomputes with its secret. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

function backoff(attempt: number, base: number, max: number): number {
  return Math.min(base * 2 ** (attempt - 1), max);
}

/**
 * One round of webhook delivery: hands undelivered outbox rows to the subscriptions of the departments
 * they concern, then POSTs each due delivery as JSON `{ id, topic, createdAt, payload }` with headers
 * `X-Xinyong-Signature` (see `signWebhook`), `X-Xinyong-Timestamp`, `X-Xinyong-Event` and
 * `Idempotency-Key` (the outbox id: a receiver drops repeats). A 2xx marks it delivered; anything else
 * (status, timeout, refused connection) schedules the next attempt with exponential backoff, until
 * `maxAttempts`. Deliveries are independent: one endpoint failing or hanging never holds back others.
 * Safe to run from several processes at once (rows are claimed with SKIP LOCKED and a lease).
 */
export async function deliverOutbox(ctx: AppContext, options: DeliverOutboxOptions = {}): Promise<DeliverOutboxResult> {
  const batchSize = options.batchSize ?? 100;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const concurrency = options.concurrency ?? 8;
  const maxAttempts = options.maxAttempts ?? 10;
  const baseDelayMs = options.baseDelayMs ?? 30_000;
  const maxDelayMs = options.maxDelayMs ?? 6 * 3600_000;
  const send = options.fetch ?? fetch;

  const fanned = await ctx.db.transaction().execute((trx) => repo.fanOutOutbox(trx, ctx.clock.now(), batchSize));
  const now = ctx.clock.now();
  // The lease outlasts every request of this round, so a crash mid-round means a retry, not a loss.
  const leaseUntil = new Date(now.getTime() + timeoutMs * Math.ceil(batchSize / concurrency) + 60_000);
  const due = await repo.claimDueDeliveries(ctx.db, now, leaseUntil, batchSize);
  const result: DeliverOutboxResult = { events: fanned.events, queued: fanned.deliveries, attempted: due.length, delivered: 0, retrying: 0, gaveUp: 0 };

  const attempt = async (d: repo.ClaimedDelivery) => {
    const body = JSON.stringify({ id: d.outbox_id, topic: d.topic, createdAt: new Date(d.event_at).toISOString(), payload: d.payload });
    const timestamp = String(Math.floor(ctx.clock.now().getTime() / 1000));
    let httpStatus: number | null = null;
    let error: string | null = null;
    try {
      const response = await send(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'xinyong-webhook/1',
          'x-xinyong-event': d.topic,
          'x-xinyong-timestamp': timestamp,
          'x-xinyong-signature': signWebhook(ctx.crypto.decrypt(d.secret_enc), timestamp, body),
          'idempotency-key': String(d.outbox_id),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      httpStatus = response.status;
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status >= 300) error = `HTTP ${response.status}`;
    } catch (e) {
      error = (e as Error).name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : String((e as Error).cause ?? (e as Error).message).slice(0, 500);
    }
    const at = ctx.clock.now();
    const attempts = d.attempts + 1;
    if (error === null) {
      result.delivered += 1;
      await repo.recordDeliveryAttempt(ctx.db, { outboxId: d.outbox_id, subscriptionId: d.subscription_id, at, status: 'delivered', httpStatus, error: null, nextAttemptAt: null });
    } else if (attempts >= maxAttempts) {
      result.gaveUp += 1;
      await repo.recordDeliveryAttempt(ctx.db, { outboxId: d.outbox_id, subscriptionId: d.subscription_id, at, status: 'failed', httpStatus, error, nextAttemptAt: null });
    } else {
      result.retrying += 1;
      const next = new Date(at.getTime() + backoff(attempts, baseDelayMs, maxDelayMs));
      await repo.recordDeliveryAttempt(ctx.db, { outboxId: d.outbox_id, subscriptionId: d.subscription_id, at, status: 'pending', httpStatus, error, nextAttemptAt: next });
    }
  };

  // A small pool: at most `concurrency` requests at once, each finishing on its own.
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, due.length) }, async () => {
    while (next < due.length) {
      const d = due[next++]!;
      await attempt(d);
    }
  });
  await Promise.all(workers);
  return result;
}
