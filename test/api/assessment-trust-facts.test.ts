import { expect, it } from 'vitest';
import { taskReminders } from '../../server/modules/task/task.reminders.ts';
import { describeApi, type InjectOptions } from '../helpers/app.ts';
import { idsOf, testClock } from '../helpers/servicedesk.ts';

/**
 * Issue 12, findings 1–3 (docs/assessment.md, "Facts and their times"): the assessee cannot erase her
 * deductions by cancelling, the past is not rewritten without a manager's reason, and an empty or late
 * weekly repair review does not count as done. Built through the API in 锦绣华庭 (project b), assessee
 * supervisor2 (李晓梅), the tasks handed by her to officer3, the sheets made by the manager.
 */
const clock = testClock('2027-03-01T09:00');
const utc = (local: string) => new Date(`${local}:00+08:00`).toISOString();

type Json = ReturnType<JSON['parse']>;
type Evidence = { entity: string; id: number | string; label: string };

describeApi(
  'assessment trust: facts, cancellations, reviews',
  (ctx) => {
    /** signed in at the test clock's time (each test moves the clock by months) */
    async function as(username: string) {
      const cookie = await ctx.login(username);
      return (opts: InjectOptions) =>
        ctx.app.inject({
          method: opts.method,
          url: opts.url,
          payload: opts.payload as never,
          headers: { cookie },
        });
    }
    async function people() {
      const ids = await idsOf(ctx);
      return {
        ...ids,
        sup: await as('supervisor2'),
        officer: await as('officer3'),
        mgr: await as('manager'),
      };
    }
    // biome-ignore lint/suspicious/noExplicitAny: response bodies
    const ok = async (p: Promise<{ statusCode: number; body: string; json(): any }>): Promise<Json> => {
      const r = await p;
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    /** the manager's sheet of supervisor2 for a period: every evidence record of its rows */
    async function evidenceOf(period: string) {
      const { mgr, user } = await people();
      const sheet = await ok(
        mgr({
          method: 'POST',
          url: '/api/assessments',
          payload: { assesseeUserId: user('supervisor2').id, period },
        }),
      );
      return {
        sheet,
        evidence: (rule: string): Evidence[] =>
          sheet.rows
            .filter((r: { ruleKey: string }) => r.ruleKey === rule)
            .flatMap((r: { evidence: Evidence[] }) => r.evidence),
      };
    }

    it('finding 3: the weekly review needs a conclusion per unfinished order, is due on the working calendar, and a late one counts in 2.4', async () => {
      const { sup, projectB } = await people();
      const fd = await as('frontdesk2');
      const cats = await ok(fd({ method: 'GET', url: '/api/repair-categories' }));
      clock.set('2027-03-02T10:00');
      const open = await ok(
        fd({
          method: 'POST',
          url: '/api/repairs',
          payload: {
            projectId: projectB,
            location: '3栋201',
            reporterName: '业主',
            categoryId: cats[0].id,
            description: '水管漏水',
          },
        }),
      );
      clock.set('2027-03-08T09:00'); // Monday after the week
      const week = `/api/repair-reviews/week?projectId=${projectB}&weekStart=2027-03-01`;
      const draft = await ok(sup({ method: 'GET', url: week }));
      // due at the end of the first working day after the week: Monday 17:30
      expect(draft.dueAt).toBe(utc('2027-03-08T17:30'));
      const unfinished = draft.content.unfinished.map((u: { id: number }) => u.id);
      expect(unfinished).toContain(open.id);

      const submit = (payload: object) =>
        sup({
          method: 'POST',
          url: '/api/repair-reviews',
          payload: { projectId: projectB, weekStart: '2027-03-01', ...payload },
        });
      const empty = await submit({});
      expect(empty.statusCode).toBe(400);
      expect(empty.json()).toMatchObject({ code: 'REPAIR_REVIEW_EMPTY' });
      expect(empty.json().fields.map((f: { field: string }) => f.field)).toContain(`conclusions.${open.id}`);
      expect(empty.json().fields[0].message).toMatch(/审核结论/);
      // a summary does not stand for the conclusions; nothing was stored
      const summaryOnly = await submit({ summary: '本周正常' });
      expect(summaryOnly.statusCode).toBe(400);
      expect((await ok(sup({ method: 'GET', url: week }))).status).toBe('draft');

      clock.set('2027-03-09T10:00'); // after its due time
      const late = await ok(
        submit({
          conclusions: unfinished.map((id: number) => ({
            repairOrderId: id,
            conclusion: '等配件，周三完成',
          })),
        }),
      );
      expect(late).toMatchObject({ status: 'submitted', late: true, dueAt: utc('2027-03-08T17:30') });
      expect(late.content.unfinished.find((u: { id: number }) => u.id === open.id).reason).toBe(
        '等配件，周三完成',
      );

      // the next week's review on time
      clock.set('2027-03-15T09:00');
      const next = await ok(
        sup({ method: 'GET', url: `/api/repair-reviews/week?projectId=${projectB}&weekStart=2027-03-08` }),
      );
      const onTime = await ok(
        sup({
          method: 'POST',
          url: '/api/repair-reviews',
          payload: {
            projectId: projectB,
            weekStart: '2027-03-08',
            conclusions: next.content.unfinished.map((u: { id: number }) => ({
              repairOrderId: u.id,
              conclusion: '跟进中',
            })),
          },
        }),
      );
      expect(onTime.late).toBe(false);

      clock.set('2027-04-10T09:00');
      const { evidence } = await evidenceOf('2027-03');
      const cases = evidence('2.4').filter((e) => e.entity === 'repair_weekly_review');
      // the late one is a case, with its due and submission times; the one on time is not
      expect(cases.find((e) => e.id === late.id)?.label).toMatch(/逾期提交/);
      expect(cases.find((e) => e.id === onTime.id)).toBeUndefined();
      expect(cases.map((e) => e.label).join('\n')).not.toMatch(/2027-03-08 至/);
      expect(cases.find((e) => e.label.startsWith('2027-03-15 至'))?.label).toMatch(/未提交/);
    });

    it('finding 1: only the issuer or a manager cancels, with a reason; the assignee asks; a late cancellation still counts', async () => {
      const { sup, officer, mgr, projectB, employee, user } = await people();
      clock.set('2027-05-03T09:00');
      const task = (title: string, due: string) =>
        ok(
          sup({
            method: 'POST',
            url: '/api/tasks',
            payload: {
              projectId: projectB,
              title,
              category: 'service',
              assigneeEmployeeId: employee('officer3'),
              dueAt: utc(due),
            },
          }),
        );
      const asked = await task('回访业主甲', '2027-05-05T17:00');
      const excused = await task('回访业主乙', '2027-05-05T17:00');
      const early = await task('回访业主丙', '2027-05-20T17:00');
      const declined = await task('回访业主丁', '2027-05-20T17:00');
      const act = (as: typeof sup, id: number, action: string, payload: object = {}) =>
        as({ method: 'POST', url: `/api/tasks/${id}/actions/${action}`, payload });

      clock.set('2027-05-10T09:00'); // past the due time of the first two
      // the assignee may not cancel; she asks, with a reason
      expect((await act(officer, asked.id, 'cancel', { reason: '业主已搬走' })).statusCode).toBe(403);
      const noReason = await act(officer, asked.id, 'requestCancel', {});
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().fields[0]).toMatchObject({ field: 'reason', message: '请填写申请取消的原因' });
      const requested = await ok(act(officer, asked.id, 'requestCancel', { reason: '业主已搬走' }));
      expect(requested).toMatchObject({
        status: 'cancel_requested',
        cancelRequest: { reason: '业主已搬走' },
      });
      expect(requested.actions).not.toContain('approveCancel');
      // the issuer sees the request and decides it
      const seen = await ok(sup({ method: 'GET', url: `/api/tasks/${asked.id}` }));
      expect(seen.actions).toEqual(expect.arrayContaining(['approveCancel', 'declineCancel']));
      // the issuer is reminded of the request until she decides it
      const source = taskReminders.find((r) => r.key === 'task.cancelRequest')!;
      const check = {
        db: ctx.database.db,
        now: clock.now(),
        nowIso: clock.now().toISOString(),
        projectsWithRole: () => [],
      };
      const due = (await source.collect(check)).find((r) => r.entityId === String(asked.id));
      expect(due?.to).toEqual([{ user: user('supervisor2').id }]);
      const approved = await ok(act(sup, asked.id, 'approveCancel', { reason: '同意，业主已搬走' }));
      expect(approved.cancellation).toMatchObject({
        reason: '同意，业主已搬走',
        afterDue: true,
        countsAsLate: true,
      });
      expect(approved.overdue).toBe(true);

      // the issuer's own cancellation: a reason or a 400 that changes nothing
      const bare = await act(sup, excused.id, 'cancel', {});
      expect(bare.statusCode).toBe(400);
      expect(bare.json().fields[0].field).toBe('reason');
      expect((await ok(sup({ method: 'GET', url: `/api/tasks/${excused.id}` }))).status).toBe('open');
      await ok(act(sup, excused.id, 'cancel', { reason: '经理决定取消此项工作', excuseLate: true }));
      await ok(act(sup, early.id, 'cancel', { reason: '计划调整' }));
      // the supervisor's own task, handed to her by the manager: she may not cancel it, only ask
      const hers = await ok(
        mgr({
          method: 'POST',
          url: '/api/tasks',
          payload: {
            projectId: projectB,
            title: '本月客服例会纪要',
            category: 'admin',
            assigneeEmployeeId: employee('supervisor2'),
            dueAt: utc('2027-05-07T17:00'),
          },
        }),
      );
      const own = await act(sup, hers.id, 'cancel', { reason: '不需要了' });
      expect(own.statusCode).toBe(403);
      await ok(act(sup, hers.id, 'requestCancel', { reason: '例会取消' }));
      expect((await ok(act(mgr, hers.id, 'declineCancel', { reason: '纪要仍需提交' }))).status).toBe('open');
      // a decline sends the task back as it was
      await ok(act(officer, declined.id, 'requestCancel', { reason: '太忙' }));
      const back = await ok(act(sup, declined.id, 'declineCancel', { reason: '仍需完成' }));
      expect(back.status).toBe('open');
      // the assignee may not decide, another supervisor may not cancel, a manager may
      expect((await act(officer, declined.id, 'cancel', { reason: '不做了' })).statusCode).toBe(403);
      expect((await ok(act(mgr, declined.id, 'cancel', { reason: '经理取消' }))).status).toBe('cancelled');

      clock.set('2027-06-05T09:00');
      const { evidence } = await evidenceOf('2027-05');
      const late = evidence('2.1').filter((e) => e.entity === 'task');
      const lateIds = late.map((e) => e.id);
      expect(lateIds).toContain(asked.id);
      expect(late.find((e) => e.id === asked.id)?.label).toMatch(
        /逾期后于 .* 取消，仍计未按时完成（取消原因：同意，业主已搬走）/,
      );
      expect(lateIds).not.toContain(excused.id);
      expect(lateIds).not.toContain(early.id);
      expect(lateIds).toContain(hers.id); // still open past its due time: her deduction stays
      // 2.3 (the category's rate) counts the same late task
      expect(evidence('2.3').map((e) => e.id)).toContain(asked.id);
    });

    it('finding 2: a fact of a past or published period is a manager’s 补录 with a reason, and never changes a finalized sheet', async () => {
      const { sup, mgr, projectB, employee, user } = await people();
      clock.set('2027-07-05T09:00');
      // June is published, then finalized
      const june = await ok(
        mgr({
          method: 'POST',
          url: '/api/assessments',
          payload: { assesseeUserId: user('supervisor2').id, period: '2027-06' },
        }),
      );
      const id = june.assessment.id;
      await ok(mgr({ method: 'POST', url: `/api/assessments/${id}/publish` }));
      const input = {
        projectId: projectB,
        title: '六月漏记的任务',
        category: 'service',
        assigneeEmployeeId: employee('officer3'),
        occurredAt: utc('2027-06-10T09:00'),
        dueAt: utc('2027-06-12T17:00'),
      };
      const post = (as: typeof sup, payload: object) => as({ method: 'POST', url: '/api/tasks', payload });
      // the supervisor may not date a task into a published period
      const bySup = await post(sup, input);
      expect(bySup.statusCode).toBe(403);
      expect(bySup.json()).toMatchObject({ code: 'BACKFILL_MANAGER' });
      expect(bySup.json().message).toMatch(/2027-06.*已公示/);
      // nor into the future
      const future = await post(sup, { ...input, occurredAt: utc('2027-07-06T09:00') });
      expect(future.statusCode).toBe(400);
      expect(future.json().fields[0].field).toBe('occurredAt');
      // a manager needs a reason
      const noReason = await post(mgr, input);
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().fields[0]).toMatchObject({ field: 'backfillReason', message: '补录须填写原因' });

      await ok(mgr({ method: 'POST', url: `/api/assessments/${id}/finalize` }));
      const frozen = await ok(mgr({ method: 'GET', url: `/api/assessments/${id}` }));
      const t = await ok(post(mgr, { ...input, backfillReason: '纸质台账补录' }));
      expect(t).toMatchObject({
        backfilled: true,
        backfillReason: '纸质台账补录',
        createdAt: utc('2027-06-10T09:00'),
        recordedAt: clock.now().toISOString(),
      });
      // completing it, dated in June, is again a manager's 补录
      expect(
        (
          await sup({
            method: 'POST',
            url: `/api/tasks/${t.id}/actions/complete`,
            payload: { result: '已完成', occurredAt: utc('2027-06-20T09:00') },
          })
        ).statusCode,
      ).toBe(403);

      // the finalized sheet is as it was; the correction is a revision, where the fact shows as 补录
      const after = await ok(mgr({ method: 'GET', url: `/api/assessments/${id}` }));
      expect(after.rows).toEqual(frozen.rows);
      expect(after.total).toBe(frozen.total);
      const rev = await ok(
        mgr({ method: 'POST', url: `/api/assessments/${id}/revisions`, payload: { reason: '补录六月任务' } }),
      );
      const row = rev.rows
        .filter((r: { ruleKey: string }) => r.ruleKey === '2.1')
        .flatMap((r: { evidence: Evidence[] }) => r.evidence)
        .find((e: Evidence) => e.id === t.id);
      expect(row?.label).toMatch(/补录（纸质台账补录）/);
      // repair and complaint events: the same rule, the same flag
      const fd = await as('frontdesk2');
      const cats = await ok(fd({ method: 'GET', url: '/api/repair-categories' }));
      const report = {
        projectId: projectB,
        location: '5栋502',
        reporterName: '业主',
        categoryId: cats[0].id,
        description: '门禁失灵',
        occurredAt: utc('2027-06-15T10:00'),
      };
      const fdRepair = await fd({ method: 'POST', url: '/api/repairs', payload: report });
      expect(fdRepair.statusCode).toBe(403);
      expect(fdRepair.json().code).toBe('BACKFILL_MANAGER');
      const repair = await ok(
        mgr({ method: 'POST', url: '/api/repairs', payload: { ...report, backfillReason: '电话登记漏录' } }),
      );
      expect(repair.createdAt).toBe(utc('2027-06-15T10:00'));
      // a move dated before the report is refused, and changes nothing
      const before = await mgr({
        method: 'POST',
        url: `/api/repairs/${repair.id}/actions/dispatch`,
        payload: { department: '工程部', occurredAt: utc('2027-06-14T10:00'), backfillReason: '补录派工' },
      });
      expect(before.statusCode).toBe(400);
      expect(before.json().fields[0].field).toBe('occurredAt');
      expect((await ok(mgr({ method: 'GET', url: `/api/repairs/${repair.id}` }))).status).toBe('submitted');
      const kcats = await ok(fd({ method: 'GET', url: '/api/complaint-categories' }));
      const complaint = {
        projectId: projectB,
        complainantName: '业主',
        categoryId: kcats[0].id,
        content: '电梯噪音',
        occurredAt: utc('2027-06-16T10:00'),
      };
      expect((await fd({ method: 'POST', url: '/api/complaints', payload: complaint })).statusCode).toBe(403);
      const k = await ok(
        mgr({
          method: 'POST',
          url: '/api/complaints',
          payload: { ...complaint, backfillReason: '纸质登记补录' },
        }),
      );
      expect(k.createdAt).toBe(utc('2027-06-16T10:00'));
      const stored = await ctx.database.db
        .selectFrom('complaint')
        .select(['backfilled', 'backfill_reason', 'recorded_at'])
        .where('id', '=', k.id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({
        backfilled: 1,
        backfill_reason: '纸质登记补录',
        recorded_at: clock.now().toISOString(),
      });

      // a fact recorded now, in the open period, needs nobody's permission
      expect(
        (await post(sup, { ...input, occurredAt: utc('2027-07-01T09:00'), dueAt: utc('2027-07-09T17:00') }))
          .statusCode,
      ).toBe(200);
    });
  },
  // sessions that outlive the months the clock moves through within one test
  { clock, config: { PROPDESK_SESSION_HOURS: String(24 * 60) } },
);
