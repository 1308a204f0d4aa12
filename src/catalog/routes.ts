import { Type } from 'typebox';
import type { AppContext } from '../app/context.js';
import { attachmentDisposition } from '../http/attachment.js';
import type { HttpApp } from '../http/types.js';
import { AppError } from '../kernel/errors.js';
import { buildTemplate } from './build-template.js';
import { CatalogErrors } from './errors.js';
import { findTopicById, findTopicVersion, listTopics, listTopicVersions } from './repository.js';
import { createTopic, updateTopic } from './save-topic.js';
import { TopicDefinitionSchema, TopicSchema } from './schemas.js';

const TopicParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** Routes of the catalogue: read by anyone (the catalogue is public), changed by platform admins. */
export function registerCatalogRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    '/catalog/topics',
    { schema: { tags: ['信用信息目录'], summary: '数据主题列表', response: { 200: Type.Array(TopicSchema) } } },
    async () => listTopics(ctx.db),
  );
  app.get(
    '/catalog/topics/:id',
    {
      schema: {
        tags: ['信用信息目录'],
        summary: '数据主题（当前版本，或 ?version= 指定版本）',
        params: TopicParams,
        querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }),
        response: { 200: TopicSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const topic = request.query.version ? await findTopicVersion(ctx.db, id, request.query.version) : await findTopicById(ctx.db, id);
      if (!topic) throw new AppError(CatalogErrors.CATALOG_TOPIC_NOT_FOUND, { topic: String(id) });
      return topic;
    },
  );
  app.get(
    '/catalog/topics/:id/versions',
    {
      schema: {
        tags: ['信用信息目录'],
        summary: '数据主题的版本历史',
        params: TopicParams,
        response: { 200: Type.Array(Type.Object({ version: Type.Integer(), createdAt: Type.String(), createdBy: Type.String() })) },
      },
    },
    async (request) =>
      (await listTopicVersions(ctx.db, request.params.id)).map((v) => ({
        version: v.version,
        createdAt: new Date(v.created_at).toISOString(),
        createdBy: v.created_by,
      })),
  );
  app.post(
    '/catalog/topics',
    {
      schema: {
        tags: ['信用信息目录'],
        summary: '新增数据主题（平台管理员）',
        security: [{ bearer: [] }],
        body: TopicDefinitionSchema,
        response: { 201: TopicSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createTopic(ctx, request.actor, request.body)),
  );
  app.put(
    '/catalog/topics/:id',
    {
      schema: {
        tags: ['信用信息目录'],
        summary: '修改数据主题，生成新版本（平台管理员）',
        security: [{ bearer: [] }],
        params: TopicParams,
        body: TopicDefinitionSchema,
        response: { 200: TopicSchema },
      },
    },
    async (request) => updateTopic(ctx, request.actor, request.params.id, request.body),
  );
  app.get(
    '/catalog/topics/:id/template.xlsx',
    {
      schema: {
        tags: ['信用信息目录'],
        summary: '下载数据主题的 Excel 导入模板',
        params: TopicParams,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const topic = await findTopicById(ctx.db, request.params.id);
      if (!topic) throw new AppError(CatalogErrors.CATALOG_TOPIC_NOT_FOUND, { topic: String(request.params.id) });
      const file = await buildTemplate(topic.definition);
      const name = `${topic.definition.name}导入模板_${topic.definition.code}_v${topic.version}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachmentDisposition(`${topic.definition.code}.xlsx`, name))
        .send(file);
    },
  );
}
