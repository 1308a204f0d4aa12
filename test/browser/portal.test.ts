import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_SUBJECT_USERNAME } from './small-demo.js';
import { contentWidth, DESKTOP, PHONE, screenshot, startSite, type Site, BROWSER_TEST_TIMEOUT } from './site.js';

let site: Site;

beforeAll(async () => {
  site = await startSite();
});

afterAll(async () => {
  await site?.close();
});

describe('public website', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`home and search render in Chinese on a ${label} screen`, async () => {
      const { page, errors, context } = await site.open(viewport);
      await page.goto('/');
      await page.getByRole('heading', { name: '公共信用信息查询' }).waitFor();
      await page.getByPlaceholder('企业名称 / 统一社会信用代码 / 拼音首字母').waitFor();
      // Headline figures and the latest 双公示 come from the API.
      await page.locator('[data-stat="subjects"] .ant-statistic-content').waitFor();
      expect(Number((await page.locator('[data-stat="subjects"] .ant-statistic-content').textContent())?.replace(/,/g, ''))).toBeGreaterThan(100);
      await page.locator('.ant-list-item').first().waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      expect(await contentWidth(page)).toBeLessThanOrEqual(viewport.width);
      await screenshot(page, `portal-home-${label}`);

      // Search from the home page's box.
      await page.getByPlaceholder('企业名称 / 统一社会信用代码 / 拼音首字母').fill('福州');
      await page.getByPlaceholder('企业名称 / 统一社会信用代码 / 拼音首字母').press('Enter');
      await page.waitForURL(/\/search\?q=/);
      expect(new URL(page.url()).searchParams.get('q')).toBe('福州');
      await page.getByRole('heading', { name: '信用查询' }).waitFor();
      expect(await contentWidth(page)).toBeLessThanOrEqual(viewport.width);
      await screenshot(page, `portal-search-${label}`);

      // An unknown address shows the website's own "not found" page, not the API's JSON.
      await page.goto('/no-such-page');
      await page.getByText('页面不存在', { exact: true }).waitFor();
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('the 双公示 column leads to a subject\'s public record', async () => {
    const { page, errors, context } = await site.open();
    await page.goto('/publicity');
    await page.getByRole('tab', { name: '行政处罚' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'portal-publicity');
    const name = (await page.locator('.ant-table-row a').first().textContent())!;
    await page.locator('.ant-table-row a').first().click();
    await page.getByRole('heading', { name }).waitFor();
    await page.locator('[data-section="penalty"] [data-record]').first().waitFor();
    await page.locator('[data-section="licence"]').waitFor();
    await page.getByRole('button', { name: '下载信用报告' }).waitFor();
    await screenshot(page, 'portal-subject');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('articles list and article pages render', async () => {
    const { page, errors, context } = await site.open(PHONE);
    await page.goto('/articles?channel=policy');
    await page.getByRole('link', { name: /信用修复管理办法/ }).click();
    await page.getByRole('heading', { name: /信用修复管理办法/ }).waitFor();
    expect(await contentWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'portal-article-phone');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a subject account signs in and sees its own record', async () => {
    const { page, errors, context } = await site.open();
    await page.goto('/login');
    await page.getByLabel('用户名').fill(DEMO_SUBJECT_USERNAME);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    await page.waitForURL(/\/my$/);
    await page.getByRole('heading', { name: site.demo.accountSubject.name }).waitFor();
    await page.getByRole('button', { name: '下载完整信用报告' }).waitFor();
    await screenshot(page, 'portal-my');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the English switch translates the website', async () => {
    const { page, context } = await site.open();
    await page.goto('/');
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Public credit information search' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await context.close();
  });
});

describe('serving the app', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('serves index.html for app routes, caches hashed assets, and leaves /api 404s alone', async () => {
    const page = await fetch(`${site.baseUrl}/subjects/1`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    expect(html).toContain('<div id="root"></div>');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(`${site.baseUrl}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const api = await fetch(`${site.baseUrl}/api/v1/no-such-endpoint`);
    expect(api.status).toBe(404);
    expect(((await api.json()) as { code: string }).code).toBe('NOT_FOUND');
    expect((await fetch(`${site.baseUrl}/assets/missing-0000.js`)).status).toBe(404);
    expect((await fetch(`${site.baseUrl}/favicon.ico`)).status).toBe(404);
  });
});
