import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { describeBrowser } from './browser.ts';

describeBrowser('security in Chromium', (ctx) => {
  it('a form on another port of the same host cannot sign the manager out; the app runs under its CSP', async () => {
    const { context, page } = await ctx.newPage();
    await ctx.login(page, 'manager');
    const csp = (await page.request.get('/')).headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");

    // the attacker's page: same host, another port (same site, so the Lax cookie goes along)
    const target = `${ctx.baseUrl}/api/auth/logout`;
    const attacker = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        `<form id="f" method="POST" action="${target}"></form><script>document.getElementById('f').submit()</script>`,
      );
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    const { port } = attacker.address() as AddressInfo;
    try {
      const evil = await context.newPage();
      const answer = evil.waitForResponse((r) => r.url() === target);
      await evil.goto(`http://127.0.0.1:${port}/`);
      const res = await answer;
      expect(res.status()).toBe(403);
      expect(await res.text()).toContain('CROSS_SITE_REQUEST');
      await evil.close();
    } finally {
      attacker.close();
    }

    // still signed in: the workbench answers as the manager
    await page.reload();
    await page.getByText('您好，王建国').waitFor();
    await ctx.screenshot(page, 'security-still-signed-in');
    await context.close();
  });
});
