import { Type, type Static } from 'typebox';

/** 信用动态 (news), 政策法规 (policy), 诚信文化 (culture). */
export const ARTICLE_CHANNELS = ['news', 'policy', 'culture'] as const;
export type ArticleChannel = (typeof ARTICLE_CHANNELS)[number];
export const ARTICLE_CHANNEL_NAMES: Record<ArticleChannel, string> = { news: '信用动态', policy: '政策法规', culture: '诚信文化' };

const Channel = Type.Enum(ARTICLE_CHANNELS, { description: 'news 信用动态 / policy 政策法规 / culture 诚信文化' });
const Status = Type.Union([Type.Literal('draft'), Type.Literal('published')]);

export const ArticleInputSchema = Type.Object(
  {
    channel: Channel,
    title: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }),
    /** Plain text; a blank line separates paragraphs. */
    body: Type.String({ minLength: 1, maxLength: 100_000 }),
    status: Status,
    /** Shown date; defaults to the moment of publication. */
    publishedAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type ArticleInput = Static<typeof ArticleInputSchema>;

export const AttachmentSchema = Type.Object({ id: Type.Integer(), fileName: Type.String(), contentType: Type.String(), size: Type.Integer() });

export const ArticleSummarySchema = Type.Object({
  id: Type.Integer(),
  channel: Channel,
  title: Type.String(),
  summary: Type.String(),
  status: Status,
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String(),
});
export type ArticleSummary = Static<typeof ArticleSummarySchema>;

export const ArticleSchema = Type.Object({
  ...ArticleSummarySchema.properties,
  body: Type.String(),
  createdBy: Type.String(),
  attachments: Type.Array(AttachmentSchema),
});
export type Article = Static<typeof ArticleSchema>;

export const ArticlePageSchema = Type.Object({ total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), items: Type.Array(ArticleSummarySchema) });

export const ArticleListQuerySchema = Type.Object(
  {
    channel: Type.Optional(Channel),
    page: Type.Integer({ minimum: 1, maximum: 500, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
  },
  { additionalProperties: false },
);
export type ArticleListQuery = Static<typeof ArticleListQuerySchema>;
