/**
 * The assessment engine (考核引擎): facts in, deduction rows out. No clock, no SQL, no I/O — the same input
 * always gives the same output, whatever the order of cases, records, categories or manual entries.
 *
 * Order of computation (docs/assessment.md describes what a reader sees of it):
 *   1. each auto rule reads its metric → one auto row (0 points if nothing to deduct, so the sheet shows
 *      the rule was checked); manual entries add one row each;
 *   2. the rule's cap (扣减分数) is shared out: the auto row first, then manual rows in id order;
 *   3. appeal adjustments lower single rows;
 *   4. each item deducts at most its weight (权数); its score never goes below 0.
 * Points are integer hundredths inside, so 0.5 × 12 is exactly 6 before being capped to 5.
 */
import { evaluateAutoRule, metricTypeOfKind, missingMetricOutcome } from './auto-rules.ts';
import {
  formatHundredths,
  fromHundredths,
  type Hundredths,
  multiplyHundredths,
  toHundredths,
  toNonNegativeHundredths,
} from './exact.ts';
import { type Excluded, excludeEvidence, exclusionsByRule } from './exclusions.ts';
import { describeMetric } from './metric-labels.ts';
import { compareIds, compareNumbers, compareStrings, normalizeEvidence } from './ordering.ts';
import type {
  Adjustment,
  DeductionRow,
  EngineInput,
  EngineResult,
  EngineWarning,
  EngineWarningCode,
  ItemScore,
  ManualEntry,
  MetricValue,
  RecordRef,
  RuleKind,
  RuleScope,
  Scheme,
  SchemeItem,
  SchemeRule,
} from './types.ts';

export { describeMetric, metricDescriptions } from './metric-labels.ts';
export type * from './types.ts';
export { validateScheme } from './validate-scheme.ts';

type AutoKind = Exclude<RuleKind, 'manual'>;

interface WorkingRow {
  rowKey: string;
  itemKey: string;
  ruleKey: string;
  source: 'auto' | 'manual';
  quantity: Hundredths;
  rawPoints: Hundredths;
  points: Hundredths;
  detail: string;
  evidence: RecordRef[];
  notCounted?: RecordRef[];
  metricMissing?: true;
  adjusted?: { fromPoints: Hundredths; reason: string };
  excluded?: Excluded[];
  by?: string;
}

interface OrderedItem {
  item: SchemeItem;
  rules: SchemeRule[];
}

export function computeAssessment(input: EngineInput): EngineResult {
  const warnings: EngineWarning[] = [];
  const items = orderScheme(input.scheme, warnings);
  const rulesByKey = new Map<string, { item: SchemeItem; rule: SchemeRule }>();
  for (const { item, rules } of items) for (const rule of rules) rulesByKey.set(rule.key, { item, rule });

  const manualByRule = groupManualEntries(input.manual ?? [], rulesByKey, warnings);
  const metrics = input.metrics ?? {};
  const excluded = exclusionsByRule(input.exclusions);

  const rowsByItem = new Map<string, WorkingRow[]>();
  for (const { item, rules } of items) {
    const itemRows: WorkingRow[] = [];
    for (const rule of rules) {
      const ruleRows: WorkingRow[] = [];
      const autoKind = autoKindOf(rule);
      if (autoKind)
        ruleRows.push(
          autoRow(item, rule, autoKind, metrics, warnings, input.metricLabels, excluded.get(rule.key)),
        );
      for (const entry of manualByRule.get(rule.key) ?? [])
        ruleRows.push(manualRow(item, rule, entry, input.metricLabels));
      shareRuleCap(ruleRows, toNonNegativeHundredths(rule.cap));
      itemRows.push(...ruleRows);
    }
    rowsByItem.set(item.key, itemRows);
  }

  const allRows = [...rowsByItem.values()].flat();
  applyAdjustments(allRows, input.adjustments ?? [], warnings);

  const itemScores: ItemScore[] = [];
  let fullMarks = 0;
  let totalDeducted = 0;
  for (const { item } of items) {
    const weight = toNonNegativeHundredths(item.weight);
    const ruleTotal = (rowsByItem.get(item.key) ?? []).reduce((sum, row) => sum + row.points, 0);
    const deducted = Math.min(weight, ruleTotal);
    fullMarks += weight;
    totalDeducted += deducted;
    itemScores.push({
      itemKey: item.key,
      weight: fromHundredths(weight),
      deducted: fromHundredths(deducted),
      score: fromHundredths(weight - deducted),
    });
  }

  return {
    rows: allRows.map(toDeductionRow),
    items: itemScores,
    totalDeducted: fromHundredths(totalDeducted),
    total: fromHundredths(fullMarks - totalDeducted),
    fullMarks: fromHundredths(fullMarks),
    warnings,
  };
}

