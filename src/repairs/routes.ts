import { Type } from 'typebox';
import type { AppContext } from '../app/context.js';
import type { HttpApp } from '../http/types.js';
import { attachmentDisposition, sendStoredFile } from '../http/attachment.js';
import { AppError, CommonErrors } from '../kernel/errors.js';
import { addMaterial, MAX_MATERIAL_BYTES } from './attach-material.js';
import { checkEligibility } from './check-eligibility.js';
import { downloadCertificate } from './download-certificate.js';
import { dueProcessRules } from './due-process-rules.js';
import { RepairErrors } from './errors.js';
import { getMaterialFile, getRepair, listRepairs } from './read-repairs.js';
import { DueProcessRulesSchema, EligibilityQuerySchema, EligibilitySchema, MATERIAL_KINDS, MaterialSchema, RepairInputSchema, RepairListQuerySchema, RepairPageSchema, RepairSchema, RepairTransitionSchema } from './schemas.js';
import { fileRepair } from './submit-repair.js';
import { transitionRepair } from './transition-repair.js';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
const FileParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), fileId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
const FileResponse = (description: string, type: string) => ({ description, content: { [type]: { schema: { type: 'string', format: 'binary' } } } });
const MaterialQuery = Type.Object({ kind: Type.Optional(Type.Enum(MATERIAL_KINDS)) }, { additionalProperties: false });

/** 信用修复: eligibility, filing, materials, review by the source department, the credit centre's decision. */
export function registerRepairRoutes(app: HttpApp, ctx: AppContext): void {
  const tags = ['信用修复'];
  const security = [{ bearer: [] }];
  app.get('/public/due-process', {
    schema: { tags, summary: '异议、信用修复、投诉举报的办理期限（工作日）和信用修复的条件（公开）', response: { 200: DueProcessRulesSchema } },
  }, async () => dueProcessRules(ctx));
  app.get('/repairs/eligibility', {
    schema: { tags, summary: '能否申请信用修复（最短公示期届满日期、名单是否适用修复）', security, querystring: EligibilityQuerySchema, response: { 200: EligibilitySchema } },
  }, async (request) => checkEligibility(ctx, request.actor, request.query));
  app.post('/repairs', {
    schema: { tags, summary: '申请信用修复（信用主体、报送部门或信用中心）', security, body: RepairInputSchema, response: { 201: RepairSchema } },
  }, async (request, reply) => reply.status(201).send(await fileRepair(ctx, request.actor, request.body)));
  app.get('/repairs', {
    schema: { tags, summary: '信用修复申请列表（按角色限定范围；可按状态、是否逾期筛选；每页最多 50 条）', security, querystring: RepairListQuerySchema, response: { 200: RepairPageSchema } },
  }, async (request) => listRepairs(ctx, request.actor, request.query));
  app.get('/repairs/:id', {
    schema: { tags, summary: '一件信用修复申请及其处理记录、材料和修复证书信息', security, params: IdParams, response: { 200: RepairSchema } },
  }, async (request) => getRepair(ctx, request.actor, request.params.id));
  app.get('/repairs/:id/materials/:fileId', {
    schema: { tags, summary: '下载申请材料（可查看该申请者：申请人、认定部门、信用中心、审计员）', security, params: FileParams },
  }, async (request, reply) => sendStoredFile(reply, await getMaterialFile(ctx, request.actor, request.params.id, request.params.fileId)));
  app.get('/repairs/:id/certificate.pdf', {
    schema: {
      tags,
      summary: '下载信用修复决定书（PDF；仅准予修复后，申请人、认定部门或信用中心）',
      security,
      params: IdParams,
      response: { 200: FileResponse('信用修复决定书 PDF', 'application/pdf') },
    },
  }, async (request, reply) => {
    const file = await downloadCertificate(ctx, request.actor, request.params.id);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', attachmentDisposition(file.asciiName, file.fileName))
      .header('cache-control', 'private, no-store')
      .send(file.pdf);
  });
  app.post('/repairs/:id/transitions', {
    schema: { tags, summary: '提交申请（申请人）；审核通过 / 不予修复（认定部门审核员）；准予修复 / 不予修复（信用中心）', security, params: IdParams, body: RepairTransitionSchema, response: { 200: RepairSchema } },
  }, async (request) => transitionRepair(ctx, request.actor, request.params.id, request.body));
  app.post('/repairs/:id/materials', {
    schema: {
      tags,
      summary: '上传申请材料（multipart/form-data：字段 kind = commitment | proof | other 在前，文件字段 file；PDF、JPEG、PNG，每个 10 MB 以内）',
      security,
      consumes: ['multipart/form-data'],
      params: IdParams,
      querystring: MaterialQuery,
      response: { 201: MaterialSchema },
    },
  }, async (request, reply) => {
    if (!request.isMultipart()) throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: '请以 multipart/form-data 上传文件' });
    const part = await request.file({ limits: { fileSize: MAX_MATERIAL_BYTES } });
    if (!part) throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: '没有收到文件（字段 file）' });
    const content = await part.toBuffer().catch((error: unknown) => {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(RepairErrors.REPAIR_MATERIAL_TOO_LARGE, { limit: '10 MB' });
      throw error;
    });
    const field = part.fields.kind;
    const fieldValue = field && !Array.isArray(field) && 'value' in field ? String(field.value) : undefined;
    const kind = fieldValue ?? request.query.kind;
    if (!kind || !(MATERIAL_KINDS as readonly string[]).includes(kind)) {
      throw new AppError(CommonErrors.VALIDATION_FAILED, { detail: '材料类别 kind 须为 commitment（信用修复承诺书）、proof（整改证明）或 other，并放在文件之前' });
    }
    return reply.status(201).send(await addMaterial(ctx, request.actor, request.params.id, { kind: kind as (typeof MATERIAL_KINDS)[number], fileName: part.filename, content }));
  });
}
