import type { Generated } from 'kysely';
import type { DueUnit } from '../calendar/working-time.ts';

import type { ComplaintStatus, Satisfaction } from './complaint.constants.ts';

export type { ComplaintStatus, Satisfaction };

export interface ComplaintCategoryTable {
  id: Generated<number>;
  code: string;
  name: string;
  /** 响应时限: the complainant must hear back within this */
  response_amount: number;
  response_unit: DueUnit;
  sort: number;
}

/** 投诉 */
export interface ComplaintTable {
  id: Generated<number>;
  project_id: number;
  building_id: number | null;
  unit_id: number | null;
  complainant_name: string;
  complainant_phone: string | null;
  owner_user_id: number | null;
  channel: 'frontdesk' | 'portal' | 'phone';
  category_id: number;
  content: string;
  handler_employee_id: number | null;
  status: ComplaintStatus;
  response_due_at: string;
  responded_at: string | null;
  response_overdue: number;
  resolution: string | null;
  resolved_at: string | null;
  visited_at: string | null;
  satisfaction: Satisfaction | null;
  visit_comment: string | null;
  closed_at: string | null;
  cancelled_at: string | null;
  /** 重复投诉: closed as a repeat of this complaint (same project); null otherwise */
  duplicate_of: number | null;
  /** 处理不当: a manager's finding, with the reason */
  improper: number;
  improper_reason: string | null;
  improper_by: number | null;
  improper_at: string | null;
  created_by: number | null;
  /** business time: when the complaint was received (may lie in the past: docs/assessment.md) */
  created_at: string;
  updated_at: string;
  /** when it was recorded (server clock); each step's recording time is its audit row's */
  recorded_at: string | null;
  /** 补录: entered for a past or published period, by a manager with this reason */
  backfilled: number;
  backfill_reason: string | null;
}

/** 处理记录: each step of the handling */
export interface ComplaintRecordTable {
  id: Generated<number>;
  complaint_id: number;
  project_id: number;
  at: string;
  user_id: number | null;
  user_name: string;
  note: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    complaint_category: ComplaintCategoryTable;
    complaint: ComplaintTable;
    complaint_record: ComplaintRecordTable;
  }
}
