import type { Generated } from 'kysely';

import type { TaskStatus } from './task.constants.ts';

export type { TaskStatus };
export type TaskSource = 'manager' | 'plan' | 'meeting' | 'ad_hoc';

/** 工作任务/交办事项 */
export interface TaskTable {
  id: Generated<number>;
  project_id: number;
  title: string;
  description: string | null;
  category: string;
  source: TaskSource;
  assignee_employee_id: number;
  status: TaskStatus;
  due_at: string;
  started_at: string | null;
  completed_at: string | null;
  result: string | null;
  /** the issuer (交办人): who may cancel, and decides the assignee's request to cancel */
  created_by: number | null;
  /** business time of the handing out (may lie in the past, docs/assessment.md "Facts and their times") */
  created_at: string;
  updated_at: string;
  /** recording times (server clock) of the creation and of the completion */
  recorded_at: string | null;
  completed_recorded_at: string | null;
  /** 补录: a fact of this task was entered for a published or finalized period, by a manager with this reason */
  backfilled: Generated<number>;
  backfill_reason: string | null;
  /** the assignee's request to cancel (待取消审批), and the status it came from (a decline goes back to it) */
  cancel_requested_by: number | null;
  cancel_requested_at: string | null;
  cancel_request_reason: string | null;
  cancel_from_status: TaskStatus | null;
  /** the cancellation: a decision of the issuer or a manager, with its reason */
  cancelled_by: number | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  /** 1: cancelled after its due time and the decider said it does not count as late (the reason above) */
  late_excused: Generated<number>;
}

declare module '../../db/schema.ts' {
  interface Database {
    task: TaskTable;
  }
}
