import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PNG } from '../helpers/servicedesk.ts';
import { ARTIFACTS, describeBrowser } from './browser.ts';

/** Monday of this week in China, 'YYYY-MM-DD' */
function thisMonday() {
  const local = new Date(Date.now() + 8 * 3_600_000);
  const back = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

describeBrowser('service desk in Chromium', (ctx) => {
  let repairUrl = '';
  let repairCode = '';

  it('an owner on a phone reports a repair with a photo', async () => {
    const { context, page } = await ctx.newPage({ phone: true });
    await ctx.login(page, 'owner');
    await page.getByRole('button', { name: /我要报修/ }).click();
    await page.getByTestId('portal-category').click();
    await page.getByTitle('水电维修').click();
    await page.getByLabel('哪里需要维修？').fill('3栋2单元501 卫生间');
    await page.getByLabel('请描述问题').fill('卫生间灯不亮，开关没反应');
    const photo = join(ARTIFACTS, 'tap.png');
    writeFileSync(photo, PNG);
    await page.locator('input[type=file]').setInputFiles(photo);
    await ctx.screenshot(page, 'servicedesk-1-owner-report-phone');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.waitForURL(/\/portal\/repairs\/\d+$/);
    await page.getByText('待派工').first().waitFor();
    await page.locator('img[src*="/photos/"]').first().waitFor();
    repairUrl = page.url().replace('/portal/repairs/', '/servicedesk/repairs/');
    repairCode = ((await page.locator('.ant-card-head-title').first().textContent()) ?? '').split(' ')[0];
    expect(repairCode).toMatch(/^BX\d{6}$/);
    await ctx.screenshot(page, 'servicedesk-2-owner-follow-phone');
    await context.close();
  });

  it('the front desk dispatches it to an officer', async () => {
    const { context, page } = await ctx.newPage();
    await ctx.login(page, 'frontdesk');
    await page.goto('/servicedesk/repairs');
    await page.getByText(repairCode).click();
    await page.getByTestId('action-dispatch').click();
    await page.getByTestId('dispatch-assignee').click();
    await page.getByTitle(/^张伟/).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /派\s*工/ })
      .click();
    await page.getByText('已派工').first().waitFor();
    expect(await page.getByTestId('timeline-entry').count()).toBeGreaterThanOrEqual(3); // create, photo, dispatch
    await ctx.screenshot(page, 'servicedesk-3-frontdesk-dispatched');
    await context.close();
  });

  it('the officer completes it', async () => {
    const { context, page } = await ctx.newPage();
    await ctx.login(page, 'officer');
    await page.goto(new URL(repairUrl).pathname);
    await page.getByTestId('action-complete').click();
    await page.getByRole('dialog').getByLabel('处理结果').fill('更换了灯座和开关');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /完\s*成/ })
      .click();
    await page.getByText('已完成').first().waitFor();
    await context.close();
  });

  it('the owner rates it on the phone', async () => {
    const { context, page } = await ctx.newPage({ phone: true });
    await ctx.login(page, 'owner');
    await page.goto(new URL(repairUrl).pathname.replace('/servicedesk/', '/portal/'));
    await page.getByText('评价维修').waitFor();
    await page.getByTestId('portal-rating').locator('li').nth(3).click();
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('已回访').first().waitFor();
    await ctx.screenshot(page, 'servicedesk-4-owner-rated-phone');
    await context.close();
  });

  it("the supervisor's weekly review lists it", async () => {
    const { context, page } = await ctx.newPage();
    await ctx.login(page, 'supervisor');
    await page.goto(`/servicedesk/reviews?week=${thisMonday()}`);
    await page.getByTestId('review-created').getByText(repairCode).waitFor();
    await ctx.screenshot(page, 'servicedesk-5-supervisor-review');
    // the list pages, in Chinese, with the bell
    await page.goto('/servicedesk/repairs');
    await page.getByText('业主报修').first().waitFor();
    await page.getByTestId('reminder-bell').waitFor();
    await ctx.screenshot(page, 'servicedesk-6-repairs-list');
    await page.goto('/servicedesk/complaints');
    await page.getByTestId('complaint-rate').first().waitFor();
    await ctx.screenshot(page, 'servicedesk-7-complaints');
    await page.goto('/servicedesk/tasks');
    await page.getByText('各类任务完成率', { exact: false }).waitFor();
    await ctx.screenshot(page, 'servicedesk-8-tasks');
    await context.close();
  });

  it('runs the complaint cycle: owner complains, desk assigns, officer resolves, owner rates, manager marks improper', async () => {
    const owner = await ctx.newPage({ phone: true });
    await ctx.login(owner.page, 'owner');
    await owner.page.getByRole('button', { name: /我要投诉/ }).click();
    await owner.page.getByLabel('类别').click();
    await owner.page.getByTitle('环境卫生').click();
    await owner.page.getByLabel('投诉内容').fill('垃圾桶三天没有清运，味道很大');
    await owner.page.getByRole('button', { name: /提\s*交/ }).click();
    await owner.page.waitForURL(/\/portal\/complaints\/\d+$/);
    const path = new URL(owner.page.url()).pathname.replace('/portal/', '/servicedesk/');
    await owner.page.getByText('已受理').waitFor();

    const desk = await ctx.newPage();
    await ctx.login(desk.page, 'frontdesk');
    await desk.page.goto(path);
    await desk.page.getByRole('button', { name: /指派处理人/ }).click();
    await desk.page.getByRole('dialog').getByLabel('处理人').click();
    await desk.page.getByTitle(/^张伟/).click();
    await desk.page
      .getByRole('dialog')
      .getByRole('button', { name: /OK|确\s*定/ })
      .click();
    await desk.page.getByText('处理中').first().waitFor();
    await desk.context.close();

    const officer = await ctx.newPage();
    await ctx.login(officer.page, 'officer');
    await officer.page.goto(path);
    await officer.page.getByRole('button', { name: /^解\s*决$/ }).click();
    await officer.page.getByRole('dialog').getByLabel('处理结果').fill('已安排保洁加密清运并致歉');
    await officer.page
      .getByRole('dialog')
      .getByRole('button', { name: /OK|确\s*定/ })
      .click();
    await officer.page.getByText('已解决').first().waitFor();
    await officer.context.close();

    await owner.page.reload();
    await owner.page.getByRole('button', { name: /提\s*交/ }).click();
    await owner.page.getByText('已回访').waitFor();
    await ctx.screenshot(owner.page, 'servicedesk-9-owner-complaint-phone');
    await owner.context.close();

    const manager = await ctx.newPage();
    await ctx.login(manager.page, 'manager');
    await manager.page.goto(path);
    await manager.page.getByRole('button', { name: /标记处理不当/ }).click();
    await manager.page.getByRole('dialog').getByLabel('处理不当原因').fill('首次响应超过时限，业主多次催促');
    await manager.page
      .getByRole('dialog')
      .getByRole('button', { name: /OK|确\s*定/ })
      .click();
    await manager.page.getByText('处理不当：首次响应超过时限，业主多次催促').waitFor();
    await ctx.screenshot(manager.page, 'servicedesk-10-manager-improper');
    await manager.context.close();
  });

  it('the manager changes a repair category’s completion limit on the categories page', async () => {
    const { context, page } = await ctx.newPage();
    await ctx.login(page, 'manager');
    await page.goto('/admin/repair-categories');
    const row = page.getByRole('row', { name: /门窗五金/ });
    await row.getByText('3 个工作日').waitFor();
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('spinbutton').nth(1).fill('4');
    await dialog.getByRole('button', { name: /保\s*存|确\s*定/ }).click();
    await row.getByText('4 个工作日').waitFor();
    await ctx.screenshot(page, 'servicedesk-10b-repair-categories');
    // kept: a fresh page reads it back from the server
    await page.reload();
    await page
      .getByRole('row', { name: /门窗五金/ })
      .getByText('4 个工作日')
      .waitFor();
    await context.close();
  });

  it('the admin sees the 2027 calendar marked provisional', async () => {
    const { context, page } = await ctx.newPage();
    await ctx.login(page, 'admin');
    await page.goto('/admin/calendar');
    await page.getByText('请在国务院公布正式放假安排后核对').waitFor();
    // the shipped 2027 days arrive with the table
    await page.getByRole('cell', { name: '春节' }).first().waitFor();
    expect(await page.getByRole('cell', { name: '2027-02-05' }).count()).toBe(1);
    await ctx.screenshot(page, 'servicedesk-11-calendar');
    await context.close();
  });
  it('a task: the officer asks to cancel with a reason, the supervisor (its issuer) approves with a reason', async () => {
    const sup = await ctx.newPage();
    await ctx.login(sup.page, 'supervisor');
    await sup.page.goto('/servicedesk/tasks');
    // handed out through the API from the signed-in page (same origin, the supervisor's session)
    const taskId = await sup.page.evaluate(async () => {
      const projects = await (await fetch('/api/projects')).json();
      const projectId = projects[0].id;
      const staff = await (await fetch(`/api/employees?projectId=${projectId}&q=张伟&pageSize=5`)).json();
      const res = await fetch('/api/tasks', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          projectId,
          title: '整理三栋业主档案',
          category: 'archive',
          assigneeEmployeeId: staff.items[0].id,
          dueIn: { amount: 3, unit: 'working_days' },
        }),
      });
      return (await res.json()).id as number;
    });
    expect(taskId).toBeGreaterThan(0);

    const officer = await ctx.newPage();
    await ctx.login(officer.page, 'officer');
    await officer.page.goto(`/servicedesk/tasks/${taskId}`);
    // the assignee has no cancel button, only the request
    await officer.page.getByRole('button', { name: /申请取消/ }).click();
    const ask = officer.page.getByRole('dialog');
    await ask.getByRole('button', { name: /OK|确\s*定/ }).click();
    // the reason is required: the form says so before anything is sent
    await ask.locator('.ant-form-item-explain-error').first().waitFor();
    await ask.getByLabel('申请取消的原因').fill('业主已委托物业另行整理');
    await ask.getByRole('button', { name: /OK|确\s*定/ }).click();
    await officer.page.getByText('待取消审批').first().waitFor();
    expect(await officer.page.getByRole('button', { name: /^取消任务$/ }).count()).toBe(0);
    await officer.context.close();

    await sup.page.goto(`/servicedesk/tasks/${taskId}`);
    await sup.page
      .getByTestId('task-cancel-request')
      .getByText('业主已委托物业另行整理', { exact: false })
      .waitFor();
    await ctx.screenshot(sup.page, 'servicedesk-11-task-cancel-request');
    await sup.page.getByRole('button', { name: /同意取消/ }).click();
    const decide = sup.page.getByRole('dialog');
    await decide.getByLabel('取消原因').fill('同意，档案由物业统一整理');
    await decide.getByRole('button', { name: /OK|确\s*定/ }).click();
    await sup.page
      .getByTestId('task-cancellation')
      .getByText('同意，档案由物业统一整理', { exact: false })
      .waitFor();
    await ctx.screenshot(sup.page, 'servicedesk-12-task-cancelled');
    await sup.context.close();
  });
});
