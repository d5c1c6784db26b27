import { expect, it } from 'vitest';
import { TASK_ACTIONS, TASK_STATUSES, TASK_TRANSITIONS } from '../../server/modules/task/task.transitions.ts';
import { describeApi } from '../helpers/app.ts';
import { idsOf, testClock } from '../helpers/servicedesk.ts';

const clock = testClock('2026-11-27T16:00'); // Friday

const PATHS: Record<string, string[]> = {
  open: [],
  in_progress: ['start'],
  cancel_requested: ['requestCancel'],
  done: ['complete'],
  cancelled: ['cancel'],
};
/** the assignee asks to cancel; every other move is made by the issuer (the supervisor) */
const MOVER = (action: string) => (action === 'requestCancel' ? 'officer' : 'supervisor');
const BODY = { result: '好', reason: '不再需要' };

describeApi(
  'tasks',
  (ctx) => {
    async function create(extra: Record<string, unknown> = {}) {
      const { projectA, employee } = await idsOf(ctx);
      const res = await (await ctx.as('supervisor'))({
        method: 'POST',
        url: '/api/tasks',
        payload: {
          projectId: projectA,
          title: '检查3栋消防通道',
          category: 'inspection',
          assigneeEmployeeId: employee('officer'),
          dueIn: { amount: 1, unit: 'working_days' },
          ...extra,
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    }

    it('sets a due time in working days on the calendar', async () => {
      const t = await create();
      expect(t.dueAt).toBe(new Date('2026-11-30T16:00:00+08:00').toISOString());
      expect(t.source).toBe('ad_hoc');
    });

    it('allows exactly the moves of the transition table and refuses every other with 409', async () => {
      for (const status of TASK_STATUSES) {
        for (const action of TASK_ACTIONS) {
          const t = await create();
          for (const step of PATHS[status]) {
            const r = await (await ctx.as(MOVER(step)))({
              method: 'POST',
              url: `/api/tasks/${t.id}/actions/${step}`,
              payload: BODY,
            });
            expect(r.statusCode, r.body).toBe(200);
          }
          const res = await (await ctx.as(MOVER(action)))({
            method: 'POST',
            url: `/api/tasks/${t.id}/actions/${action}`,
            payload: BODY,
          });
          const allowed = TASK_TRANSITIONS[action].from.includes(status);
          expect(res.statusCode, `${status} + ${action}`).toBe(allowed ? 200 : 409);
        }
      }
    });

    it('lets the assignee complete their own task but not another officer, and not cancel it', async () => {
      const t = await create();
      const other = await ctx.as('officer2');
      expect(
        (
          await other({
            method: 'POST',
            url: `/api/tasks/${t.id}/actions/complete`,
            payload: { result: 'x' },
          })
        ).statusCode,
      ).toBe(403);
      const me = await ctx.as('officer');
      const mine = (await me({ method: 'GET', url: `/api/tasks/${t.id}` })).json();
      expect(mine.actions).toEqual(['start', 'complete', 'requestCancel']);
      expect(
        (
          await me({
            method: 'POST',
            url: `/api/tasks/${t.id}/actions/cancel`,
            payload: { reason: '不做了' },
          })
        ).statusCode,
      ).toBe(403);
      const noResult = await me({ method: 'POST', url: `/api/tasks/${t.id}/actions/complete`, payload: {} });
      expect(noResult.json().fields[0].field).toBe('result');
      expect(
        (
          await me({
            method: 'POST',
            url: `/api/tasks/${t.id}/actions/complete`,
            payload: { result: '已清理' },
          })
        ).json().status,
      ).toBe('done');
    });

    it('lists overdue tasks and gives the completion rate per category', async () => {
      clock.set('2026-12-14T09:00');
      const { projectA } = await idsOf(ctx);
      const a = await create({ category: 'fee', dueAt: new Date('2026-12-15T17:00:00+08:00').toISOString() });
      const b = await create({ category: 'fee', dueAt: new Date('2026-12-16T17:00:00+08:00').toISOString() });
      const sup = await ctx.as('supervisor');
      await sup({ method: 'POST', url: `/api/tasks/${a.id}/actions/complete`, payload: { result: '完成' } });
      clock.set('2026-12-17T09:00');
      const overdue = (
        await sup({ method: 'GET', url: `/api/tasks?projectId=${projectA}&overdue=true&pageSize=200` })
      ).json();
      const ids = overdue.items.map((i: { id: number }) => i.id);
      expect(ids).toContain(b.id);
      expect(ids).not.toContain(a.id);
      const rate = (
        await sup({
          method: 'GET',
          url: `/api/tasks/completion?projectId=${projectA}&from=2026-12-15&to=2026-12-16`,
        })
      ).json();
      expect(rate).toEqual([{ category: 'fee', label: '费用收缴', due: 2, onTime: 1, ratePercent: 50 }]);
      clock.set('2026-11-27T16:00');
    });

    it("hides another project's tasks (404) and refuses task creation by an officer", async () => {
      const t = await create();
      expect(
        (await (await ctx.as('supervisor2'))({ method: 'GET', url: `/api/tasks/${t.id}` })).statusCode,
      ).toBe(404);
      const { projectA, employee } = await idsOf(ctx);
      const r = await (await ctx.as('officer'))({
        method: 'POST',
        url: '/api/tasks',
        payload: {
          projectId: projectA,
          title: '自己派的',
          category: 'other',
          assigneeEmployeeId: employee('officer'),
          dueIn: { amount: 1, unit: 'days' },
        },
      });
      expect(r.statusCode).toBe(403);
    });
  },
  { clock, config: { PROPDESK_SESSION_HOURS: '2160' } },
);
