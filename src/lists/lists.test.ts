import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { buildResidentId, buildUscc, insertDepartment } from '../../test/factories.js';
import { maskResidentId } from '../codes/index.js';
import { ensureBuiltinListTypes } from './ensure-builtin-list-types.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/errors.js';
import {
  createListType,
  getEntry,
  importEntries,
  LIST_CODES,
  listEntriesAsRecords,
  listPublicEntries,
  proposeEntry,
  sweepLists,
  transitionEntry,
  updateListType,
  type ListTypeInput,
} from './index.js';

let ctx: TestContext;
let market: number;
let tax: number;
let admin: Actor;
let marketReviewer: Actor;
let taxReviewer: Actor;
let measureId: number;

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

async function tasksOf(entryId: number) {
  return ctx.db.selectFrom('joint_tasks').select(['status', 'department_id', 'due_on']).where('entry_id', '=', entryId).orderBy('id').execute();
}

async function eventsOf(entryId: number) {
  return ctx.db.selectFrom('list_entry_events').select(['from_status', 'to_status', 'reason']).where('entry_id', '=', entryId).orderBy('id').execute();
}

const USCC_INPUT = () => ({ name: `福州测试${Math.random().toString(36).slice(2, 6)}贸易有限公司`, uscc: buildUscc() });

