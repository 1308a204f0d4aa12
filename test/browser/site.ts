import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildServer } from '../../src/http/build-server.js';
import type { HttpApp } from '../../src/http/types.js';
import { buildIfStale } from '../../web/build-if-stale.mjs';
import { createTestContext, type TestContext } from '../context.js';
import { loadSmallDemo, type SmallDemo } from './small-demo.js';

/** Debian's Chromium (scripts/setup-machine.sh installs it); a browser is never downloaded. */
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Each browser test is a whole flow (sign in, fill forms, upload, wait for the page): under the full
 * suite, with the other test files loading both cores, one took longer than vitest's 60 s default.
 */
export const BROWSER_TEST_TIMEOUT = 180_000;

/**
 * Waits until no element is in an opening animation (antd's motion classes `…-appear…` / `…-enter…`:
 * a dialog zooming in, a dropdown sliding down). On a loaded machine an animation takes seconds and
 * Playwright's stability check, which compares animation frames, can pass while the element still moves:
 * a click then lands beside the option and closes the dropdown (CI log: the option "not stable", then
 * "not visible", and the field stayed empty).
 */
export async function waitForAnimations(page: Page): Promise<void> {
  // A string, run in the page: the server's TypeScript has no DOM types.
  await page.waitForFunction(
    `![...document.querySelectorAll('[class*="-appear"], [class*="-enter"]')].some((el) => /(^|\\s)ant-[a-z-]+-(appear|enter)(\\s|-|$)/.test(el.className))`,
  );
}

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');
export const DESKTOP = { width: 1366, height: 900 };
/** An iPhone 12–15 sized screen. */
export const PHONE = { width: 390, height: 844 };

const LOCK_DIR = path.resolve('web/.build-lock');

/** Builds web/dist once even when several browser test files start together (vite empties dist first). */
async function buildWebOnce(): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      fs.mkdirSync(LOCK_DIR);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(LOCK_DIR, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      // A lock left by a crashed run.
      if (age > 120_000) fs.rmSync(LOCK_DIR, { recursive: true, force: true });
      if (attempt > 600) throw new Error('timed out waiting for another web build');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await buildIfStale({ quiet: true });
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

export interface Site {
  ctx: TestContext;
  app: HttpApp;
  demo: SmallDemo;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own storage) and page; page errors are collected in `errors`. */
  open(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/**
 * The real server (API + web app) on a fresh test database with the small demo city, listening on a
 * free port, and a headless Chromium.
 */
export async function startSite(): Promise<Site> {
  await buildWebOnce();
  const ctx = await createTestContext();
  const demo = await loadSmallDemo(ctx);
  const app = await buildServer(ctx, { rateLimitPerMinute: 100_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    ctx,
    app,
    demo,
    baseUrl,
    browser,
    async open(viewport = DESKTOP) {
      const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: baseUrl, acceptDownloads: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      return { context, page, errors };
    },
    async close() {
      await browser.close();
      await app.close();
      await ctx.dispose();
    },
  };
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // Wait for fonts and pending requests so the picture shows the page, not its skeleton.
  await page.waitForLoadState('networkidle');
  await page.evaluate('document.fonts.ready');
  await page.locator('.ant-spin-spinning, .ant-skeleton-active').first().waitFor({ state: 'detached' }).catch(() => undefined);
  // antd fades loading overlays out.
  await page.waitForTimeout(400);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in to the console through its form. */
export async function signInToConsole(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/admin');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.getByTestId('current-user').waitFor();
}

/** Width of the page's content: more than the viewport means sideways scrolling on a phone. */
export async function contentWidth(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollWidth'));
}
