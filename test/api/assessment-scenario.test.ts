import { expect, it } from 'vitest';
import { describeApi } from '../helpers/app.ts';
import { autoRow, freshProject, idsOfRow, ok, type SheetRow, utc } from '../helpers/assessment-project.ts';
import { testClock } from '../helpers/servicedesk.ts';

/**
 * One month of a new project, built only through the public API as people would build it — the admin
 * sets up the project, its people and its units; the front desk files complaints and repairs and
 * dispatches them; the supervisor gives and completes tasks; the manager marks a complaint and adds a
 * manual deduction — with the test clock moving through March 2027. The supervisor's sheet is then
 * computed and every row's points and the total asserted (docs/assessment.md, "Rules of trust").
 */
const clock = testClock('2027-02-26T09:00');

describeApi(
  'assessment scenario: one month of a new project through the API',
  (ctx) => {
    it('computes every row and the total of the supervisor’s March, the same on every recompute', async () => {
      const p = await freshProject(ctx, 'SC', {
        startedOn: '2027-03-01',
        since: '2027-03-01',
        occupied: 10,
        renovating: 1,
      });
      const at = async <T>(local: string, fn: () => Promise<T>) => {
        clock.set(local);
        return fn();
      };

      // ---- tasks: one on time, one never done, one done late (two categories) ----
      const task = async (title: string, category: string, assignee: number, due: string) =>
        (
          await ok(
            p.supervisor({
              method: 'POST',
              url: '/api/tasks',
              payload: {
                projectId: p.projectId,
                title,
                category,
                assigneeEmployeeId: assignee,
                dueAt: utc(due),
              },
            }),
          )
        ).id as number;
      const complete = (id: number) =>
        ok(
          p.supervisor({
            method: 'POST',
            url: `/api/tasks/${id}/actions/complete`,
            payload: { result: '已完成' },
          }),
        );
      clock.set('2027-03-03T09:00');
      const onTime = await task('整理业主档案', 'service', p.employees.officer, '2027-03-20T17:00');
      const open = await task('回访投诉业主', 'service', p.employees.supervisor, '2027-03-22T17:00');
      const late = await task('催缴物业费', 'fee', p.employees.officer, '2027-03-25T17:00');
      await at('2027-03-19T10:00', () => complete(onTime));
      await at('2027-03-26T10:00', () => complete(late));

      // ---- complaints: one counted, one withdrawn; the manager finds the counted one handled improperly ----
      const cats = await ok(p.frontdesk({ method: 'GET', url: '/api/complaint-categories' }));
      const complaint = (name: string) =>
        ok(
          p.frontdesk({
            method: 'POST',
            url: '/api/complaints',
            payload: {
              projectId: p.projectId,
              complainantName: name,
              categoryId: cats[0].id,
              content: '夜间噪音',
            },
          }),
        );
      const counted = (await at('2027-03-15T10:00', () => complaint('钱女士'))).id;
      const withdrawn = (await at('2027-03-16T10:00', () => complaint('孙先生'))).id;
      await at('2027-03-16T10:30', () =>
        ok(p.frontdesk({ method: 'POST', url: `/api/complaints/${withdrawn}/actions/cancel`, payload: {} })),
      );
      await at('2027-03-20T10:00', () =>
        ok(
          p.manager({
            method: 'POST',
            url: `/api/complaints/${counted}/improper`,
            payload: { reason: '未按时回复业主' },
          }),
        ),
      );

      // ---- repairs: one dispatched in time, one a day late ----
      const repairCats = await ok(p.frontdesk({ method: 'GET', url: '/api/repair-categories' }));
      const water = repairCats.find((c: { code: string }) => c.code === 'water-electric').id;
      const repair = (location: string) =>
        ok(
          p.frontdesk({
            method: 'POST',
            url: '/api/repairs',
            payload: {
              projectId: p.projectId,
              location,
              reporterName: '业主',
              categoryId: water,
              description: '灯不亮了',
            },
          }),
        );
      const dispatch = (id: number) =>
        ok(
          p.frontdesk({
            method: 'POST',
            url: `/api/repairs/${id}/actions/dispatch`,
            payload: { assigneeEmployeeId: p.employees.officer },
          }),
        );
      const inTime = (await at('2027-03-15T10:00', () => repair('1栋101'))).id;
      await at('2027-03-15T10:30', () => dispatch(inTime));
      const lateDispatch = (await at('2027-03-17T10:00', () => repair('1栋102'))).id;
      await at('2027-03-18T10:00', () => dispatch(lateDispatch));

      // ---- April: the manager assesses March and adds a manual row ----
      clock.set('2027-04-10T09:00');
      const created = await ok(
        p.manager({
          method: 'POST',
          url: '/api/assessments',
          payload: { assesseeUserId: p.users.supervisor, period: '2027-03' },
        }),
      );
      const id = created.assessment.id;
      const sheet = await ok(
        p.manager({
          method: 'POST',
          url: `/api/assessments/${id}/manual-entries`,
          payload: { ruleKey: '2.2', quantity: 1, points: 1.15, reason: '电梯维修协调不到位' },
        }),
      );

      const pointsByRule: Record<string, number> = {};
      for (const row of sheet.rows as SheetRow[]) {
        pointsByRule[row.ruleKey] = Math.round(((pointsByRule[row.ruleKey] ?? 0) + row.points) * 100) / 100;
      }
      const rules = (sheet.scheme.items as { rules: { key: string }[] }[]).flatMap((i) =>
        i.rules.map((r) => r.key),
      );
      const expected: Record<string, number> = {
        '2.1': 1, // the open task and the late one, 0.5 each
        '2.2': 1.15, // the manual row, exactly
        '2.3': 1, // service 1/2 and fee 0/1 below 95%, 0.5 each
        '2.4': 2, // four weeks (Sundays 7, 14, 21, 28 March) without a weekly repair review
        '2.5': 0.5, // the repair dispatched a day late
        '4.1': 2, // 1 complaint ÷ 10 入住 households = 10.00% ≥ 2% (not > 10%); the withdrawn one and 装修中 not counted
        '5.1': 1, // the complaint marked improper
      };
      for (const rule of rules) expect([rule, pointsByRule[rule] ?? 0]).toEqual([rule, expected[rule] ?? 0]);
      expect(sheet.total).toBe(91.35);
      expect(sheet.items.map((i: { itemKey: string; score: number }) => [i.itemKey, i.score])).toEqual([
        ['0', 20],
        ['1', 20],
        ['2', 24.35],
        ['3', 10],
        ['4', 8],
        ['5', 4],
        ['6', 5],
      ]);
      // the evidence of each row is the records that caused it
      expect(idsOfRow(autoRow(sheet, '2.1'))).toEqual([open, late]);
      expect(idsOfRow(autoRow(sheet, '2.3'))).toEqual(expect.arrayContaining([open, late]));
      expect(idsOfRow(autoRow(sheet, '2.5'))).toEqual([lateDispatch]);
      expect(idsOfRow(autoRow(sheet, '4.1'))).toEqual([counted]);
      expect(autoRow(sheet, '4.1').notCounted?.map((r) => r.id)).toEqual([withdrawn]);
      expect(autoRow(sheet, '4.1').detail).toContain('10.00%（1/10）');
      expect(idsOfRow(autoRow(sheet, '5.1'))).toEqual([counted]);

      // recomputing twice gives the same rows and the same evidence ids
      const shape = (s: { rows: SheetRow[]; total: number }) => ({
        total: s.total,
        rows: s.rows.map((r) => [r.rowKey, r.points, r.detail, r.evidence.map((e) => `${e.entity}:${e.id}`)]),
      });
      const first = await ok(
        p.manager({ method: 'POST', url: `/api/assessments/${id}/refresh`, payload: {} }),
      );
      const second = await ok(
        p.manager({ method: 'POST', url: `/api/assessments/${id}/refresh`, payload: {} }),
      );
      expect(shape(first)).toEqual(shape(sheet));
      expect(shape(second)).toEqual(shape(first));
    });
  },
  { clock, config: { PROPDESK_SESSION_HOURS: '2160' } },
);
