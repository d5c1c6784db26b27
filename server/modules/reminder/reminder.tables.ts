import type { Generated } from 'kysely';

/** 提醒: one due or overdue item for one user, raised once by the scheduler's check */
export interface ReminderTable {
  id: Generated<number>;
  user_id: number;
  project_id: number | null;
  /** the record: 'repair_order', 'complaint', 'task', 'repair_weekly_review' */
  entity: string;
  entity_id: string;
  /** 'due' (waiting for the user), 'overdue' (past its limit), 'review_due' */
  kind: string;
  title: string;
  due_at: string | null;
  created_at: string;
  read_at: string | null;
}

/** One row per job and interval slot: the check runs once per slot, whichever server gets it first. */
export interface SchedulerRunTable {
  job: string;
  slot: string;
  started_at: string;
  finished_at: string | null;
  result: string | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    reminder: ReminderTable;
    scheduler_run: SchedulerRunTable;
  }
}
