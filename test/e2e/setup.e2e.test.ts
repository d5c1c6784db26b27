import { expect, it } from 'vitest';
import { describeBrowser } from './browser.ts';

/** First start without a terminal (issue 18, point 2), as a new company would do it in the browser. */
describeBrowser(
  'first start in the browser',
  (ctx) => {
    it('sends an empty install to setup, signs the new admin in and shows the checklist', async () => {
      const { page } = await ctx.newPage();
      await page.goto('/login');
      await page.waitForURL('**/setup');
      await page.getByLabel('公司名称').fill('安居物业');
      await page.getByLabel('第一个项目').fill('锦绣花园');
      await page.getByLabel('项目编码').fill('JXHY');
      await page.getByLabel('管理员用户名').fill('boss');
      await page.getByLabel('管理员姓名').fill('王经理');
      await page.getByLabel('密码', { exact: true }).fill('onlyletters');
      await page.getByLabel('再次输入密码').fill('onlyletters');
      await page.getByRole('button', { name: '完成设置并登录' }).click();
      // the form's own rule says what is wrong, beside the field, and nothing is sent
      await expect
        .poll(() => page.getByText('密码至少 10 位，且同时包含字母和数字').count())
        .toBeGreaterThan(0);
      await ctx.screenshot(page, 'setup-desktop');
      await page.getByLabel('密码', { exact: true }).fill('Spring2026go');
      await page.getByLabel('再次输入密码').fill('Spring2026go');
      await page.getByRole('button', { name: '完成设置并登录' }).click();
      await page.waitForURL('**/setup/checklist');
      await page.getByText('安居物业：开始受理第一张报修单前要做的事，已完成 1/8 项。').waitFor();
      // the calendar is ticked by hand; the checklist counts it at once
      await page.locator('[data-step="calendar"]').getByRole('checkbox').click();
      await page.getByText('已完成 2/8 项', { exact: false }).waitFor();
      await ctx.screenshot(page, 'setup-checklist-desktop');
      // each step leads to its page
      await page.locator('[data-step="units"]').getByRole('button', { name: '去设置' }).click();
      await page.waitForURL('**/property/import');
      // the home page reminds the admin until every step is done
      await page.goto('/');
      await page.getByText('开始使用清单：已完成 2/8 项').waitFor();
      // and the setup page has closed for good
      await page.goto('/setup');
      await page.waitForURL('**/login');
    });

    it('fits a phone', async () => {
      const { page } = await ctx.newPage({ phone: true });
      await page.goto('/login');
      await ctx.login(page, 'boss', 'Spring2026go');
      await page.goto('/setup/checklist');
      await page.getByText('开始使用', { exact: true }).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await ctx.screenshot(page, 'setup-checklist-phone');
    });
  },
  { demo: false },
);
