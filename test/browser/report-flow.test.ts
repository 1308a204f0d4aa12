import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../src/reports/pdf-tools.test-support.js';
import { screenshot, startSite, type Site, BROWSER_TEST_TIMEOUT } from './site.js';

let site: Site;

beforeAll(async () => {
  site = await startSite();
});

afterAll(async () => {
  await site?.close();
});

/** An enterprise of the demo with a public penalty: its name, and its newest penalty's document number. */
async function enterpriseWithPenalty(): Promise<{ id: number; name: string }> {
  const stats = await fetch(`${site.baseUrl}/api/v1/public/publications?kind=penalty&pageSize=50`);
  const page = (await stats.json()) as { items: { subjectId: number; subjectName: string }[] };
  const hit = page.items.find((item) => /有限公司$/.test(item.subjectName));
  if (!hit) throw new Error('the demo city has no company with a public penalty');
  return { id: hit.subjectId, name: hit.subjectName };
}

describe('a visitor checks a company', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('searches, opens the company, sees a penalty, downloads its report and verifies it', async () => {
    const target = await enterpriseWithPenalty();
    const { page, errors, context } = await site.open();

    // Search by a two-character piece of the name (the most common Chinese search).
    const piece = target.name.replace(/^福州(市)?/, '').slice(0, 2);
    await page.goto('/');
    await page.getByPlaceholder('企业名称 / 统一社会信用代码 / 拼音首字母').fill(piece);
    await page.getByPlaceholder('企业名称 / 统一社会信用代码 / 拼音首字母').press('Enter');
    await page.waitForURL(/\/search\?q=/);
    const results = page.getByTestId('search-results');
    await results.getByRole('link', { name: target.name }).first().waitFor();
    await screenshot(page, 'flow-search');
    await results.getByRole('link', { name: target.name }).first().click();

    // The subject's public record shows the penalty with its source and document number.
    await page.getByRole('heading', { name: target.name }).waitFor();
    const penalty = page.locator('[data-section="penalty"] [data-record]').first();
    await penalty.waitFor();
    const penaltyText = (await penalty.textContent()) ?? '';
    expect(penaltyText).toMatch(/来源部门/);
    expect(penaltyText).toMatch(/文书号/);
    await screenshot(page, 'flow-subject');

    // Download the credit report.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载信用报告' }).click()]);
    // Saved under its own name, as a browser would (the verify page accepts .pdf files).
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xinyong-flow-')), download.suggestedFilename());
    await download.saveAs(file);
    const pdf = fs.readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/^信用报告-.+\.pdf$/);
    // What a recipient reads off the report: its number and verification code (also in the QR code).
    const text = pdfText(pdf).replace(/\s+/g, '');
    const number = /XY\d{14}/.exec(text)?.[0];
    const code = /验证码([A-Z0-9]{8})/.exec(text)?.[1];
    expect(number, text.slice(0, 600)).toBeDefined();
    expect(code, text.slice(0, 600)).toBeDefined();
    expect(text).toContain(target.name);

    // Verify it as someone who received it: by number and code (the QR code's link) …
    await page.goto(`/verify?number=${number}&code=${code}`);
    await page.getByText('报告真实有效').waitFor();
    await screenshot(page, 'flow-verify-number');

    // … and by uploading the file itself.
    await page.getByRole('tab', { name: '上传文件核验' }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('文件真实，且签发后未被修改').waitFor();
    await screenshot(page, 'flow-verify-file');

    // A tampered copy (one byte changed inside) fails.
    const tampered = Buffer.from(pdf);
    const at = Math.floor(tampered.length / 2);
    tampered[at] = tampered[at]! ^ 0x20;
    const tamperedFile = file.replace(/\.pdf$/, '-改.pdf');
    fs.writeFileSync(tamperedFile, tampered);
    await page.locator('input[type=file]').setInputFiles(tamperedFile);
    await page.getByText('文件未通过核验').waitFor();
    await screenshot(page, 'flow-verify-tampered');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('no longer shows a penalty once its publication window has passed', async () => {
    const target = await enterpriseWithPenalty();
    const record = (await (await fetch(`${site.baseUrl}/api/v1/public/subjects/${target.id}`)).json()) as {
      sections: { category: string; records: { documentNo: string | null; publishUntil: string | null }[] }[];
    };
    const penalty = record.sections.find((s) => s.category === 'penalty')?.records.find((r) => r.publishUntil && r.documentNo);
    expect(penalty).toBeDefined();
    const documentNo = penalty!.documentNo!;
    const { page, errors, context } = await site.open();
    await page.goto(`/subjects/${target.id}`);
    await page.locator('[data-section="penalty"]').getByText(documentNo).first().waitFor();

    const before = site.ctx.clock.now();
    try {
      // The day after its last day of publication, in China.
      site.ctx.clock.set(`${penalty!.publishUntil}T16:00:00Z`);
      await page.reload();
      await page.getByRole('heading', { name: target.name }).waitFor();
      await page.locator('[data-section="penalty"]').waitFor();
      expect(await page.locator('[data-section="penalty"]').getByText(documentNo).count()).toBe(0);
      await screenshot(page, 'flow-subject-after-window');
    } finally {
      site.ctx.clock.set(before);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
