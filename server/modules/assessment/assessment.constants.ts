/** Assessment value lists, as data both the server and the web import (this file imports nothing). */

/** 草稿 draft / 公示中 published / 已定稿 finalized */
export const ASSESSMENT_STATUSES = ['draft', 'published', 'finalized'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** 待处理 pending / 成立 upheld / 驳回 rejected */
export const APPEAL_STATUSES = ['pending', 'upheld', 'rejected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** What a caller may do to a sheet: the buttons the sheet page shows. */
export const SHEET_ACTIONS = [
  'refresh',
  'addManual',
  'deleteManual',
  'publish',
  'appeal',
  'decide',
  'finalize',
  'revise',
] as const;
export type SheetAction = (typeof SHEET_ACTIONS)[number];

/** A deduction row comes from a metric (auto) or from the assessor (manual). */
export const ROW_SOURCES = ['auto', 'manual'] as const;
export type RowSource = (typeof ROW_SOURCES)[number];

export const RULE_KINDS = ['count', 'lateness', 'bands', 'target', 'manual'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** 统计范围: whose facts a rule counts — the assessee's own, her team's, the whole project's (SPEC §4.6) */
export const RULE_SCOPES = ['own', 'team', 'project'] as const;
export type RuleScope = (typeof RULE_SCOPES)[number];
