import type { ReminderSource } from './lib/reminders.ts';
import { complaintReminders } from './modules/complaint/complaint.reminders.ts';
import { repairReminders } from './modules/repair/repair.reminders.ts';
import { taskReminders } from './modules/task/task.reminders.ts';

/**
 * Every reminder source the scheduler's check collects, gathered here — like server/metrics.ts
 * for the assessment — so the reminder module reads no other module's tables. A module with due
 * items adds its array here (server/lib/reminders.ts says what a source is).
 */
export const allReminderSources: ReminderSource[] = [
  ...repairReminders,
  ...complaintReminders,
  ...taskReminders,
];
