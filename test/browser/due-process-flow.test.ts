import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/kernel/actor.js';
import { getSubjectRecord } from '../../src/records/index.js';
import { checkEligibility } from '../../src/repairs/index.js';
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_SUBJECT_USERNAME } from './small-demo.js';
import { contentWidth, PHONE, SCREENSHOT_DIR, screenshot, signInToConsole, startSite, type Site, BROWSER_TEST_TIMEOUT, waitForAnimations } from './site.js';

/** Credit repair and a complaint, end to end in the browser on the small demo city. */

let site: Site;
let subject: { id: number; name: string };
let record: { id: number; documentNo: string; departmentName: string; departmentUser: string };
let repairId: number;
const PDF = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const complaint = { trackingNumber: '', code: '', description: '该公司以低价促销为名收取预付款后关门停业，拒不退款，涉及消费者三十余人。' };

beforeAll(async () => {
  site = await startSite();
  subject = site.demo.accountSubject;
  // A published record of the demo account's subject that may be repaired today (past its minimum period).
  const actor: Actor = { type: 'user', id: null, name: DEMO_SUBJECT_USERNAME, departmentId: null, roles: ['subject'], subjectId: subject.id };
  const view = (await getSubjectRecord(site.ctx, subject.id, 'public'))!;
  const candidates = view.sections.filter((s) => s.category === 'penalty').flatMap((s) => s.records).filter((r) => r.source !== 'list_entry' && r.documentNo);
  let found: (typeof candidates)[number] | undefined;
  for (const candidate of candidates) {
    const eligibility = await checkEligibility(site.ctx, actor, { recordId: candidate.id });
    const sameNumber = candidates.filter((c) => c.documentNo === candidate.documentNo).length;
    if (eligibility.eligible && sameNumber === 1) {
      found = candidate;
      break;
    }
  }
  if (!found) throw new Error('the demo subject has no record eligible for repair');
  const department = await site.ctx.db.selectFrom('departments').select('code').where('name', '=', found.departmentName).executeTakeFirstOrThrow();
  record = { id: found.id, documentNo: found.documentNo!, departmentName: found.departmentName, departmentUser: department.code.toLowerCase() };
});

afterAll(async () => {
  await site?.close();
});

async function signInToWebsite(page: Page) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(DEMO_SUBJECT_USERNAME);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.waitForURL(/\/my$/);
  await page.getByTestId('my-repairs').waitFor();
}

