import type { Generated } from 'kysely';
import type { DueUnit } from '../calendar/working-time.ts';

import type { RepairChannel, RepairPriority, RepairStatus } from './repair.constants.ts';

export type { RepairChannel, RepairPriority, RepairStatus };

/** 报修类别: default time limits and who does the work (a team, or 相关部门 another department) */
export interface RepairCategoryTable {
  id: Generated<number>;
  code: string;
  name: string;
  dispatch_amount: number;
  dispatch_unit: DueUnit;
  complete_amount: number;
  complete_unit: DueUnit;
  /** responsible team kind or related department, e.g. 工程部, 电梯维保单位 */
  responsible: string;
  active: number;
  sort: number;
  /** optimistic locking (server/lib/versioning.ts) */
  version: Generated<number>;
}

/** 业主报修 a repair order */
export interface RepairOrderTable {
  id: Generated<number>;
  project_id: number;
  /** the register's building/unit: plain integers, no foreign key (the register is its own module) */
  building_id: number | null;
  unit_id: number | null;
  location: string;
  reporter_name: string;
  reporter_phone: string | null;
  owner_user_id: number | null;
  channel: RepairChannel;
  category_id: number;
  description: string;
  priority: RepairPriority;
  status: RepairStatus;
  team_id: number | null;
  department: string | null;
  assignee_employee_id: number | null;
  dispatch_due_at: string;
  complete_due_at: string;
  dispatched_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  visited_at: string | null;
  closed_at: string | null;
  cancelled_at: string | null;
  result: string | null;
  /** owner's rating at the follow-up visit (回访), 1–5 */
  rating: number | null;
  visit_comment: string | null;
  /** overdue marks, set when the move happens late or by the scheduler's check */
  dispatch_overdue: number;
  complete_overdue: number;
  reopen_count: number;
  created_by: number | null;
  /** business time of the report (may lie in the past: docs/assessment.md, "Facts and their times") */
  created_at: string;
  updated_at: string;
  /** when the report was recorded (server clock); each move's recording time is its audit row's */
  recorded_at: string | null;
  /** 补录: a fact of this order was entered for a past or published period, by a manager with this reason */
  backfilled: number;
  backfill_reason: string | null;
}

export interface RepairPhotoTable {
  id: Generated<number>;
  repair_order_id: number;
  project_id: number;
  stage: 'report' | 'completion';
  file_name: string;
  mime: string;
  size: number;
  /** relative to dataDir/uploads */
  path: string;
  created_by: number | null;
  created_at: string;
}

/** 每周审核业主报修内容上报经理: the supervisor's weekly review, acknowledged by the manager */
export interface RepairWeeklyReviewTable {
  id: Generated<number>;
  project_id: number;
  /** Monday, 'YYYY-MM-DD' (Asia/Shanghai); the week runs to the next Monday */
  week_start: string;
  week_end: string;
  status: 'submitted' | 'acknowledged';
  summary: string | null;
  /** the generated figures and lists, frozen at submission */
  content_json: string;
  submitted_by: number;
  submitted_at: string;
  acknowledged_by: number | null;
  acknowledged_at: string | null;
  manager_comment: string | null;
  /** due on the working calendar: the end of the first working day after the week */
  due_at: string | null;
  /** 1: submitted after due_at (rule 2.4 counts it as late) */
  late: Generated<number>;
}

/** 审核结论: the review's conclusion on one order unfinished at the week's end */
export interface RepairReviewConclusionTable {
  id: Generated<number>;
  review_id: number;
  project_id: number;
  repair_order_id: number;
  conclusion: string;
  created_at: string;
}

/** Orders per (project, status, category), kept in the same transaction as every change: the list's total */
export interface RepairCountTable {
  project_id: number;
  status: RepairStatus;
  category_id: number;
  n: number;
}

declare module '../../db/schema.ts' {
  interface Database {
    repair_count: RepairCountTable;
    repair_category: RepairCategoryTable;
    repair_order: RepairOrderTable;
    repair_photo: RepairPhotoTable;
    repair_weekly_review: RepairWeeklyReviewTable;
    repair_review_conclusion: RepairReviewConclusionTable;
  }
}
