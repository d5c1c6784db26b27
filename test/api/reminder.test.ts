import { expect, it } from 'vitest';
import { runScheduledCheck } from '../../server/modules/reminder/reminder.scheduler.ts';
import { describeApi } from '../helpers/app.ts';
import { idsOf, reportRepair, testClock } from '../helpers/servicedesk.ts';

const clock = testClock('2026-12-02T10:00'); // Wednesday
const HOUR = 3_600_000;

describeApi(
  'reminders and the scheduler',
  (ctx) => {
    it('raises a front-desk reminder for a repair waiting for dispatch, once, with the bell count', async () => {
      const { projectA } = await idsOf(ctx);
      const order = await reportRepair(ctx, projectA, '停电了');
      const fd = await ctx.as('frontdesk');
      const first = await runScheduledCheck(ctx.database, ctx.services.reminders.check, clock.now(), HOUR);
      expect(first.ran).toBe(true);
      const list = (await fd({ method: 'GET', url: '/api/reminders?unread=true' })).json();
      const mine = list.items.filter((r: { entityId: string }) => r.entityId === String(order.id));
      expect(mine).toEqual([expect.objectContaining({ entity: 'repair_order', kind: 'due', read: false })]);
      expect(mine[0].title).toContain('待派工');
      const count = (await fd({ method: 'GET', url: '/api/reminders/count' })).json().unread;
      expect(count).toBe(list.unread);
      // the same slot again: nothing runs; the next slot: no duplicate
      expect(
        (await runScheduledCheck(ctx.database, ctx.services.reminders.check, clock.now(), HOUR)).ran,
      ).toBe(false);
      const next = await runScheduledCheck(
        ctx.database,
        ctx.services.reminders.check,
        new Date(clock.now().getTime() + HOUR),
        HOUR,
      );
      expect(next.ran).toBe(true);
      const again = (await fd({ method: 'GET', url: '/api/reminders' })).json();
      expect(
        again.items.filter(
          (r: { entityId: string; kind: string }) => r.entityId === String(order.id) && r.kind === 'due',
        ),
      ).toHaveLength(1);
      // it becomes overdue past its dispatch limit: the supervisor hears of it
      await runScheduledCheck(
        ctx.database,
        ctx.services.reminders.check,
        new Date(clock.now().getTime() + 30 * HOUR),
        HOUR,
      );
      const sup = (await (await ctx.as('supervisor'))({ method: 'GET', url: '/api/reminders' })).json();
      expect(
        sup.items.some(
          (r: { entityId: string; kind: string }) => r.entityId === String(order.id) && r.kind === 'overdue',
        ),
      ).toBe(true);
      const detail = (await fd({ method: 'GET', url: `/api/repairs/${order.id}` })).json();
      expect(detail.dispatchOverdue).toBe(true);
    });

    it('runs a slot exactly once when several servers start the check together', async () => {
      const at = new Date(clock.now().getTime() + 100 * HOUR);
      const results = await Promise.all(
        [1, 2, 3, 4].map(() => runScheduledCheck(ctx.database, ctx.services.reminders.check, at, HOUR)),
      );
      expect(results.filter((r) => r.ran)).toHaveLength(1);
      const runs = await ctx.database.db
        .selectFrom('scheduler_run')
        .selectAll()
        .where('slot', '=', String(Math.floor(at.getTime() / HOUR)))
        .execute();
      expect(runs).toHaveLength(1);
      expect(runs[0].finished_at).not.toBeNull();
    });

    it('tells the assignee of a task due within a day, and both assignee and creator once it is overdue', async () => {
      const { projectA, employee } = await idsOf(ctx);
      const sup = await ctx.as('supervisor');
      const task = (
        await sup({
          method: 'POST',
          url: '/api/tasks',
          payload: {
            projectId: projectA,
            title: '张贴停水通知',
            category: 'service',
            assigneeEmployeeId: employee('officer'),
            dueAt: new Date(clock.now().getTime() + 200 * HOUR + 5 * HOUR).toISOString(),
          },
        })
      ).json();
      await runScheduledCheck(
        ctx.database,
        ctx.services.reminders.check,
        new Date(clock.now().getTime() + 200 * HOUR),
        HOUR,
      );
      const off = await ctx.as('officer');
      const due = (await off({ method: 'GET', url: '/api/reminders' }))
        .json()
        .items.filter((r: { entityId: string }) => r.entityId === String(task.id));
      expect(due.map((r: { kind: string }) => r.kind)).toEqual(['due']);
      await runScheduledCheck(
        ctx.database,
        ctx.services.reminders.check,
        new Date(clock.now().getTime() + 206 * HOUR),
        HOUR,
      );
      const both = (await off({ method: 'GET', url: '/api/reminders' }))
        .json()
        .items.filter((r: { entityId: string }) => r.entityId === String(task.id));
      expect(both.map((r: { kind: string }) => r.kind).sort()).toEqual(['due', 'overdue']);
      const supItems = (await sup({ method: 'GET', url: '/api/reminders' })).json().items;
      expect(
        supItems.some(
          (r: { entityId: string; kind: string }) => r.entityId === String(task.id) && r.kind === 'overdue',
        ),
      ).toBe(true);
    });

    it('marks one or all reminders read; another user cannot touch them', async () => {
      const fd = await ctx.as('frontdesk');
      const list = (await fd({ method: 'GET', url: '/api/reminders?unread=true' })).json();
      expect(list.unread).toBeGreaterThan(0);
      const id = list.items[0].id;
      expect(
        (await (await ctx.as('officer'))({ method: 'POST', url: `/api/reminders/${id}/read` })).statusCode,
      ).toBe(404);
      await fd({ method: 'POST', url: `/api/reminders/${id}/read` });
      expect((await fd({ method: 'GET', url: '/api/reminders/count' })).json().unread).toBe(list.unread - 1);
      await fd({ method: 'POST', url: '/api/reminders/read-all' });
      expect((await fd({ method: 'GET', url: '/api/reminders/count' })).json().unread).toBe(0);
    });
  },
  { clock, config: { PROPDESK_SESSION_HOURS: '2160' } },
);