beforeAll(async () => {
  ctx = await createTestContext({ now: '2025-06-16T02:00:00Z' });
  market = await insertDepartment(ctx.db, 'SCJG', '福州市市场监督管理局');
  tax = await insertDepartment(ctx.db, 'SW', '国家税务总局福州市税务局');
  const procurement = await insertDepartment(ctx.db, 'CZ', '福州市财政局');
  await ensureBuiltinListTypes(ctx.db, ctx.clock.now()); // links the departments created after the types
  admin = { type: 'user', id: '1', name: '平台管理员', departmentId: null, roles: ['admin'] };
  marketReviewer = { type: 'user', id: '2', name: '市场监管审核员', departmentId: market, roles: ['reviewer'] };
  taxReviewer = { type: 'user', id: '3', name: '税务审核员', departmentId: tax, roles: ['reviewer'] };
  // One measure on the serious-illegal list, carried out by the finance bureau.
  const now = ctx.clock.now();
  const measure = await ctx.db
    .insertInto('measures')
    .values({
      code: 'TEST_PROCUREMENT_BAN',
      name: '限制参加政府采购',
      content: '依法限制参加政府采购活动',
      kind: 'punishment',
      strength: 'prohibit',
      legal_basis: JSON.stringify([{ title: '中华人民共和国政府采购法', article: '第二十二条' }]),
      matters: ['procurement'],
      binds: ['subject'],
      response_workdays: 5,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  measureId = measure.id;
  const serious = await ctx.db.selectFrom('list_types').select('id').where('code', '=', LIST_CODES.seriousIllegal).executeTakeFirstOrThrow();
  await ctx.db.insertInto('measure_list_types').values({ measure_id: measureId, list_type_id: serious.id }).execute();
  await ctx.db.insertInto('measure_departments').values({ measure_id: measureId, department_id: procurement }).execute();
});

afterAll(async () => {
  await ctx?.dispose();
});

beforeEach(() => {
  ctx.clock.set('2025-06-16T02:00:00Z');
});

describe('list types', () => {
  const definition: ListTypeInput = {
    code: 'HBSX',
    name: '环境保护领域严重失信主体名单',
    kind: 'black',
    legalBasis: [],
    authority: '生态环境部门',
    criteria: '因环境违法行为受到较重行政处罚',
    exitConditions: '满三年',
    remedies: '可申请行政复议或提起行政诉讼',
    defaultDurationMonths: 36,
    noticeWorkdays: 5,
    serious: true,
    publishPersons: false,
    minorsExcluded: true,
    status: 'active',
  };

  it('refuses to activate a list type without a legal basis, and accepts it once one is given', async () => {
    expect(await code(createListType(ctx, admin, definition))).toBe('LIST_TYPE_LEGAL_BASIS_REQUIRED');
    expect(await code(createListType(ctx, admin, { ...definition, legalBasis: [{ title: '  ' }] }))).toBe('LIST_TYPE_LEGAL_BASIS_REQUIRED');
    const draft = await createListType(ctx, admin, { ...definition, status: 'draft' });
    expect(draft).toMatchObject({ code: 'HBSX', status: 'draft', builtin: false, activeEntries: 0 });
    expect(await code(updateListType(ctx, admin, draft.id, definition))).toBe('LIST_TYPE_LEGAL_BASIS_REQUIRED');
    const active = await updateListType(ctx, admin, draft.id, { ...definition, legalBasis: [{ title: '中华人民共和国环境保护法', article: '第五十四条' }] });
    expect(active.status).toBe('active');
    expect(await code(createListType(ctx, admin, { ...definition, legalBasis: [{ title: '中华人民共和国环境保护法' }] }))).toBe('LIST_TYPE_EXISTS');
    expect(await code(createListType(ctx, marketReviewer, { ...definition, code: 'HBSX2' }))).toBe('FORBIDDEN');
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'list_type').execute();
    expect(audit.map((a) => a.action)).toEqual(['list_type.create', 'list_type.update']);
  });

  it('cannot list anyone on a list type that is not active', async () => {
    const draft = await createListType(ctx, admin, { ...definition, code: 'HBSXDRAFT', status: 'draft' });
    expect(draft.status).toBe('draft');
    const refused = await code(proposeEntry(ctx, admin, { listType: 'HBSXDRAFT', subject: USCC_INPUT(), reasons: '环境违法' }));
    expect(refused).toBe('LIST_TYPE_NOT_ACTIVE');
  });
});

describe('the lifecycle of an entry', () => {
  it('goes proposed → notified → (objection period) → active, opens joint tasks, and keeps every step', async () => {
    const proposed = await proposeEntry(ctx, marketReviewer, {
      listType: LIST_CODES.seriousIllegal,
      subject: USCC_INPUT(),
      decisionNo: '榕市监严失〔2025〕1号',
      decisionDate: '2025-06-13',
      reasons: '提供虚假材料骗取登记，受到较重行政处罚',
    });
    expect(proposed).toMatchObject({ status: 'proposed', department: { id: market }, decisionNo: '榕市监严失〔2025〕1号' });
    expect(proposed.actions).toEqual(['notify', 'revoke', 'withdraw']);
    // Notice comes first (the list has a 10-working-day objection period).
    expect(await code(transitionEntry(ctx, marketReviewer, proposed.id, { action: 'activate', reason: '' }))).toBe('LIST_ENTRY_TRANSITION_INVALID');

    const notified = await transitionEntry(ctx, marketReviewer, proposed.id, { action: 'notify', reason: '' });
    // 2025-06-16 (Mon) + 10 working days = 2025-06-30.
    expect(notified).toMatchObject({ status: 'notified', objectionUntil: '2025-06-30' });
    expect(await code(transitionEntry(ctx, marketReviewer, proposed.id, { action: 'activate', reason: '' }))).toBe('LIST_ENTRY_NOTICE_PERIOD_OPEN');
    expect(await tasksOf(proposed.id)).toEqual([]);

    ctx.clock.set('2025-07-01T02:00:00Z');
    const active = await transitionEntry(ctx, marketReviewer, proposed.id, { action: 'activate', reason: '' });
    expect(active).toMatchObject({ status: 'active', effectiveFrom: '2025-07-01', expiresOn: '2028-06-30' });
    expect(active.tasks).toEqual({ total: 1, pending: 1, implemented: 0, notApplicable: 0 });
    // Five working days from 2025-07-01.
    expect(await tasksOf(proposed.id)).toMatchObject([{ status: 'pending', due_on: '2025-07-08' }]);
    expect(active.events.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      [null, 'proposed'],
      ['proposed', 'notified'],
      ['notified', 'active'],
    ]);
    const outbox = await ctx.db.selectFrom('outbox').select('topic').where('entity_key', '=', String(proposed.id)).where('topic', 'like', 'list.entry.%').orderBy('id').execute();
    expect(outbox.map((o) => o.topic)).toEqual(['list.entry.proposed', 'list.entry.notified', 'list.entry.activated']);

    // Another department cannot touch it; the credit centre suspends it while an objection is verified.
    expect(await code(transitionEntry(ctx, taxReviewer, proposed.id, { action: 'exit', reason: '已整改' }))).toBe('LIST_ENTRY_NOT_FOUND');
    expect(await code(transitionEntry(ctx, marketReviewer, proposed.id, { action: 'suspend', reason: '异议核查' }))).toBe('FORBIDDEN');
    expect(await code(transitionEntry(ctx, admin, proposed.id, { action: 'suspend', reason: '' }))).toBe('LIST_ENTRY_REASON_REQUIRED');
    expect((await transitionEntry(ctx, admin, proposed.id, { action: 'suspend', reason: '当事人提出异议，核查中' })).status).toBe('suspended');
    const shown = await listEntriesAsRecords(ctx, active.subject.id);
    expect(shown).toMatchObject([{ category: 'black_list', title: '市场监督管理严重违法失信名单（异议处理中）' }]);
    expect((await transitionEntry(ctx, admin, proposed.id, { action: 'resume', reason: '' })).status).toBe('active');

    const exited = await transitionEntry(ctx, marketReviewer, proposed.id, { action: 'exit', reason: '已纠正违法行为并履行处罚' });
    expect(exited).toMatchObject({ status: 'exited', endReason: '已纠正违法行为并履行处罚', actions: [] });
    expect(await tasksOf(proposed.id)).toMatchObject([{ status: 'cancelled' }]);
    expect(await code(transitionEntry(ctx, marketReviewer, proposed.id, { action: 'exit', reason: '再次' }))).toBe('LIST_ENTRY_TRANSITION_INVALID');
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'list_entry').where('entity_id', '=', String(proposed.id)).orderBy('id').execute();
    expect(audit.map((a) => a.action).filter((a) => a !== 'list.entry.viewed')).toEqual([
      'list.entry.propose',
      'list.entry.notify',
      'list.entry.activate',
      'list.entry.suspend',
      'list.entry.resume',
      'list.entry.exit',
    ]);
  });

  it('lists at once on a list without a notice period, for its default duration', async () => {
    const entry = await proposeEntry(ctx, taxReviewer, {
      listType: LIST_CODES.taxA,
      subject: USCC_INPUT(),
      reasons: '2024 年度纳税信用评价为 A 级',
      notify: true,
    });
    expect(entry).toMatchObject({ status: 'active', effectiveFrom: '2025-06-16', expiresOn: '2026-06-15', listType: { kind: 'red' } });
  });

  it('refuses a second live entry of the same subject on the same list, minors, and a name alone', async () => {
    const subject = USCC_INPUT();
    await proposeEntry(ctx, taxReviewer, { listType: LIST_CODES.majorTax, subject, reasons: '虚开增值税专用发票', decisionNo: '榕税稽罚〔2025〕8号' });
    expect(await code(proposeEntry(ctx, taxReviewer, { listType: LIST_CODES.majorTax, subject, reasons: '又一次' }))).toBe('LIST_ENTRY_DUPLICATE');
    expect(await code(proposeEntry(ctx, taxReviewer, { listType: LIST_CODES.majorTax, subject: { name: '只有名称的公司' }, reasons: '偷税' }))).toBe('LIST_ENTRY_SUBJECT_INVALID');
    expect(await code(proposeEntry(ctx, taxReviewer, { listType: LIST_CODES.majorTax, subject: { name: '代码错误的公司', uscc: '91350100MA2XXXXXX0' }, reasons: '偷税' }))).toBe('LIST_ENTRY_SUBJECT_INVALID');
    const minor = buildResidentId({ birthDate: '2010-03-01' });
    expect(await code(proposeEntry(ctx, admin, { listType: LIST_CODES.courtDishonest, subject: { name: '未成年人', residentId: minor }, reasons: '拒不履行' }))).toBe('LIST_ENTRY_MINOR');
    // The tax bureau does not list on the market regulator's lists.
    expect(await code(proposeEntry(ctx, taxReviewer, { listType: LIST_CODES.seriousIllegal, subject: USCC_INPUT(), reasons: '越权' }))).toBe('FORBIDDEN');
  });

  it('lets exactly one of two concurrent transitions of the same entry win', async () => {
    const entry = await proposeEntry(ctx, taxReviewer, { listType: LIST_CODES.taxA, subject: USCC_INPUT(), reasons: 'A 级', notify: true });
    const results = await Promise.allSettled([
      transitionEntry(ctx, taxReviewer, entry.id, { action: 'exit', reason: '评价结果调整' }),
      transitionEntry(ctx, admin, entry.id, { action: 'revoke', reason: '认定有误' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((failed.reason as AppError).code).toBe('LIST_ENTRY_TRANSITION_INVALID');
    const events = await eventsOf(entry.id);
    expect(events.filter((e) => e.from_status === 'active')).toHaveLength(1);
  });
});

describe('time', () => {
  it('expires an entry after its last day — at once for readers, recorded by the sweep, which also ends its tasks', async () => {
    const entry = await proposeEntry(ctx, admin, {
      listType: LIST_CODES.seriousIllegal,
      subject: USCC_INPUT(),
      reasons: '较重行政处罚',
      expiresOn: '2025-12-31',
      notify: true,
    });
    ctx.clock.set('2025-07-01T02:00:00Z');
    expect((await sweepLists(ctx)).activated).toBeGreaterThanOrEqual(1); // the objection period ran out
    expect((await getEntry(ctx, admin, entry.id)).status).toBe('active');
    expect(await tasksOf(entry.id)).toMatchObject([{ status: 'pending' }]);
    const subjectId = entry.subject.id;
    expect((await listPublicEntries(ctx, { q: entry.subject.name, page: 1, pageSize: 20 })).total).toBe(1);

    ctx.clock.set('2026-01-01T02:00:00Z');
    // Before any sweep: readers already see it expired and off the website.
    expect((await getEntry(ctx, admin, entry.id)).status).toBe('expired');
    expect((await listPublicEntries(ctx, { q: entry.subject.name, page: 1, pageSize: 20 })).total).toBe(0);
    expect(await listEntriesAsRecords(ctx, subjectId)).toEqual([]);
    const swept = await sweepLists(ctx);
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    const stored = await ctx.db.selectFrom('list_entries').select(['status', 'end_reason']).where('id', '=', entry.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'expired', end_reason: '纳入期限届满，自动移出' });
    expect(await tasksOf(entry.id)).toMatchObject([{ status: 'cancelled' }]);
    expect(await sweepLists(ctx)).toEqual({ expired: 0, activated: 0, warned: 0, proposedByRules: 0 });
  });

  it('warns 60 days before three years on 经营异常名录 and then proposes 严重违法失信名单, with notice', async () => {
    ctx.clock.set('2022-03-01T02:00:00Z');
    const abnormal = await proposeEntry(ctx, marketReviewer, {
      listType: LIST_CODES.abnormalOperation,
      subject: USCC_INPUT(),
      decisionNo: '榕市监异〔2022〕15号',
      reasons: '未按规定期限公示 2020 年度报告',
      notify: true,
    });
    expect(abnormal).toMatchObject({ status: 'active', effectiveFrom: '2022-03-01', expiresOn: null });

    ctx.clock.set('2024-12-30T02:00:00Z'); // 61 days before 2025-03-01
    expect((await sweepLists(ctx)).warned).toBe(0);
    ctx.clock.set('2024-12-31T02:00:00Z'); // 60 days before
    expect((await sweepLists(ctx)).warned).toBe(1);
    expect((await sweepLists(ctx)).warned).toBe(0);
    const warning = await ctx.db.selectFrom('outbox').select('payload').where('topic', '=', 'list.rule.warning').executeTakeFirstOrThrow();
    expect(warning.payload).toMatchObject({ rule: 'JYYC_3Y', entryId: abnormal.id, dueOn: '2025-03-01', to: LIST_CODES.seriousIllegal });

    ctx.clock.set('2025-02-28T02:00:00Z');
    expect((await sweepLists(ctx)).proposedByRules).toBe(0);
    ctx.clock.set('2025-03-01T02:00:00Z');
    expect((await sweepLists(ctx)).proposedByRules).toBe(1);
    expect((await sweepLists(ctx)).proposedByRules).toBe(0);
    const promoted = await ctx.db
      .selectFrom('list_entries')
      .select(['id', 'status', 'source', 'rule_code', 'reasons', 'objection_until', 'department_id'])
      .where('rule_code', '=', 'JYYC_3Y')
      .executeTakeFirstOrThrow();
    expect(promoted).toMatchObject({ status: 'notified', source: 'rule', department_id: market });
    expect(promoted.reasons).toContain('届满三年仍未履行相关义务');
    // 2025-03-01 is a Saturday: ten working days end on 2025-03-14.
    expect(promoted.objection_until).toBe('2025-03-14');
    ctx.clock.set('2025-03-17T02:00:00Z');
    expect((await sweepLists(ctx)).activated).toBe(1);
    expect((await getEntry(ctx, admin, promoted.id)).status).toBe('active');
  });
});

describe('a file of listing decisions', () => {
  const header = '名单类型代码,主体名称,统一社会信用代码,身份证号码,决定文书号,决定日期,列入事由,有效期至';

  it('imports every row or none, naming each wrong row', async () => {
    const good = [`${LIST_CODES.procurement},福州甲建设有限公司,${buildUscc()},,榕财采罚〔2025〕1号,2025-06-10,提供虚假材料谋取中标,2027-06-09`];
    const bad = [
      `${LIST_CODES.procurement},福州乙建设有限公司,91350100MA2XXXXXX0,,榕财采罚〔2025〕2号,2025-06-10,恶意串通,`,
      `NOSUCH,福州丙公司,${buildUscc()},,,,串通投标,`,
      `${LIST_CODES.procurement},福州丁公司,${buildUscc()},,,2025-13-01,串通投标,`,
    ];
    const before = await ctx.db.selectFrom('list_entries').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    let refused: AppError | undefined;
    try {
      await importEntries(ctx, admin, [header, ...good, ...bad].join('\n'), { notify: true });
    } catch (error) {
      refused = error as AppError;
    }
    expect(refused?.code).toBe('LIST_FILE_INVALID');
    expect((refused?.details as { rows: { row: number; code: string }[] }).rows.map((r) => [r.row, r.code])).toEqual([
      [3, 'LIST_ENTRY_SUBJECT_INVALID'],
      [4, 'LIST_TYPE_NOT_FOUND'],
      [5, 'LIST_ENTRY_INVALID'],
    ]);
    const after = await ctx.db.selectFrom('list_entries').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    const imported = await importEntries(ctx, admin, [header, ...good].join('\n'), { notify: true });
    expect(imported.imported).toBe(1);
    const entry = await getEntry(ctx, admin, imported.entryIds[0]!);
    expect(entry).toMatchObject({ status: 'notified', source: 'file', decisionNo: '榕财采罚〔2025〕1号', expiresOn: '2027-06-09' });
    expect(await code(importEntries(ctx, admin, '主体名称,列入事由\n甲,乙', { notify: false }))).toBe('LIST_ENTRY_INVALID');
  });
});

describe('persons on lists', () => {
  it('shows persons only on lists that publish them, with the ID number masked', async () => {
    const residentId = buildResidentId({ birthDate: '1980-05-05' });
    const court = await proposeEntry(ctx, admin, {
      listType: LIST_CODES.courtDishonest,
      subject: { name: '林某某', residentId },
      decisionNo: '(2025)闽01执123号',
      reasons: '有履行能力而拒不履行生效法律文书确定的义务',
      notify: true,
    });
    expect(court.status).toBe('active');
    const tax = await proposeEntry(ctx, taxReviewer, { listType: LIST_CODES.majorTax, subject: { name: '王某某', residentId: buildResidentId({ birthDate: '1975-01-01' }) }, reasons: '偷税', notify: true });
    ctx.clock.set('2025-07-01T02:00:00Z');
    await sweepLists(ctx);
    expect((await getEntry(ctx, admin, tax.id)).status).toBe('active');
    const shown = await listPublicEntries(ctx, { q: '某某', page: 1, pageSize: 20 });
    expect(shown.items.map((i) => i.subjectName)).toEqual(['林某某']);
    expect(shown.items[0]).toMatchObject({ subjectId: null, code: maskResidentId(residentId) });
    const plain = await ctx.db.selectFrom('list_entries').selectAll().execute();
    expect(JSON.stringify(plain)).not.toContain(residentId);
  });
});
