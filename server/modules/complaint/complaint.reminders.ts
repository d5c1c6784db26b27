import type { ReminderSource } from '../../lib/reminders.ts';
import * as repo from './complaint.repository.ts';

/** The complaint module's reminders (the rules are complaint.rules.ts's). */
export const complaintReminders: ReminderSource[] = [
  {
    key: 'complaint.overdue',
    description:
      "open complaints past their response deadline (响应超时): the project's supervisors and the handler",
    markOverdue: ({ db, nowIso }) => repo.markOverdue(db, nowIso),
    async collect({ db, nowIso }) {
      return (await repo.openComplaintsOverdue(db, nowIso)).map((k) => ({
        to: [{ role: 'supervisor', projectId: k.project_id }, { employee: k.handler_employee_id }],
        projectId: k.project_id,
        entity: 'complaint',
        entityId: String(k.id),
        kind: 'overdue',
        title: `投诉 ${repo.complaintCode(k.id)}（${k.complainant_name}）已超过响应时限`,
        dueAt: k.response_due_at,
      }));
    },
  },
];
