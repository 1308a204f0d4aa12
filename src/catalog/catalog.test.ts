import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { buildPenaltyRow, insertDepartment, streamOf, submitterOf, toCsv } from '../../test/factories.js';
import { submitBatch } from '../ingest/index.js';
import { systemActor } from '../kernel/actor.js';
import { AppError } from '../kernel/errors.js';
import { PENALTY_TOPIC } from './builtin-topics.js';
import { checkTopicDefinition } from './check-topic-definition.js';
import { findTopicByCode, findTopicVersion } from './repository.js';
import { createTopic, updateTopic } from './save-topic.js';
import type { TopicDefinition } from './schemas.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.dispose());

const HONOUR: TopicDefinition = {
  code: 'SHRY',
  name: '守合同重信用',
  category: 'honour',
  description: '市场监管部门公示的守合同重信用企业',
  items: [
    { code: 'RY_MC', name: '企业名称', type: 'text', required: true, disclosure: 'public' },
    { code: 'RY_SHXYM', name: '统一社会信用代码', type: 'code', codeKind: 'uscc', required: true, disclosure: 'public' },
    { code: 'RY_ND', name: '年度', type: 'integer', required: true, disclosure: 'public' },
  ],
  businessKey: ['RY_SHXYM', 'RY_ND'],
  keyFields: ['RY_ND'],
  subject: { name: 'RY_MC', uscc: 'RY_SHXYM' },
  publication: { kind: 'months', months: 24 },
  sourceDepartments: ['SCJG'],
  submissionCycle: 'yearly',
  acceptPilotChecksum: false,
};

describe('catalogue', () => {
  it('ships the national 行政处罚 and 行政许可 topics with the national field codes', async () => {
    const penalty = await findTopicByCode(ctx.db, 'XZCF');
    const licence = await findTopicByCode(ctx.db, 'XZXK');
    expect(penalty?.builtin).toBe(true);
    const codes = penalty?.definition.items.map((i) => i.code) ?? [];
    for (const code of ['CF_XDR_MC', 'CF_XDR_LB', 'CF_WSH', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_CFLB', 'CF_NR', 'CF_JDRQ', 'CF_YXQ', 'CF_CFJG', 'CF_CFJGDM', 'CF_SJLY', 'CF_SJLYDM']) {
      expect(penalty?.definition.items.find((i) => i.code === code)?.required, code).toBe(true);
    }
    expect(codes).toEqual(expect.arrayContaining(['CF_XDR_SHXYM', 'CF_NR_FK', 'CF_NR_WFFF', 'CF_GSJZQ', 'CF_FR_ZJHM', 'BZ']));
    expect(licence?.definition.items.filter((i) => i.required).map((i) => i.code)).toEqual(
      expect.arrayContaining(['XK_XDR_MC', 'XK_XKWS', 'XK_WSH', 'XK_XKLB', 'XK_JDRQ', 'XK_YXQZ', 'XK_YXQZI', 'XK_XKJG', 'XK_XKJGDM', 'XK_LYDW', 'XK_LYDWDM']),
    );
    expect(penalty?.definition.items.find((i) => i.code === 'CF_XDR_ZJHM')).toMatchObject({ personal: true, disclosure: 'authorised' });
  });

  it('refuses definitions whose references do not exist, listing every problem', () => {
    const broken = { ...HONOUR, businessKey: ['RY_NOPE'], subject: { name: 'RY_MC', uscc: 'RY_X' }, items: [...HONOUR.items, { ...HONOUR.items[0]! }] };
    try {
      checkTopicDefinition(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('CATALOG_INVALID_DEFINITION');
      expect((error as AppError).messageZh).toContain('数据项代码 RY_MC 重复');
      expect((error as AppError).messageZh).toContain('业务主键 引用了不存在的数据项 RY_NOPE');
      expect((error as AppError).messageZh).toContain('主体映射 uscc 引用了不存在的数据项 RY_X');
    }
    expect(() => checkTopicDefinition({ ...HONOUR, category: 'nonsense' })).toThrow(AppError);
  });

  it('only lets platform admins change the catalogue', async () => {
    await expect(createTopic(ctx, submitterOf(1), HONOUR)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('versions a topic: a change never reinterprets records validated against the old version', async () => {
    const created = await createTopic(ctx, systemActor, HONOUR);
    expect(created.version).toBe(1);
    await expect(createTopic(ctx, systemActor, HONOUR)).rejects.toMatchObject({ code: 'CATALOG_TOPIC_EXISTS' });

    const penalty = await findTopicByCode(ctx.db, 'XZCF');
    const dept = await insertDepartment(ctx.db, 'SCJG');
    const before = await submitBatch(ctx, submitterOf(dept), { departmentCode: 'SCJG', topicCode: 'XZCF', channel: 'api', fileName: null, format: 'csv', input: streamOf(toCsv([buildPenaltyRow()])) });

    // A new version makes 违法行为类型 optional and limits 备注 to 10 characters.
    const changed = {
      ...PENALTY_TOPIC,
      items: PENALTY_TOPIC.items.map((i) => (i.code === 'CF_WFXW' ? { ...i, required: false } : i.code === 'BZ' ? { ...i, maxLength: 10 } : i)),
    };
    const v2 = await updateTopic(ctx, systemActor, penalty!.id, changed);
    expect(v2.version).toBe(2);
    await expect(updateTopic(ctx, systemActor, penalty!.id, { ...changed, code: 'OTHER' })).rejects.toMatchObject({ code: 'CATALOG_CODE_CHANGE' });

    const after = await submitBatch(ctx, submitterOf(dept), {
      departmentCode: 'SCJG',
      topicCode: 'XZCF',
      channel: 'api',
      fileName: null,
      format: 'csv',
      input: streamOf(toCsv([buildPenaltyRow({ CF_WFXW: '' }), buildPenaltyRow({ BZ: '这条备注显然超过了十个字符' })])),
    });
    expect(after).toMatchObject({ created: 1, rejected: 1 });

    const versions = await ctx.db.selectFrom('records').select(['batch_id', 'topic_version']).where('batch_id', 'in', [before.id, after.id]).orderBy('batch_id').execute();
    expect(versions).toEqual([
      { batch_id: before.id, topic_version: 1 },
      { batch_id: after.id, topic_version: 2 },
    ]);
    // The old version is still there to interpret the old record.
    const v1 = await findTopicVersion(ctx.db, penalty!.id, 1);
    expect(v1?.definition.items.find((i) => i.code === 'CF_WFXW')?.required).toBe(true);
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'topic').execute();
    expect(audit.map((a) => a.action)).toEqual(['catalog.topic.create', 'catalog.topic.update']);
  });

  it('refuses submissions of a topic from a department that is not among its sources', async () => {
    const other = await insertDepartment(ctx.db, 'STHJ');
    const csv = 'RY_MC,RY_SHXYM,RY_ND\n某公司,91350100M000100Y43,2025\n';
    await expect(
      submitBatch(ctx, submitterOf(other), { departmentCode: 'STHJ', topicCode: 'SHRY', channel: 'api', fileName: null, format: 'csv', input: streamOf(csv) }),
    ).rejects.toMatchObject({ code: 'INGEST_NOT_ALLOWED_TOPIC' });
  });
});
