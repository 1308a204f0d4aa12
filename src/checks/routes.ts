import { Type } from 'typebox';
import type { AppContext } from '../app/context.js';
import type { HttpApp } from '../http/types.js';
import { listChecks, listMyChecks } from './list-checks.js';
import { recordCheckOutcome } from './record-outcome.js';
import { runBatchCheck } from './run-batch-check.js';
import { runCheck } from './run-check.js';
import {
  BatchCheckRequestSchema,
  BatchCheckResultSchema,
  CheckLogPageSchema,
  CheckLogQuerySchema,
  CheckOutcomeRequestSchema,
  CheckRequestSchema,
  CheckResultSchema,
  MAX_BATCH_SUBJECTS,
  MyCheckPageSchema,
  MyCheckQuerySchema,
} from './schemas.js';

const TAGS = ['信用核查（应查必查）'];
const ErrorResponse = Type.Object({ code: Type.String(), message: Type.String(), messageEn: Type.String() });
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

/** The credit check API (应查必查), its log (查询使用登记) and the subject's view of who checked it. Mounted under /api/v1. */
export function registerCheckRoutes(app: HttpApp, ctx: AppContext): void {
  app.post('/checks', {
    schema: {
      tags: TAGS,
      summary: '信用核查：某主体能否办理某事项（部门与信用中心）',
      description:
        '按统一社会信用代码、其他代码、名称或居民身份证号码核查一个主体，答复结论（block / restrict / incentive / clear / not_found / ambiguous）、' +
        '适用的惩戒和激励措施、其依据的名单条目与法律依据，以及对法定代表人的约束。每次核查均登记用途、经办人和结论，答复中的 checkId 为登记编号。',
      security: [{ bearer: [] }],
      body: CheckRequestSchema,
      response: { 200: CheckResultSchema, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
    },
  }, async (request) => runCheck(ctx, request.actor, request.body));

  app.post('/checks/batch', {
    schema: {
      tags: TAGS,
      summary: `批量信用核查（每次最多 ${MAX_BATCH_SUBJECTS} 个主体）`,
      description: '同一事项、同一用途下核查多个主体，逐个答复结论并逐个登记（同一 batchId）。',
      security: [{ bearer: [] }],
      body: BatchCheckRequestSchema,
      response: { 200: BatchCheckResultSchema, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
    },
  }, async (request) => runBatchCheck(ctx, request.actor, request.body));

  app.post('/checks/:id/outcome', {
    schema: {
      tags: TAGS,
      summary: '登记核查结果的处理情况（仅发起核查的部门）',
      security: [{ bearer: [] }],
      params: IdParams,
      body: CheckOutcomeRequestSchema,
      response: { 200: Type.Object({ id: Type.Integer(), outcome: Type.String(), outcomeAt: Type.String() }), 403: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request) => recordCheckOutcome(ctx, request.actor, request.params.id, request.body.outcome));

  app.get('/checks', {
    schema: {
      tags: TAGS,
      summary: '查询使用登记（信用中心与审计员看全部，部门看本部门的）',
      security: [{ bearer: [] }],
      querystring: CheckLogQuerySchema,
      response: { 200: CheckLogPageSchema, 401: ErrorResponse, 403: ErrorResponse },
    },
  }, async (request) => listChecks(ctx, request.actor, request.query));

  app.get('/my/checks', {
    schema: {
      tags: TAGS,
      summary: '本主体被哪些部门核查过（信用主体账号）',
      security: [{ bearer: [] }],
      querystring: MyCheckQuerySchema,
      response: { 200: MyCheckPageSchema, 401: ErrorResponse, 403: ErrorResponse },
    },
  }, async (request) => listMyChecks(ctx, request.actor, request.query));
}
