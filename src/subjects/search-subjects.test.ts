import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context.js';
import { buildPenaltyRow, buildRegNo, buildResidentId, buildUscc, insertDepartment, streamOf, submitterOf, toCsv } from '../../test/factories.js';
import { submitBatch } from '../ingest/index.js';
import type { Actor } from '../kernel/actor.js';
import { AppError } from '../kernel/errors.js';
import { LIST_CODES, proposeEntry } from '../lists/index.js';
import { rebuildSearchIndex, SEARCH_TOTAL_CAP, searchSubjects, type SearchAudience, type SearchResult } from './index.js';

let ctx: TestContext;
let dept: number;

const usccA = buildUscc();
const usccRenamed = buildUscc();
const regNo = buildRegNo();
const QUOTED_NAME = '福州"引号"\\反斜杠{花括号},逗号商行';
const residentId = buildResidentId({ birthDate: '1985-04-12', sex: 'M' });

async function submit(rows: Record<string, string>[]) {
  const report = await submitBatch(ctx, submitterOf(dept), {
    departmentCode: 'SCJG',
    topicCode: 'XZCF',
    channel: 'api',
    fileName: 'penalties.csv',
    input: streamOf(toCsv(rows)),
  });
  expect(report.rejected).toBe(0);
}

function search(q: unknown, audience: SearchAudience = 'public', paging: { page?: unknown; pageSize?: unknown } = {}): Promise<SearchResult> {
  return searchSubjects(ctx, { q, audience, ...paging });
}

const names = (result: SearchResult) => result.items.map((item) => item.name);

async function expectError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

beforeAll(async () => {
  ctx = await createTestContext();
  dept = await insertDepartment(ctx.db, 'SCJG', '福州市市场监督管理局');
  await submit([
    buildPenaltyRow({ CF_XDR_MC: '福州华信达贸易有限公司', CF_XDR_SHXYM: usccA }),
    buildPenaltyRow({ CF_XDR_MC: '华信科技有限公司' }),
    buildPenaltyRow({ CF_XDR_MC: '华信（福州）电子科技有限公司' }),
    buildPenaltyRow({ CF_XDR_MC: '重庆银行股份有限公司福州分行' }),
    buildPenaltyRow({ CF_XDR_MC: '福州老榕树餐饮有限公司', CF_XDR_SHXYM: usccRenamed }),
    buildPenaltyRow({ CF_XDR_MC: '福州市鼓楼区老陈小吃店', CF_XDR_LB: '个体工商户', CF_XDR_SHXYM: '00000000000000000X', CF_XDR_GSZC: regNo }),
    buildPenaltyRow({ CF_XDR_MC: '王建国', CF_XDR_LB: '自然人', CF_XDR_SHXYM: '', CF_FRDB: '', CF_XDR_ZJLX: '身份证', CF_XDR_ZJHM: residentId }),
    buildPenaltyRow({ CF_XDR_MC: '王建国小吃店', CF_XDR_LB: '个体工商户', CF_XDR_SHXYM: '00000000000000000X', CF_XDR_GSZC: buildRegNo() }),
    buildPenaltyRow({ CF_XDR_MC: '信达贸易' }),
    // Characters that COPY and array literals treat specially: the index must keep them as they are.
    buildPenaltyRow({ CF_XDR_MC: QUOTED_NAME }),
    ...Array.from({ length: 12 }, (_, i) => buildPenaltyRow({ CF_XDR_MC: `福州闽江样例${'甲乙丙丁戊己庚辛壬癸子丑'[i]}${i % 3 === 0 ? '商贸' : ''}有限公司` })),
  ]);
  // A second batch renames a subject (same USCC, new name): the index follows within that batch.
  await submit([buildPenaltyRow({ CF_XDR_MC: '福州新榕城文化传媒有限公司', CF_XDR_SHXYM: usccRenamed })]);
});
afterAll(async () => ctx.dispose());

