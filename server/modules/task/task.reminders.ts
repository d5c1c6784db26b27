import type { ReminderSource } from '../../lib/reminders.ts';
import { formatLocal } from '../../lib/time.ts';
import * as repo from './task.repository.ts';
import { isTaskOverdue } from './task.rules.ts';

const DAY_MS = 86_400_000;
const label = (t: { id: number; title: string }) => `任务 ${repo.taskCode(t.id)}「${t.title}」`;

/** The task module's reminders (the rules are task.rules.ts's). */
export const taskReminders: ReminderSource[] = [
  {
    key: 'task.due',
    description:
      'open tasks due within a day (the assignee); once overdue (逾期), the assignee and whoever handed it out',
    async collect({ db, now, nowIso }) {
      const dayAhead = new Date(now.getTime() + DAY_MS).toISOString();
      return (await repo.openTasksDueBefore(db, dayAhead)).map((t) => {
        const overdue = isTaskOverdue(t, nowIso);
        return {
          to: overdue
            ? [{ employee: t.assignee_employee_id }, { user: t.created_by }]
            : [{ employee: t.assignee_employee_id }],
          projectId: t.project_id,
          entity: 'task',
          entityId: String(t.id),
          kind: overdue ? 'overdue' : 'due',
          title: `${label(t)}${overdue ? '已逾期' : `将于 ${formatLocal(t.due_at)} 到期`}`,
          dueAt: t.due_at,
        };
      });
    },
  },
  {
    key: 'task.cancelRequest',
    description: "an assignee's request to cancel a task (待取消审批), to its issuer until decided",
    async collect({ db }) {
      return (await repo.cancelRequests(db))
        .filter((t) => t.created_by !== null)
        .map((t) => ({
          to: [{ user: t.created_by as number }],
          projectId: t.project_id,
          entity: 'task',
          entityId: String(t.id),
          kind: 'cancelRequest',
          title: `${label(t)}的负责人申请取消，待您审批`,
          dueAt: null,
        }));
    },
  },
];
