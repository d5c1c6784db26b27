import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeBrowser } from './browser.ts';

describeBrowser('foundation in Chromium', (ctx) => {
  it('supervisor logs in, opens the 客服主管 position and reads it in Chinese', async () => {
    const { context, page } = await ctx.newPage();
    await ctx.login(page, 'supervisor');
    await page.getByText('您好，李晓梅').waitFor();
    // the side menu shows what a supervisor may use, in Chinese; not the admin pages
    await page.getByRole('menuitem', { name: /岗位说明书/ }).click();
    expect(await page.getByRole('menuitem', { name: /用户/ }).count()).toBe(0);
    await page.getByTestId('position-CS-SUPERVISOR').click();
    const doc = page.getByTestId('position-doc');
    await doc.waitFor();
    const text = (await doc.textContent()) ?? '';
    for (const label of [
      '岗位名称',
      '岗位分层',
      '直接上级',
      '所属职系',
      '职位特征',
      '工作权限',
      '任职资格',
      '岗位职责',
      '工作规范',
    ]) {
      expect(text).toContain(label);
    }
    expect(text).toContain('干事级');
    expect(text).toContain('各业务处经理');
    expect(text).toContain('对下属员工有检查、参与和考核权');
    const shot = await ctx.screenshot(page, 'foundation-supervisor-position');
    expect(existsSync(shot)).toBe(true);
    await context.close();
  });

  it('shows a wrong password as a Chinese error on the login page', async () => {
    const { context, page } = await ctx.newPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill('supervisor');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('用户名或密码错误').waitFor();
    expect(page.url()).toContain('/login');
    await context.close();
  });

  it('admin creates an employee; a bad phone is shown beside its field and nothing is saved', async () => {
    const { context, page } = await ctx.newPage();
    await ctx.login(page, 'admin');
    await page.goto('/staff/employees');
    await page.getByRole('button', { name: /新建员工/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('工号').fill('E9901');
    await dialog.getByLabel('姓名').fill('测试员工');
    await dialog.getByLabel('手机号').fill('12345678901');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('手机号格式不正确，应为 11 位数字并以 1 开头').waitFor();
    await dialog.getByLabel('手机号').fill('13912345678');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('E9901').waitFor();
    await ctx.screenshot(page, 'foundation-employees');
    await context.close();
  });
});

describeBrowser('user administration in Chromium', (ctx) => {
  it('admin creates an officer of one project in the users page; the officer logs in and sees only it', async () => {
    const admin = await ctx.newPage();
    await ctx.login(admin.page, 'admin');
    await admin.page.goto('/admin/users');
    await admin.page.getByRole('button', { name: /新建用户/ }).click();
    const dialog = admin.page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('zhaoliu');
    await dialog.getByLabel('初始密码').fill('password-1');
    await dialog.getByLabel('姓名').fill('赵六');
    await dialog.getByLabel('所属项目').click();
    await admin.page.locator('.ant-select-dropdown:visible').getByTitle('锦绣华庭').click();
    // the chosen project shows in the field before saving
    await dialog.getByText('锦绣华庭').first().waitFor();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await admin.page
      .getByRole('row', { name: /zhaoliu/ })
      .getByText('锦绣华庭')
      .waitFor();
    await admin.context.close();

    const officer = await ctx.newPage();
    await ctx.login(officer.page, 'zhaoliu', 'password-1');
    await officer.page.goto('/staff/employees');
    await officer.page.getByText('刘洋').waitFor();
    const rows = await officer.page.locator('tbody tr').allTextContents();
    expect(rows.every((r) => !r.includes('翠湖花园'))).toBe(true);
    await ctx.screenshot(officer.page, 'foundation-officer-employees');
    await officer.context.close();
  });

  it('a supervisor opening an admin page sees 无权访问 (not 404) and goes back home from it', async () => {
    const { context, page } = await ctx.newPage();
    await ctx.login(page, 'supervisor');
    await page.goto('/admin/users');
    await page.getByText('无权访问').waitFor();
    expect(await page.getByText('页面不存在').count()).toBe(0);
    await ctx.screenshot(page, 'foundation-forbidden');
    await page.getByRole('button', { name: /返回首页/ }).click();
    await page.getByText('您好，李晓梅').waitFor();
    // an address that is no page at all is still the 404
    await page.goto('/no-such-page');
    await page.getByText('页面不存在').waitFor();
    await context.close();
  });

  it('a page shows its loading state, then the server’s error with a retry, then its data', async () => {
    const { context, page } = await ctx.newPage();
    await ctx.login(page, 'supervisor');
    let calls = 0;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/positions', async (route) => {
      calls += 1;
      if (calls > 2) return route.continue();
      // the first answers wait, so the loading state can be seen; then they fail as a server might
      await held;
      return route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'UNAVAILABLE', message: '服务暂时不可用', requestId: 'req-e2e-1' }),
      });
    });
    await page.goto('/staff/positions');
    await page.locator('.ant-skeleton').first().waitFor();
    await ctx.screenshot(page, 'foundation-loading');
    release();
    await page.getByText('加载失败').waitFor();
    await page.getByText('服务暂时不可用').waitFor();
    await page.getByText('req-e2e-1').waitFor();
    await ctx.screenshot(page, 'foundation-load-error');
    await page.getByRole('button', { name: /重\s*试/ }).click();
    await page.getByTestId('position-CS-SUPERVISOR').waitFor();
    await context.close();
  });

  it('an API answer of 403 shows the 无权访问 page with the server’s message', async () => {
    const { context, page } = await ctx.newPage();
    await ctx.login(page, 'supervisor');
    await page.route('**/api/positions', (route) =>
      route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'FORBIDDEN', message: '无权执行此操作' }),
      }),
    );
    await page.goto('/staff/positions');
    await page.getByText('无权访问').waitFor();
    await page.getByText('无权执行此操作').waitFor();
    await context.close();
  });

  it('a list with nothing in it says so (暂无数据)', async () => {
    const { context, page } = await ctx.newPage();
    await ctx.login(page, 'supervisor');
    await page.route('**/api/positions', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '[]' }),
    );
    await page.goto('/staff/positions');
    await page
      .getByTestId('empty-state')
      .locator('.ant-empty-description', { hasText: '暂无数据' })
      .waitFor();
    await ctx.screenshot(page, 'foundation-empty');
    await context.close();
  });
});
