import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser } from './browser.ts';

/** Message channels in the browser: a manager adds the project's WeCom robot and sends a test. */
let robot: Server;
let url = '';
const received: string[] = [];
beforeAll(async () => {
  robot = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    received.push(JSON.parse(raw).text.content);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
  });
  await new Promise<void>((r) => robot.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=browser-key-9876`;
});
afterAll(() => new Promise<void>((r) => robot.close(() => r())));

describeBrowser(
  'message channels',
  (ctx) => {
    it("adds a project's WeCom robot, hides its key and delivers a test message", async () => {
      const { page } = await ctx.newPage();
      await ctx.login(page, 'manager');
      await page.goto('/admin/channels');
      await page.getByRole('button', { name: '新建通道' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('项目').click();
      await page.locator('.ant-select-item-option').first().click();
      await dialog.getByLabel('名称').fill('锦绣花园客服群');
      await dialog.getByLabel('机器人 Webhook 地址').fill('http://example.com/hook');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      // the server's rule, beside the field
      await dialog.getByText('Webhook 地址必须以 https:// 开头').waitFor();
      await dialog.getByLabel('机器人 Webhook 地址').fill(url);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.locator('tr', { hasText: '锦绣花园客服群' });
      await row.waitFor();
      expect(await row.textContent()).not.toContain('browser-key');
      expect(await row.textContent()).toContain('9876');
      await row.getByRole('button', { name: '发送测试' }).click();
      await page.getByText('测试消息已送达').waitFor();
      expect(received.at(-1)).toContain('锦绣花园客服群');
      await ctx.screenshot(page, 'channels-desktop');
    });

    it('fits a phone', async () => {
      const { page } = await ctx.newPage({ phone: true });
      await ctx.login(page, 'manager');
      await page.goto('/admin/channels');
      await page.locator('tr', { hasText: '锦绣花园客服群' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await ctx.screenshot(page, 'channels-phone');
    });
  },
  { config: { PROPDESK_NOTIFY_ALLOW_LOCAL: '1' } },
);