/** The metric keys a scheme's auto rules read, sorted and unique: what a service must query before computing. */
export function requiredMetricKeys(scheme: Scheme): string[] {
  const keys = new Set<string>();
  for (const item of scheme?.items ?? []) {
    for (const rule of item.rules ?? []) if (autoKindOf(rule)) keys.add(rule.metricKey as string);
  }
  return [...keys].sort(compareStrings);
}

/**
 * The metrics a scheme's auto rules read, each with the scope its rules give it (unset: the metric's
 * default). A scheme counts one metric under one scope (validateScheme refuses two), so a value is
 * found by the metric key alone and stored sheets keep reading theirs.
 */
export function requiredMetricSlots(scheme: Scheme): { metricKey: string; scope?: RuleScope }[] {
  const slots = new Map<string, { metricKey: string; scope?: RuleScope }>();
  for (const item of scheme?.items ?? []) {
    for (const rule of item.rules ?? []) {
      if (!autoKindOf(rule)) continue;
      const metricKey = rule.metricKey as string;
      const entry = slots.get(metricKey) ?? { metricKey };
      if (rule.scope && !entry.scope) entry.scope = rule.scope;
      slots.set(metricKey, entry);
    }
  }
  return [...slots.values()].sort((a, b) => compareStrings(a.metricKey, b.metricKey));
}

/** Items and rules by seq (then key); a repeated item or rule key is skipped, since row keys must be unique. */
function orderScheme(scheme: Scheme, warnings: EngineWarning[]): OrderedItem[] {
  const bySeq = <T extends { seq: number; key: string }>(a: T, b: T) =>
    compareNumbers(a.seq, b.seq) || compareStrings(a.key, b.key);
  const itemKeys = new Set<string>();
  const ruleKeys = new Set<string>();
  const out: OrderedItem[] = [];
  for (const item of [...(scheme?.items ?? [])].sort(bySeq)) {
    if (itemKeys.has(item.key)) {
      warn(warnings, 'DUPLICATE_ITEM_KEY', item.key);
      continue;
    }
    itemKeys.add(item.key);
    const rules: SchemeRule[] = [];
    for (const rule of [...(item.rules ?? [])].sort(bySeq)) {
      if (ruleKeys.has(rule.key)) {
        warn(warnings, 'DUPLICATE_RULE_KEY', rule.key);
        continue;
      }
      ruleKeys.add(rule.key);
      rules.push(rule);
    }
    out.push({ item, rules });
  }
  return out;
}

/** A rule is computed from data when it has a data kind and a metric key; otherwise it is manual. */
function autoKindOf(rule: SchemeRule): AutoKind | null {
  if (typeof rule.metricKey !== 'string' || rule.metricKey === '') return null;
  return Object.hasOwn(metricTypeOfKind, rule.kind) ? (rule.kind as AutoKind) : null;
}

function autoRow(
  item: SchemeItem,
  rule: SchemeRule,
  kind: AutoKind,
  metrics: Record<string, MetricValue | undefined>,
  warnings: EngineWarning[],
  labels: EngineInput['metricLabels'],
  exclusions?: ReadonlyMap<string, string>,
): WorkingRow {
  const metricKey = rule.metricKey as string;
  const given = Object.hasOwn(metrics, metricKey) ? metrics[metricKey] : undefined;
  const { value, removed } =
    given === undefined || given === null
      ? { value: given, removed: [] }
      : excludeEvidence(given, exclusions);
  const outcome =
    value === undefined || value === null
      ? missingMetricOutcome(metricKey)
      : evaluateAutoRule(rule, kind, metricKey, value, labels);
  if (outcome.problem === 'typeMismatch') warn(warnings, 'METRIC_TYPE_MISMATCH', rule.key, { metricKey });
  if (outcome.problem === 'invalidValue') warn(warnings, 'METRIC_VALUE_INVALID', rule.key, { metricKey });
  const row: WorkingRow = {
    rowKey: `${rule.key}:auto`,
    itemKey: item.key,
    ruleKey: rule.key,
    source: 'auto',
    quantity: outcome.quantity,
    rawPoints: outcome.rawPoints,
    points: outcome.rawPoints,
    detail: outcome.detail,
    evidence: outcome.evidence,
  };
  if (outcome.notCounted) row.notCounted = outcome.notCounted;
  if (outcome.metricMissing) row.metricMissing = true;
  if (removed.length > 0) row.excluded = removed;
  return row;
}

