import crypto from 'node:crypto';
import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { MeasureErrors } from './errors.js';
import { authorizeManageMeasures } from './policies.js';
import * as repo from './repository.js';
import type { CreatedWebhook, Webhook, WebhookInput } from './schemas.js';

/** A department's system gets its joint tasks unless told otherwise. */
export const DEFAULT_WEBHOOK_TOPICS = ['joint.task.*'];

type SubscriptionRow = Awaited<ReturnType<typeof repo.listSubscriptions>>[number];

function present(row: SubscriptionRow): Webhook {
  return {
    id: row.id,
    departmentId: row.department_id,
    departmentName: row.department_name,
    url: row.url,
    topics: row.topics,
    active: row.active,
    createdAt: new Date(row.created_at).toISOString(),
    pending: Number(row.pending ?? 0),
    delivered: Number(row.delivered ?? 0),
    failed: Number(row.failed ?? 0),
  };
}

function checkUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError(MeasureErrors.WEBHOOK_URL_INVALID, { url: raw });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) throw new AppError(MeasureErrors.WEBHOOK_URL_INVALID, { url: raw });
  return url.toString();
}

/**
 * Registers a department's webhook (platform admins). The signing secret is generated here, stored
 * encrypted and shown once in the answer. Events from then on are delivered.
 */
export async function registerWebhook(ctx: AppContext, actor: Actor, input: WebhookInput): Promise<CreatedWebhook> {
  authorizeManageMeasures(actor);
  const url = checkUrl(input.url);
  const at = ctx.clock.now();
  const secret = `whsec_${crypto.randomBytes(32).toString('base64url')}`;
  const topics = input.topics ?? DEFAULT_WEBHOOK_TOPICS;
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.findActiveDepartment(trx, input.departmentId))) throw new AppError(MeasureErrors.WEBHOOK_DEPARTMENT_UNKNOWN, { id: input.departmentId });
    const id = await repo.insertSubscription(trx, { departmentId: input.departmentId, url, secretEnc: ctx.crypto.encrypt(secret), topics, by: actor.name ?? 'admin', at });
    await writeAudit(trx, at, actor, { action: 'webhook.register', entityType: 'webhook_subscription', entityId: id, detail: { departmentId: input.departmentId, url, topics } });
    return id;
  });
  const [row] = await repo.listSubscriptions(ctx.db, [id]);
  return { ...present(row!), secret };
}

/** Every webhook subscription with its delivery counts (platform admins). */
export async function listWebhooks(ctx: AppContext, actor: Actor): Promise<Webhook[]> {
  authorizeManageMeasures(actor);
  return (await repo.listSubscriptions(ctx.db)).map(present);
}

/** Stops a subscription; deliveries already queued for it are still attempted. */
export async function deactivateWebhook(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorizeManageMeasures(actor);
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deactivateSubscription(trx, id, at))) throw new AppError(MeasureErrors.WEBHOOK_NOT_FOUND, { id });
    await writeAudit(trx, at, actor, { action: 'webhook.deactivate', entityType: 'webhook_subscription', entityId: id });
  });
}
