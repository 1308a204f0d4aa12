import path from 'node:path';
import type { AppContext } from '../app/context.js';
import type { Actor } from '../kernel/actor.js';
import { writeAudit } from '../kernel/audit.js';
import { AppError } from '../kernel/errors.js';
import { ArticleErrors } from './errors.js';
import { authorizeWriteArticles } from './policies.js';
import * as repo from './repository.js';

export const MAX_ATTACHMENTS = 10;

/** What a visitor may download: documents, spreadsheets, images, text and zip; never HTML or scripts. */
const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.wps': 'application/vnd.ms-works',
  '.ofd': 'application/ofd',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
};

/** Attaches a file to an article; the type follows the file name's extension from an allow-list. */
export async function addAttachment(ctx: AppContext, actor: Actor, articleId: number, file: { fileName: string; content: Buffer }) {
  authorizeWriteArticles(actor);
  const fileName = path.basename(file.fileName.replace(/\\/g, '/')).slice(0, 200);
  const contentType = CONTENT_TYPES[path.extname(fileName).toLowerCase()];
  if (!contentType) throw new AppError(ArticleErrors.ARTICLE_ATTACHMENT_TYPE, { name: fileName });
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.findArticle(trx, articleId))) throw new AppError(ArticleErrors.ARTICLE_NOT_FOUND, { id: articleId });
    if ((await repo.countAttachments(trx, articleId)) >= MAX_ATTACHMENTS) throw new AppError(ArticleErrors.ARTICLE_TOO_MANY_ATTACHMENTS, { max: MAX_ATTACHMENTS });
    const id = await repo.insertAttachment(trx, articleId, { fileName, contentType, content: file.content }, at);
    await writeAudit(trx, at, actor, { action: 'article.attachment.add', entityType: 'article', entityId: articleId, detail: { attachmentId: id, fileName, size: file.content.length } });
    return { id, fileName, contentType, size: file.content.length };
  });
}

/** Removes an attachment from an article. */
export async function removeAttachment(ctx: AppContext, actor: Actor, articleId: number, attachmentId: number): Promise<void> {
  authorizeWriteArticles(actor);
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteAttachment(trx, articleId, attachmentId))) {
      throw new AppError(ArticleErrors.ARTICLE_ATTACHMENT_NOT_FOUND, { id: articleId, attachment: attachmentId });
    }
    await writeAudit(trx, at, actor, { action: 'article.attachment.remove', entityType: 'article', entityId: articleId, detail: { attachmentId } });
  });
}
