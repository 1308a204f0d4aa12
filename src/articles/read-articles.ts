import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/errors.js';
import { ArticleErrors } from './errors.js';
import { authorizeReadDrafts } from './policies.js';
import * as repo from './repository.js';
import type { Article, ArticleListQuery, ArticleSummary } from './schemas.js';

const SUMMARY_LENGTH = 120;

type ArticleRow = NonNullable<Awaited<ReturnType<typeof repo.findArticle>>>;

function toSummary(row: ArticleRow): ArticleSummary {
  const text = row.body.replace(/\s+/g, ' ').trim();
  return {
    id: row.id,
    channel: row.channel,
    title: row.title,
    summary: text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH)}…` : text,
    status: row.status,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Published articles of a channel, newest first (the website). */
export async function listPublishedArticles(ctx: AppContext, query: ArticleListQuery) {
  const { rows, total } = await repo.listArticles(ctx.db, { channel: query.channel, publishedOnly: true, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map(toSummary) };
}

/** Every article, drafts included (the console). */
export async function listAllArticles(ctx: AppContext, actor: Actor, query: ArticleListQuery) {
  authorizeReadDrafts(actor);
  const { rows, total } = await repo.listArticles(ctx.db, { channel: query.channel, publishedOnly: false, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map(toSummary) };
}

/** One article with its attachments; a draft only for the console (the public gets 404). */
export async function getArticle(ctx: AppContext, actor: Actor | null, id: number): Promise<Article> {
  const row = await repo.findArticle(ctx.db, id);
  if (!row) throw new AppError(ArticleErrors.ARTICLE_NOT_FOUND, { id });
  if (row.status !== 'published') {
    if (actor === null) throw new AppError(ArticleErrors.ARTICLE_NOT_FOUND, { id });
    authorizeReadDrafts(actor);
  }
  const attachments = await repo.listAttachments(ctx.db, id);
  return {
    ...toSummary(row),
    body: row.body,
    createdBy: row.created_by,
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, contentType: a.content_type, size: a.size })),
  };
}

/** An attachment's file, of a published article (or any article for the console). */
export async function getAttachment(ctx: AppContext, actor: Actor | null, id: number, attachmentId: number) {
  await getArticle(ctx, actor, id);
  const found = await repo.findAttachment(ctx.db, id, attachmentId);
  if (!found) throw new AppError(ArticleErrors.ARTICLE_ATTACHMENT_NOT_FOUND, { id, attachment: attachmentId });
  return { fileName: found.file_name, contentType: found.content_type, content: found.content };
}
