import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { checkTopicDefinition } from './check-topic-definition.js';
import { CatalogErrors } from './errors.js';
import * as repo from './repository.js';
import type { Topic } from './schemas.js';

function requireAdmin(actor: Actor): void {
  if (!actor.roles.includes('admin')) throw new AppError(CommonErrors.FORBIDDEN, { detail: '仅平台管理员可维护信用信息目录' });
}

/** Adds a topic to the catalogue (platform admins only). */
export async function createTopic(ctx: AppContext, actor: Actor, input: unknown): Promise<Topic> {
  requireAdmin(actor);
  const def = checkTopicDefinition(input);
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    if (await repo.findTopicByCode(tx, def.code)) throw new AppError(CatalogErrors.CATALOG_TOPIC_EXISTS, { topic: def.code });
    const id = await repo.insertTopic(tx, def, { builtin: false, at, by: actor.name ?? 'system' });
    await writeAudit(tx, at, actor, { action: 'catalog.topic.create', entityType: 'topic', entityId: id, detail: { code: def.code } });
    return { id, version: 1, builtin: false, active: true, definition: def };
  });
}

/**
 * Changes a topic by adding a new version. Records already stored keep the version they were
 * validated against, so a change never reinterprets them.
 */
export async function updateTopic(ctx: AppContext, actor: Actor, topicId: number, input: unknown): Promise<Topic> {
  requireAdmin(actor);
  const def = checkTopicDefinition(input);
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const current = await repo.findTopicById(tx, topicId);
    if (!current) throw new AppError(CatalogErrors.CATALOG_TOPIC_NOT_FOUND, { topic: String(topicId) });
    if (current.definition.code !== def.code) throw new AppError(CatalogErrors.CATALOG_CODE_CHANGE, { from: current.definition.code });
    const version = current.version + 1;
    await repo.insertVersion(tx, topicId, version, def, { at, by: actor.name ?? 'system' });
    await writeAudit(tx, at, actor, {
      action: 'catalog.topic.update',
      entityType: 'topic',
      entityId: topicId,
      detail: { code: def.code, version },
    });
    return { ...current, version, definition: def };
  });
}
