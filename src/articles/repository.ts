import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ArticleChannel, ArticleInput } from './schemas.js';

/** All SQL of the website's articles. */

const summaryColumns = ['id', 'channel', 'title', 'body', 'status', 'published_at', 'created_by', 'created_at', 'updated_at'] as const;

export async function listArticles(db: Kysely<DB>, f: { channel?: ArticleChannel; publishedOnly: boolean; limit: number; offset: number }) {
  let query = db.selectFrom('articles');
  if (f.channel) query = query.where('channel', '=', f.channel);
  if (f.publishedOnly) query = query.where('status', '=', 'published');
  const rows = await query
    .select([...summaryColumns])
    .orderBy(sql`published_at desc nulls first`)
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return { rows, total: Number(count?.n ?? 0) };
}

export async function findArticle(db: Kysely<DB>, id: number) {
  return db.selectFrom('articles').select([...summaryColumns]).where('id', '=', id).executeTakeFirst();
}

export async function listAttachments(db: Kysely<DB>, articleId: number) {
  return db
    .selectFrom('article_attachments')
    .select(['id', 'file_name', 'content_type', 'size'])
    .where('article_id', '=', articleId)
    .orderBy('id')
    .execute();
}

export async function findAttachment(db: Kysely<DB>, articleId: number, attachmentId: number) {
  return db
    .selectFrom('article_attachments')
    .select(['id', 'file_name', 'content_type', 'size', 'content'])
    .where('article_id', '=', articleId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

export async function insertArticle(db: Kysely<DB>, input: ArticleInput, publishedAt: Date | null, by: string, at: Date): Promise<number> {
  const row = await db
    .insertInto('articles')
    .values({ channel: input.channel, title: input.title.trim(), body: input.body, status: input.status, published_at: publishedAt, created_by: by, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateArticle(db: Kysely<DB>, id: number, input: ArticleInput, publishedAt: Date | null, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set({ channel: input.channel, title: input.title.trim(), body: input.body, status: input.status, published_at: publishedAt, updated_at: at })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteArticle(db: Kysely<DB>, id: number): Promise<boolean> {
  const result = await db.deleteFrom('articles').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertAttachment(
  db: Kysely<DB>,
  articleId: number,
  file: { fileName: string; contentType: string; content: Buffer },
  at: Date,
): Promise<number> {
  const row = await db
    .insertInto('article_attachments')
    .values({ article_id: articleId, file_name: file.fileName, content_type: file.contentType, size: file.content.length, content: file.content, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function countAttachments(db: Kysely<DB>, articleId: number): Promise<number> {
  const row = await db.selectFrom('article_attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('article_id', '=', articleId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function deleteAttachment(db: Kysely<DB>, articleId: number, attachmentId: number): Promise<boolean> {
  const result = await db.deleteFrom('article_attachments').where('article_id', '=', articleId).where('id', '=', attachmentId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
