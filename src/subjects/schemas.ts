import { Type, type Static } from 'typebox';
import { SEARCH_PAGE_MAX, SEARCH_PAGE_SIZE_DEFAULT, SEARCH_PAGE_SIZE_MAX, SEARCH_QUERY_MAX_LENGTH, SEARCH_TOTAL_CAP } from './search-limits.js';

/** The schemas of 信用查询, shared by its route (request, response, OpenAPI) and the website. */

export const SearchQuerySchema = Type.Object({
  q: Type.String({
    minLength: 1,
    maxLength: SEARCH_QUERY_MAX_LENGTH,
    description:
      '名称的一部分（至少两个字，繁简、全角半角、括号样式不限）、名称拼音首字母（如 hxd），或完整的统一社会信用代码、组织机构代码、工商注册号',
  }),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: SEARCH_PAGE_MAX, default: 1, description: `页码，1–${SEARCH_PAGE_MAX}` })),
  pageSize: Type.Optional(
    Type.Integer({ minimum: 1, maximum: SEARCH_PAGE_SIZE_MAX, default: SEARCH_PAGE_SIZE_DEFAULT, description: `每页条数，1–${SEARCH_PAGE_SIZE_MAX}` }),
  ),
});
export type SearchQuery = Static<typeof SearchQuerySchema>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const SearchItemSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String({ description: '现用名称' }),
  kind: Type.String({
    description: 'enterprise 企业；individual_business 个体工商户；public_institution 事业单位；social_organisation 社会组织；government 机关；natural_person 自然人（仅工作人员可见）；other 其他',
  }),
  uscc: Nullable(Type.String({ description: '统一社会信用代码' })),
  code: Nullable(Type.String({ description: '展示用代码：统一社会信用代码，否则其他代码；自然人证件号码已脱敏' })),
  regionCode: Nullable(Type.String({ description: '行政区划代码' })),
  regionName: Nullable(Type.String({ description: '行政区划名称（如 福建省福州市鼓楼区；未收录的区县只到地市或省）' })),
  status: Nullable(
    Type.String({
      description: '登记状态：存续、吊销、注销、迁出、撤销、停业、歇业、其他（取自最新的市场主体登记信息；无登记信息或自然人为 null）',
    }),
  ),
  formerName: Nullable(Type.String({ description: '查询词匹配的是曾用名时，为该曾用名' })),
  badges: Type.Array(Type.Union([Type.Literal('red'), Type.Literal('black'), Type.Literal('watch')]), {
    description: '名单标识：red 红名单，black 黑名单，watch 重点关注名单（公示期内的名单记录）',
  }),
});

export const SearchResultSchema = Type.Object({
  total: Type.Integer({ description: `匹配的主体数，至多精确统计到 ${SEARCH_TOTAL_CAP}` }),
  totalIsLowerBound: Type.Boolean({ description: 'true 表示实际匹配数不少于 total' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(SearchItemSchema),
});
