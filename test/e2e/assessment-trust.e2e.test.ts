import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { confirmAndWait, describeBrowser } from './browser.ts';

/** Screenshots of issue 12's trust pages, looked at by a person (also kept in test-results/). */
const SHOTS = '/tmp/shots-appeals';
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

async function openSheet(page: Page, assessee: string, period: string) {
  await page.goto('/assessment/sheets');
  await page.getByTestId(`sheet-${assessee}-${period}`).click();
  await page.getByTestId('score-sheet').waitFor();
}

describeBrowser('assessment people can trust, in Chromium', (ctx) => {
  it('asks before publishing (cancel changes nothing); she appeals two cases of a row; the manager decides each; she sees each decision, its reason and who made it', async () => {
    const m = await ctx.newPage();
    await ctx.login(m.page, 'manager');
    await openSheet(m.page, '李晓梅', '2026-11');
    // every row explains itself; a rule without data says so in words, never a key
    const text = (await m.page.getByTestId('score-sheet').textContent()) ?? '';
    expect(text).toContain('数据未接入，请手工录入');
    expect(text).not.toMatch(/report\.\w+|未登记/);
    expect(text).toMatch(/× 0\.5 分 = [\d.]+ 分，上限 5 分/);
    await shot(m.page, 'sheet-desktop');

    // 发布公示 asks with the consequence; cancel leaves the draft as it was
    await m.page.getByRole('button', { name: /发布公示/ }).click();
    const confirm = m.page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('发布后被考核人可查看，并可在 3 天内申诉');
    await shot(m.page, 'confirm-publish-desktop');
    await confirm.getByRole('button', { name: /取\s*消/ }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await m.page.getByTestId('sheet-status').textContent()).toContain('草稿');
    await m.page.getByRole('button', { name: /发布公示/ }).click();
    await confirmAndWait(m.page, /确\s*定/, m.page.getByTestId('sheet-status').filter({ hasText: '公示中' }));

    // the supervisor ticks two of the repairs rule 2.5 counted
    const s = await ctx.newPage();
    await ctx.login(s.page, 'supervisor');
    await openSheet(s.page, '李晓梅', '2026-11');
    const explain = s.page.getByTestId('explain-2.5:auto');
    const before = (await explain.textContent()) ?? '';
    await s.page.getByTestId('appeal-2.5:auto').click();
    const dialog = s.page.getByRole('dialog');
    const boxes = dialog.locator('[data-testid^="appeal-case-"]');
    expect(await boxes.count()).toBeGreaterThan(1);
    // nothing ticked: the dialog says what is missing and sends nothing
    await dialog.getByLabel('申诉理由').fill('这两单当日已电话通知维修班，系统晚录');
    await dialog.getByRole('button', { name: /提交申诉/ }).click();
    await dialog.getByText('请至少勾选一项有异议的记录').waitFor();
    await boxes.nth(0).click();
    await boxes.nth(1).click();
    await shot(s.page, 'appeal-dialog-desktop');
    await dialog.getByRole('button', { name: /提交申诉/ }).click();
    await s.page.getByTestId('appeal-status-2.5:auto').filter({ hasText: '待处理' }).waitFor();
    expect(await s.page.getByTestId('rule-2.5').getByText('申诉中').count()).toBe(2);

    // the manager upholds the first case and rejects the second, each with a reason
    await m.page.reload();
    await m.page.locator('[data-testid^="decide-"]').first().click();
    const decide = m.page.getByRole('dialog');
    const cases = decide.locator('[data-testid^="decide-case-"]');
    expect(await cases.count()).toBe(2);
    await cases.nth(0).getByPlaceholder('处理理由').fill('通话记录属实，已及时联系');
    await cases.nth(1).getByText('驳回').click();
    await cases.nth(1).getByPlaceholder('处理理由').fill('无通知记录');
    await shot(m.page, 'decide-dialog-desktop');
    await decide.getByRole('button', { name: /确认处理/ }).click();
    await m.page.getByTestId('excluded-2.5:auto').waitFor();
    // the history says it in words: field labels, status words, Asia/Shanghai times, before → after
    await m.page.getByRole('button', { name: /修改记录/ }).click();
    const drawer = m.page.locator('.ant-drawer');
    await drawer
      .getByText(/处理申诉/)
      .first()
      .waitFor();
    const history = (await drawer.textContent()) ?? '';
    expect(history).toContain('公示中');
    expect(history).toContain('总分');
    expect(history).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}|[{}"]|upheld|published/);
    await shot(m.page, 'history-desktop');
    await m.page.keyboard.press('Escape');

    // she sees the row recomputed without the upheld case, and each decision with its reason and decider
    await s.page.reload();
    await s.page
      .getByTestId('excluded-2.5:auto')
      .getByText('申诉成立，已排除：通话记录属实，已及时联系')
      .waitFor();
    const after = (await s.page.getByTestId('explain-2.5:auto').textContent()) ?? '';
    expect(after).toContain('申诉成立已排除 1');
    expect(after).not.toBe(before);
    const appeals = s.page.getByTestId('appeals-table');
    await appeals.getByText('通话记录属实，已及时联系').waitFor();
    await appeals.getByText('无通知记录').waitFor();
    expect(await appeals.getByText(/王建国/).count()).toBe(2);
    await shot(s.page, 'sheet-decided-desktop');
    await s.page.getByTestId('rule-2.5').screenshot({ path: `${SHOTS}/row-decided-desktop.png` });
    await appeals.screenshot({ path: `${SHOTS}/appeals-decided-desktop.png` });
    await s.context.close();
    await m.context.close();
  });

  it('asks before cancelling a task (cancel does nothing); sheet, appeal dialog and a confirmation at phone width', async () => {
    const { context, page } = await ctx.newPage();
    await ctx.login(page, 'manager');
    const list = await page.request.get('/api/tasks?pageSize=100');
    expect(list.status(), await list.text()).toBe(200);
    const items = (await list.json()).items as {
      id: number;
      title: string;
      status: string;
      actions: string[];
    }[];
    const task = items.find((k) => k.actions.includes('cancel'))!;
    expect(task, 'a task the manager may cancel').toBeDefined();
    await page.goto(`/servicedesk/tasks/${task.id}`);
    await page
      .getByRole('button', { name: /^取\s*消$/ })
      .first()
      .click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(`取消后任务「${task.title}」不能再重新打开`);
    await shot(page, 'confirm-task-cancel-desktop');
    await confirm.getByTestId('confirm-cancel').click();
    await confirm.waitFor({ state: 'hidden' });
    const still = await page.request.get(`/api/tasks/${task.id}`);
    expect((await still.json()).status).toBe(task.status);

    // marking a complaint improper says what follows in its dialog; cancel leaves it unmarked
    const complaints = (await (await page.request.get('/api/complaints?pageSize=100')).json()).items as {
      id: number;
    }[];
    let markable: number | undefined;
    for (const c of complaints) {
      const detail = await (await page.request.get(`/api/complaints/${c.id}`)).json();
      if (detail.canMarkImproper && !detail.improper) {
        markable = c.id;
        break;
      }
    }
    expect(markable, 'a complaint the manager may mark improper').toBeDefined();
    await page.goto(`/servicedesk/complaints/${markable}`);
    await page.getByRole('button', { name: /标记处理不当/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByTestId('action-consequence')
      .getByText(/计入负责人的考核.*不能撤销/)
      .waitFor();
    await shot(page, 'confirm-improper-desktop');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await (await page.request.get(`/api/complaints/${markable}`)).json()).improper).toBe(false);
    await context.close();

    const phone = await ctx.newPage({ phone: true });
    await ctx.login(phone.page, 'supervisor');
    await openSheet(phone.page, '李晓梅', '2026-11');
    await shot(phone.page, 'sheet-phone');
    await phone.page.locator('[data-testid^="appeal-"][data-testid$=":auto"]').first().click();
    await phone.page.getByRole('dialog').locator('[data-testid^="appeal-case-"]').first().waitFor();
    await shot(phone.page, 'appeal-dialog-phone');
    await phone.page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await phone.context.close();
    const phoneManager = await ctx.newPage({ phone: true });
    await ctx.login(phoneManager.page, 'manager');
    await phoneManager.page.goto(`/servicedesk/tasks/${task.id}`);
    await phoneManager.page
      .getByRole('button', { name: /^取\s*消$/ })
      .first()
      .click();
    await phoneManager.page.locator('.ant-modal-confirm').waitFor();
    await shot(phoneManager.page, 'confirm-task-cancel-phone');
    await phoneManager.page.locator('.ant-modal-confirm').getByTestId('confirm-cancel').click();
    await phoneManager.context.close();
  });
});
