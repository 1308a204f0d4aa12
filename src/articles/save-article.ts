import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { ArticleErrors } from './errors.js';
import { authorizeWriteArticles } from './policies.js';
import { getArticle } from './read-articles.js';
import * as repo from './repository.js';
import type { Article, ArticleInput } from './schemas.js';

function publicationTime(input: ArticleInput, previous: Date | null, now: Date): Date | null {
  if (input.publishedAt) return new Date(input.publishedAt);
  if (input.status === 'published') return previous ?? now;
  return null;
}

/** Writes a new article (draft or published); platform admins only. */
export async function createArticle(ctx: AppContext, actor: Actor, input: ArticleInput): Promise<Article> {
  authorizeWriteArticles(actor);
  const at = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertArticle(trx, input, publicationTime(input, null, at), actor.name ?? 'admin', at);
    await writeAudit(trx, at, actor, { action: 'article.create', entityType: 'article', entityId: id, detail: { channel: input.channel, title: input.title, status: input.status } });
    return id;
  });
  return getArticle(ctx, actor, id);
}

/** Replaces an article's channel, title, body and status; publishing keeps the first publication date. */
export async function updateArticle(ctx: AppContext, actor: Actor, id: number, input: ArticleInput): Promise<Article> {
  authorizeWriteArticles(actor);
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await repo.findArticle(trx, id);
    if (!existing) throw new AppError(ArticleErrors.ARTICLE_NOT_FOUND, { id });
    const previous = existing.published_at ? new Date(existing.published_at) : null;
    await repo.updateArticle(trx, id, input, publicationTime(input, previous, at), at);
    await writeAudit(trx, at, actor, { action: 'article.update', entityType: 'article', entityId: id, detail: { channel: input.channel, title: input.title, status: input.status } });
  });
  return getArticle(ctx, actor, id);
}

/** Deletes an article and its attachments. */
export async function deleteArticle(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorizeWriteArticles(actor);
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await repo.findArticle(trx, id);
    if (!existing || !(await repo.deleteArticle(trx, id))) throw new AppError(ArticleErrors.ARTICLE_NOT_FOUND, { id });
    await writeAudit(trx, at, actor, { action: 'article.delete', entityType: 'article', entityId: id, detail: { title: existing.title } });
  });
}
