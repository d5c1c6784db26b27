import { expect, it } from 'vitest';
import type { MetricContext } from '../../server/lib/metrics.ts';
import { allMetrics } from '../../server/metrics.ts';
import { computeDue } from '../../server/modules/calendar/calendar.service.ts';
import { countOccupiedHouseholds } from '../../server/modules/property/property.service.ts';
import { createRepairMetrics } from '../../server/modules/repair/repair.metrics.ts';

const repairMetrics = createRepairMetrics({ computeDue });

import { taskMetrics } from '../../server/modules/task/task.metrics.ts';
import { describeApi } from '../helpers/app.ts';
import { idsOf, seedUnits, testClock } from '../helpers/servicedesk.ts';

const clock = testClock('2026-11-27T09:00');
const utc = (local: string) => new Date(`${local}:00+08:00`).toISOString();

/**
 * December 2026 in 锦绣华庭 (project b), prepared through the API with the clock moved by hand;
 * each metric must count exactly the records planted for it.
 */
describeApi(
  'service desk metrics on a prepared month',
  (ctx) => {
    const planted: Record<string, number> = {};
    let metricCtx: MetricContext;

    it('prepares December 2026', async () => {
      const { projectB, employee, user } = await idsOf(ctx);
      const sup = await ctx.as('supervisor2');
      const fd = await ctx.as('frontdesk2');
      const mgr = await ctx.as('manager');
      const officer = employee('officer3');
      const at = async <T>(local: string, fn: () => Promise<T>): Promise<T> => {
        clock.set(local);
        return fn();
      };
      // biome-ignore lint/suspicious/noExplicitAny: response bodies
      const ok = async (p: Promise<{ statusCode: number; body: string; json(): any }>): Promise<any> => {
        const r = await p;
        expect(r.statusCode, r.body).toBe(200);
        return r.json();
      };
      // ---- tasks ----
      const task = (title: string, category: string, due: string) =>
        ok(
          sup({
            method: 'POST',
            url: '/api/tasks',
            payload: { projectId: projectB, title, category, assigneeEmployeeId: officer, dueAt: utc(due) },
          }),
        );
      const done = (id: number) =>
        ok(sup({ method: 'POST', url: `/api/tasks/${id}/actions/complete`, payload: { result: '已完成' } }));
      await at('2026-11-27T09:00', async () => {
        planted.t1 = (await task('整理业主档案', 'service', '2026-12-03T10:00')).id;
        planted.t2 = (await task('回访投诉业主', 'service', '2026-12-10T17:00')).id;
        planted.t3 = (await task('催缴物业费', 'fee', '2026-12-15T17:00')).id;
        planted.t4 = (await task('十一月任务', 'service', '2026-11-28T17:00')).id;
        planted.t5 = (await task('一月任务', 'fee', '2027-01-05T17:00')).id;
        planted.t6 = (await task('取消的任务', 'admin', '2026-12-20T17:00')).id;
        await ok(
          sup({
            method: 'POST',
            url: `/api/tasks/${planted.t6}/actions/cancel`,
            payload: { reason: '计划调整' },
          }),
        );
      });
      await at('2026-12-02T09:00', () => done(planted.t1));
      await at('2026-12-11T09:00', () => done(planted.t2));

      // ---- repairs: water-electric, dispatch within 2 working hours ----
      const cats = (await fd({ method: 'GET', url: '/api/repair-categories' })).json();
      const water = cats.find((c: { code: string }) => c.code === 'water-electric').id;
      const repair = (loc: string) =>
        ok(
          fd({
            method: 'POST',
            url: '/api/repairs',
            payload: {
              projectId: projectB,
              location: loc,
              reporterName: '业主',
              categoryId: water,
              description: '灯不亮了',
            },
          }),
        );
      const dispatch = (id: number) =>
        ok(
          fd({
            method: 'POST',
            url: `/api/repairs/${id}/actions/dispatch`,
            payload: { assigneeEmployeeId: officer },
          }),
        );
      planted.r5 = (await at('2026-11-30T10:00', () => repair('11月报修'))).id;
      await at('2026-11-30T15:00', () => dispatch(planted.r5));
      planted.r1 = (await at('2026-12-01T10:00', () => repair('1栋101'))).id;
      await at('2026-12-01T11:00', () => dispatch(planted.r1));
      planted.r2 = (await at('2026-12-02T10:00', () => repair('1栋102'))).id;
      await at('2026-12-02T14:00', () => dispatch(planted.r2));
      planted.r3 = (await at('2026-12-03T10:00', () => repair('1栋103'))).id;
      planted.r4 = (await at('2026-12-04T10:00', () => repair('1栋104'))).id;
      await at('2026-12-04T11:00', () =>
        ok(fd({ method: 'POST', url: `/api/repairs/${planted.r4}/actions/cancel`, payload: {} })),
      );

      // ---- weekly reviews: weeks of 30 Nov and 14 Dec submitted; 7 Dec and 21 Dec missing ----
      // a review concludes on each order unfinished at the week's end (submitted before its due time)
      const review = async (weekStart: string) => {
        const draft = await ok(
          sup({
            method: 'GET',
            url: `/api/repair-reviews/week?projectId=${projectB}&weekStart=${weekStart}`,
          }),
        );
        return ok(
          sup({
            method: 'POST',
            url: '/api/repair-reviews',
            payload: {
              projectId: projectB,
              weekStart,
              summary: '本周报修已审核',
              conclusions: draft.content.unfinished.map((u: { id: number }) => ({
                repairOrderId: u.id,
                conclusion: '跟进中',
              })),
            },
          }),
        );
      };
      await at('2026-12-07T09:00', () => review('2026-11-30'));
      await at('2026-12-21T09:00', () => review('2026-12-14'));

      // ---- complaints: 50 occupied households; 2 complaints in December, improper marks ----
      // the complaint rate divides by 入住 households only (装修中 only if the company says so)
      planted.householdsBefore = await countOccupiedHouseholds(ctx.database.db, projectB, '2026-12-31', {
        includeRenovating: false,
      });
      await seedUnits(ctx, projectB, 50, 5);
      const kcats = (await fd({ method: 'GET', url: '/api/complaint-categories' })).json();
      const complaint = (name: string) =>
        ok(
          fd({
            method: 'POST',
            url: '/api/complaints',
            payload: {
              projectId: projectB,
              complainantName: name,
              categoryId: kcats[0].id,
              content: '夜间噪音',
            },
          }),
        );
      planted.c0 = (await at('2026-11-30T10:00', () => complaint('十一月业主'))).id;
      planted.c1 = (await at('2026-12-05T10:00', () => complaint('钱女士'))).id;
      planted.c2 = (await at('2026-12-18T10:00', () => complaint('孙先生'))).id;
      await at('2026-12-01T10:00', () =>
        ok(
          mgr({
            method: 'POST',
            url: `/api/complaints/${planted.c0}/improper`,
            payload: { reason: '推诿业主' },
          }),
        ),
      );
      await at('2026-12-20T10:00', () =>
        ok(
          mgr({
            method: 'POST',
            url: `/api/complaints/${planted.c1}/improper`,
            payload: { reason: '未按时回复' },
          }),
        ),
      );

      clock.set('2027-01-10T09:00');
      metricCtx = {
        db: ctx.database.db,
        projectId: projectB,
        assesseeUserId: user('supervisor2').id,
        assesseeEmployeeId: employee('supervisor2'),
        periodStart: '2026-12-01',
        periodEnd: '2027-01-01',
        periodStartAt: utc('2026-12-01T00:00'),
        periodEndAt: utc('2027-01-01T00:00'),
        period: { start: '2026-12-01', end: '2027-01-01' },
        // the whole project's facts, as the supervisor's scheme counts them
        scope: 'project',
        teamIds: [],
        employeeIds: [],
        countRenovating: false,
        now: clock.now(),
      };
    });

    const metric = (key: string) => allMetrics.find((m) => m.key === key)!.compute(metricCtx);
    const caseIds = (v: Awaited<ReturnType<typeof metric>>) =>
      v.type === 'cases' ? v.cases.map((c) => c.ref.id) : null;

    it('task.overdue counts the tasks due in the month and not completed by their due time', async () => {
      const v = await metric('task.overdue');
      expect(caseIds(v)).toEqual([planted.t2, planted.t3]);
      expect(v.type === 'cases' && v.cases[0].ref).toMatchObject({
        entity: 'task',
        label: expect.stringContaining('回访投诉业主'),
      });
    });

    it('task.categoryCompletion gives completed-on-time ÷ due per category', async () => {
      const v = await metric('task.categoryCompletion');
      expect(v.type).toBe('categoryRates');
      if (v.type !== 'categoryRates') return;
      expect(v.categories.map((c) => [c.category, c.numerator, c.denominator])).toEqual([
        ['service', 1, 2],
        ['fee', 0, 1],
      ]);
      expect(v.categories[0].refs.map((r) => r.id)).toEqual([planted.t1, planted.t2]);
    });

    it('repair.notDispatchedInTime counts late and never-dispatched orders created in the month', async () => {
      const v = await metric('repair.notDispatchedInTime');
      expect(caseIds(v)).toEqual([planted.r2, planted.r3]);
      expect(v.type === 'cases' && v.cases[1].ref.label).toContain('未派工');
    });

    it('repair.weeklyReviewMissing counts the weeks ending in the month without a review', async () => {
      const v = await metric('repair.weeklyReviewMissing');
      const { projectB } = await idsOf(ctx);
      expect(caseIds(v)).toEqual([`${projectB}:2026-12-07`, `${projectB}:2026-12-21`]);
    });

    it('complaint.rate divides the month’s complaints by the occupied households on its last day', async () => {
      const v = await metric('complaint.rate');
      expect(v).toMatchObject({ type: 'rate', numerator: 2, denominator: planted.householdsBefore + 50 });
      expect(v.type === 'rate' && v.refs.map((r) => r.id)).toEqual([planted.c1, planted.c2]);
    });

    it('complaint.improper counts the complaints marked improper in the month', async () => {
      const v = await metric('complaint.improper');
      expect(caseIds(v)).toEqual([planted.c0, planted.c1]);
      expect(v.type === 'cases' && v.cases[1].ref.label).toContain('未按时回复');
    });

    it('a running period counts only what is already late', async () => {
      const mid = { ...metricCtx, now: new Date(utc('2026-12-12T09:00')) };
      const overdue = await taskMetrics[0].compute(mid);
      expect(caseIds(overdue)).toEqual([planted.t2]);
      const weeks = await repairMetrics[0].compute(mid);
      expect(caseIds(weeks)).toEqual([]);
    });
  },
  { clock, config: { PROPDESK_SESSION_HOURS: '2160' } },
);
