import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildXlsx, readXlsx } from '../helpers/excel.ts';
import { describeBrowser } from './browser.ts';

const dir = mkdtempSync(join(tmpdir(), 'propdesk-e2e-import-'));

async function sheetFile(name: string, areaOf102: string | number) {
  const file = join(dir, name);
  const units: (string | number)[][] = [
    ['楼栋', '房号', '楼层', '建筑面积(㎡)', '状态', '交房日期', '入住日期'],
  ];
  for (let f = 1; f <= 6; f++) {
    for (let k = 1; k <= 4; k++) {
      const room = `${f}0${k}`;
      units.push([
        '20栋',
        room,
        f,
        room === '102' ? areaOf102 : 95.5,
        k === 1 ? '空置' : k === 2 ? '装修中' : '入住',
        '2025-06-01',
        k > 1 ? '2025-09-01' : '',
      ]);
    }
  }
  writeFileSync(
    file,
    await buildXlsx({
      楼栋: [
        ['标段', '楼栋', '层数'],
        ['三期', '20栋', 6],
      ],
      房屋: units,
      业主及住户: [
        ['楼栋', '房号', '类型', '姓名', '电话', '关系', '主联系人'],
        ['20栋', '101', '业主', '测试业主', '13811112222', '本人', '是'],
      ],
    }),
  );
  return file;
}