function manualRow(
  item: SchemeItem,
  rule: SchemeRule,
  entry: ManualEntry,
  labels: EngineInput['metricLabels'],
): WorkingRow {
  const quantity = toNonNegativeHundredths(entry.quantity);
  const override = typeof entry.points === 'number' && Number.isFinite(entry.points);
  const perUnit = toNonNegativeHundredths(rule.pointsPerUnit);
  const rawPoints = override
    ? toNonNegativeHundredths(entry.points as number)
    : multiplyHundredths(quantity, perUnit);
  const unit =
    typeof rule.metricKey === 'string' && rule.metricKey !== ''
      ? describeMetric(rule.metricKey, labels).unit
      : '项';
  const reason =
    typeof entry.reason === 'string' && entry.reason.trim() !== '' ? entry.reason.trim() : '未填写原因';
  const reckoning = override
    ? `${formatHundredths(quantity)} ${unit}，计 ${formatHundredths(rawPoints)} 分`
    : `${formatHundredths(quantity)} ${unit} × ${formatHundredths(perUnit)} 分 = ${formatHundredths(rawPoints)} 分`;
  const row: WorkingRow = {
    rowKey: `${rule.key}:manual:${entry.id}`,
    itemKey: item.key,
    ruleKey: rule.key,
    source: 'manual',
    quantity,
    rawPoints,
    points: rawPoints,
    detail: `人工扣分：${reason}（${reckoning}）`,
    evidence: normalizeEvidence(entry.evidence ?? []),
  };
  if (typeof entry.by === 'string' && entry.by !== '') row.by = entry.by;
  return row;
}

/**
 * Manual entries sorted by id (then content, so duplicates resolve the same way in any input order) and
 * grouped by rule. An entry for an unknown rule, or a second entry with the same row key, is skipped.
 */
function groupManualEntries(
  entries: readonly ManualEntry[],
  rulesByKey: Map<string, { rule: SchemeRule }>,
  warnings: EngineWarning[],
): Map<string, ManualEntry[]> {
  const sorted = [...entries].sort(
    (a, b) => compareIds(a.id, b.id) || compareStrings(manualEntryFingerprint(a), manualEntryFingerprint(b)),
  );
  const byRule = new Map<string, ManualEntry[]>();
  const rowKeys = new Set<string>();
  for (const entry of sorted) {
    if (!rulesByKey.has(entry.ruleKey)) {
      warn(warnings, 'MANUAL_RULE_UNKNOWN', String(entry.id), { ruleKey: String(entry.ruleKey) });
      continue;
    }
    const rowKey = `${entry.ruleKey}:manual:${entry.id}`;
    if (rowKeys.has(rowKey)) {
      warn(warnings, 'MANUAL_DUPLICATE_ID', String(entry.id), { ruleKey: entry.ruleKey });
      continue;
    }
    rowKeys.add(rowKey);
    const list = byRule.get(entry.ruleKey) ?? [];
    list.push(entry);
    byRule.set(entry.ruleKey, list);
  }
  return byRule;
}

function manualEntryFingerprint(entry: ManualEntry): string {
  return JSON.stringify([
    entry.ruleKey,
    entry.quantity,
    entry.points ?? null,
    entry.reason,
    entry.by ?? null,
    normalizeEvidence(entry.evidence ?? []).map((ref) => [
      ref.entity,
      typeof ref.id,
      ref.id,
      ref.label ?? null,
    ]),
  ]);
}

/**
 * The rule's rows together deduct at most its cap: the auto row keeps its points first, then manual rows
 * in id order take what is left, so Σ points = min(cap, Σ raw).
 */
function shareRuleCap(rows: WorkingRow[], cap: Hundredths): void {
  let remaining = cap;
  for (const row of rows) {
    row.points = Math.min(row.rawPoints, remaining);
    remaining -= row.points;
    if (row.points < row.rawPoints) {
      row.detail += `；超出本条上限 ${formatHundredths(cap)} 分，实扣 ${formatHundredths(row.points)} 分`;
    }
  }
}

/**
 * An upheld appeal lowers one row to newPoints (0 removes it). Several decisions on one row: the lowest
 * stands, so the result does not depend on their order. Points freed by an appeal are not handed to other
 * rows of the rule: each decision is about its own row.
 */