describe('searchSubjects: what finds a subject', () => {
  it('finds two-character parts of a name, in registration order', async () => {
    const result = await search('华信');
    expect(names(result)).toEqual(['福州华信达贸易有限公司', '华信科技有限公司', '华信（福州）电子科技有限公司']);
    expect(result).toMatchObject({ total: 3, totalIsLowerBound: false, page: 1, pageSize: 20 });
    expect(result.items[0]).toMatchObject({ uscc: usccA, code: usccA, kind: 'enterprise', regionCode: '350102', regionName: '福建省福州市鼓楼区', status: null, formerName: null });
  });

  it('puts the exact name first and finds longer parts anywhere in the name', async () => {
    expect(names(await search('华信科技有限公司'))).toEqual(['华信科技有限公司']);
    expect(names(await search('信达贸易'))).toEqual(['信达贸易', '福州华信达贸易有限公司']);
    expect(names(await search('信达'))).toEqual(['福州华信达贸易有限公司', '信达贸易']);
    expect(names(await search('达贸易有'))).toEqual(['福州华信达贸易有限公司']);
    expect(names(await search('科技有限公司'))).toEqual(['华信科技有限公司', '华信（福州）电子科技有限公司']);
  });

  it('accepts traditional characters, full-width letters, spaces and any bracket style', async () => {
    expect(names(await search('華信達'))).toEqual(['福州华信达贸易有限公司']);
    expect(names(await search('华信［福州］'))).toEqual(['华信（福州）电子科技有限公司']);
    expect(names(await search('華信（福州） 電子'))).toEqual(['华信（福州）电子科技有限公司']);
  });

  it('finds pinyin initials, in either case, in context for polyphonic characters', async () => {
    expect(names(await search('hxd'))).toEqual(['福州华信达贸易有限公司']);
    expect(names(await search('FZHXD'))).toEqual(['福州华信达贸易有限公司']);
    expect(names(await search('ｆｚｈｘｄ'))).toEqual(['福州华信达贸易有限公司']);
    expect(names(await search('cqyh'))).toEqual(['重庆银行股份有限公司福州分行']);
  });

  it('finds an exact USCC, 组织机构代码 or 注册号, in lower case or full width', async () => {
    for (const q of [usccA, usccA.toLowerCase(), toFullWidth(usccA), `${usccA.slice(8, 16)}-${usccA.slice(16, 17)}`]) {
      const result = await search(q);
      expect(names(result), q).toEqual(['福州华信达贸易有限公司']);
      expect(result.total).toBe(1);
    }
    const byRegNo = await search(regNo);
    expect(byRegNo.items).toEqual([expect.objectContaining({ name: '福州市鼓楼区老陈小吃店', uscc: null, code: regNo, kind: 'individual_business' })]);
  });

  it('finds earlier names and says which one matched', async () => {
    const old = await search('老榕树');
    expect(old.items).toEqual([expect.objectContaining({ name: '福州新榕城文化传媒有限公司', formerName: '福州老榕树餐饮有限公司' })]);
    const current = await search('榕城文化');
    expect(current.items).toEqual([expect.objectContaining({ name: '福州新榕城文化传媒有限公司', formerName: null })]);
    expect((await search('xrcwh')).items.map((i) => i.formerName)).toEqual([null]);
  });

  it('hides natural persons from the public and shows them to staff with masked numbers', async () => {
    expect(names(await search('王建国'))).toEqual(['王建国小吃店']);
    expect(names(await search(residentId))).toEqual([]);
    const staff = await search('王建国', 'staff');
    expect(names(staff)).toEqual(['王建国', '王建国小吃店']);
    expect(staff.items[0]).toMatchObject({ kind: 'natural_person', uscc: null, code: `${residentId.slice(0, 10)}****${residentId.slice(14)}` });
    expect(JSON.stringify(staff)).not.toContain(residentId);
    expect(names(await search(residentId, 'staff'))).toEqual(['王建国']);
    expect(names(await search('建国', 'staff'))).toEqual(['王建国', '王建国小吃店']);
  });

  it('lets the public find a person while a list that publishes persons (失信被执行人) has them, ID masked', async () => {
    const court: Actor = { type: 'system', id: null, name: 'court', departmentId: null, roles: ['admin'] };
    // A list that does not publish persons changes nothing.
    await proposeEntry(ctx, court, { listType: LIST_CODES.majorTax, subject: { name: '王建国', residentId }, reasons: '偷税', notify: true });
    expect(names(await search('王建国'))).toEqual(['王建国小吃店']);
    await proposeEntry(ctx, court, {
      listType: LIST_CODES.courtDishonest,
      subject: { name: '王建国', residentId },
      reasons: '有履行能力而拒不履行',
      expiresOn: '2025-12-31',
      notify: true,
    });
    const found = await search('王建国');
    expect(names(found)).toEqual(['王建国', '王建国小吃店']);
    expect(found.items[0]).toMatchObject({ kind: 'natural_person', code: `${residentId.slice(0, 10)}****${residentId.slice(14)}` });
    expect(JSON.stringify(found)).not.toContain(residentId);
    expect(names(await search(residentId))).toEqual([]); // never by the ID number
    ctx.clock.set('2026-01-01T02:00:00Z'); // the listing is over
    try {
      expect(names(await search('王建国'))).toEqual(['王建国小吃店']);
    } finally {
      ctx.clock.set('2025-06-16T02:00:00Z');
    }
  });

  it('answers nothing for text no name holds', async () => {
    expect(await search('不存在的名称')).toEqual({ total: 0, totalIsLowerBound: false, page: 1, pageSize: 20, items: [] });
    expect(await search('zzzq')).toMatchObject({ total: 0, items: [] });
  });
});

