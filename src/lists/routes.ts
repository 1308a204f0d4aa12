import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../app/context.js';
import type { HttpApp } from '../http/types.js';
import { registerCourtSyncRoutes } from './court-routes.js';
import { ListErrors } from './errors.js';
import { importEntries } from './import-entries.js';
import { proposeEntry } from './propose-entry.js';
import { getEntry, getListTypeView, listEntries, listListTypeViews, listMyNotices, listPublicEntries } from './read-lists.js';
import { createListType, updateListType } from './save-list-type.js';
import { requireSignedIn } from '../access/index.js';
import { authorizeManageListTypes } from './policies.js';
import { sweepLists } from './sweep-lists.js';
import { transitionEntry } from './transition-entry.js';
import {
  ListNoticeSchema,
  ImportEntriesResultSchema,
  ListEntryDetailSchema,
  ListEntryPageSchema,
  ListEntryQuerySchema,
  ListTypeInputSchema,
  ListTypeSchema,
  ProposeEntryInputSchema,
  PublicListPageSchema,
  PublicListQuerySchema,
  SweepResultSchema,
  TransitionInputSchema,
} from './schemas.js';
import { AppError } from '../kernel/errors.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 9_007_199_254_740_991 }) });
const security = [{ bearer: [] }];
const MAX_LIST_FILE_BYTES = 10 * 1024 * 1024;

/** 信用名单: list types (public: basis, criteria, exit, remedies), entries and their lifecycle. */
export function registerListRoutes(app: HttpApp, ctx: AppContext): void {
  const tags = ['信用名单'];
  app.get('/my/list-notices', {
    schema: {
      tags,
      summary: '拟列入告知：本主体处于告知期的名单条目、提出异议的截止日期（信用主体账号）',
      security: [{ bearer: [] }],
      response: { 200: Type.Object({ items: Type.Array(ListNoticeSchema) }) },
    },
  }, async (request) => ({ items: await listMyNotices(ctx, request.actor) }));
  app.get('/public/list-types', {
    schema: { tags, summary: '已启用的名单类型：设列依据、认定标准、移出条件与救济途径', response: { 200: Type.Array(ListTypeSchema) } },
  }, async () => listListTypeViews(ctx, { includeInactive: false }));

  app.get('/public/lists', {
    schema: { tags, summary: '公开的名单条目（今日有效；自然人仅限公开其信息的名单，身份证号码脱敏；每页最多 50 条）', querystring: PublicListQuerySchema, response: { 200: PublicListPageSchema } },
  }, async (request) => listPublicEntries(ctx, request.query));

  app.get('/list-types', {
    schema: { tags, summary: '全部名单类型（含草稿与停用）', security, response: { 200: Type.Array(ListTypeSchema) } },
  }, async (request) => {
    requireSignedIn(request.actor);
    return listListTypeViews(ctx, { includeInactive: true });
  });

  app.get('/list-types/:id', {
    schema: { tags, summary: '一个名单类型', security, params: IdParams, response: { 200: ListTypeSchema } },
  }, async (request) => {
    requireSignedIn(request.actor);
    return getListTypeView(ctx, request.params.id);
  });

  app.post('/list-types', {
    schema: { tags, summary: '新建名单类型（平台管理员；启用须有设列依据）', security, body: ListTypeInputSchema, response: { 201: ListTypeSchema } },
  }, async (request, reply) => reply.status(201).send(await createListType(ctx, request.actor, request.body)));

  app.put('/list-types/:id', {
    schema: { tags, summary: '修改、启用或停用名单类型（平台管理员）', security, params: IdParams, body: ListTypeInputSchema, response: { 200: ListTypeSchema } },
  }, async (request) => updateListType(ctx, request.actor, request.params.id, request.body));

  app.get('/list-entries', {
    schema: { tags, summary: '名单条目（平台看全部，部门看本部门作出的；每页最多 50 条）', security, querystring: ListEntryQuerySchema, response: { 200: ListEntryPageSchema } },
  }, async (request) => listEntries(ctx, request.actor, request.query));

  app.get('/list-entries/:id', {
    schema: { tags, summary: '一个名单条目：状态流转记录、联合奖惩任务进度、可办理的操作', security, params: IdParams, response: { 200: ListEntryDetailSchema } },
  }, async (request) => getEntry(ctx, request.actor, request.params.id));

  app.post('/list-entries', {
    schema: {
      tags,
      summary: '提出列入（拟列入；notify=true 时同时告知并开始异议期）',
      description: '须以统一社会信用代码、其他代码或身份证号码指明主体；未成年人不得列入设有该限制的名单。',
      security,
      body: ProposeEntryInputSchema,
      response: { 201: ListEntryDetailSchema },
    },
  }, async (request, reply) => reply.status(201).send(await proposeEntry(ctx, request.actor, request.body, { source: request.actor.type === 'token' ? 'api' : 'console' })));

  app.post('/list-entries/:id/transitions', {
    schema: {
      tags,
      summary: '办理名单条目：告知、正式列入、中止、恢复、移出、信用修复移出、撤销、撤回',
      security,
      params: IdParams,
      body: TransitionInputSchema,
      response: { 200: ListEntryDetailSchema },
    },
  }, async (request) => transitionEntry(ctx, request.actor, request.params.id, request.body));

  app.post('/lists/sweep', {
    schema: { tags, summary: '立即执行名单到期、告知期满列入与名单规则（平台管理员；服务也会定时执行）', security, response: { 200: SweepResultSchema } },
  }, async (request) => {
    authorizeManageListTypes(request.actor);
    return sweepLists(ctx);
  });

  app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_LIST_FILE_BYTES }, (_request, body, done) => done(null, body));
    scope.post('/list-entries/import', {
      bodyLimit: MAX_LIST_FILE_BYTES,
      schema: {
        tags,
        summary: '从 CSV 文件导入列入决定（请求体为 UTF-8 CSV；任何一行不合格则整批不导入，并逐行说明）',
        description: '列：名单类型代码、主体名称、统一社会信用代码、其他代码、身份证号码、决定文书号、决定日期、列入事由、依据、有效期至、来源编号。',
        security,
        querystring: Type.Object({ notify: Type.Boolean({ default: false }) }, { additionalProperties: false }),
        response: { 201: ImportEntriesResultSchema },
      },
    }, async (request, reply) => {
      if (typeof request.body !== 'string') throw new AppError(ListErrors.LIST_ENTRY_INVALID, { detail: '请以 text/csv 提交文件内容' });
      return reply.status(201).send(await importEntries(ctx, request.actor, request.body, { notify: request.query.notify }));
    });
  });

  registerCourtSyncRoutes(app, ctx);
}
