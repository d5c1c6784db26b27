import type { Generated } from 'kysely';
import type { AppealStatus, AssessmentStatus } from './assessment.constants.ts';

/**
 * 考核 tables. A scheme version (考核方案) keeps its items and rules as one JSON document: it is read and
 * written whole, versioned whole, and an assessment points at the exact version it was computed with.
 */
export interface AssessmentSchemeTable {
  id: Generated<number>;
  company_id: number;
  /** stable across versions, e.g. 'customer-service-supervisor' */
  code: string;
  name: string;
  /** the position (岗位) it assesses, by position code: 'CS-SUPERVISOR', 'HOUSING-OFFICER' */
  position_code: string;
  version: number;
  /** optimistic locking of edits (server/lib/versioning.ts); `version` above numbers content versions */
  edit_version: Generated<number>;
  /** SchemeItem[] as JSON */
  items_json: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** Company settings of the assessment: the period's start day and the appeal window (申诉期). */
export interface AssessmentSettingTable {
  company_id: number;
  /** 1–28: a period 'YYYY-MM' runs from that day of the month to the same day of the next month */
  period_start_day: number;
  appeal_days: number;
  /** 1: 装修中 units count as occupied households in the complaint rate (default 0: 入住 only) */
  count_renovating: Generated<number>;
  updated_at: string;
  /** optimistic locking (server/lib/versioning.ts) */
  version: Generated<number>;
}

export type { AppealStatus, AssessmentStatus } from './assessment.constants.ts';

/** One assessee × period × revision. A finalized row never changes again. */
export interface AssessmentTable {
  id: Generated<number>;
  company_id: number;
  project_id: number;
  scheme_id: number;
  assessee_user_id: number;
  assessee_employee_id: number | null;
  /** who assesses: the manager for a supervisor, the supervisor for an officer */
  assessor_user_id: number;
  /** 'YYYY-MM' */
  period: string;
  /** 'YYYY-MM-DD', start inclusive, end exclusive (Asia/Shanghai) */
  period_start: string;
  period_end: string;
  revision: number;
  revision_of: number | null;
  revision_reason: string | null;
  status: AssessmentStatus;
  /** score in hundredths of a point (ranking sorts by it) */
  total_centi: number;
  full_marks_centi: number;
  /** the metric values of the last refresh: appeals recompute from them, not from changed data */
  metrics_json: string;
  /** EngineResult of the last computation */
  result_json: string;
  computed_at: string | null;
  published_at: string | null;
  published_by: number | null;
  appeal_deadline: string | null;
  finalized_at: string | null;
  finalized_by: number | null;
  created_by: number;
  created_at: string;
  updated_at: string;
}

/** 人工扣分: a reviewer's deduction on one rule, with its reason and evidence. */
export interface AssessmentManualEntryTable {
  id: Generated<number>;
  assessment_id: number;
  rule_key: string;
  /** in hundredths: 1.5 cases = 150 */
  quantity_centi: number;
  /** in hundredths of a point; null: quantity × the rule's points per unit */
  points_centi: number | null;
  reason: string;
  /** RecordRef[] as JSON */
  evidence_json: string;
  by_user_id: number;
  by_name: string;
  created_at: string;
}

/** 申诉: the assessee disputes one deduction row: some of its cases, or the whole row when it has none. */
export interface AssessmentAppealTable {
  id: Generated<number>;
  assessment_id: number;
  project_id: number;
  row_key: string;
  /** the row's points when appealed, in hundredths */
  row_points_centi: number;
  reason: string;
  status: AppealStatus;
  /** appeals decided before appeals per case: an upheld row's new points in hundredths (0 removes it); now always null */
  new_points_centi: number | null;
  decision_reason: string | null;
  decided_by: number | null;
  decided_at: string | null;
  created_by: number;
  created_at: string;
}

/** One disputed case (evidence record) of an appeal, decided on its own: upheld cases leave the row. */
export interface AssessmentAppealCaseTable {
  id: Generated<number>;
  appeal_id: number;
  assessment_id: number;
  entity: string;
  /** the record's id as text */
  record_id: string;
  /** the RecordRef as the row listed it */
  ref_json: string;
  status: AppealStatus;
  decision_reason: string | null;
  decided_by: number | null;
  decided_at: string | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    assessment_scheme: AssessmentSchemeTable;
    assessment_setting: AssessmentSettingTable;
    assessment: AssessmentTable;
    assessment_manual_entry: AssessmentManualEntryTable;
    assessment_appeal: AssessmentAppealTable;
    assessment_appeal_case: AssessmentAppealCaseTable;
  }
}
