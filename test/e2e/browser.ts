import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/database.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { DEMO_PASSWORD } from '../../server/demo/context.ts';
import { seedDemo } from '../../server/demo/index.ts';
import { REQUIRE_ALL } from '../helpers/databases.ts';

export const CHROMIUM = process.env.PROPDESK_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (REQUIRE_ALL && !haveChromium) {
  throw new Error(
    `PROPDESK_TEST_REQUIRE_ALL=1 but Chromium is not at ${CHROMIUM}: the browser tests must run`,
  );
}
if (!existsSync('web/dist/index.html')) {
  throw new Error('web/dist is missing: browser tests need the built web app (npm test builds it)');
}

export const ARTIFACTS = 'test-results';

export interface BrowserContextHandle {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies) with a page; phone-sized when asked */
  newPage(options?: { phone?: boolean }): Promise<{ context: BrowserContext; page: Page }>;
  /** Logs a page in through the login form */
  login(page: Page, username: string, password?: string): Promise<void>;
  /** Saves a screenshot into test-results/ and returns its path */
  screenshot(page: Page, name: string): Promise<string>;
}

/**
 * A browser suite: a real server on a random port over a fresh SQLite file with the demo
 * company, the built web app, and Debian's Chromium driven by playwright-core.
 * Skipped only when Chromium is absent and CI did not require it.
 */
/**
 * Answers an antd confirmation (Modal.confirm) with its OK button and waits for what the action shows.
 * Under load a click can land while the dialog is still being laid out and be lost; the click is
 * repeated while the dialog is open and the outcome has not appeared (the dialog closes on the first
 * click that counts, so the action never runs twice).
 */
export async function confirmAndWait(page: Page, okName: RegExp, outcome: ReturnType<Page['locator']>) {
  const dialog = page.locator('.ant-modal-confirm');
  await dialog.waitFor();
  for (let i = 0; i < 10; i++) {
    if (await dialog.isVisible())
      await dialog
        .getByRole('button', { name: okName })
        .click({ timeout: 3000 })
        .catch(() => {});
    try {
      await outcome.waitFor({ timeout: 3000 });
      return;
    } catch {
      // not yet: look again whether the dialog is still asking
    }
  }
  await outcome.waitFor();
}

export function describeBrowser(
  title: string,
  fn: (ctx: BrowserContextHandle) => void,
  /** demo: load the demo company (default true); false starts on an empty database (first start) */
  options: { demo?: boolean; config?: Record<string, string> } = {},
): void {
  describe.runIf(haveChromium)(title, () => {
    const ctx = {} as BrowserContextHandle;
    let close: () => Promise<void> = async () => {};
    /** pages of the running test, photographed if it fails (CI keeps test-results/) */
    let openPages: Page[] = [];
    /** what the Content-Security-Policy blocked on those pages: a journey that trips it fails */
    let cspViolations: string[] = [];
    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'propdesk-e2e-'));
      const config = loadConfig({
        PROPDESK_DB: join(dir, 'e2e.sqlite'),
        PROPDESK_DATA_DIR: dir,
        PROPDESK_SESSION_SECRET: 'e2e-secret-e2e-secret-e2e-secret-012345',
        LOG_LEVEL: 'silent',
        ...options.config,
      });
      const database = openDatabase(config.database);
      await migrateToLatest(database.db);
      if (options.demo !== false) await seedDemo(database.db);
      const { app } = await buildApp(config, { database });
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      mkdirSync(ARTIFACTS, { recursive: true });
      ctx.baseUrl = address;
      ctx.browser = browser;
      ctx.newPage = async (options = {}) => {
        const context = await browser.newContext({
          baseURL: address,
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
          viewport: options.phone ? { width: 390, height: 844 } : { width: 1366, height: 860 },
          isMobile: options.phone ?? false,
          hasTouch: options.phone ?? false,
          // the app then turns antd's animations off: a click cannot land on a half-open dropdown or dialog
          reducedMotion: 'reduce',
        });
        const page = await context.newPage();
        page.setDefaultTimeout(30_000);
        page.on('console', (msg) => {
          if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text()))
            cspViolations.push(msg.text());
        });
        openPages.push(page);
        return { context, page };
      };
      ctx.login = async (page, username, password = DEMO_PASSWORD) => {
        await page.goto('/login');
        await page.getByLabel('用户名').fill(username);
        await page.getByLabel('密码').fill(password);
        await page.getByRole('button', { name: /登\s*录/ }).click();
        await page.waitForURL((url) => !url.pathname.startsWith('/login'));
        // signed in once the shell shows who is there (staff header or the owner portal)
        await page.locator('[data-testid="user-menu"], [data-testid="portal-user"]').first().waitFor();
      };
      ctx.screenshot = async (page, name) => {
        const path = join(ARTIFACTS, `${name}.png`);
        await page.screenshot({ path, fullPage: true });
        return path;
      };
      close = async () => {
        await browser.close();
        await app.close();
        await database.close();
      };
    });
    afterEach(async ({ task }) => {
      if (task.result?.state === 'fail') {
        const name = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
        for (const [i, page] of openPages.entries()) {
          if (!page.isClosed())
            await page
              .screenshot({ path: join(ARTIFACTS, `FAILED-${name}-${i}.png`), fullPage: true })
              .catch(() => {});
        }
      }
      openPages = [];
      const blocked = cspViolations;
      cspViolations = [];
      if (blocked.length)
        throw new Error(`the page broke the Content-Security-Policy:\n${blocked.join('\n')}`);
    });
    afterAll(async () => close());
    fn(ctx);
  });
}
