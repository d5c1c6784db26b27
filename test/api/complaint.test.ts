import { expect, it } from 'vitest';
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUSES,
  COMPLAINT_TRANSITIONS,
} from '../../server/modules/complaint/complaint.transitions.ts';
import { countOccupiedHouseholds } from '../../server/modules/property/property.service.ts';
import { describeApi } from '../helpers/app.ts';
import { idsOf, seedUnits, testClock } from '../helpers/servicedesk.ts';

const clock = testClock('2026-12-01T10:00'); // a Tuesday

const PATHS: Record<string, string[]> = {
  received: [],
  handling: ['assign'],
  resolved: ['assign', 'resolve'],
  visited: ['assign', 'resolve', 'visit'],
  closed: ['assign', 'resolve', 'visit', 'close'],
  cancelled: ['cancel'],
};

describeApi(
  'complaints',
  (ctx) => {
    async function create(username = 'frontdesk', extra: Record<string, unknown> = {}) {
      const { projectA } = await idsOf(ctx);
      const cats = (
        await (
          await ctx.as('frontdesk')
        )({ method: 'GET', url: '/api/complaint-categories' })
      ).json();
      const res = await (await ctx.as(username))({
        method: 'POST',
        url: '/api/complaints',
        payload: {
          projectId: projectA,
          complainantName: '吴先生',
          categoryId: cats[0].id,
          content: '保安态度不好',
          ...extra,
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    }

    it('allows exactly the moves of the transition table and refuses every other with 409', async () => {
      const { employee } = await idsOf(ctx);
      const sup = await ctx.as('supervisor');
      // the complaint a duplicate repeats (markDuplicate names it)
      const original = await create();
      const body = {
        duplicateOf: original.code,
        handlerEmployeeId: employee('officer'),
        note: '已联系业主',
        resolution: '已道歉并整改',
        satisfaction: 'satisfied',
      };
      for (const status of COMPLAINT_STATUSES) {
        for (const action of COMPLAINT_ACTIONS) {
          const k = await create();
          for (const step of PATHS[status]) {
            const r = await sup({
              method: 'POST',
              url: `/api/complaints/${k.id}/actions/${step}`,
              payload: body,
            });
            expect(r.statusCode, `${step}: ${r.body}`).toBe(200);
          }
          const res = await sup({
            method: 'POST',
            url: `/api/complaints/${k.id}/actions/${action}`,
            payload: body,
          });
          const t = COMPLAINT_TRANSITIONS[action];
          const allowed = t.from.includes(status);
          expect(res.statusCode, `${status} + ${action}`).toBe(allowed ? 200 : 409);
          if (allowed) expect(res.json().status).toBe(t.to ?? status);
        }
      }
    });

    it('sets the response deadline on the calendar and marks a late first response', async () => {
      clock.set('2026-12-04T16:00'); // Friday; 1 working day → Monday 16:00
      const k = await create();
      expect(k.responseDueAt).toBe(new Date('2026-12-07T16:00:00+08:00').toISOString());
      const { employee } = await idsOf(ctx);
      const sup = await ctx.as('supervisor');
      await sup({
        method: 'POST',
        url: `/api/complaints/${k.id}/actions/assign`,
        payload: { handlerEmployeeId: employee('officer') },
      });
      clock.set('2026-12-07T17:00');
      const late = await sup({
        method: 'POST',
        url: `/api/complaints/${k.id}/actions/record`,
        payload: { note: '电话回复业主' },
      });
      expect(late.json()).toMatchObject({ overdue: true, respondedAt: clock.now().toISOString() });
      expect(late.json().records.map((r: { note: string }) => r.note)).toEqual(['电话回复业主']);
      clock.set('2026-12-01T10:00');
    });

    it('lets only a manager mark handling improper, with a reason, once; the owner does not see it', async () => {
      const k = await create('owner', { complainantName: undefined });
      const sup = await ctx.as('supervisor');
      expect(
        (
          await sup({
            method: 'POST',
            url: `/api/complaints/${k.id}/improper`,
            payload: { reason: '未及时回复' },
          })
        ).statusCode,
      ).toBe(403);
      const mgr = await ctx.as('manager');
      const noReason = await mgr({ method: 'POST', url: `/api/complaints/${k.id}/improper`, payload: {} });
      expect(noReason.statusCode).toBe(400);
      const ok = await mgr({
        method: 'POST',
        url: `/api/complaints/${k.id}/improper`,
        payload: { reason: '未及时回复' },
      });
      expect(ok.json()).toMatchObject({
        improper: true,
        improperReason: '未及时回复',
        canMarkImproper: false,
      });
      expect(
        (await mgr({ method: 'POST', url: `/api/complaints/${k.id}/improper`, payload: { reason: '再次' } }))
          .statusCode,
      ).toBe(409);
      const own = (await (await ctx.as('owner'))({ method: 'GET', url: `/api/complaints/${k.id}` })).json();
      expect(own).toMatchObject({ improper: false, improperReason: null, timeline: [] });
    });

    it('computes the complaint rate against the register’s occupied households on the last day', async () => {
      const { projectB } = await idsOf(ctx);
      // the register's demo already has households; ours add 40 occupied (and 10 vacant, not counted)
      const base = await countOccupiedHouseholds(ctx.database.db, projectB, '2027-01-31');
      await seedUnits(ctx, projectB, 40, 10);
      const cats = (
        await (
          await ctx.as('frontdesk2')
        )({ method: 'GET', url: '/api/complaint-categories' })
      ).json();
      const fd2 = await ctx.as('frontdesk2');
      clock.set('2027-01-13T10:00');
      for (let i = 0; i < 3; i++) {
        await fd2({
          method: 'POST',
          url: '/api/complaints',
          payload: {
            projectId: projectB,
            complainantName: `业主${i}`,
            categoryId: cats[0].id,
            content: '噪音扰民',
          },
        });
      }
      clock.set('2027-02-02T10:00');
      await fd2({
        method: 'POST',
        url: '/api/complaints',
        payload: {
          projectId: projectB,
          complainantName: '业主X',
          categoryId: cats[0].id,
          content: '不在一月',
        },
      });
      const res = await (await ctx.as('manager'))({
        method: 'GET',
        url: `/api/complaints/rate?projectId=${projectB}&from=2027-01-01&to=2027-01-31`,
      });
      expect(res.json()).toEqual([
        expect.objectContaining({
          projectId: projectB,
          complaints: 3,
          households: base + 40,
          ratePercent: Math.round((3 * 10000) / (base + 40)) / 100,
        }),
      ]);
      clock.set('2026-12-01T10:00');
    });

    it("answers 404 for another project's complaint and shows an owner only their own", async () => {
      const staff = await create();
      const own = await create('owner', { complainantName: undefined });
      expect(own.channel).toBe('portal');
      expect(
        (await (await ctx.as('supervisor2'))({ method: 'GET', url: `/api/complaints/${staff.id}` }))
          .statusCode,
      ).toBe(404);
      const owner = await ctx.as('owner');
      expect((await owner({ method: 'GET', url: `/api/complaints/${staff.id}` })).statusCode).toBe(404);
      const list = (await owner({ method: 'GET', url: '/api/complaints?pageSize=200' })).json();
      expect(list.items.map((i: { id: number }) => i.id)).toContain(own.id);
      expect(list.items.map((i: { id: number }) => i.id)).not.toContain(staff.id);
      expect(
        (
          await (
            await ctx.as('supervisor2')
          )({
            method: 'GET',
            url: `/api/complaints/rate?projectId=${staff.projectId}&from=2026-10-01&to=2026-10-31`,
          })
        ).statusCode,
      ).toBe(404);
    });
  },
  { clock, config: { PROPDESK_SESSION_HOURS: '2160' } },
);
