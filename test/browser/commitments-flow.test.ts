import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_SUBJECT_USERNAME } from './small-demo.js';
import { screenshot, signInToConsole, startSite, type Site, BROWSER_TEST_TIMEOUT, waitForAnimations } from './site.js';

let site: Site;
const DETAIL = '食品经营许可证新办（浏览器测试）';
const REASON = '经事中核查，实际经营场所与承诺的条件不符';

beforeAll(async () => {
  site = await startSite();
});

afterAll(async () => {
  await site?.close();
});

describe('a credit commitment signed on the website, found broken in the console, shows on the public record', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('lets the subject sign online on /my and see it with status and due date', async () => {
    const { page, errors, context } = await site.open();
    await page.goto('/login');
    await page.getByLabel('用户名').fill(DEMO_SUBJECT_USERNAME);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    await page.waitForURL(/\/my$/);
    const card = page.getByTestId('my-commitments');
    await card.waitFor();
    await page.getByTestId('new-commitment').click();
    const form = page.getByTestId('commitment-form');
    await form.waitFor();
    await waitForAnimations(page);
    const choose = async (label: string, option: string) => {
      await form.getByLabel(label, { exact: true }).click();
      await waitForAnimations(page);
      await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).click();
    };
    await choose('承诺类型', '主动型');
    // The standard text of the type fills the text box.
    await expect.poll(async () => form.getByRole('textbox', { name: '承诺内容' }).inputValue(), { timeout: 10_000 }).toContain('自愿向社会公开作出信用承诺');
    await choose('承诺事项', '行政许可');
    await form.getByLabel('具体事项').fill(DETAIL);
    await choose('受理部门', '福州市市场监督管理局');
    await screenshot(page, 'portal-my-commitment-form');
    await page.getByRole('button', { name: /^签\s*署$/ }).click();
    // Consent is required.
    await page.getByText('请确认承诺内容').waitFor();
    await page.getByTestId('commitment-agree').click();
    await page.getByRole('button', { name: /^签\s*署$/ }).click();
    await form.waitFor({ state: 'hidden' });
    const row = card.getByRole('row').filter({ hasText: DETAIL });
    await row.waitFor();
    expect(await row.textContent()).toContain('履约中');
    expect(await row.textContent()).toContain('长期');
    await screenshot(page, 'portal-my-commitments');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has the accepting department record it broken, and the breach record appears on the subject’s public page', async () => {
    const { page, errors, context } = await site.open();
    await signInToConsole(page, 'scjg', DEMO_PASSWORD);
    await page.goto('/admin/commitments');
    const row = page.getByRole('row').filter({ hasText: DETAIL });
    await row.waitFor();
    await screenshot(page, 'console-commitments');
    await row.click();
    await page.getByTestId('commitment-trail').waitFor();
    await page.locator('[data-action="broken"]').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '认定未履约' });
    await dialog.getByRole('textbox').fill(REASON);
    await screenshot(page, 'console-commitment-broken-dialog');
    await dialog.getByRole('button', { name: /认定未履约/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('commitment-trail').getByText(REASON).waitFor();
    await page.getByText('违背信用承诺记录').waitFor();
    await screenshot(page, 'console-commitment-drawer');
    expect(errors).toEqual([]);
    await context.close();

    const visitor = await site.open();
    await visitor.page.goto(`/subjects/${site.demo.accountSubject.id}`);
    const breach = visitor.page.locator('[data-source="record"]').filter({ hasText: `违背信用承诺：行政许可（${DETAIL}）` });
    await breach.first().waitFor();
    expect(await breach.first().textContent()).toContain('福州市市场监督管理局');
    await breach.first().getByText('详细信息').click();
    await breach.first().getByText(REASON).waitFor();
    const commitment = visitor.page.locator('[data-source="commitment"]').filter({ hasText: DETAIL });
    expect(await commitment.first().textContent()).toContain('未履约（失信）');
    await breach.first().scrollIntoViewIfNeeded();
    await screenshot(visitor.page, 'website-subject-broken-commitment');
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});
