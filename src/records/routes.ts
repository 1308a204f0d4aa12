import { Type } from 'typebox';
import { listPublicDepartments } from '../access/index.js';
import type { AppContext } from '../app/context.js';
import type { HttpApp } from '../http/types.js';
import { isCalendarDate } from '../kernel/calendar.js';
import { AppError } from '../kernel/errors.js';
import { getRecord, browseRecords } from './browse-records.js';
import { RecordErrors } from './errors.js';
import { getGovernmentIntegrity } from './get-government-integrity.js';
import { getPublicStats } from './get-public-stats.js';
import { getSubjectRecord } from './get-subject-record.js';
import { listPublications } from './list-publications.js';
import {
  PublicationPageSchema,
  PublicationQuerySchema,
  GovernmentIntegritySchema,
  PublicStatsSchema,
  RecordBrowseQuerySchema,
  RecordDetailSchema,
  RecordPageSchema,
  SubjectRecordViewSchema,
} from './schemas.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991 }) });

function checkDateRange(from: string | undefined, to: string | undefined): void {
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    // 2025-02-30 matches the schema's pattern but is no date.
    if (value !== undefined && !isCalendarDate(value)) {
      throw new AppError(RecordErrors.RECORD_QUERY_INVALID, { detail: `${name} 不是有效日期：${value}` });
    }
  }
  if (from && to && from > to) throw new AppError(RecordErrors.RECORD_QUERY_INVALID, { detail: `起始日期 ${from} 晚于截止日期 ${to}` });
}

/** The website's public record views (figures, 双公示, a subject's record) and the console's record browser. */
export function registerRecordRoutes(app: HttpApp, ctx: AppContext): void {
  app.get('/public/stats', {
    schema: { tags: ['信用网站'], summary: '首页统计数字：主体数、公示中的记录数、本月双公示数、部门数', response: { 200: PublicStatsSchema } },
  }, async () => getPublicStats(ctx));

  app.get('/public/government-integrity', {
    schema: {
      tags: ['信用网站'],
      summary: '政务诚信：政府机构主体数、公示中的政务失信记录（按失信类型）、列入失信名单的政府机构',
      response: { 200: GovernmentIntegritySchema },
    },
  }, async () => getGovernmentIntegrity(ctx));

  app.get('/public/departments', {
    schema: {
      tags: ['信用网站'],
      summary: '报送部门列表（供双公示栏目筛选）',
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })) }) },
    },
  }, async () => ({ items: await listPublicDepartments(ctx) }));

  app.get('/public/publications', {
    schema: {
      tags: ['信用网站'],
      summary: '双公示：公示期内的行政许可与行政处罚，按决定日期倒序',
      description: '仅列出法人及非法人组织、个体工商户的记录，仅显示社会公开的数据项。每页最多 50 条。',
      querystring: PublicationQuerySchema,
      response: { 200: PublicationPageSchema },
    },
  }, async (request) => {
    checkDateRange(request.query.from, request.query.to);
    return listPublications(ctx, request.query);
  });

  app.get('/public/subjects/:id', {
    schema: {
      tags: ['信用网站'],
      summary: '主体信用档案（公开版）：基础信息与公示期内的社会公开记录，按类别分组',
      params: IdParams,
      response: { 200: SubjectRecordViewSchema },
    },
  }, async (request) => {
    const view = await getSubjectRecord(ctx, request.params.id, 'public');
    // Natural persons are not shown to the public (STANDARDS.md §1): as if they did not exist.
    if (!view || view.subject.kind === 'natural_person') throw new AppError(RecordErrors.SUBJECT_NOT_FOUND, { id: request.params.id });
    return view;
  });

  app.get('/records', {
    schema: {
      tags: ['信用记录'],
      summary: '浏览信用记录（部门用户仅见本部门报送的记录）',
      security: [{ bearer: [] }],
      querystring: RecordBrowseQuerySchema,
      response: { 200: RecordPageSchema },
    },
  }, async (request) => browseRecords(ctx, request.actor, request.query));

  app.get('/records/:id', {
    schema: {
      tags: ['信用记录'],
      summary: '一条信用记录的全部数据项（个人证件号码已脱敏）及其全部版本',
      security: [{ bearer: [] }],
      params: IdParams,
      response: { 200: RecordDetailSchema },
    },
  }, async (request) => getRecord(ctx, request.actor, request.params.id));
}