describeBrowser('property register in Chromium', (ctx) => {
  it('admin downloads the template, imports a sheet with one bad row, sees the report, fixes it and sees the grid', async () => {
    const { context, page } = await ctx.newPage();
    await ctx.login(page, 'admin');
    await page.goto('/property/import');
    await page.getByText('导入房屋及业主').first().waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /下载导入模板/ }).click(),
    ]);
    const template = await readXlsx(
      Buffer.from(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c))),
    );
    expect(template.房屋[0]).toEqual([
      '楼栋',
      '房号',
      '楼层',
      '建筑面积(㎡)',
      '状态',
      '交房日期',
      '入住日期',
    ]);

    await page.locator('input[type=file]').setInputFiles(await sheetFile('bad.xlsx', '九十五'));
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    await errors.getByText('文件中有 1 处错误，未导入任何数据').waitFor();
    await errors.getByText('建筑面积应为大于 0 的数字，最多两位小数').waitFor();
    expect(await errors.getByRole('cell', { name: '3', exact: true }).count()).toBe(1);
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /下载错误报告/ }).click(),
    ]);
    const reportBook = await readXlsx(Buffer.concat(await (await report.createReadStream()).toArray()));
    expect(reportBook.房屋[0].at(-1)).toBe('错误');
    expect(reportBook.房屋[2].at(-1)).toBe('建筑面积(㎡)：建筑面积应为大于 0 的数字，最多两位小数');
    await ctx.screenshot(page, 'property-import-errors');

    await page.locator('input[type=file]').setInputFiles(await sheetFile('good.xlsx', 88.25));
    const done = page.getByTestId('import-done');
    await done.waitFor();
    await done.getByText(/房屋 24 套/).waitFor();
    await ctx.screenshot(page, 'property-import-done');

    await done.getByRole('button', { name: '查看房屋档案' }).click();
    await page.getByTestId('tree-building-20栋').click();
    const grid = page.getByTestId('unit-grid');
    await grid.waitFor();
    expect(await grid.locator('button').count()).toBe(24);
    await ctx.screenshot(page, 'property-register-grid');

    await grid.getByTestId('unit-cell-101').click();
    await page.getByTestId('unit-people').getByText('测试业主').waitFor();
    await page.getByText('13811112222').waitFor();
    // link the demo owner's login to this unit: it appears among the account's units
    await page.getByTestId('owner-link-select').click();
    await page.locator('.ant-select-dropdown:visible').getByText('吴先生（owner）').click();
    await page
      .getByRole('button', { name: '关 联' })
      .or(page.getByRole('button', { name: '关联' }))
      .click();
    await page.locator('.ant-tag', { hasText: '吴先生（owner）' }).waitFor();
    await ctx.screenshot(page, 'property-unit');
    await context.close();
  });

  it('the supervisor adds a unit by hand, then records its move-in', async () => {
    const { context, page } = await ctx.newPage();
    await ctx.login(page, 'supervisor');
    await page.goto('/property/register');
    await page.getByTestId('tree-building-1栋').click();
    await page.getByRole('button', { name: /新\s*建/ }).hover();
    await page.getByText('新建房屋').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('房号').fill('2607');
    await dialog.getByLabel('楼层').fill('26');
    await dialog.getByLabel('建筑面积(㎡)').fill('abc');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('大于 0 的数字，最多两位小数').waitFor();
    await dialog.getByLabel('建筑面积(㎡)').fill('101.25');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('unit-cell-2607').click();
    await page.getByText('101.25').waitFor();
    await page.getByRole('button', { name: '变更状态' }).click();
    const statusDialog = page.getByRole('dialog');
    // pick 入住; a click that lands while the dropdown is still opening is lost, so try again
    const field = statusDialog.locator('.ant-select').first();
    for (let attempt = 0; attempt < 3; attempt++) {
      if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await field.click();
      await page.locator('.ant-select-dropdown:visible').getByText('入住', { exact: true }).click();
      const chosen = await field
        .getByText('入住', { exact: true })
        .waitFor({ timeout: 3_000 })
        .then(() => true)
        .catch(() => false);
      if (chosen) break;
    }
    // the choice shows in the field before saving (a missed click would save the old status)
    await field.getByText('入住', { exact: true }).waitFor();
    await statusDialog.getByRole('button', { name: /保\s*存/ }).click();
    await statusDialog.waitFor({ state: 'hidden' });
    // the status history refreshes after the dialog closes
    await page.locator('.ant-timeline-item').filter({ hasText: '入住' }).first().waitFor();
    await page.getByRole('button', { name: /添加业主\/住户/ }).click();
    const personDialog = page.getByRole('dialog');
    await personDialog.getByLabel('姓名').fill('郑业主');
    await personDialog.getByLabel('电话').fill('0571-123');
    await personDialog.getByRole('button', { name: /保\s*存/ }).click();
    await personDialog.getByText('13800000000 / 0571-88001234').waitFor();
    await personDialog.getByLabel('电话').fill('0571-88001234');
    await personDialog.getByRole('button', { name: /保\s*存/ }).click();
    await personDialog.waitFor({ state: 'hidden' });
    await page.getByTestId('unit-people').getByText('0571-88001234').waitFor();
    await ctx.screenshot(page, 'property-unit-created');
    await context.close();
  });

  it('an officer sees their area first', async () => {
    const { context, page } = await ctx.newPage();
    await ctx.login(page, 'officer');
    await page.goto('/property/register');
    await page.getByTestId('tree-building-1栋').waitFor();
    expect(await page.getByText('我的区域', { exact: true }).count()).toBe(5);
    expect(await page.getByTestId('tree-building-6栋').count()).toBe(0);
    await page.getByRole('tab', { name: '房屋列表' }).click();
    await page.getByText('共 781 条').waitFor(); // 5 buildings × 26 floors × 6, and 2607 added by hand
    await ctx.screenshot(page, 'property-officer-area');
    await context.close();
  });

  it('the supervisor hands a building to another officer on the areas page, keeping the history', async () => {
    const { context, page } = await ctx.newPage();
    await ctx.login(page, 'supervisor');
    await page.goto('/property/areas');
    const row = page.getByRole('row', { name: /10栋/ });
    await row.getByText('陈静').waitFor();
    await row.locator('.ant-select').click();
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/officer') && r.request().method() === 'PUT' && r.ok()),
      page.locator('.ant-select-dropdown:visible').getByText('张伟', { exact: true }).click(),
    ]);
    await row.getByRole('button', { name: '分配历史' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('陈静').waitFor();
    expect(await drawer.locator('tbody tr').count()).toBe(2);
    await page.waitForTimeout(400); // the drawer's slide-in
    await ctx.screenshot(page, 'property-officer-areas');
    await context.close();
  });

  it('an owner sees only their own units on the phone-sized portal', async () => {
    const { context, page } = await ctx.newPage({ phone: true });
    await ctx.login(page, 'owner');
    const mine = page.getByTestId('my-units');
    await mine.getByText('翠湖花园 1栋 1201').waitFor();
    // two demo units and the one the admin linked in the first journey
    await mine.getByText('翠湖花园 20栋 101').waitFor();
    expect(await mine.locator('.ant-list-item').count()).toBe(3);
    await ctx.screenshot(page, 'property-owner-portal');
    await context.close();
  });
});
