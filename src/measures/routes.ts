import { Type } from 'typebox';
import type { AppContext } from '../app/context.js';
import type { HttpApp } from '../http/types.js';
import { answerJointTask } from './answer-joint-task.js';
import { jointTaskStats, listJointTasks } from './read-joint-tasks.js';
import { getMeasure, listMatters, listMeasures } from './read-measures.js';
import { createMeasure, updateMeasure } from './save-measure.js';
import { deactivateWebhook, listWebhooks, registerWebhook } from './save-webhook.js';
import {
  CreatedWebhookSchema,
  JointTaskAnswerSchema,
  JointTaskPageSchema,
  JointTaskQuerySchema,
  JointTaskStatsQuerySchema,
  JointTaskStatsSchema,
  MatterSchema,
  MeasureInputSchema,
  MeasureListQuerySchema,
  MeasureSchema,
  WebhookInputSchema,
  WebhookSchema,
} from './schemas.js';

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const IdParams = Type.Object({ id: Id });
const TaskIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
const security = [{ bearer: [] }];

/** 措施清单, 联合奖惩 tasks (inbox, answers, 跟踪问效) and department webhooks. */
export function registerMeasureRoutes(app: HttpApp, ctx: AppContext): void {
  const tags = ['措施清单与联合奖惩'];

  app.get('/matters', {
    schema: { tags, summary: '事项清单（措施适用、信用核查所问的事项）', security, response: { 200: Type.Array(MatterSchema) } },
  }, async (request) => listMatters(ctx, request.actor));

  app.get('/measures', {
    schema: { tags, summary: '措施清单（按类型、名单、事项筛选）', security, querystring: MeasureListQuerySchema, response: { 200: Type.Array(MeasureSchema) } },
  }, async (request) => listMeasures(ctx, request.actor, request.query));

  app.get('/measures/:id', {
    schema: { tags, summary: '一项措施', security, params: IdParams, response: { 200: MeasureSchema } },
  }, async (request) => getMeasure(ctx, request.actor, request.params.id));

  app.post('/measures', {
    schema: { tags, summary: '新增措施（平台管理员；须有法律依据）', security, body: MeasureInputSchema, response: { 201: MeasureSchema } },
  }, async (request, reply) => reply.status(201).send(await createMeasure(ctx, request.actor, request.body)));

  app.put('/measures/:id', {
    schema: {
      tags,
      summary: '修改措施（平台管理员；只对此后发起的任务生效，已发起的任务不变）',
      security,
      params: IdParams,
      body: MeasureInputSchema,
      response: { 200: MeasureSchema },
    },
  }, async (request) => updateMeasure(ctx, request.actor, request.params.id, request.body));

  app.get('/joint-tasks', {
    schema: {
      tags,
      summary: '联合奖惩任务（部门人员看本部门的，信用中心看全部；每页最多 50 条）',
      security,
      querystring: JointTaskQuerySchema,
      response: { 200: JointTaskPageSchema },
    },
  }, async (request) => listJointTasks(ctx, request.actor, request.query));

  app.get('/joint-tasks/stats', {
    schema: { tags, summary: '跟踪问效：按部门、按名单统计任务与反馈（信用中心）', security, querystring: JointTaskStatsQuerySchema, response: { 200: JointTaskStatsSchema } },
  }, async (request) => jointTaskStats(ctx, request.actor, request.query));

  app.post('/joint-tasks/:id/response', {
    schema: {
      tags,
      summary: '反馈联合奖惩任务：已落实（说明采取的措施）或不适用（说明理由）；仅实施部门，仅一次',
      security,
      params: TaskIdParams,
      body: JointTaskAnswerSchema,
      response: {
        200: Type.Object({ id: Type.Integer(), status: Type.String(), respondedAt: Type.String(), respondedBy: Type.String() }),
      },
    },
  }, async (request) => answerJointTask(ctx, request.actor, request.params.id, request.body));

  app.get('/webhooks', {
    schema: { tags, summary: '部门回调订阅及投递情况（平台管理员）', security, response: { 200: Type.Array(WebhookSchema) } },
  }, async (request) => listWebhooks(ctx, request.actor));

  app.post('/webhooks', {
    schema: {
      tags,
      summary: '为部门登记回调地址（平台管理员）；签名密钥只在此返回一次',
      description:
        '每个事件以 JSON `{ id, topic, createdAt, payload }` POST 到回调地址；请求头 `X-Xinyong-Signature: sha256=<HMAC-SHA256(密钥, 时间戳 + "." + 请求体) 的十六进制>`、`X-Xinyong-Timestamp`、`X-Xinyong-Event`、`Idempotency-Key`（事件编号，重复投递时相同）。2xx 视为成功，否则按指数退避重试。',
      security,
      body: WebhookInputSchema,
      response: { 201: CreatedWebhookSchema },
    },
  }, async (request, reply) => reply.status(201).send(await registerWebhook(ctx, request.actor, request.body)));

  app.delete('/webhooks/:id', {
    schema: { tags, summary: '停用回调订阅（平台管理员）', security, params: IdParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await deactivateWebhook(ctx, request.actor, request.params.id);
    return reply.status(204).send(null);
  });
}
