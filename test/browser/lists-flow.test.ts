import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/kernel/actor.js';
import { LIST_CODES, proposeEntry } from '../../src/lists/index.js';
import { DEMO_ADMIN, DEMO_PASSWORD } from './small-demo.js';
import { contentWidth, PHONE, screenshot, signInToConsole, startSite, type Site, BROWSER_TEST_TIMEOUT } from './site.js';

let site: Site;
let subject: { id: number; name: string; uscc: string };
let entryId: number;
const DECISION_NO = '(2026)闽01执8888号';

beforeAll(async () => {
  site = await startSite();
  // A demo enterprise with records and no list entry yet, listed by the court through its own account.
  const row = await site.ctx.db
    .selectFrom('subjects')
    .select(['id', 'name', 'uscc'])
    .where('kind', '=', 'enterprise')
    .where('uscc', 'is not', null)
    .where(({ exists, selectFrom }) => exists(selectFrom('records').select('records.id').whereRef('records.subject_id', '=', 'subjects.id')))
    .where(({ exists, selectFrom, not }) => not(exists(selectFrom('list_entries').select('list_entries.id').whereRef('list_entries.subject_id', '=', 'subjects.id'))))
    .orderBy('id')
    .executeTakeFirstOrThrow();
  subject = { id: Number(row.id), name: row.name, uscc: row.uscc! };
  const court: Actor = { type: 'user', id: null, name: 'fy', departmentId: site.demo.departmentIds.get('FY')!, roles: ['reviewer'] };
  const entry = await proposeEntry(site.ctx, court, {
    listType: LIST_CODES.courtDishonest,
    subject: { name: subject.name, uscc: subject.uscc },
    decisionNo: DECISION_NO,
    reasons: '有履行能力而拒不履行生效法律文书确定的给付义务',
    notify: true,
  });
  expect(entry.status).toBe('active');
  entryId = entry.id;
});

afterAll(async () => {
  await site?.close();
});

describe('a listing reaches the website, the implementing departments and a tender registration', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('shows the listing on the website: the 信用名单 column, the subject page and its badge', async () => {
    const { page, errors, context } = await site.open();
    await page.goto(`/lists?q=${encodeURIComponent(subject.name)}`);
    const row = page.getByRole('row', { name: new RegExp(DECISION_NO.replace(/[()]/g, '\\$&')) });
    await row.waitFor();
    expect(await row.textContent()).toContain('失信被执行人名单');
    await screenshot(page, 'website-lists');
    await row.getByRole('link', { name: subject.name }).click();
    await page.waitForURL(`**/subjects/${subject.id}`);
    await page.getByText(DECISION_NO).first().waitFor();
    await page.getByText('黑名单').first().waitFor();
    await screenshot(page, 'website-subject-listed');
    // The list's basis, criteria, exit conditions and remedies are public.
    await page.goto('/lists');
    await page.getByText('失信被执行人名单', { exact: true }).last().click(); // its rules panel
    await page.getByText('法释〔2017〕7号').first().waitFor();
    expect(errors).toEqual([]);
    await context.close();

    const phone = await site.open(PHONE);
    await phone.page.goto('/lists');
    await phone.page.getByRole('table').first().waitFor();
    expect(await contentWidth(phone.page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone.page, 'website-lists-phone');
    await phone.context.close();
  });

  it('puts a task in the trading centre’s inbox, which answers 已落实, and stops the bidder at registration', async () => {
    const { page, errors, context } = await site.open();
    await signInToConsole(page, 'ggzy', DEMO_PASSWORD);
    await page.goto('/admin/joint-tasks');
    const tasks = page.getByRole('row').filter({ hasText: subject.name });
    await tasks.first().waitFor();
    // 失信被执行人: the centre carries out the procurement and the tendering bans.
    expect(await tasks.count()).toBe(2);
    await screenshot(page, 'console-joint-inbox');
    await tasks.first().getByText('反馈', { exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('已落实', { exact: true }).click();
    await dialog.getByRole('textbox').fill('已在交易系统主体库中标注，禁止其参加投标报名');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await dialog.waitFor({ state: 'detached' });
    // The inbox shows what is still pending: one task left for this subject.
    await expect.poll(async () => page.getByRole('row').filter({ hasText: subject.name }).count(), { timeout: 10_000 }).toBe(1);
    const answered = await site.ctx.db.selectFrom('joint_tasks').select(['status', 'response']).where('entry_id', '=', entryId).where('status', '=', 'implemented').execute();
    expect(answered).toEqual([{ status: 'implemented', response: '已在交易系统主体库中标注，禁止其参加投标报名' }]);

    await page.goto('/admin/registration');
    await page.getByTestId('registration-bidderName').fill(subject.name);
    await page.getByTestId('registration-uscc').fill(subject.uscc);
    await page.getByTestId('registration-project').fill('福州市城区道路提升改造工程施工');
    await page.getByTestId('registration-submit').click();
    const result = page.getByTestId('registration-result');
    await result.getByText('报名被拦截', { exact: true }).first().waitFor();
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('失信被执行人名单');
    expect(text).toContain(DECISION_NO);
    expect(text).toContain('法释〔2017〕7号');
    await screenshot(page, 'console-registration-blocked');
    // The check is logged with its purpose, and the outcome is attached to it.
    const check = await site.ctx.db.selectFrom('checks').select(['verdict', 'purpose', 'matter', 'outcome']).where('subject_id', '=', subject.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(check).toMatchObject({ verdict: 'block', matter: 'tendering', purpose: '公共资源交易投标报名资格审查' });
    await expect.poll(async () => (await site.ctx.db.selectFrom('checks').select('outcome').where('subject_id', '=', subject.id).orderBy('id', 'desc').executeTakeFirstOrThrow()).outcome, { timeout: 10_000 }).toBe('报名被拦截');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets the credit centre suspend the entry under objection: the website flags it and registration goes through', async () => {
    const { page, errors, context } = await site.open();
    await signInToConsole(page, DEMO_ADMIN.username, DEMO_ADMIN.password);
    await page.goto(`/admin/list-entries?entry=${entryId}`);
    await page.getByTestId('entry-trail').waitFor();
    await page.locator('[data-action="suspend"]').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '确认中止' });
    await dialog.getByRole('textbox').fill('当事人提出异议，称已全部履行，正在向执行法院核实');
    await dialog.getByRole('button', { name: /中止/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('entry-trail').getByText('当事人提出异议').waitFor();
    await screenshot(page, 'console-list-entry');
    const stored = await site.ctx.db.selectFrom('list_entries').select('status').where('id', '=', entryId).executeTakeFirstOrThrow();
    expect(stored.status).toBe('suspended');

    await page.goto(`/lists?q=${encodeURIComponent(subject.name)}`);
    await page.getByRole('row', { name: new RegExp(DECISION_NO.replace(/[()]/g, '\\$&')) }).getByText('异议处理中').waitFor();

    expect(errors).toEqual([]);
    await context.close();

    const centre = await site.open();
    await signInToConsole(centre.page, 'ggzy', DEMO_PASSWORD);
    await centre.page.goto('/admin/registration');
    await centre.page.getByTestId('registration-bidderName').fill(subject.name);
    await centre.page.getByTestId('registration-uscc').fill(subject.uscc);
    await centre.page.getByTestId('registration-project').fill('福州市城区道路提升改造工程施工');
    await centre.page.getByTestId('registration-submit').click();
    await centre.page.getByTestId('registration-result').getByText('报名成功').waitFor();
    expect(centre.errors).toEqual([]);
    await centre.context.close();
  });
});
