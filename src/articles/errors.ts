import { defineErrors } from '../kernel/errors.js';

export const ArticleErrors = defineErrors({
  ARTICLE_NOT_FOUND: { status: 404, zh: '没有编号为 {id} 的文章', en: 'No article {id}' },
  ARTICLE_ATTACHMENT_NOT_FOUND: { status: 404, zh: '文章 {id} 没有编号为 {attachment} 的附件', en: 'Article {id} has no attachment {attachment}' },
  ARTICLE_ATTACHMENT_TYPE: {
    status: 400,
    zh: '不支持的附件类型「{name}」，可上传 PDF、Word、Excel、图片、文本或压缩包',
    en: 'Attachment type of "{name}" not allowed; upload PDF, Word, Excel, images, text or zip',
  },
  ARTICLE_TOO_MANY_ATTACHMENTS: { status: 400, zh: '每篇文章最多 {max} 个附件', en: 'At most {max} attachments per article' },
});
