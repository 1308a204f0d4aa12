import type { AppContext } from '../app/context.js';
import type { HttpApp } from '../http/types.js';
import type { Actor } from '../kernel/actor.js';
import { SearchQuerySchema, SearchResultSchema } from './schemas.js';
import { searchSubjects, type SearchAudience } from './search-subjects.js';

/** Anonymous visitors (and a subject's own account) search as the public; departments and the centre as staff. */
function audienceOf(actor: Actor): SearchAudience {
  return actor.type === 'public' || (actor.subjectId ?? null) !== null ? 'public' : 'staff';
}

/** List badges of subjects, from their list records (the records module gives them at composition). */
export type BadgeSource = (subjectIds: readonly number[]) => Promise<Map<number, ('red' | 'black' | 'watch')[]>>;

/** 信用查询: `GET /public/search`; each hit carries its list badges. */
export function registerSubjectRoutes(app: HttpApp, ctx: AppContext, badgesOf: BadgeSource): void {
  app.get(
    '/public/search',
    {
      // The search answers bad input with its own codes (SEARCH_*), so schema failures reach the handler.
      attachValidation: true,
      schema: {
        tags: ['信用查询'],
        summary: '按名称、曾用名、拼音首字母或代码查询信用主体',
        description:
          '公众查询不含自然人；已登录的工作人员可查到自然人（证件号码脱敏），并可按完整居民身份证号码精确查询。结果按现用名称长度、编号排序（名称完全一致者在前）。',
        querystring: SearchQuerySchema,
        response: { 200: SearchResultSchema },
      },
    },
    async (request) => {
      // Validation failed: read the raw values, and let the search say precisely what is wrong.
      const query = request.query as Record<string, unknown>;
      const result = await searchSubjects(ctx, { q: query.q, page: query.page, pageSize: query.pageSize, audience: audienceOf(request.actor) });
      const badges = await badgesOf(result.items.map((item) => item.id));
      return { ...result, items: result.items.map((item) => ({ ...item, badges: badges.get(item.id) ?? [] })) };
    },
  );
}
