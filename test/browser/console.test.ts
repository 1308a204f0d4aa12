import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_SUBJECT_USERNAME } from './small-demo.js';
import { screenshot, signInToConsole, startSite, type Site, BROWSER_TEST_TIMEOUT } from './site.js';

let site: Site;

beforeAll(async () => {
  site = await startSite();
});

afterAll(async () => {
  await site?.close();
});

describe('console', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('an admin signs in and every main page renders', async () => {
    const { page, errors, context } = await site.open();
    await signInToConsole(page, DEMO_ADMIN.username, DEMO_ADMIN.password);
    await expect(page.getByTestId('current-user')).toBeDefined();
    expect(await page.getByTestId('current-user').textContent()).toContain('平台管理员');

    // Overview: figures and the two ECharts charts drawn on canvases.
    await page.getByText('各部门报送情况').waitFor();
    await page.locator('[data-chart] canvas').first().waitFor();
    expect(await page.locator('[data-chart] canvas').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'console-overview');

    const menu = ['数据报送', '批次', '信用记录', '信用信息目录', '部门', '用户与角色', '文章'];
    for (const entry of menu) await page.getByRole('menuitem', { name: entry }).waitFor();

    await page.goto('/admin/departments');
    await page.getByRole('cell', { name: '福州市市场监督管理局' }).first().waitFor();
    await screenshot(page, 'console-departments');

    await page.goto('/admin/users');
    await page.getByRole('cell', { name: 'admin', exact: true }).waitFor();
    await screenshot(page, 'console-users');

    const scjg = site.demo.departmentIds.get('SCJG');
    await page.goto(`/admin/departments/${scjg}/tokens`);
    await page.getByRole('button', { name: '签发令牌' }).waitFor();
    await screenshot(page, 'console-tokens');

    await page.goto('/admin/catalog');
    await page.getByRole('link', { name: 'XZCF' }).click();
    await page.getByRole('cell', { name: 'CF_WSH', exact: true }).waitFor();
    await page.getByRole('cell', { name: '行政处罚决定书文号', exact: true }).waitFor();
    await screenshot(page, 'console-topic');

    await page.goto('/admin/submit');
    await page.getByText('点击或拖拽 CSV、XLSX 或 JSON 文件到此处').waitFor();
    await screenshot(page, 'console-submit');

    await page.goto('/admin/batches');
    const withErrors = site.demo.batches.find((b) => b.rejected > 0)!;
    await page.getByRole('link', { name: `#${withErrors.id}`, exact: true }).click();
    await page.getByTestId('batch-report').waitFor();
    await page.getByRole('button', { name: '下载错误报告（XLSX）' }).waitFor();
    await screenshot(page, 'console-batch');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载错误报告（CSV）' }).click();
    expect((await download).suggestedFilename()).toBe(`批次${withErrors.id}错误报告.csv`);

    // Records of that batch, one record and its versions.
    await page.getByRole('link', { name: '查看本批次记录' }).click();
    await page.getByRole('heading', { name: '信用记录' }).waitFor();
    await page.getByText(`批次 #${withErrors.id}`).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'console-records');
    await page.locator('.ant-table-row a').first().click();
    await page.getByText('版本历史').waitFor();
    await page.getByText('数据项', { exact: true }).waitFor();
    await screenshot(page, 'console-record');

    await page.goto('/admin/articles');
    await page.getByRole('link', { name: '诚信故事：一家老字号的三十年承诺' }).click();
    await page.getByLabel('标题').waitFor();
    expect(await page.getByLabel('标题').inputValue()).toBe('诚信故事：一家老字号的三十年承诺');
    await screenshot(page, 'console-article-edit');

    expect(errors).toEqual([]);
    await context.close();
  });

  it("a department user cannot open another department's batch", async () => {
    const own = site.demo.batches.find((b) => b.departmentCode === 'SCJG')!;
    const other = site.demo.batches.find((b) => b.departmentCode !== 'SCJG' && b.departmentCode !== 'XYZX')!;
    const { page, errors, context } = await site.open();
    await signInToConsole(page, 'scjg', DEMO_PASSWORD);

    // Menu entries for admins only are not offered.
    await page.getByRole('menuitem', { name: '批次' }).waitFor();
    expect(await page.getByRole('menuitem', { name: '用户与角色' }).count()).toBe(0);

    await page.goto(`/admin/batches/${own.id}`);
    await page.getByTestId('batch-report').waitFor();

    await page.goto(`/admin/batches/${other.id}`);
    await page.getByText('批次不存在或无权查看').waitFor();
    await page.getByText(`没有编号为 ${other.id} 的批次`).waitFor();
    expect(await page.getByTestId('batch-report').count()).toBe(0);
    expect(await page.content()).not.toContain(`${other.departmentCode}-${other.topicCode}.csv`);
    await screenshot(page, 'console-batch-other-department');

    // Pages for admins only show "forbidden", not their data.
    await page.goto('/admin/users');
    await page.getByText('无权访问此页面').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a subject account is sent to the website, not into the console', async () => {
    const { page, context } = await site.open();
    await page.goto('/admin');
    await page.getByLabel('用户名').fill(DEMO_SUBJECT_USERNAME);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    await page.getByText('该账号是信用主体账号').waitFor();
    expect(await page.getByTestId('current-user').count()).toBe(0);
    await context.close();
  });
});
