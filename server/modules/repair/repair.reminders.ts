import type { ReminderSource } from '../../lib/reminders.ts';
import { addDays, formatLocal, inclusiveLabel, localDate, localHour, mondayOf } from '../../lib/time.ts';
import * as checks from './repair.checks.repository.ts';
import * as repo from './repair.repository.ts';
import * as reviewRepo from './repair.review.repository.ts';
import { isCompletionLateNow, isCompletionOverdue } from './repair.rules.ts';

const label = (r: { id: number; location: string }) => `报修 ${repo.repairCode(r.id)}（${r.location}）`;

/** The repair module's reminders (the rules are repair.rules.ts's). */
export const repairReminders: ReminderSource[] = [
  {
    key: 'repair.waitingForDispatch',
    description: "orders waiting for dispatch (待派工): the project's front desk",
    async collect({ db }) {
      return (await checks.ordersWaitingForDispatch(db)).map((r) => ({
        to: [{ role: 'frontdesk', projectId: r.project_id }],
        projectId: r.project_id,
        entity: 'repair_order',
        entityId: String(r.id),
        kind: 'due',
        title: `${label(r)}待派工，时限 ${formatLocal(r.dispatch_due_at)}`,
        dueAt: r.dispatch_due_at,
      }));
    },
  },
  {
    key: 'repair.assigned',
    description: 'orders dispatched to an employee and not finished: the assignee',
    async collect({ db }) {
      return (await checks.ordersAssigned(db)).map((r) => ({
        to: [{ employee: r.assignee_employee_id }],
        projectId: r.project_id,
        entity: 'repair_order',
        entityId: String(r.id),
        kind: 'due',
        title: `${label(r)}已派给您，请在 ${formatLocal(r.complete_due_at)} 前完成`,
        dueAt: r.complete_due_at,
      }));
    },
  },
  {
    key: 'repair.overdue',
    description:
      "open orders that are overdue (超时: dispatch or completion overdue): the project's supervisors and the assignee",
    markOverdue: ({ db, nowIso }) => checks.markOverdue(db, nowIso),
    async collect({ db, nowIso }) {
      return (await checks.openOrdersOverdue(db, nowIso)).map((r) => {
        const waiting = r.status === 'submitted';
        const completionLate = isCompletionOverdue(r, nowIso);
        const late = waiting
          ? '已超时未派工'
          : isCompletionLateNow(r, nowIso)
            ? '已超时未完成'
            : completionLate
              ? '完成超时'
              : '派工超时';
        return {
          to: [{ role: 'supervisor', projectId: r.project_id }, { employee: r.assignee_employee_id }],
          projectId: r.project_id,
          entity: 'repair_order',
          entityId: String(r.id),
          kind: 'overdue',
          title: `${label(r)}${late}`,
          dueAt: waiting || !completionLate ? r.dispatch_due_at : r.complete_due_at,
        };
      });
    },
  },
  {
    key: 'repair.weeklyReview',
    description:
      "last week's repair review (每周审核业主报修) not yet submitted: the project's supervisors, from Monday 12:00",
    async collect({ db, now, projectsWithRole }) {
      const today = localDate(now);
      const thisMonday = mondayOf(today);
      if (today === thisMonday && localHour(now) < 12) return [];
      const lastMonday = addDays(thisMonday, -7);
      const submitted = new Set(
        (await reviewRepo.submittedReviewProjects(db, lastMonday)).map((r) => r.project_id),
      );
      return projectsWithRole('supervisor')
        .filter((projectId) => !submitted.has(projectId))
        .map((projectId) => ({
          to: [{ role: 'supervisor', projectId }],
          projectId,
          entity: 'repair_weekly_review',
          entityId: `${projectId}:${lastMonday}`,
          kind: 'review_due',
          title: `请提交 ${inclusiveLabel(lastMonday, thisMonday)} 的每周报修审核`,
          dueAt: null,
        }));
    },
  },
];
