/**
 * Types of the pure assessment engine (考核引擎). A scheme (考核方案) is data: items (工作项目) with a
 * weight (权数) and deduction rules (具体考核办法) each capped at its 扣减分数. Facts come in as metric values
 * and manual entries; deduction rows with their evidence come out (docs/assessment.md).
 */

export type RuleKind = 'count' | 'lateness' | 'bands' | 'target' | 'manual';

/** A reference to a record that caused a deduction, e.g. { entity: 'task', id: 42, label: '任务 T-42 逾期' } */
export interface RecordRef {
  entity: string;
  id: number | string;
  label?: string;
}

/** How a band compares the metric's rate with its threshold. 'lt'/'lte' model "below target" rules (收费率未达 98%). */
export type BandOp = 'gte' | 'gt' | 'lt' | 'lte';

export interface Band {
  /** 'gte' = value ≥ threshold, 'gt' = value > threshold, 'lt' = value < threshold, 'lte' = value ≤ threshold */
  op: BandOp;
  /** basis points: 200 = 2% */
  thresholdBp: number;
  points: number;
}

export interface SchemeRule {
  /** stable within a scheme, e.g. '2.1' */
  key: string;
  /** order within item */
  seq: number;
  /** 具体考核办法 (document's words) */
  text: string;
  kind: RuleKind;
  /** count: per case; lateness: per day; target: per category below target; manual (and manual entries on any rule): default per case (may be 0) */
  pointsPerUnit: number;
  /** bands: the highest matching band's points wins (not cumulative) */
  bands?: Band[];
  /** target: 9500 = 95% */
  targetBp?: number;
  /** 扣减分数, max deduction of this rule */
  cap: number;
  /** null/undefined → manual */
  metricKey?: string | null;
  /**
   * Whose facts the metric counts (SPEC §4.6): 'own' the assessee's, 'team' her team's, 'project' the
   * project's. Unset: the metric's default, as the document means it (server/lib/metrics.ts).
   */
  scope?: RuleScope;
}

export type RuleScope = 'own' | 'team' | 'project';

export interface SchemeItem {
  key: string;
  seq: number;
  /** 工作项目 */
  name: string;
  /** 工作内容与应达到的要求 */
  requirements: string;
  /** 权数 in points */
  weight: number;
  rules: SchemeRule[];
}

export interface Scheme {
  items: SchemeItem[];
}

/** A scheme template shipped with the product (e.g. the document's 客服主管 table). */
export interface SchemeTemplate {
  code: string;
  name: string;
  /** 岗位 the scheme assesses */
  position: string;
  items: SchemeItem[];
}

export interface MetricCase {
  ref: RecordRef;
  /** default 1 */
  quantity?: number;
}

export interface LatenessRecord {
  ref: RecordRef;
  daysLate: number;
}

export interface CategoryRate {
  category: string;
  label?: string;
  numerator: number;
  denominator: number;
  refs: RecordRef[];
}

export type MetricValue =
  | { type: 'cases'; cases: MetricCase[] }
  | { type: 'lateness'; records: LatenessRecord[] }
  | {
      type: 'rate';
      numerator: number;
      denominator: number;
      refs: RecordRef[];
      /** records seen but not counted (withdrawn, duplicate): listed on the row as not counted */
      excluded?: RecordRef[];
      /** how the denominator was read, shown on the row (e.g. 入住户数含装修中) */
      note?: string;
    }
  | { type: 'categoryRates'; categories: CategoryRate[] };

export interface ManualEntry {
  id: string | number;
  ruleKey: string;
  quantity: number;
  /** override; else quantity × pointsPerUnit */
  points?: number;
  reason: string;
  evidence?: RecordRef[];
  by?: string;
}

/** An appeal decision applied to one row: upheld → row removed (points 0) or reduced to newPoints */
export interface Adjustment {
  rowKey: string;
  newPoints: number;
  reason: string;
}

/** A case (evidence record) an upheld appeal takes out of its rule's row; the rule recomputes the row. */
export interface Exclusion {
  ruleKey: string;
  ref: { entity: string; id: number | string };
  reason: string;
}

