import { expect, it } from 'vitest';
import type { MetricContext, MetricValue } from '../../server/lib/metrics.ts';
import { allMetrics } from '../../server/metrics.ts';
import { computeDue } from '../../server/modules/calendar/calendar.service.ts';
import { createRepairMetrics } from '../../server/modules/repair/repair.metrics.ts';

const repairMetrics = createRepairMetrics({ computeDue });

import { taskMetrics } from '../../server/modules/task/task.metrics.ts';
import { type ApiContext, describeApi } from '../helpers/app.ts';
import { idsOf, testClock } from '../helpers/servicedesk.ts';

const clock = testClock('2027-03-01T08:00');
const utc = (local: string) => new Date(`${local}:00+08:00`).toISOString();
/** the instant every set is taken at: Wednesday 3 March 2027, 12:00 */
const NOW = '2027-03-03T12:00';

// biome-ignore lint/suspicious/noExplicitAny: response bodies
type Call = (o: { method: 'GET' | 'POST'; url: string; payload?: unknown }) => Promise<any>;
/** Runs one request at a local time and expects 200 */
function at(call: Call) {
  return async (local: string, method: 'GET' | 'POST', url: string, payload: unknown = {}) => {
    clock.set(local);
    const r = await call({ method, url, payload });
    expect(r.statusCode, `${url}: ${r.body}`).toBe(200);
    return r.json();
  };
}
const sorted = (ids: Iterable<number | string>) => [...ids].map(Number).sort((a, b) => a - b);
function refIds(v: MetricValue): number[] {
  if (v.type === 'cases') return sorted(v.cases.map((c) => c.ref.id));
  // every complaint received is on the rate's row: counted, or listed as not counted (withdrawn)
  if (v.type === 'rate') return sorted([...v.refs, ...(v.excluded ?? [])].map((r) => r.id));
  throw new Error(`unexpected metric value ${v.type}`);
}
function metricContext(ctx: ApiContext, projectId: number, userId: number): MetricContext {
  return {
    db: ctx.database.db,
    projectId,
    assesseeUserId: userId,
    assesseeEmployeeId: null,
    periodStart: '2027-03-01',
    periodEnd: '2027-04-01',
    periodStartAt: utc('2027-03-01T00:00'),
    periodEndAt: utc('2027-04-01T00:00'),
    period: { start: '2027-03-01', end: '2027-04-01' },
    scope: 'project',
    teamIds: [],
    employeeIds: [],
    countRenovating: false,
    now: new Date(utc(NOW)),
  };
}
/** The scheduler's check at NOW; returns the record ids of one user's reminders of an entity and kind */
async function remindersAt(ctx: ApiContext, userId: number, entity: string, kind: string, ours: number[]) {
  await ctx.database.db.transaction().execute((trx) => ctx.services.reminders.check(trx, new Date(utc(NOW))));
  const rows = await ctx.database.db
    .selectFrom('reminder')
    .select('entity_id')
    .where('user_id', '=', userId)
    .where('entity', '=', entity)
    .where('kind', '=', kind)
    .execute();
  return sorted(rows.map((r) => Number(r.entity_id)).filter((id) => ours.includes(id)));
}
/** ids of a list response that are ours */
const listed = (res: { items: { id: number }[] }, ours: number[]) =>
  sorted(res.items.map((i) => i.id).filter((id) => ours.includes(id)));

/**
 * Records built where the list filter, the reminders and the metrics used to disagree: each set
 * must be what the module's rules file says, and the same whether the scheduler has run or not.
 */
