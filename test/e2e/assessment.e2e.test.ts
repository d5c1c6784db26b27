import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { confirmAndWait, describeBrowser } from './browser.ts';

const OK = /确\s*定/;

async function openSheet(page: Page, assessee: string, period: string) {
  await page.goto('/assessment/sheets');
  await page.getByTestId(`sheet-${assessee}-${period}`).click();
  await page.getByTestId('score-sheet').waitFor();
}

describeBrowser('assessment in Chromium', (ctx) => {
  it('manager publishes the supervisor’s month; she opens a deduction’s records and appeals one row; the manager upholds it and locks the sheet; she sees the new score', async () => {
    // 1. the manager publishes 李晓梅's November draft
    const m = await ctx.newPage();
    await ctx.login(m.page, 'manager');
    await m.page.getByRole('menuitem', { name: /考核/ }).first().click();
    await openSheet(m.page, '李晓梅', '2026-11');
    // the draft counts the month's records (service desk) and the manual lateness row
    const before = Number(await m.page.getByTestId('sheet-total').textContent());
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(100);
    const after = String(before + 1); // the 1-point lateness row will be appealed and upheld
    await m.page.getByRole('button', { name: /发布公示/ }).click();
    await confirmAndWait(m.page, OK, m.page.getByTestId('sheet-status').filter({ hasText: '公示中' }));
    await ctx.screenshot(m.page, 'assessment-manager-published');

    // 2. the supervisor sees each deducted point, opens the records behind rule 1.4, and appeals 0.1
    const s = await ctx.newPage();
    await ctx.login(s.page, 'supervisor');
    await openSheet(s.page, '李晓梅', '2026-11');
    const sheetText = (await s.page.getByTestId('score-sheet').textContent()) ?? '';
    for (const header of ['序号', '工作项目', '工作内容与应达到的要求', '权数', '具体考核办法', '扣减分数']) {
      expect(sheetText).toContain(header);
    }
    expect(sheetText).toContain('数据未接入，请手工录入');
    expect(await s.page.getByTestId('actual-1.4').textContent()).toBe('1');
    await ctx.screenshot(s.page, 'assessment-supervisor-sheet');
    const sheetUrl = s.page.url();
    // a service desk deduction (2.5: repairs not dispatched in time) opens the repair order it counts
    const repairLink = s.page.getByTestId('rule-2.5').getByRole('link').first();
    const repairLabel = (await repairLink.textContent()) ?? '';
    const repairCode = /BX\d{6}/.exec(repairLabel)?.[0];
    expect(repairCode).toBeDefined();
    await repairLink.click();
    await s.page.waitForURL(/\/servicedesk\/repairs\/\d+$/);
    await s.page.getByText('报修单').first().waitFor();
    await s.page.getByText(repairCode!).first().waitFor();
    await ctx.screenshot(s.page, 'assessment-opens-repair');
    await s.page.goto(sheetUrl);
    await s.page
      .getByTestId('rule-1.4')
      .getByRole('link', { name: /张伟 2026-10 考核第 4.3 条申诉成立/ })
      .click();
    await s.page.waitForURL((url) => url.pathname.startsWith('/assessment/sheets/') && url.href !== sheetUrl);
    await s.page.getByText('经核实有抢修记录，当日缺席晨会属实因公').first().waitFor();
    await s.page.goto(sheetUrl);
    await s.page.locator('[data-testid^="appeal-0.1:manual:"]').click();
    const dialog = s.page.getByRole('dialog');
    await dialog.getByLabel('申诉理由').fill('当天在物业中心处理业主漏水报修，已向经理报备');
    await dialog.getByRole('button', { name: /提交申诉/ }).click();
    await s.page
      .locator('[data-testid^="appeal-status-0.1:manual:"]')
      .filter({ hasText: '待处理' })
      .waitFor();
    await ctx.screenshot(s.page, 'assessment-supervisor-appealed');

    // 3. the manager finds the appeal, upholds it, then locks the sheet
    await m.page.goto('/assessment/appeals');
    await m.page.getByText('当天在物业中心处理业主漏水报修，已向经理报备').waitFor();
    await ctx.screenshot(m.page, 'assessment-appeals-inbox');
    await m.page
      .getByRole('row', { name: /当天在物业中心处理业主漏水报修/ })
      .getByRole('link', { name: '查看考核表' })
      .click();
    await m.page.locator('[data-testid^="decide-"]').first().click();
    const decide = m.page.getByRole('dialog');
    await decide.getByLabel('处理理由').fill('经核实当日在处理漏水，已报备，不计迟到');
    await decide.getByRole('button', { name: /确认处理/ }).click();
    await m.page.getByTestId('sheet-total').filter({ hasText: after }).waitFor();
    await m.page.getByRole('button', { name: /定稿锁定/ }).click();
    await confirmAndWait(m.page, OK, m.page.getByTestId('sheet-status').filter({ hasText: '已定稿' }));
    expect(await m.page.getByRole('button', { name: /发布公示|添加人工扣分|重新计算/ }).count()).toBe(0);
    await ctx.screenshot(m.page, 'assessment-manager-finalized');

    // the Excel export of the locked sheet, in the document's layout
    const href = await m.page.getByRole('link', { name: /导出 Excel/ }).getAttribute('href');
    const response = await m.page.request.get(href!);
    expect(response.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.body()) as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0];
    expect(ws.getCell('C3').value).toBe('工作内容与应达到的要求');
    expect(ws.getRow(25).getCell(9).value).toBe(Number(after));

    // 4. the supervisor sees the decision and the new score
    await s.page.reload();
    await s.page.getByTestId('sheet-total').filter({ hasText: after }).waitFor();
    await s.page
      .locator('[data-testid^="appeal-status-0.1:manual:"]')
      .filter({ hasText: '申诉成立' })
      .waitFor();
    await s.page.getByText('经核实当日在处理漏水，已报备，不计迟到').first().waitFor();
    expect(await s.page.getByTestId('sheet-status').textContent()).toContain('已定稿');
    await ctx.screenshot(s.page, 'assessment-supervisor-decided');
    await m.context.close();
    await s.context.close();
  });

  it('shows the print view, the ranking, the trend chart and the scheme in Chinese', async () => {
    const { context, page } = await ctx.newPage();
    await ctx.login(page, 'manager');
    await openSheet(page, '李晓梅', '2026-10');
    await page.getByRole('link', { name: /打印版/ }).click();
    await page.getByTestId('print-sheet').waitFor();
    expect(await page.getByTestId('print-sheet').textContent()).toContain('被考核人签字');
    await ctx.screenshot(page, 'assessment-print');
    // the demo's officers were assessed up to October (a link opens that month, whatever today is)
    await page.goto('/assessment/ranking?period=2026-10');
    await page.getByTestId('ranking').getByText('张伟').waitFor();
    await ctx.screenshot(page, 'assessment-ranking');
    await page.goto('/assessment/schemes');
    await page.getByTestId('scheme-table').getByText('负责部门员工工作监督、督促').waitFor();
    await ctx.screenshot(page, 'assessment-scheme');
    await context.close();

    const s = await ctx.newPage();
    await ctx.login(s.page, 'supervisor');
    await s.page.goto('/assessment/trend');
    await s.page.getByTestId('trend-chart').locator('canvas').waitFor();
    await s.page.waitForTimeout(1500); // the line draws itself in
    await ctx.screenshot(s.page, 'assessment-trend');
    await s.context.close();
  });
});
