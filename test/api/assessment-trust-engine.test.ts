import { expect, it } from 'vitest';
import { supervisorSchemeTemplate } from '../../server/modules/assessment/assessment.templates.ts';
import { describeApi } from '../helpers/app.ts';
import { autoRow, freshProject, idsOfRow, ok, type SheetRow, utc } from '../helpers/assessment-project.ts';
import { idsOf, testClock } from '../helpers/servicedesk.ts';

/**
 * Issue 12, the engine's rules of trust, one test per finding (docs/assessment.md, "Rules of trust"):
 * exact points (4), each metric for its assessee (5), rates as the document means them (6), periods
 * respecting beginnings (7), 2.1 and 2.3 both counting a late task, and versioned schemes and settings.
 */
const clock = testClock('2027-05-03T09:00');

describeApi(
  'assessment: rules of trust in the engine',
  (ctx) => {
    it('finding 4: points are exact — 1.15, 0.29 and 2.3 kept exactly; −3, 0.001 and more than the cap refused, never changed', async () => {
      clock.set('2027-08-05T09:00');
      const { user } = await idsOf(ctx);
      const manager = await ctx.as('manager');
      const sheet = await ok(
        manager({
          method: 'POST',
          url: '/api/assessments',
          payload: { assesseeUserId: user('supervisor').id, period: '2027-07' },
        }),
      );
      const id = sheet.assessment.id;
      const add = (payload: object) =>
        manager({ method: 'POST', url: `/api/assessments/${id}/manual-entries`, payload });
      const refused = [
        [{ ruleKey: '2.2', quantity: 1, points: -3, reason: '负数' }, 'points'],
        [{ ruleKey: '2.2', quantity: 1, points: 0.001, reason: '三位小数' }, 'points'],
        [{ ruleKey: '2.2', quantity: 1, points: 6, reason: '超过上限 5 分' }, 'points'],
        [{ ruleKey: '2.2', quantity: 11, reason: '11 × 0.5 = 5.5 超过上限' }, 'quantity'],
        [{ ruleKey: '2.2', quantity: 1.005, reason: '数量三位小数' }, 'quantity'],
      ] as const;
      for (const [payload, field] of refused) {
        const res = await add(payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        const fields = res.json().fields as { field: string; message: string }[];
        expect(fields.map((f) => f.field)).toContain(field);
        expect(fields.every((f) => /[\u4e00-\u9fa5]/.test(f.message))).toBe(true);
      }
      const unchanged = await ok(manager({ method: 'GET', url: `/api/assessments/${id}` }));
      expect(unchanged.rows.filter((r: SheetRow) => r.source === 'manual')).toEqual([]);
      expect(unchanged.total).toBe(sheet.total);

      await ok(add({ ruleKey: '2.2', quantity: 1, points: 1.15, reason: '协调不到位' }));
      await ok(add({ ruleKey: '2.6', quantity: 1, points: 0.29, reason: '存档缺页' }));
      const last = await ok(add({ ruleKey: '3.1', quantity: 1, points: 2.3, reason: '计划不切实际' }));
      const manual = last.rows.filter((r: SheetRow) => r.source === 'manual');
      expect(manual.map((r: SheetRow) => [r.ruleKey, r.points])).toEqual([
        ['2.2', 1.15],
        ['2.6', 0.29],
        ['3.1', 2.3],
      ]);
      expect(last.total).toBe(Math.round((sheet.total - 3.74) * 100) / 100);
      // stored as integer hundredths: exactly 115, 29 and 230
      const stored = await ctx.database.db
        .selectFrom('assessment_manual_entry')
        .select(['rule_key', 'points_centi'])
        .where('assessment_id', '=', id)
        .orderBy('id')
        .execute();
      expect(stored.map((r) => [r.rule_key, Number(r.points_centi)])).toEqual([
        ['2.2', 115],
        ['2.6', 29],
        ['3.1', 230],
      ]);
    });

    it('finding 5: each metric counts its assessee — an officer her own tasks, a team supervisor her team’s', async () => {
      const { user, employee, projectA } = await idsOf(ctx);
      const supervisor = await ctx.as('supervisor');
      const manager = await ctx.as('manager');
      const admin = await ctx.as('admin');
      clock.set('2027-05-03T09:00');
      const task = async (title: string, assignee: number, due: string) =>
        (
          await ok(
            supervisor({
              method: 'POST',
              url: '/api/tasks',
              payload: {
                projectId: projectA,
                title,
                category: 'service',
                assigneeEmployeeId: assignee,
                dueAt: utc(due),
              },
            }),
          )
        ).id as number;
      const mine = await task('张伟的任务', employee('officer'), '2027-05-10T17:00');
      const colleagues = await task('陈静的任务', employee('officer2'), '2027-05-11T17:00');
      const frontdesks = await task('前台的任务', employee('frontdesk'), '2027-05-12T17:00');
      const supervisors = await task('主管自己的任务', employee('supervisor'), '2027-05-13T17:00');

      // the supervisor leads 前台组 (孙丽's team) — a team supervisor among several teams
      const team = await ctx.database.db
        .selectFrom('team')
        .select(['id', 'name', 'kind', 'version'])
        .where('project_id', '=', projectA)
        .where('name', '=', '前台组')
        .executeTakeFirstOrThrow();
      await ok(
        admin({
          method: 'PUT',
          url: `/api/teams/${team.id}`,
          payload: {
            projectId: projectA,
            name: team.name,
            kind: team.kind,
            leaderEmployeeId: employee('supervisor'),
            version: Number(team.version),
          },
        }),
      );
      const items = structuredClone(supervisorSchemeTemplate.items);
      for (const rule of items.flatMap((i) => i.rules)) {
        if (rule.metricKey === 'task.overdue' || rule.metricKey === 'task.categoryCompletion')
          rule.scope = 'team';
      }
      const teamScheme = await ok(
        admin({
          method: 'POST',
          url: '/api/assessment/schemes',
          payload: { name: '班组主管', code: 'team-supervisor', positionCode: 'CS-SUPERVISOR-TEAM', items },
        }),
      );
      // a scope the metric cannot count by is refused on its field
      const wrong = structuredClone(items);
      const rate = wrong.flatMap((i) => i.rules).find((r) => r.metricKey === 'complaint.rate')!;
      rate.scope = 'own';
      const refused = await admin({
        method: 'POST',
        url: '/api/assessment/schemes',
        payload: { name: '错误范围', code: 'wrong-scope', positionCode: 'X', items: wrong },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().fields[0].field).toMatch(/^items\/\d+\/rules\/\d+\/scope$/);

      clock.set('2027-06-05T09:00');
      const officerSheet = await ok(
        supervisor({
          method: 'POST',
          url: '/api/assessments',
          payload: { assesseeUserId: user('officer').id, period: '2027-05' },
        }),
      );
      // the 房管员 scheme's 4.1 names no scope: the metric's default, her own tasks
      expect(idsOfRow(autoRow(officerSheet, '4.1'))).toEqual([mine]);
      expect(autoRow(officerSheet, '4.1').points).toBe(0.5);

      const teamSheet = await ok(
        manager({
          method: 'POST',
          url: '/api/assessments',
          payload: { assesseeUserId: user('supervisor').id, period: '2027-05', schemeId: teamScheme.id },
        }),
      );
      expect(idsOfRow(autoRow(teamSheet, '2.1'))).toEqual([frontdesks, supervisors]);
      expect(idsOfRow(autoRow(teamSheet, '2.1'))).not.toContain(colleagues);

      // finding 2.1/2.3: the same late task counts under both rules, listed under both
      const r23 = autoRow(teamSheet, '2.3');
      expect(r23.points).toBe(0.5);
      expect(idsOfRow(r23)).toEqual(expect.arrayContaining([frontdesks, supervisors]));
      expect(idsOfRow(r23)).not.toContain(mine);
    });

    it('finding 6: the complaint rate leaves out withdrawn complaints (listed as not counted) and divides by 入住 households unless the company counts 装修中', async () => {
      clock.set('2027-04-01T09:00');
      const p = await freshProject(ctx, 'R6', {
        startedOn: '2027-04-01',
        since: '2027-04-01',
        occupied: 4,
        renovating: 1,
      });
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
              content: '噪音',
            },
          }),
        );
      clock.set('2027-04-06T10:00');
      const counted = (await complaint('钱女士')).id;
      const withdrawn = (await complaint('孙先生')).id;
      const repeated = (await complaint('钱女士')).id;
      clock.set('2027-04-06T11:00');
      await ok(
        p.frontdesk({ method: 'POST', url: `/api/complaints/${withdrawn}/actions/cancel`, payload: {} }),
      );
      // a duplicate names the complaint it repeats: a standing one of the same project, not itself
      const dup = (payload: object) =>
        p.frontdesk({ method: 'POST', url: `/api/complaints/${repeated}/actions/markDuplicate`, payload });
      const code = (id: number) => `TS${String(id).padStart(6, '0')}`;
      for (const [payload, message] of [
        [{}, '请填写原投诉编号'],
        [{ duplicateOf: 'TS12' }, '请填写原投诉编号，如 TS000123'],
        [{ duplicateOf: code(repeated) }, '同一项目中没有这个编号的其他投诉'],
        [{ duplicateOf: code(withdrawn) }, '原投诉已撤销，请填写仍有效的投诉'],
        [{ duplicateOf: 'TS999999' }, '同一项目中没有这个编号的其他投诉'],
      ] as const) {
        const refused = await dup(payload);
        expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
        expect(refused.json().fields[0]).toEqual({ field: 'duplicateOf', message });
      }
      const marked = await ok(dup({ duplicateOf: code(counted), note: '同一户同一噪音' }));
      expect(marked).toMatchObject({
        status: 'cancelled',
        duplicateOf: { id: counted, code: code(counted) },
      });

      clock.set('2027-05-05T09:00');
      const sheet = await ok(
        p.manager({
          method: 'POST',
          url: '/api/assessments',
          payload: { assesseeUserId: p.users.supervisor, period: '2027-04' },
        }),
      );
      const row = autoRow(sheet, '4.1');
      expect(idsOfRow(row)).toEqual([counted]);
      expect(row.notCounted?.map((r) => r.id)).toEqual([withdrawn, repeated]);
      expect(row.notCounted?.[0].label).toContain('已撤销');
      expect(row.notCounted?.[1].label).toContain(`与 ${code(counted)} 重复，不计入`);
      expect(row.detail).toContain('25.00%（1/4）');
      expect(row.detail).toContain('入住户数只计“入住”');
      expect(row.points).toBe(5);

      const admin = await ctx.as('admin');
      const settings = await ok(admin({ method: 'GET', url: '/api/assessment/settings' }));
      expect(settings.countRenovating).toBe(false);
      await ok(
        admin({
          method: 'PUT',
          url: '/api/assessment/settings',
          payload: { periodStartDay: 1, appealDays: 3, countRenovating: true, version: settings.version },
        }),
      );
      const refreshed = await ok(
        p.manager({ method: 'POST', url: `/api/assessments/${sheet.assessment.id}/refresh`, payload: {} }),
      );
      expect(autoRow(refreshed, '4.1').detail).toContain('20.00%（1/5）');
      expect(autoRow(refreshed, '4.1').detail).toContain('入住户数含装修中');
      const back = await ok(admin({ method: 'GET', url: '/api/assessment/settings' }));
      await ok(
        admin({
          method: 'PUT',
          url: '/api/assessment/settings',
          payload: { periodStartDay: 1, appealDays: 3, countRenovating: false, version: back.version },
        }),
      );
    });

    it('finding 7: a new project assessed for a past month gets no 2.4 weeks before it began, nor tasks before the assessee took the post', async () => {
      clock.set('2027-03-09T09:00');
      const p = await freshProject(ctx, 'B7', {
        startedOn: '2027-03-10',
        since: '2027-03-10',
        occupied: 3,
        renovating: 0,
        hired: { officer: '2027-03-15' },
      });
      clock.set('2027-03-10T09:00');
      const task = async (title: string, due: string) =>
        (
          await ok(
            p.supervisor({
              method: 'POST',
              url: '/api/tasks',
              payload: {
                projectId: p.projectId,
                title,
                category: 'service',
                assigneeEmployeeId: p.employees.officer,
                dueAt: utc(due),
              },
            }),
          )
        ).id as number;
      await task('入职前到期的任务', '2027-03-12T17:00');
      const afterHire = await task('入职后到期的任务', '2027-03-20T17:00');

      clock.set('2027-04-10T09:00');
      const sheet = await ok(
        p.manager({
          method: 'POST',
          url: '/api/assessments',
          payload: { assesseeUserId: p.users.supervisor, period: '2027-03' },
        }),
      );
      // weeks (Monday–Sunday) whose Sunday is on or after the start: 8, 15 and 22 March, not 1 March
      const weeks = autoRow(sheet, '2.4');
      expect(idsOfRow(weeks)).toEqual(
        ['2027-03-08', '2027-03-15', '2027-03-22'].map((w) => `${p.projectId}:${w}`),
      );
      expect(weeks.points).toBe(1.5);

      const officerSheet = await ok(
        p.supervisor({
          method: 'POST',
          url: '/api/assessments',
          payload: { assesseeUserId: p.users.officer, period: '2027-03' },
        }),
      );
      expect(idsOfRow(autoRow(officerSheet, '4.1'))).toEqual([afterHire]);
    });

    it('schemes and settings carry a version: an update is conditional on it, a stale one is 409 STALE_EDIT', async () => {
      const admin = await ctx.as('admin');
      const settings = await ok(admin({ method: 'GET', url: '/api/assessment/settings' }));
      const body = { periodStartDay: 1, appealDays: 4, version: settings.version };
      const saved = await ok(admin({ method: 'PUT', url: '/api/assessment/settings', payload: body }));
      expect(saved.version).toBe(settings.version + 1);
      const stale = await admin({ method: 'PUT', url: '/api/assessment/settings', payload: body });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('STALE_EDIT');
      const missing = await admin({
        method: 'PUT',
        url: '/api/assessment/settings',
        payload: { periodStartDay: 1, appealDays: 3 },
      });
      expect(missing.statusCode).toBe(400);
      await ok(
        admin({
          method: 'PUT',
          url: '/api/assessment/settings',
          payload: { periodStartDay: 1, appealDays: 3, version: saved.version },
        }),
      );

      const created = await ok(
        admin({
          method: 'POST',
          url: '/api/assessment/schemes',
          payload: {
            name: '版本测试',
            code: 'edit-version',
            positionCode: 'TEST-POS',
            items: supervisorSchemeTemplate.items,
          },
        }),
      );
      const edit = (editVersion: number, name: string) =>
        admin({
          method: 'PUT',
          url: `/api/assessment/schemes/${created.id}`,
          payload: { name, positionCode: 'TEST-POS', items: supervisorSchemeTemplate.items, editVersion },
        });
      const first = await ok(edit(created.editVersion, '版本测试（一）'));
      expect(first.editVersion).toBe(created.editVersion + 1);
      const second = await edit(created.editVersion, '版本测试（二）');
      expect(second.statusCode).toBe(409);
      expect(second.json().code).toBe('STALE_EDIT');
      const now = await ok(admin({ method: 'GET', url: `/api/assessment/schemes/${created.id}` }));
      expect(now.name).toBe('版本测试（一）');
    });
  },
  { clock, config: { PROPDESK_SESSION_HOURS: '2160' } },
);