describeApi(
  'one home per rule: list, reminders and metrics count the same records',
  (ctx) => {
    it('repair: overdue in the list = overdue reminders of open orders; dispatch overdue = rule 2.5', async () => {
      const { projectA, employee, user } = await idsOf(ctx);
      const fd = at(await ctx.as('frontdesk'));
      const cats = await fd('2027-03-01T08:00', 'GET', '/api/repair-categories');
      // 电梯故障: dispatch within 1 hour, complete within 24 hours (calendar time)
      const elevator = cats.find((c: { code: string }) => c.code === 'elevator').id;
      const create = async (local: string) =>
        (
          await fd(local, 'POST', '/api/repairs', {
            projectId: projectA,
            location: `3栋电梯 ${local}`,
            reporterName: '测试',
            categoryId: elevator,
            description: '电梯停运',
          })
        ).id as number;
      const act = (id: number, local: string, action: string, payload: unknown = {}) =>
        fd(local, 'POST', `/api/repairs/${id}/actions/${action}`, payload);
      const dispatch = (id: number, local: string) =>
        act(id, local, 'dispatch', { assigneeEmployeeId: employee('officer') });
      const complete = (id: number, local: string) => act(id, local, 'complete', { result: '已修复' });

      const o: Record<string, number> = {};
      // g: dispatched exactly at its limit (on time), completed an hour after its limit
      o.g = await create('2027-03-01T09:00');
      await dispatch(o.g, '2027-03-01T10:00');
      await complete(o.g, '2027-03-02T10:00');
      // h: completed late, then reopened with a new limit (was never reminded before)
      o.h = await create('2027-03-01T08:00');
      await dispatch(o.h, '2027-03-01T08:30');
      await complete(o.h, '2027-03-02T09:00');
      // c: dispatched late, completed on time
      o.c = await create('2027-03-02T08:00');
      await dispatch(o.c, '2027-03-02T10:00');
      await complete(o.c, '2027-03-02T15:00');
      // i: dispatched on time, still open past its completion limit
      o.i = await create('2027-03-02T09:00');
      await dispatch(o.i, '2027-03-02T09:30');
      // k: completed exactly at its limit
      o.k = await create('2027-03-02T11:00');
      await dispatch(o.k, '2027-03-02T11:30');
      await complete(o.k, '2027-03-03T11:00');
      // d: dispatched late, in progress within its completion limit (was never reminded before)
      o.d = await create('2027-03-03T08:00');
      await dispatch(o.d, '2027-03-03T09:30');
      await act(o.d, '2027-03-03T09:40', 'start');
      // e: cancelled after its dispatch limit, never dispatched (the list showed it on time)
      o.e = await create('2027-03-03T09:00');
      await act(o.e, '2027-03-03T10:30', 'cancel');
      // f: cancelled before its dispatch limit
      o.f = await create('2027-03-03T09:00');
      await act(o.f, '2027-03-03T09:30', 'cancel');
      // j: on time, open
      o.j = await create('2027-03-03T09:00');
      await dispatch(o.j, '2027-03-03T09:10');
      // a: still waiting past its dispatch limit (the list showed it on time until the scheduler ran)
      o.a = await create('2027-03-03T10:00');
      // b: its dispatch limit is exactly now
      o.b = await create('2027-03-03T11:00');
      await act(o.h, '2027-03-03T11:30', 'reopen');

      const ours = Object.values(o);
      const ids = (...keys: string[]) => sorted(keys.map((k) => o[k]));
      const list = async (filter: string) =>
        listed(
          await fd(
            NOW,
            'GET',
            `/api/repairs?projectId=${projectA}&from=2027-03-01&to=2027-03-03&pageSize=100${filter}`,
          ),
          ours,
        );
      const metric = repairMetrics.find((m) => m.key === 'repair.notDispatchedInTime')!;
      const sets = async () => {
        const all = await fd(NOW, 'GET', `/api/repairs?projectId=${projectA}&from=2027-03-01&pageSize=100`);
        const flagged = sorted(
          all.items
            .filter((i: { id: number; overdue: boolean }) => ours.includes(i.id) && i.overdue)
            .map((i: { id: number }) => i.id),
        );
        const details = await Promise.all(ours.map((id) => fd(NOW, 'GET', `/api/repairs/${id}`)));
        return {
          overdue: await list('&overdue=true'),
          notOverdue: await list('&overdue=false'),
          flagged,
          detailOverdue: sorted(details.filter((d) => d.overdue).map((d) => d.id)),
          detailDispatchOverdue: sorted(details.filter((d) => d.dispatchOverdue).map((d) => d.id)),
          metric: refIds(await metric.compute(metricContext(ctx, projectA, user('supervisor').id))),
        };
      };
      const expected = {
        overdue: ids('a', 'c', 'd', 'e', 'g', 'h', 'i'),
        notOverdue: ids('b', 'f', 'j', 'k'),
        flagged: ids('a', 'c', 'd', 'e', 'g', 'h', 'i'),
        detailOverdue: ids('a', 'c', 'd', 'e', 'g', 'h', 'i'),
        detailDispatchOverdue: ids('a', 'c', 'd', 'e'),
        metric: ids('a', 'c', 'd', 'e'),
      };
      // before the scheduler has run, and after it has written its marks: the same sets
      expect(await sets()).toEqual(expected);
      const reminded = await remindersAt(ctx, user('supervisor').id, 'repair_order', 'overdue', ours);
      expect(await sets()).toEqual(expected);
      // the supervisor is reminded of exactly the overdue orders that are still open
      const open = await list('&overdue=true&status=submitted');
      const openAll = [...open];
      for (const s of ['dispatched', 'in_progress', 'reopened'])
        openAll.push(...(await list(`&overdue=true&status=${s}`)));
      expect(reminded).toEqual(sorted(openAll));
      expect(reminded).toEqual(ids('a', 'd', 'h', 'i'));
      // waiting for dispatch (待派工): the front desk hears of submitted and reopened orders
      const waiting = await remindersAt(ctx, user('frontdesk').id, 'repair_order', 'due', ours);
      expect(waiting).toEqual(ids('a', 'b', 'h'));
    });

    it('complaint: overdue in the list = overdue reminders of open complaints; received = the rate', async () => {
      const { projectA, employee, user } = await idsOf(ctx);
      const fd = at(await ctx.as('frontdesk'));
      const cats = await fd('2027-03-01T08:00', 'GET', '/api/complaint-categories');
      // 安全秩序: answer within 4 working hours (08:30–17:30)
      const security = cats.find((c: { code: string }) => c.code === 'security').id;
      const create = async (local: string) =>
        (
          await fd(local, 'POST', '/api/complaints', {
            projectId: projectA,
            complainantName: `测试 ${local}`,
            categoryId: security,
            content: '夜间有陌生人',
          })
        ).id as number;
      const act = (id: number, local: string, action: string, payload: unknown = {}) =>
        fd(local, 'POST', `/api/complaints/${id}/actions/${action}`, payload);
      const assign = (id: number, local: string) =>
        act(id, local, 'assign', { handlerEmployeeId: employee('officer') });

      const k: Record<string, number> = {};
      // k3: answered late, still being handled (was never reminded before)
      k.k3 = await create('2027-03-01T09:00'); // due 13:00
      await assign(k.k3, '2027-03-01T10:00');
      await act(k.k3, '2027-03-01T14:00', 'record', { note: '电话联系' });
      // k4: answered late by the resolution
      k.k4 = await create('2027-03-01T09:00');
      await assign(k.k4, '2027-03-01T10:00');
      await act(k.k4, '2027-03-01T15:00', 'resolve', { resolution: '已加强巡逻' });
      // k5: withdrawn unanswered after the deadline (the list showed it on time)
      k.k5 = await create('2027-03-01T09:00');
      await act(k.k5, '2027-03-01T14:00', 'cancel');
      // k6: answered exactly at the deadline
      k.k6 = await create('2027-03-01T09:00');
      await assign(k.k6, '2027-03-01T10:00');
      await act(k.k6, '2027-03-01T13:00', 'record', { note: '上门了解' });
      // k7: answered on time, then reopened
      k.k7 = await create('2027-03-01T09:00');
      await assign(k.k7, '2027-03-01T10:00');
      await act(k.k7, '2027-03-01T11:00', 'resolve', { resolution: '已处理' });
      await act(k.k7, '2027-03-02T10:00', 'reopen', { comment: '业主不满意' });
      // k8: withdrawn before the deadline
      k.k8 = await create('2027-03-02T09:00');
      await act(k.k8, '2027-03-02T10:00', 'cancel');
      // k1: unanswered past the deadline
      k.k1 = await create('2027-03-02T13:00'); // due 17:00
      // k2: its deadline is exactly now (30 minutes on Tuesday, 3½ hours on Wednesday)
      k.k2 = await create('2027-03-02T17:00');
      expect((await fd(NOW, 'GET', `/api/complaints/${k.k2}`)).responseDueAt).toBe(utc(NOW));

      const ours = Object.values(k);
      const ids = (...keys: string[]) => sorted(keys.map((x) => k[x]));
      const list = async (filter: string) =>
        listed(
          await fd(NOW, 'GET', `/api/complaints?projectId=${projectA}&from=2027-03-01&pageSize=100${filter}`),
          ours,
        );
      const sets = async () => {
        const all = await fd(
          NOW,
          'GET',
          `/api/complaints?projectId=${projectA}&from=2027-03-01&pageSize=100`,
        );
        const details = await Promise.all(ours.map((id) => fd(NOW, 'GET', `/api/complaints/${id}`)));
        const rate = allMetrics.find((m) => m.key === 'complaint.rate')!;
        return {
          overdue: await list('&overdue=true'),
          notOverdue: await list('&overdue=false'),
          flagged: sorted(
            all.items
              .filter((i: { id: number; overdue: boolean }) => i.overdue)
              .map((i: { id: number }) => i.id),
          ).filter((id) => ours.includes(id)),
          detailOverdue: sorted(details.filter((d) => d.overdue).map((d) => d.id)),
          received: refIds(await rate.compute(metricContext(ctx, projectA, user('supervisor').id))),
        };
      };
      const expected = {
        overdue: ids('k1', 'k3', 'k4', 'k5'),
        notOverdue: ids('k2', 'k6', 'k7', 'k8'),
        flagged: ids('k1', 'k3', 'k4', 'k5'),
        detailOverdue: ids('k1', 'k3', 'k4', 'k5'),
        received: sorted(ours),
      };
      expect(await sets()).toEqual(expected);
      const reminded = await remindersAt(ctx, user('supervisor').id, 'complaint', 'overdue', ours);
      expect(await sets()).toEqual(expected);
      const open = [
        ...(await list('&overdue=true&status=received')),
        ...(await list('&overdue=true&status=handling')),
      ];
      expect(reminded).toEqual(sorted(open));
      expect(reminded).toEqual(ids('k1', 'k3'));
    });

    it('task: overdue in the list = task.overdue; reminders for the open ones; on time = the completion rate', async () => {
      const { projectA, employee, user } = await idsOf(ctx);
      const sup = at(await ctx.as('supervisor'));
      const create = async (title: string, due: string) =>
        (
          await sup('2027-03-01T08:00', 'POST', '/api/tasks', {
            projectId: projectA,
            title,
            category: 'inspection',
            assigneeEmployeeId: employee('officer'),
            dueAt: utc(due),
          })
        ).id as number;
      const act = (id: number, local: string, action: string, payload: unknown = {}) =>
        sup(local, 'POST', `/api/tasks/${id}/actions/${action}`, payload);

      const t: Record<string, number> = {};
      t.t1 = await create('逾期未完成', '2027-03-03T10:00');
      t.t2 = await create('此刻到期', NOW);
      t.t3 = await create('逾期完成', '2027-03-02T10:00');
      await act(t.t3, '2027-03-02T11:00', 'complete', { result: '完成' });
      t.t4 = await create('恰好按时完成', '2027-03-02T10:00');
      await act(t.t4, '2027-03-02T10:00', 'complete', { result: '完成' });
      t.t5 = await create('到期后取消', '2027-03-02T10:00');
      // cancelled after its due time, and the issuer says it does not count as late (a cancellation
      // that is not excused still counts: test/api/assessment-trust-facts.test.ts)
      await act(t.t5, '2027-03-02T12:00', 'cancel', { reason: '业主撤回需求', excuseLate: true });
      t.t6 = await create('按时完成后重新打开', '2027-03-02T10:00');
      await act(t.t6, '2027-03-02T09:00', 'complete', { result: '完成' });
      await act(t.t6, '2027-03-03T09:00', 'reopen');
      t.t7 = await create('下周到期', '2027-03-08T10:00');

      const ours = Object.values(t);
      const ids = (...keys: string[]) => sorted(keys.map((x) => t[x]));
      const list = async (filter: string) =>
        listed(
          await sup(NOW, 'GET', `/api/tasks?projectId=${projectA}&from=2027-03-01&pageSize=200${filter}`),
          ours,
        );
      const mctx = metricContext(ctx, projectA, user('supervisor').id);
      const overdueMetric = taskMetrics.find((m) => m.key === 'task.overdue')!;
      const completion = taskMetrics.find((m) => m.key === 'task.categoryCompletion')!;
      const all = await sup(NOW, 'GET', `/api/tasks?projectId=${projectA}&from=2027-03-01&pageSize=200`);
      const rates = await completion.compute(mctx);
      if (rates.type !== 'categoryRates') throw new Error(rates.type);
      const inspection = rates.categories.find((c) => c.category === 'inspection')!;
      const rate = await sup(
        NOW,
        'GET',
        `/api/tasks/completion?projectId=${projectA}&from=2027-03-01&to=2027-03-31`,
      );

      expect(await list('&overdue=true')).toEqual(ids('t1', 't3', 't6'));
      expect(await list('&overdue=false')).toEqual(ids('t2', 't4', 't5', 't7'));
      expect(
        sorted(
          all.items
            .filter((i: { id: number; overdue: boolean }) => i.overdue)
            .map((i: { id: number }) => i.id),
        ),
      ).toEqual(ids('t1', 't3', 't6'));
      expect(refIds(await overdueMetric.compute(mctx))).toEqual(ids('t1', 't3', 't6'));
      // due in the period and already due: t1, t3, t4, t6 (t2 is due exactly now, t5 cancelled and excused)
      expect(sorted(inspection.refs.map((r) => r.id))).toEqual(ids('t1', 't3', 't4', 't6'));
      expect(inspection.refs.filter((r) => r.label?.endsWith('」按时完成')).map((r) => r.id)).toEqual([t.t4]);
      expect({ numerator: inspection.numerator, denominator: inspection.denominator }).toEqual({
        numerator: 1,
        denominator: 4,
      });
      expect(rate).toEqual([expect.objectContaining({ category: 'inspection', due: 4, onTime: 1 })]);
      const reminded = await remindersAt(ctx, user('supervisor').id, 'task', 'overdue', ours);
      const open = [
        ...(await list('&overdue=true&status=open')),
        ...(await list('&overdue=true&status=in_progress')),
      ];
      expect(reminded).toEqual(sorted(open));
      expect(reminded).toEqual(ids('t1', 't6'));
      const dueSoon = await remindersAt(
        ctx,
        user(
          // the assignee hears of t2 (due now, not yet overdue) and t7 is more than a day away
          'officer',
        ).id,
        'task',
        'due',
        ours,
      );
      expect(dueSoon).toEqual(ids('t2'));
    });
  },
  { clock, config: { PROPDESK_SESSION_HOURS: '2160' } },
);
