import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import {
  REPAIR_ACTIONS,
  REPAIR_STATUSES,
  REPAIR_TRANSITIONS,
} from '../../server/modules/repair/repair.transitions.ts';
import { describeApi } from '../helpers/app.ts';
import { idsOf, multipart, PNG, testClock } from '../helpers/servicedesk.ts';

const clock = testClock('2026-11-23T10:00'); // a Monday
const dataDir = mkdtempSync(join(tmpdir(), 'pd-repair-'));

/** how to reach each state from 'submitted' */
const PATHS: Record<string, string[]> = {
  submitted: [],
  dispatched: ['dispatch'],
  in_progress: ['dispatch', 'start'],
  completed: ['dispatch', 'complete'],
  visited: ['dispatch', 'complete', 'visit'],
  closed: ['dispatch', 'complete', 'visit', 'close'],
  cancelled: ['cancel'],
  reopened: ['dispatch', 'complete', 'reopen'],
};

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

describeApi(
  'repair orders',
  (ctx) => {
    async function setup() {
      const ids = await idsOf(ctx);
      const categories = (
        await (
          await ctx.as('frontdesk')
        )({ method: 'GET', url: '/api/repair-categories' })
      ).json();
      const water = categories.find((c: { code: string }) => c.code === 'water-electric');
      return { ...ids, water };
    }
    async function create(username = 'frontdesk', extra: Record<string, unknown> = {}) {
      const { projectA, water } = await setup();
      const res = await (await ctx.as(username))({
        method: 'POST',
        url: '/api/repairs',
        payload: {
          projectId: projectA,
          location: '3栋2单元501',
          reporterName: '吴先生',
          categoryId: water.id,
          description: '厨房水龙头漏水',
          ...extra,
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    }

    it('allows exactly the moves of the transition table and refuses every other with 409', async () => {
      const { employee } = await setup();
      const sup = await ctx.as('supervisor');
      const body = { assigneeEmployeeId: employee('officer'), rating: 5, result: '已更换阀芯' };
      let checked = 0;
      for (const status of REPAIR_STATUSES) {
        for (const action of REPAIR_ACTIONS) {
          const order = await create();
          for (const step of PATHS[status]) {
            const r = await sup({
              method: 'POST',
              url: `/api/repairs/${order.id}/actions/${step}`,
              payload: body,
            });
            expect(r.statusCode, `${step}: ${r.body}`).toBe(200);
          }
          const res = await sup({
            method: 'POST',
            url: `/api/repairs/${order.id}/actions/${action}`,
            payload: body,
          });
          const allowed = REPAIR_TRANSITIONS[action].from.includes(status);
          expect(res.statusCode, `${status} + ${action}`).toBe(allowed ? 200 : 409);
          if (allowed) expect(res.json().status).toBe(REPAIR_TRANSITIONS[action].to);
          else expect(res.json().code).toBe('ILLEGAL_TRANSITION');
          checked++;
        }
      }
      expect(checked).toBe(56);
    });

    it('lets the manager change a category’s limits and retire it; a retired category takes no new orders', async () => {
      const { projectA } = await setup();
      const manager = await ctx.as('manager');
      const categories = (await manager({ method: 'GET', url: '/api/repair-categories' })).json();
      const other = categories.find((c: { code: string }) => c.code === 'other');
      const body = {
        name: other.name,
        dispatchAmount: 3,
        dispatchUnit: 'working_hours',
        completeAmount: other.completeAmount,
        completeUnit: other.completeUnit,
        responsible: '客服部',
        active: false,
        version: other.version,
      };
      const desk = await ctx.as('frontdesk');
      expect(
        (await desk({ method: 'PUT', url: `/api/repair-categories/${other.id}`, payload: body })).statusCode,
      ).toBe(403);
      const saved = await manager({
        method: 'PUT',
        url: `/api/repair-categories/${other.id}`,
        payload: body,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ dispatchAmount: 3, active: false });
      const refused = await desk({
        method: 'POST',
        url: '/api/repairs',
        payload: {
          projectId: projectA,
          location: '1栋',
          reporterName: '吴先生',
          categoryId: other.id,
          description: '其他问题',
        },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().fields).toEqual([expect.objectContaining({ field: 'categoryId' })]);
      const bad = await manager({
        method: 'PUT',
        url: `/api/repair-categories/${other.id}`,
        payload: { ...body, dispatchAmount: 0, version: saved.json().version },
      });
      expect(bad.statusCode).toBe(400);
      expect((await manager({ method: 'GET', url: '/api/repair-categories' })).json()).toContainEqual(
        expect.objectContaining({ id: other.id, dispatchAmount: 3, active: false }),
      );
      // back in use for the other tests
      await manager({
        method: 'PUT',
        url: `/api/repair-categories/${other.id}`,
        payload: { ...body, active: true, version: saved.json().version },
      });
    });

    it('serves the allowed actions per role: buttons come from the table', async () => {
      const order = await create();
      expect(order.actions).toEqual(['dispatch', 'cancel']);
      const officer = await ctx.as('officer');
      expect((await officer({ method: 'GET', url: `/api/repairs/${order.id}` })).json().actions).toEqual([]);
      const denied = await officer({
        method: 'POST',
        url: `/api/repairs/${order.id}/actions/dispatch`,
        payload: { department: '工程部' },
      });
      expect(denied.statusCode).toBe(403);
    });

    it('sets the dispatch limit in working hours across the weekend and marks a late dispatch', async () => {
      clock.set('2026-11-27T16:30'); // Friday
      const late = await create();
      const onTime = await create();
      expect(late.dispatchDueAt).toBe(new Date('2026-11-30T09:30:00+08:00').toISOString());
      // 1 working day to complete: Friday 16:30 + 9 h → Monday 16:30
      expect(late.completeDueAt).toBe(new Date('2026-11-30T16:30:00+08:00').toISOString());
      const fd = await ctx.as('frontdesk');
      clock.set('2026-11-30T09:00');
      const a = await fd({
        method: 'POST',
        url: `/api/repairs/${onTime.id}/actions/dispatch`,
        payload: { department: '工程部' },
      });
      expect(a.json()).toMatchObject({ status: 'dispatched', dispatchOverdue: false });
      clock.set('2026-11-30T10:00');
      const b = await fd({
        method: 'POST',
        url: `/api/repairs/${late.id}/actions/dispatch`,
        payload: { department: '工程部' },
      });
      expect(b.json()).toMatchObject({
        status: 'dispatched',
        dispatchOverdue: true,
        dispatchedAt: clock.now().toISOString(),
      });
      clock.set('2026-11-30T17:00');
      const overdueList = await fd({ method: 'GET', url: `/api/repairs?overdue=true&pageSize=200` });
      const ids = overdueList.json().items.map((i: { id: number }) => i.id);
      expect(ids).toContain(late.id);
      expect(ids).toContain(onTime.id); // not completed by Monday 16:30
      const off = await ctx.as('officer');
      await off({
        method: 'POST',
        url: `/api/repairs/${onTime.id}/actions/complete`,
        payload: { result: '修好' },
      });
      const done = await fd({ method: 'GET', url: `/api/repairs/${onTime.id}` });
      expect(done.json()).toMatchObject({ status: 'completed', completeOverdue: true });
      clock.set('2026-11-23T10:00');
    });

    it('requires an assignee, a team or a department to dispatch, naming the field', async () => {
      const order = await create();
      const res = await (await ctx.as('frontdesk'))({
        method: 'POST',
        url: `/api/repairs/${order.id}/actions/dispatch`,
        payload: {},
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0].field).toBe('assigneeEmployeeId');
    });

    it('stores a photo under the data folder and refuses an oversize or non-image file with 400, storing nothing', async () => {
      const order = await create();
      const fd = await ctx.as('frontdesk');
      const ok = await fd({
        method: 'POST',
        url: `/api/repairs/${order.id}/photos`,
        ...multipart('tap.png', PNG),
      });
      expect(ok.statusCode, ok.body).toBe(200);
      const got = await fd({ method: 'GET', url: ok.json().url });
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.rawPayload.equals(PNG)).toBe(true);
      const before = (await fd({ method: 'GET', url: `/api/repairs/${order.id}` })).json().photos.length;
      const filesBefore = walk(join(dataDir, 'uploads')).length;
      expect(filesBefore).toBeGreaterThan(0);
      const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
      const tooBig = await fd({
        method: 'POST',
        url: `/api/repairs/${order.id}/photos`,
        ...multipart('big.png', big),
      });
      expect(tooBig.statusCode).toBe(400);
      expect(tooBig.json()).toMatchObject({ code: 'REPAIR_PHOTO_TOO_LARGE', message: '照片不能超过 5 MB' });
      const text = await fd({
        method: 'POST',
        url: `/api/repairs/${order.id}/photos`,
        ...multipart('evil.png', Buffer.from('not an image at all'), 'image/png'),
      });
      expect(text.statusCode).toBe(400);
      expect(text.json().code).toBe('REPAIR_PHOTO_TYPE');
      const after = (await fd({ method: 'GET', url: `/api/repairs/${order.id}` })).json();
      expect(after.photos.length).toBe(before);
      expect(walk(join(dataDir, 'uploads'))).toHaveLength(filesBefore);
    });

    it("answers 404 for another project's order and shows an owner only their own", async () => {
      const staffOrder = await create('frontdesk');
      const ownOrder = await create('owner', { reporterName: undefined });
      expect(ownOrder.channel).toBe('portal');
      const other = await ctx.as('supervisor2');
      expect((await other({ method: 'GET', url: `/api/repairs/${staffOrder.id}` })).statusCode).toBe(404);
      expect(
        (await other({ method: 'POST', url: `/api/repairs/${staffOrder.id}/actions/cancel`, payload: {} }))
          .statusCode,
      ).toBe(404);
      const owner = await ctx.as('owner');
      expect((await owner({ method: 'GET', url: `/api/repairs/${staffOrder.id}` })).statusCode).toBe(404);
      expect((await owner({ method: 'GET', url: `/api/repairs/${ownOrder.id}` })).statusCode).toBe(200);
      const list = (await owner({ method: 'GET', url: '/api/repairs?pageSize=200' })).json();
      expect(list.items.length).toBeGreaterThan(0);
      expect(list.items.every((i: { reporterName: string; channel: string }) => i.channel === 'portal')).toBe(
        true,
      );
      const { projectB, water } = await setup();
      const foreign = await owner({
        method: 'POST',
        url: '/api/repairs',
        payload: { projectId: projectB, location: 'x', categoryId: water.id, description: '漏水了' },
      });
      expect(foreign.statusCode).toBe(404);
    });

    it('lets the owner rate the completed repair at the follow-up visit, and only then', async () => {
      const order = await create('owner');
      const owner = await ctx.as('owner');
      expect(
        (
          await owner({
            method: 'POST',
            url: `/api/repairs/${order.id}/actions/visit`,
            payload: { rating: 5 },
          })
        ).statusCode,
      ).toBe(409);
      const fd = await ctx.as('frontdesk');
      const { employee } = await setup();
      await fd({
        method: 'POST',
        url: `/api/repairs/${order.id}/actions/dispatch`,
        payload: { assigneeEmployeeId: employee('officer') },
      });
      await (await ctx.as('officer'))({
        method: 'POST',
        url: `/api/repairs/${order.id}/actions/complete`,
        payload: { result: '已修复' },
      });
      const noRating = await owner({
        method: 'POST',
        url: `/api/repairs/${order.id}/actions/visit`,
        payload: {},
      });
      expect(noRating.statusCode).toBe(400);
      const rated = await owner({
        method: 'POST',
        url: `/api/repairs/${order.id}/actions/visit`,
        payload: { rating: 4, comment: '师傅很准时' },
      });
      expect(rated.json()).toMatchObject({ status: 'visited', rating: 4, visitComment: '师傅很准时' });
      expect(rated.json().timeline.map((t: { action: string }) => t.action)).toEqual([
        'create',
        'dispatch',
        'complete',
        'visit',
      ]);
    });

    it('generates the weekly review from the data, the manager acknowledges it, unfinished items stay listed until done', async () => {
      clock.set('2026-12-07T09:00'); // Monday
      const { projectA, employee } = await setup();
      const sup = await ctx.as('supervisor');
      clock.set('2026-12-08T10:00');
      const done = await create();
      const open = await create();
      await sup({
        method: 'POST',
        url: `/api/repairs/${done.id}/actions/dispatch`,
        payload: { assigneeEmployeeId: employee('officer') },
      });
      await sup({
        method: 'POST',
        url: `/api/repairs/${done.id}/actions/complete`,
        payload: { result: 'ok' },
      });
      clock.set('2026-12-14T09:00');
      const draft = (
        await sup({
          method: 'GET',
          url: `/api/repair-reviews/week?projectId=${projectA}&weekStart=2026-12-07`,
        })
      ).json();
      expect(draft.status).toBe('draft');
      expect(draft.content.created.map((r: { id: number }) => r.id)).toEqual([done.id, open.id]);
      expect(draft.content.done.map((r: { id: number }) => r.id)).toEqual([done.id]);
      expect(draft.content.unfinished.map((r: { id: number }) => r.id)).toContain(open.id);
      const sub = await sup({
        method: 'POST',
        url: '/api/repair-reviews',
        payload: {
          projectId: projectA,
          weekStart: '2026-12-07',
          conclusions: draft.content.unfinished.map((u: { id: number }) => ({
            repairOrderId: u.id,
            conclusion: u.id === open.id ? '等配件' : '跟进中',
          })),
        },
      });
      expect(sub.statusCode, sub.body).toBe(200);
      const again = await sup({
        method: 'POST',
        url: '/api/repair-reviews',
        payload: { projectId: projectA, weekStart: '2026-12-07' },
      });
      expect(again.statusCode).toBe(409);
      const mgr = await ctx.as('manager');
      const ack = await mgr({
        method: 'POST',
        url: `/api/repair-reviews/${sub.json().id}/acknowledge`,
        payload: { comment: '抓紧' },
      });
      expect(ack.json().status).toBe('acknowledged');
      const pending = (
        await sup({ method: 'GET', url: `/api/repair-reviews/pending?projectId=${projectA}` })
      ).json();
      expect(pending.find((p: { id: number }) => p.id === open.id)).toMatchObject({ reason: '等配件' });
      await sup({
        method: 'POST',
        url: `/api/repairs/${open.id}/actions/dispatch`,
        payload: { department: '工程部' },
      });
      await sup({ method: 'POST', url: `/api/repairs/${open.id}/actions/complete`, payload: {} });
      const pending2 = (
        await sup({ method: 'GET', url: `/api/repair-reviews/pending?projectId=${projectA}` })
      ).json();
      expect(pending2.find((p: { id: number }) => p.id === open.id)).toBeUndefined();
      const early = await sup({
        method: 'POST',
        url: '/api/repair-reviews',
        payload: { projectId: projectA, weekStart: '2026-12-14' },
      });
      expect(early.json().code).toBe('REPAIR_REVIEW_EARLY');
      clock.set('2026-11-23T10:00');
    });

    it('keeps the maintained totals equal to a count of the orders after every kind of move', async () => {
      const { projectA } = await setup();
      const sup = await ctx.as('supervisor');
      const statuses = [
        'submitted',
        'dispatched',
        'in_progress',
        'completed',
        'visited',
        'closed',
        'cancelled',
        'reopened',
      ];
      for (const status of statuses) {
        const fast = (
          await sup({ method: 'GET', url: `/api/repairs?projectId=${projectA}&status=${status}` })
        ).json();
        // a date filter makes the API count the rows themselves
        const counted = (
          await sup({
            method: 'GET',
            url: `/api/repairs?projectId=${projectA}&status=${status}&from=2000-01-01`,
          })
        ).json();
        expect(fast.total, status).toBe(counted.total);
      }
      const all = (await sup({ method: 'GET', url: `/api/repairs?projectId=${projectA}` })).json().total;
      const rows = await ctx.database.db
        .selectFrom('repair_order')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('project_id', '=', projectA)
        .executeTakeFirstOrThrow();
      expect(all).toBe(Number(rows.n));
    });

    it('pages and filters the list by status and category with the total, and exports Excel', async () => {
      const { projectA, water } = await setup();
      const fd = await ctx.as('frontdesk');
      const res = (
        await fd({
          method: 'GET',
          url: `/api/repairs?projectId=${projectA}&status=submitted&categoryId=${water.id}&pageSize=2`,
        })
      ).json();
      expect(res.items.length).toBeLessThanOrEqual(2);
      expect(res.total).toBeGreaterThan(2);
      expect(res.items.every((i: { status: string }) => i.status === 'submitted')).toBe(true);
      const xlsx = await fd({
        method: 'GET',
        url: `/api/repairs/export?projectId=${projectA}&status=submitted`,
      });
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    });
  },
  { clock, config: { PROPDESK_DATA_DIR: dataDir, PROPDESK_SESSION_HOURS: '2160' } },
);
