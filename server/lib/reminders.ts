import type { Executor } from '../db/database.ts';

/**
 * What a module offers the reminder centre (提醒中心), like `MetricDefinition` for the assessment:
 * each module with due items exports `ReminderSource`s from `<noun>.reminders.ts`; they are
 * gathered in server/reminders.ts and app.ts hands them to the reminder service. So the reminder
 * module imports no other module, and a new module adds its sources without touching it.
 *
 * A source says what is due or overdue now and for whom; the reminder service turns the
 * recipients into users, raises each reminder once per (user, record, kind) and stores it.
 */
export interface ReminderCheck {
  /** the scheduler's transaction: read and write only through it */
  db: Executor;
  now: Date;
  nowIso: string;
  /** the projects that have an active user of the role (e.g. a supervisor to remind) */
  projectsWithRole(role: 'supervisor' | 'frontdesk'): number[];
}

/** Who is to hear of it; the reminder service finds the users (the user module's directory). */
export type ReminderRecipient =
  /** a user, e.g. whoever handed out a task */
  | { user: number | null | undefined }
  /** the user account of an employee (an assignee, a handler) */
  | { employee: number | null | undefined }
  /** every active user of a role assigned to a project (its supervisors, its front desk) */
  | { role: 'supervisor' | 'frontdesk'; projectId: number };

export interface DueReminder {
  to: ReminderRecipient[];
  projectId: number | null;
  /** the record, as the web app links it: 'repair_order', 'complaint', 'task', … */
  entity: string;
  entityId: string;
  /** 'due' (waiting for the user), 'overdue' (past its limit), 'review_due', … */
  kind: string;
  /** what the bell shows, in Chinese */
  title: string;
  dueAt: string | null;
}

export interface ReminderSource {
  /** e.g. 'repair.waitingForDispatch' */
  key: string;
  /** what is due, for whom, when it is overdue: for people reading the code */
  description: string;
  /**
   * Records the overdue marks of the source's records before anything is collected (the marks of
   * `<noun>.rules.ts`); returns how many records it marked.
   */
  markOverdue?(check: ReminderCheck): Promise<number>;
  collect(check: ReminderCheck): Promise<DueReminder[]>;
}