export interface EngineInput {
  scheme: Scheme;
  metrics: Record<string, MetricValue | undefined>;
  manual: ManualEntry[];
  adjustments?: Adjustment[];
  /** cases upheld on appeal (engine/exclusions.ts): left out of their rule's auto row */
  exclusions?: Exclusion[];
  /**
   * Labels of the registered metrics by key (the data module's own words), used in the rows' detail texts;
   * a key without one falls back to the engine's table, then to the key itself.
   */
  metricLabels?: Record<string, { 'zh-CN': string; 'en-US': string; unit?: string }>;
}

export interface DeductionRow {
  /** deterministic: `${ruleKey}:auto` or `${ruleKey}:manual:${entry.id}` */
  rowKey: string;
  itemKey: string;
  ruleKey: string;
  source: 'auto' | 'manual';
  /** cases / days / categories below target / 1 for a band hit */
  quantity: number;
  /** before caps and adjustments */
  rawPoints: number;
  /** after rule cap distribution and adjustment */
  points: number;
  /** short explanation, e.g. '投诉率 2.50%（5/200）≥ 2%' — Chinese */
  detail: string;
  /** sorted deterministically (entity, then id), duplicates removed */
  evidence: RecordRef[];
  /** records the metric saw and did not count (a withdrawn complaint), each label saying why; same order */
  notCounted?: RecordRef[];
  /** auto rule whose metric is not registered (or has the wrong type): behaves as manual */
  metricMissing?: boolean;
  adjusted?: { fromPoints: number; reason: string };
  /** auto rows: the cases taken out by upheld appeals, with the decision's reason */
  excluded?: { ref: RecordRef; reason: string }[];
  /** manual rows: who entered the deduction */
  by?: string;
}

export interface ItemScore {
  itemKey: string;
  weight: number;
  deducted: number;
  score: number;
}

export type EngineWarningCode =
  | 'DUPLICATE_ITEM_KEY'
  | 'DUPLICATE_RULE_KEY'
  | 'METRIC_TYPE_MISMATCH'
  | 'METRIC_VALUE_INVALID'
  | 'MANUAL_RULE_UNKNOWN'
  | 'MANUAL_DUPLICATE_ID'
  | 'ADJUSTMENT_ROW_UNKNOWN'
  | 'ADJUSTMENT_INVALID'
  | 'ADJUSTMENT_DUPLICATE'
  | 'ADJUSTMENT_CLAMPED';

/**
 * Input the engine could not use as given. The engine never throws on data: it skips or clamps and says so
 * here, so a service can show the problem instead of a silently different score.
 */
export interface EngineWarning {
  code: EngineWarningCode;
  /** rule key, row key or manual entry id the warning is about */
  subject: string;
  message: LocalizedText;
}

export interface EngineResult {
  rows: DeductionRow[];
  items: ItemScore[];
  totalDeducted: number;
  total: number;
  fullMarks: number;
  /** always set by computeAssessment; optional so stored results without it still type-check */
  warnings?: EngineWarning[];
}

export interface LocalizedText {
  'zh-CN': string;
  'en-US': string;
}

export interface SchemeIssue {
  /** slash-separated path of the offending field, e.g. 'items/2/rules/0/cap' */
  path: string;
  code: SchemeIssueCode;
  message: LocalizedText;
}

export type SchemeIssueCode =
  | 'WEIGHTS_TOTAL'
  | 'WEIGHT_INVALID'
  | 'CAP_INVALID'
  | 'CAP_EXCEEDS_WEIGHT'
  | 'POINTS_PER_UNIT_INVALID'
  | 'PRECISION'
  | 'KIND_INVALID'
  | 'BANDS_REQUIRED'
  | 'BAND_INVALID'
  | 'TARGET_INVALID'
  | 'KEY_INVALID'
  | 'DUPLICATE_ITEM_KEY'
  | 'DUPLICATE_RULE_KEY'
  | 'NAME_REQUIRED'
  | 'TEXT_REQUIRED'
  | 'SEQ_INVALID'
  | 'SCOPE_INVALID'
  | 'ITEMS_REQUIRED';
