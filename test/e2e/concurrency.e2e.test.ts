import { expect, it } from 'vitest';
import { describeBrowser } from './browser.ts';

describeBrowser('concurrent edits in Chromium', (ctx) => {
  it('two people edit the same employee: the second save says who changed it, keeps what was typed, loads the current values on request', async () => {
    const first = await ctx.newPage();
    const second = await ctx.newPage();
    await ctx.login(first.page, 'admin');
    await ctx.login(second.page, 'manager');
    const open = async (page: typeof first.page) => {
      await page.goto('/staff/employees');
      await page
        .getByRole('row', { name: /刘洋/ })
        .getByRole('button', { name: /编\s*辑/ })
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('姓名').waitFor();
      return dialog;
    };
    // both open the form on the same version
    const a = await open(first.page);
    const b = await open(second.page);

    await a.getByLabel('姓名').fill('刘洋甲');
    await a.getByRole('button', { name: /保\s*存/ }).click();
    await a.waitFor({ state: 'hidden' });

    await b.getByLabel('姓名').fill('刘洋乙');
    await b.getByRole('button', { name: /保\s*存/ }).click();
    const conflict = b.getByTestId('stale-edit');
    await conflict.waitFor();
    const text = (await conflict.textContent()) ?? '';
    expect(text).toContain('系统管理员已于');
    expect(text).toContain('修改了这条记录');
    // the dialog stays open with what the second person typed
    expect(await b.getByLabel('姓名').inputValue()).toBe('刘洋乙');
    await ctx.screenshot(second.page, 'concurrency-stale-employee');

    // on request the form shows the values saved meanwhile; saving from them goes through
    await b.getByRole('button', { name: '加载最新内容' }).click();
    expect(await b.getByLabel('姓名').inputValue()).toBe('刘洋甲');
    await b.getByLabel('姓名').fill('刘洋');
    await b.getByRole('button', { name: /保\s*存/ }).click();
    await b.waitFor({ state: 'hidden' });
    await second.page.getByRole('row', { name: /刘洋/ }).first().waitFor();
    await first.context.close();
    await second.context.close();
  });
});