function applyAdjustments(
  rows: WorkingRow[],
  adjustments: readonly Adjustment[],
  warnings: EngineWarning[],
): void {
  const rowsByKey = new Map(rows.map((row) => [row.rowKey, row]));
  const byRowKey = new Map<string, Adjustment[]>();
  for (const adjustment of adjustments) {
    const list = byRowKey.get(adjustment.rowKey) ?? [];
    list.push(adjustment);
    byRowKey.set(adjustment.rowKey, list);
  }
  for (const rowKey of [...byRowKey.keys()].sort(compareStrings)) {
    const row = rowsByKey.get(rowKey);
    if (!row) {
      warn(warnings, 'ADJUSTMENT_ROW_UNKNOWN', rowKey);
      continue;
    }
    const decisions = (byRowKey.get(rowKey) ?? [])
      .filter((a) => typeof a.newPoints === 'number' && Number.isFinite(a.newPoints))
      .sort(
        (a, b) => compareNumbers(a.newPoints, b.newPoints) || compareStrings(a.reason ?? '', b.reason ?? ''),
      );
    if (decisions.length === 0) {
      warn(warnings, 'ADJUSTMENT_INVALID', rowKey);
      continue;
    }
    if ((byRowKey.get(rowKey) ?? []).length > 1) warn(warnings, 'ADJUSTMENT_DUPLICATE', rowKey);
    const chosen = decisions[0];
    const requested = toHundredths(chosen.newPoints);
    const newPoints = Math.min(row.points, Math.max(0, requested));
    if (newPoints !== requested) {
      warn(warnings, 'ADJUSTMENT_CLAMPED', rowKey, {
        requested: formatHundredths(requested),
        applied: formatHundredths(newPoints),
      });
    }
    row.adjusted = { fromPoints: row.points, reason: chosen.reason ?? '' };
    row.points = newPoints;
  }
}

function toDeductionRow(row: WorkingRow): DeductionRow {
  const out: DeductionRow = {
    rowKey: row.rowKey,
    itemKey: row.itemKey,
    ruleKey: row.ruleKey,
    source: row.source,
    quantity: fromHundredths(row.quantity),
    rawPoints: fromHundredths(row.rawPoints),
    points: fromHundredths(row.points),
    detail: row.detail,
    evidence: row.evidence,
  };
  if (row.notCounted) out.notCounted = row.notCounted;
  if (row.metricMissing) out.metricMissing = true;
  if (row.adjusted)
    out.adjusted = { fromPoints: fromHundredths(row.adjusted.fromPoints), reason: row.adjusted.reason };
  if (row.excluded) out.excluded = row.excluded;
  if (row.by !== undefined) out.by = row.by;
  return out;
}

const warningTexts: Record<EngineWarningCode, { 'zh-CN': string; 'en-US': string }> = {
  DUPLICATE_ITEM_KEY: {
    'zh-CN': '考核项编号 {subject} 重复，已忽略重复项',
    'en-US': 'Item key {subject} repeats; the repeat is ignored',
  },
  DUPLICATE_RULE_KEY: {
    'zh-CN': '规则编号 {subject} 重复，已忽略重复规则',
    'en-US': 'Rule key {subject} repeats; the repeat is ignored',
  },
  METRIC_TYPE_MISMATCH: {
    'zh-CN': '规则 {subject} 的指标 {metricKey} 数据类型不符，按人工扣分处理',
    'en-US': 'Rule {subject}: metric {metricKey} has the wrong type; treated as manual',
  },
  METRIC_VALUE_INVALID: {
    'zh-CN': '规则 {subject} 的指标 {metricKey} 数据无效，未扣分',
    'en-US': 'Rule {subject}: metric {metricKey} has invalid data; nothing deducted',
  },
  MANUAL_RULE_UNKNOWN: {
    'zh-CN': '人工扣分 {subject} 所属规则 {ruleKey} 不在方案中，已忽略',
    'en-US': 'Manual entry {subject}: rule {ruleKey} is not in the scheme; ignored',
  },
  MANUAL_DUPLICATE_ID: {
    'zh-CN': '规则 {ruleKey} 下人工扣分编号 {subject} 重复，已忽略重复项',
    'en-US': 'Manual entry id {subject} repeats under rule {ruleKey}; the repeat is ignored',
  },
  ADJUSTMENT_ROW_UNKNOWN: {
    'zh-CN': '申诉调整所指的扣分行 {subject} 不存在，已忽略',
    'en-US': 'Adjustment for row {subject}: no such row; ignored',
  },
  ADJUSTMENT_INVALID: {
    'zh-CN': '扣分行 {subject} 的申诉调整分值无效，已忽略',
    'en-US': 'Adjustment for row {subject} has no valid points; ignored',
  },
  ADJUSTMENT_DUPLICATE: {
    'zh-CN': '扣分行 {subject} 有多条申诉调整，取最低分值',
    'en-US': 'Row {subject} has several adjustments; the lowest applies',
  },
  ADJUSTMENT_CLAMPED: {
    'zh-CN': '扣分行 {subject} 的调整分值 {requested} 超出范围，按 {applied} 计',
    'en-US': 'Row {subject}: adjusted points {requested} out of range; {applied} applied',
  },
};

function warn(
  warnings: EngineWarning[],
  code: EngineWarningCode,
  subject: string,
  params: Record<string, string> = {},
): void {
  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (match, name: string) =>
      name === 'subject' ? subject : Object.hasOwn(params, name) ? params[name] : match,
    );
  const text = warningTexts[code];
  warnings.push({ code, subject, message: { 'zh-CN': fill(text['zh-CN']), 'en-US': fill(text['en-US']) } });
}