describe('credit repair in the browser', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('the subject applies on /my: eligibility shown, two PDFs uploaded, submitted', async () => {
    const { page, errors, context } = await site.open();
    await signInToWebsite(page);
    // The how-to names the periods of the severity tiers and the deadlines, from the backend's figures.
    const howto = page.getByTestId('repair-howto');
    await howto.scrollIntoViewIfNeeded();
    const howtoText = (await howto.textContent()) ?? '';
    expect(howtoText).toContain('严重：公示满 1 年后可申请，最长公示 3 年');
    expect(howtoText).toContain('认定部门在 3 个工作日内审核，信用中心自申请之日起 10 个工作日内作出决定');

    await page.getByTestId('new-repair').click();
    const dialog = page.getByRole('dialog');
    await waitForAnimations(page);
    await dialog.getByRole('combobox').first().click();
    await waitForAnimations(page);
    await page.keyboard.type(record.documentNo);
    await page.locator('.ant-select-item-option').filter({ hasText: record.documentNo }).first().click();
    const eligibility = dialog.getByTestId('repair-eligibility');
    await eligibility.waitFor();
    expect(await eligibility.getAttribute('data-eligible')).toBe('true');
    expect(await eligibility.textContent()).toContain('可以申请信用修复');
    await dialog.getByLabel('纠正失信行为的情况').fill('已于 2025 年 3 月缴清全部罚款，并按要求完成整改，建立了内部合规制度。');
    const inputs = dialog.locator('input[type=file]');
    await inputs.nth(0).setInputFiles({ name: '信用修复承诺书.pdf', mimeType: 'application/pdf', buffer: PDF('commitment') });
    await inputs.nth(1).setInputFiles({ name: '罚款缴纳凭证.pdf', mimeType: 'application/pdf', buffer: PDF('proof') });
    await dialog.getByText('信用修复承诺书.pdf').waitFor();
    await dialog.getByText('罚款缴纳凭证.pdf').waitFor();
    await screenshot(page, 'website-repair-form');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByTestId('my-repairs').getByRole('row').filter({ hasText: record.documentNo });
    await row.getByText('认定部门审核中').waitFor();
    const stored = await site.ctx.db.selectFrom('repairs').select(['id', 'status']).where('record_id', '=', record.id).executeTakeFirstOrThrow();
    expect(stored.status).toBe('department_review');
    repairId = stored.id;
    const materials = await site.ctx.db.selectFrom('repair_materials').select(['kind', 'file_name']).where('repair_id', '=', repairId).orderBy('id').execute();
    expect(materials).toEqual([
      { kind: 'commitment', file_name: '信用修复承诺书.pdf' },
      { kind: 'proof', file_name: '罚款缴纳凭证.pdf' },
    ]);
    await screenshot(page, 'website-my-repairs');
    expect(errors).toEqual([]);
    await context.close();

    const phone = await site.open(PHONE);
    await signInToWebsite(phone.page);
    expect(await contentWidth(phone.page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone.page, 'website-my-phone');
    await phone.page.getByTestId('my-repairs').screenshot({ path: `${SCREENSHOT_DIR}/website-my-repairs-phone.png` });
    await phone.page.getByTestId('repair-howto').screenshot({ path: `${SCREENSHOT_DIR}/website-repair-howto-phone.png` });
    await phone.context.close();
  });

  it('the source department approves in the console, then the credit centre grants', async () => {
    const department = await site.open();
    await signInToConsole(department.page, record.departmentUser, DEMO_PASSWORD);
    await department.page.goto('/admin/repairs');
    await department.page.getByRole('row').filter({ hasText: DEMO_SUBJECT_USERNAME }).first().click();
    const drawer = department.page.locator('.ant-drawer');
    await drawer.getByTestId('repair-materials').getByText('信用修复承诺书.pdf').waitFor();
    // A material downloads with its bytes.
    const downloadPromise = department.page.waitForEvent('download');
    await drawer.getByTestId('repair-materials').getByRole('button', { name: /下\s*载/ }).first().click();
    const material = await downloadPromise;
    expect(material.suggestedFilename()).toBe('信用修复承诺书.pdf');
    expect(fs.readFileSync((await material.path())!).toString('latin1')).toContain('commitment');
    await drawer.locator('[data-action="approve"]').click();
    const approve = department.page.locator('.ant-modal').filter({ hasText: '审核通过 ·' });
    await approve.getByRole('textbox').fill('经核实，罚款已缴清，整改到位');
    await approve.getByRole('button', { name: /审核通过/ }).click();
    await approve.waitFor({ state: 'detached' });
    await drawer.getByTestId('repair-trail').getByText('经核实，罚款已缴清，整改到位').waitFor();
    await screenshot(department.page, 'console-repair-department');
    expect(department.errors).toEqual([]);
    await department.context.close();

    const admin = await site.open();
    await signInToConsole(admin.page, DEMO_ADMIN.username, DEMO_ADMIN.password);
    await admin.page.goto(`/admin/repairs?repair=${repairId}`);
    const adminDrawer = admin.page.locator('.ant-drawer');
    await adminDrawer.locator('[data-action="grant"]').click();
    const grant = admin.page.locator('.ant-modal').filter({ hasText: '准予修复 ·' });
    await grant.getByRole('textbox').fill('材料齐全，准予信用修复');
    await grant.getByRole('button', { name: /准予修复/ }).click();
    await grant.waitFor({ state: 'detached' });
    await adminDrawer.getByTestId(`certificate-${repairId}`).waitFor();
    const certificatePromise = admin.page.waitForEvent('download');
    await adminDrawer.getByTestId(`certificate-${repairId}`).click();
    const certificate = await certificatePromise;
    expect(certificate.suggestedFilename()).toMatch(/^信用修复决定书-.+-XF\d{14}\.pdf$/);
    expect(fs.readFileSync((await certificate.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await screenshot(admin.page, 'console-repair-granted');
    await admin.page.goto('/admin/repairs');
    await admin.page.getByRole('row').filter({ hasText: DEMO_SUBJECT_USERNAME }).first().waitFor();
    await screenshot(admin.page, 'console-repairs');
    expect(admin.errors).toEqual([]);
    await admin.context.close();
  });

  it('the record leaves the subject’s public page and the subject downloads its certificate', async () => {
    const { page, errors, context } = await site.open();
    await page.goto(`/subjects/${subject.id}`);
    await page.getByRole('heading', { name: subject.name }).first().waitFor();
    await page.getByTestId('objection-howto').waitFor();
    expect(await page.getByText(record.documentNo, { exact: false }).count()).toBe(0);

    await signInToWebsite(page);
    const row = page.getByTestId('my-repairs').getByRole('row').filter({ hasText: '准予修复' });
    await row.waitFor();
    const downloadPromise = page.waitForEvent('download');
    await row.getByTestId(`certificate-${repairId}`).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toContain('信用修复决定书');
    expect(fs.readFileSync((await download.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await screenshot(page, 'website-my-repair-granted');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a complaint in the browser', { timeout: BROWSER_TEST_TIMEOUT }, () => {
  it('is filed anonymously on /complaints and the receipt shows the tracking number and query code', async () => {
    const { page, errors, context } = await site.open();
    await page.goto('/complaints');
    await page.getByTestId('complaint-subject').locator('input').fill(subject.name.slice(0, 6));
    await page.locator('.ant-select-item-option').filter({ hasText: subject.name }).first().click();
    await page.getByText(`已选择平台上的主体：${subject.name}`).waitFor();
    await page.getByTestId('complaint-category').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '欺诈' }).click();
    await page.getByLabel('具体情况').fill(complaint.description);
    await page.getByTestId('complaint-form').locator('input[type=file]').setInputFiles({ name: '收款记录.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('收款记录.png').waitFor();
    await screenshot(page, 'website-complaint-form');
    await page.getByTestId('complaint-submit').click();
    const receipt = page.getByTestId('complaint-receipt');
    await receipt.waitFor();
    complaint.trackingNumber = ((await page.getByTestId('receipt-tracking').textContent()) ?? '').trim();
    complaint.code = ((await page.getByTestId('receipt-code').textContent()) ?? '').trim();
    expect(complaint.trackingNumber).toMatch(/^TS\d{8}[0-9A-Z]{8}$/);
    expect(complaint.code).toMatch(/^[0-9A-Z]{12}$/);
    expect(await receipt.textContent()).toContain('查询码只显示这一次');
    await receipt.getByText('已上传证据材料 1 个').waitFor();
    await screenshot(page, 'website-complaint-receipt');
    const stored = await site.ctx.db.selectFrom('complaints').select(['subject_id', 'complainant_name_enc', 'complainant_phone_enc']).where('tracking_number', '=', complaint.trackingNumber).executeTakeFirstOrThrow();
    expect(stored).toEqual({ subject_id: subject.id, complainant_name_enc: null, complainant_phone_enc: null });
    expect(errors).toEqual([]);
    await context.close();

    const phone = await site.open(PHONE);
    await phone.page.goto('/complaints');
    await phone.page.getByTestId('complaint-form').waitFor();
    expect(await contentWidth(phone.page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone.page, 'website-complaints-phone');
    await phone.context.close();
  });

  it('is assigned by the credit centre, concluded by the department, and the outcome is seen by number + code', async () => {
    const admin = await site.open();
    await signInToConsole(admin.page, DEMO_ADMIN.username, DEMO_ADMIN.password);
    await admin.page.goto('/admin/complaints');
    await admin.page.getByRole('row').filter({ hasText: complaint.trackingNumber }).click();
    const drawer = admin.page.locator('.ant-drawer');
    await drawer.getByTestId('complaint-evidence').getByText('收款记录.png').waitFor();
    await drawer.locator('[data-action="assign"]').click();
    const assign = admin.page.locator('.ant-modal').filter({ hasText: '交办 ·' });
    await assign.getByTestId('assign-department').click();
    await admin.page.locator('.ant-select-item-option').filter({ hasText: record.departmentName }).first().click();
    await assign.getByRole('button', { name: /交\s*办/ }).click();
    await assign.waitFor({ state: 'detached' });
    await drawer.getByTestId('complaint-trail').getByText(`交办${record.departmentName}`).waitFor();
    await screenshot(admin.page, 'console-complaint-assigned');
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    const department = await site.open();
    await signInToConsole(department.page, record.departmentUser, DEMO_PASSWORD);
    await department.page.goto('/admin/complaints');
    await department.page.getByRole('row').filter({ hasText: complaint.trackingNumber }).click();
    const deptDrawer = department.page.locator('.ant-drawer');
    await deptDrawer.getByText('承办部门看不到举报人身份。').waitFor();
    expect(await deptDrawer.getByTestId('reveal-complainant').count()).toBe(0);
    await deptDrawer.locator('[data-action="start"]').click();
    const start = department.page.locator('.ant-modal').filter({ hasText: '开始办理 ·' });
    await start.getByRole('button', { name: /开始办理/ }).click();
    await start.waitFor({ state: 'detached' });
    await deptDrawer.locator('[data-action="conclude"]').click();
    const conclude = department.page.locator('.ant-modal').filter({ hasText: '办结 ·' });
    await conclude.getByTestId('conclude-outcome').click();
    await department.page.locator('.ant-select-item-option').filter({ hasText: '情况属实' }).click();
    await conclude.getByRole('textbox').fill('经现场核查属实，已责令退还预付款并立案查处');
    await conclude.getByRole('button', { name: /办\s*结/ }).click();
    await conclude.waitFor({ state: 'detached' });
    await deptDrawer.getByTestId('complaint-trail').getByText(/情况属实：经现场核查属实/).waitFor();
    await screenshot(department.page, 'console-complaint-concluded');
    expect(department.errors).toEqual([]);
    await department.context.close();

    const visitor = await site.open(PHONE);
    await visitor.page.goto('/complaints');
    const track = visitor.page.getByTestId('track-form');
    await track.getByLabel('受理编号').fill(complaint.trackingNumber);
    await track.getByLabel('查询码').fill(complaint.code);
    await visitor.page.getByTestId('track-submit').click();
    const result = visitor.page.getByTestId('track-result');
    await result.waitFor();
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('已办结');
    expect(text).toContain(record.departmentName);
    expect(text).toContain('情况属实');
    expect(text).toContain('经现场核查属实，已责令退还预付款并立案查处');
    expect(await contentWidth(visitor.page)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(visitor.page, 'website-complaint-tracked-phone');
    await result.screenshot({ path: `${SCREENSHOT_DIR}/website-complaint-result-phone.png` });
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });
});
