import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { insertDepartment, streamOf, submitterOf, toCsv } from '../../test/factories.js';
import { GOVERNMENT_DISHONESTY_TOPIC } from '../catalog/index.js';
import { createRng, generateUscc } from '../codes/index.js';
import { buildServer } from '../http/build-server.js';
import type { HttpApp } from '../http/types.js';
import { submitBatch } from '../ingest/index.js';
import { getGovernmentIntegrity, getSubjectRecord } from './index.js';

let ctx: TestContext;
let app: HttpApp;
let fgw: number;
const rng = createRng(20251122);
const town = { name: '福州市仓山区盖山镇人民政府', uscc: generateUscc(rng, { authority: '1', category: '1', region: '350104' }) };
const county = { name: '闽侯县人民政府', uscc: generateUscc(rng, { authority: '1', category: '1', region: '350121' }) };
const company = { name: '福州政务测试建设有限公司', uscc: generateUscc(rng, { region: '350102' }) };
const COLUMNS = GOVERNMENT_DISHONESTY_TOPIC.items.map((item) => item.code);

function finding(body: { name: string; uscc: string }, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    ZW_JGMC: body.name,
    ZW_SHXYM: body.uscc,
    ZW_SXLX: '拖欠企业账款',
    ZW_SXSS: `${body.name}拖欠福州政务测试建设有限公司道路工程款 320 万元，逾期一年未支付。`,
    ZW_RDYJ: '《保障中小企业款项支付条例》第八条',
    ZW_WSH: '榕信用认〔2025〕3号',
    ZW_RDDW: '福州市发展和改革委员会',
    ZW_RDDWDM: '',
    ZW_RDRQ: '2025-05-20',
    ZW_SJJE: '320',
    ZW_ZGQK: '',
    ZW_GSJZQ: '',
    BZ: '',
    ...overrides,
  };
}

const submit = (rows: Record<string, string>[]) =>
  submitBatch(ctx, submitterOf(fgw), { departmentCode: 'FGW', topicCode: 'ZWSX', channel: 'api', fileName: 'zwsx.csv', input: streamOf(toCsv(rows, COLUMNS)) });
const subjectIdOf = async (uscc: string) =>
  Number((await ctx.db.selectFrom('subject_identifiers').select('subject_id').where('kind', '=', 'uscc').where('value_key', '=', uscc).executeTakeFirstOrThrow()).subject_id);

beforeAll(async () => {
  ctx = await createTestContext({ now: '2025-06-16T02:00:00Z' });
  app = await buildServer(ctx, { rateLimitPerMinute: 10_000 });
  fgw = await insertDepartment(ctx.db, 'FGW', '福州市发展和改革委员会');
});

afterAll(async () => {
  await app?.close();
  await ctx?.dispose();
});

describe('政务诚信 (government integrity)', () => {
  it('takes 政务失信记录 only about government bodies, naming the row and the kind it found', async () => {
    const report = await submit([
      finding(town),
      finding(county, { ZW_SXLX: '政府违约毁约', ZW_SXSS: '闽侯县人民政府未按特许经营协议拨付运营补贴。', ZW_SJJE: '', ZW_ZGQK: '已补拨全部补贴' }),
      finding(company, { ZW_JGMC: company.name }),
    ]);
    expect(report).toMatchObject({ accepted: 2, rejected: 1 });
    const errors = await ctx.db.selectFrom('batch_errors').select(['row_no', 'column_code', 'error_code', 'message']).where('batch_id', '=', report.id).execute();
    expect(errors).toEqual([
      { row_no: 4, column_code: 'ZW_SHXYM', error_code: 'subject-kind-not-allowed', message: '「政务失信记录」只收录政府机构（机关）的信息，该行的主体是企业' },
    ]);
    const townId = await subjectIdOf(town.uscc);
    expect((await ctx.db.selectFrom('subjects').select('kind').where('id', '=', townId).executeTakeFirstOrThrow()).kind).toBe('government');
  });

  it("shows a finding in the body's public credit record with its kind and facts", async () => {
    const view = (await getSubjectRecord(ctx, await subjectIdOf(town.uscc), 'public'))!;
    const records = view.sections.flatMap((s) => s.records);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ topicName: '政务失信记录', documentNo: '榕信用认〔2025〕3号', decisionDate: '2025-05-20' });
    expect(records[0]!.title).toBe('拖欠企业账款：福州市仓山区盖山镇人民政府拖欠福州政务测试建设有限公司道路工程款 320 万元，逾期一年未支付。');
  });

  it('counts bodies, findings by kind and bodies on punishment lists; a finding drops off after its 3 years', async () => {
    const townId = await subjectIdOf(town.uscc);
    const now = ctx.clock.now();
    const court = await insertDepartment(ctx.db, 'FY', '福州市中级人民法院');
    const listType = await ctx.db.selectFrom('list_types').select('id').where('code', '=', 'SXBZXR').executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('list_entries')
      .values({ list_type_id: listType.id, subject_id: townId, status: 'active', source: 'court_sync', department_id: court, decision_no: '(2025)闽01执1201号', decision_date: '2025-03-01', reasons: '拒不履行生效判决确定的给付义务', effective_from: '2025-03-10', created_at: now, updated_at: now })
      .execute();

    const response = await app.inject({ method: 'GET', url: '/api/v1/public/government-integrity' });
    expect(response.statusCode).toBe(200);
    const figures = response.json();
    expect(figures).toMatchObject({ bodies: 2, bodiesWithRecords: 2, records: 2, remedied: 1, listedBodies: 1 });
    expect(figures.byType).toContainEqual({ type: '拖欠企业账款', count: 1 });
    expect(figures.byType).toContainEqual({ type: '政府违约毁约', count: 1 });
    expect(figures.byType).toContainEqual({ type: '未履行生效裁判', count: 0 });
    expect(figures.recent.map((r: { subjectName: string }) => r.subjectName).sort()).toEqual([county.name, town.name].sort());
    expect(figures.recent.find((r: { subjectName: string }) => r.subjectName === town.name)).toMatchObject({ amount: '320', finder: '福州市发展和改革委员会', remedied: false });
    expect(figures.listEntries).toEqual([expect.objectContaining({ subjectId: townId, subjectName: town.name, listName: '失信被执行人名单', decisionNo: '(2025)闽01执1201号' })]);

    // The public list column filters by kind of subject too.
    const column = await app.inject({ method: 'GET', url: '/api/v1/public/lists?subjectKind=government' });
    expect(column.json().items.map((e: { subjectName: string }) => e.subjectName)).toEqual([town.name]);

    // Published for 36 months from the finding (2025-05-20): the last day is 2028-05-19.
    ctx.clock.set('2028-05-19T02:00:00Z');
    expect((await getGovernmentIntegrity(ctx)).records).toBe(2);
    ctx.clock.set('2028-05-20T02:00:00Z');
    expect((await getGovernmentIntegrity(ctx)).records).toBe(0);
  });
});