describe('searchSubjects: paging and bad input', () => {
  it('pages deterministically, in id order, without overlap', async () => {
    const all = await search('闽江样例', 'public', { pageSize: 50 });
    expect(all.total).toBe(12);
    const ids = all.items.map((item) => item.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(...(await search('闽江样例', 'public', { page, pageSize: 5 })).items.map((i) => i.id));
    expect(pages).toEqual(all.items.map((i) => i.id));
    const beyond = await search('闽江样例', 'public', { page: 4, pageSize: 5 });
    expect(beyond).toMatchObject({ total: 12, items: [] });
  });

  it('refuses empty, one-character, over-long and control-character queries and bad paging, with coded Chinese messages', async () => {
    expect((await expectError(search(''), 'SEARCH_QUERY_INVALID')).messageZh).toContain('请输入查询词');
    expect((await expectError(search('   '), 'SEARCH_QUERY_INVALID')).messageZh).toContain('空格');
    await expectError(search(undefined), 'SEARCH_QUERY_INVALID');
    expect((await expectError(search('华'.repeat(51)), 'SEARCH_QUERY_INVALID')).messageZh).toContain('50');
    expect((await expectError(search('华信\u0000'), 'SEARCH_QUERY_INVALID')).messageZh).toContain('控制字符');
    expect((await expectError(search('华'), 'SEARCH_QUERY_TOO_SHORT')).messageZh).toContain('两个字');
    expect((await expectError(search('华信', 'public', { pageSize: 51 }), 'SEARCH_PAGE_INVALID')).messageZh).toContain('pageSize');
    expect((await expectError(search('华信', 'public', { page: 51 }), 'SEARCH_PAGE_INVALID')).messageZh).toContain('page');
    await expectError(search('华信', 'public', { page: '1.5' }), 'SEARCH_PAGE_INVALID');
    await expectError(search('华信', 'public', { page: 0 }), 'SEARCH_PAGE_INVALID');
  });
});

describe('rebuildSearchIndex', () => {
  const queries = ['华信', '华信科技有限公司', 'hxd', '老榕树', '王建国', '闽江样例', usccA];

  it('indexes a name with quotes, a backslash, braces and a comma exactly as SQL computes its grams', async () => {
    const { rows } = await sql<{ name_norm: string; stored: string[]; computed: string[] }>`
      select d.name_norm, d.grams as stored, subject_search_grams(array[d.name_norm, d.initials]) as computed
      from subject_search_docs d join subjects s on s.id = d.subject_id where s.name = ${QUOTED_NAME}`.execute(ctx.db);
    expect(rows).toHaveLength(1);
    const [doc] = rows;
    expect(doc!.name_norm).toContain('"引号"\\反斜杠{花括号},逗号');
    expect(doc!.stored).toContain('\\反');
    expect([...doc!.stored].sort()).toEqual([...doc!.computed].sort());
    expect(names(await search('"引号"\\反'))).toEqual([QUOTED_NAME]);
  });

  it('recomputes the same answers from subjects and their names', async () => {
    const before = await Promise.all(queries.flatMap((q) => [search(q), search(q, 'staff')]));
    const result = await rebuildSearchIndex(ctx);
    expect(result.subjects).toBe(22);
    const after = await Promise.all(queries.flatMap((q) => [search(q), search(q, 'staff')]));
    expect(after).toEqual(before);
    const audit = await ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'search_index.rebuilt').execute();
    expect(audit).toHaveLength(1);
  });

  it('caps the total: beyond it the total is a lower bound, and pages still put the exact name first, then ids', async () => {
    const now = ctx.clock.now();
    await sql`
      insert into subjects (kind, name, name_norm, created_at, updated_at)
      select 'enterprise', n, n, ${now}, ${now} from (select '样本' || repeat('号', i % 7) || i::text || '商行' as n from generate_series(1, 2003) i
        union all select '样本') t`.execute(ctx.db);
    await rebuildSearchIndex(ctx);
    const first = await search('样本', 'public', { pageSize: 50 });
    expect(first.totalIsLowerBound).toBe(true);
    expect(first.total).toBeGreaterThanOrEqual(SEARCH_TOTAL_CAP);
    expect(first.items[0]?.name).toBe('样本');
    const second = await search('样本', 'public', { page: 2, pageSize: 50 });
    const ids = [...first.items, ...second.items].map((i) => i.id);
    const { rows } = await sql<{ id: number }>`
      select id from subjects where name like '样本%' order by name = '样本' desc, id limit 100`.execute(ctx.db);
    expect(ids).toEqual(rows.map((r) => r.id));
    expect((await search('样本', 'public', { page: 3, pageSize: 50 })).items.map((i) => i.id)).toEqual(
      (await sql<{ id: number }>`select id from subjects where name like '样本_%' order by id offset 99 limit 50`.execute(ctx.db)).rows.map((r) => r.id),
    );
    // A longer query is verified on the text, not only its grams (号号 occurs in many of these names).
    const longer = await search('本号号号号号号1', 'public', { pageSize: 50 });
    const { rows: expected } = await sql<{ n: number }>`select count(*)::int as n from subjects where name like '%本号号号号号号1%'`.execute(ctx.db);
    expect(expected[0]?.n).toBeLessThan(SEARCH_TOTAL_CAP);
    expect(longer).toMatchObject({ total: expected[0]?.n, totalIsLowerBound: false });
    expect(longer.items.every((i) => i.name.includes('本号号号号号号1'))).toBe(true);
    // Deep pages read as far as they need: page 10 of 50 counts at least 500.
    const deep = await search('样本', 'public', { page: 10, pageSize: 50 });
    expect(deep.totalIsLowerBound).toBe(true);
    expect(deep.total).toBeGreaterThanOrEqual(500);
    expect(deep.items).toHaveLength(50);
    // A rarer longer query among them is counted exactly.
    expect(await search('样本号号号号号号1', 'public', { pageSize: 50 })).toMatchObject({ totalIsLowerBound: false });
  });
});

function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}
