/** The website's articles: 信用动态, 政策法规, 诚信文化, written in the console, with attachments. */
export { ArticleErrors } from './errors.js';
export * from './schemas.js';
export { getArticle, getAttachment, listAllArticles, listPublishedArticles } from './read-articles.js';
export { createArticle, deleteArticle, updateArticle } from './save-article.js';
export { addAttachment, removeAttachment } from './attach-file.js';
/** Registers /public/articles… and /articles… (mounted under /api/v1 by the caller). */
export { registerArticleRoutes } from './routes.js';
