/**
 * Evaluates one auto rule against its metric value: how many cases/days/categories, how many points before
 * the cap, which records are the evidence, and a short Chinese explanation. Pure; the cap is applied later
 * together with the rule's manual rows.
 */
import {
  compareRatioToBp,
  type ExactRatio,
  formatBp,
  formatHundredths,
  formatNumber,
  formatRatioPercent,
  type Hundredths,
  multiplyHundredths,
  readRatio,
  toHundredths,
  toNonNegativeHundredths,
} from './exact.ts';
import { describeMetric, type MetricLabel } from './metric-labels.ts';
import { compareNumbers, compareStrings, normalizeEvidence } from './ordering.ts';
import type { Band, BandOp, CategoryRate, MetricValue, RecordRef, RuleKind, SchemeRule } from './types.ts';

export interface AutoOutcome {
  /** in hundredths, so fractional case quantities add up exactly in any order */
  quantity: Hundredths;
  rawPoints: Hundredths;
  detail: string;
  evidence: RecordRef[];
  notCounted?: RecordRef[];
  metricMissing?: true;
  /** set when the metric exists but cannot be read by this rule */
  problem?: 'typeMismatch' | 'invalidValue';
}

/** The metric type each auto rule kind reads. */
export const metricTypeOfKind: Record<Exclude<RuleKind, 'manual'>, MetricValue['type']> = {
  count: 'cases',
  lateness: 'lateness',
  bands: 'rate',
  target: 'categoryRates',
};

const opSymbols: Record<BandOp, string> = { gte: '≥', gt: '>', lt: '<', lte: '≤' };

/** Does the rate fall in the band? Exact: integer cross-multiplication, no floating point. */
export function bandMatches(ratio: ExactRatio, band: Band): boolean {
  const sign = compareRatioToBp(ratio, band.thresholdBp);
  switch (band.op) {
    case 'gte':
      return sign >= 0;
    case 'gt':
      return sign > 0;
    case 'lt':
      return sign < 0;
    case 'lte':
      return sign <= 0;
    default:
      return false;
  }
}

function usableBand(band: Band): boolean {
  return (
    band !== null &&
    typeof band === 'object' &&
    Object.hasOwn(opSymbols, band.op) &&
    typeof band.thresholdBp === 'number' &&
    Number.isFinite(band.thresholdBp) &&
    band.thresholdBp >= 0
  );
}

export function describeBand(band: Band): string {
  return `${opSymbols[band.op]} ${formatBp(band.thresholdBp)}`;
}

export function missingMetricOutcome(metricKey: string): AutoOutcome {
  return {
    quantity: 0,
    rawPoints: 0,
    detail: `指标“${metricKey}”未登记，本条按人工扣分处理`,
    evidence: [],
    metricMissing: true,
  };
}

export function evaluateAutoRule(
  rule: SchemeRule,
  kind: Exclude<RuleKind, 'manual'>,
  metricKey: string,
  value: MetricValue,
  labels?: Readonly<Record<string, MetricLabel | undefined>>,
): AutoOutcome {
  const expected = metricTypeOfKind[kind];
  if (value.type !== expected) {
    return {
      quantity: 0,
      rawPoints: 0,
      detail: `指标“${metricKey}”的数据类型不符（${value.type}，应为 ${expected}），本条按人工扣分处理`,
      evidence: [],
      metricMissing: true,
      problem: 'typeMismatch',
    };
  }
  const label = describeMetric(metricKey, labels);
  const perUnit = toNonNegativeHundredths(rule.pointsPerUnit);
  switch (value.type) {
    case 'cases':
      return evaluateCases(value.cases ?? [], perUnit, label['zh-CN'], label.unit);
    case 'lateness':
      return evaluateLateness(value.records ?? [], perUnit, label['zh-CN'], label.unit);
    case 'rate':
      return evaluateBands(value, rule.bands ?? [], label['zh-CN']);
    case 'categoryRates':
      return evaluateTarget(value.categories ?? [], rule.targetBp, perUnit, label['zh-CN']);
  }
}

/** count: each case (quantity default 1) costs pointsPerUnit. */
function evaluateCases(
  cases: readonly { ref: RecordRef; quantity?: number }[],
  perUnit: Hundredths,
  label: string,
  unit: string,
): AutoOutcome {
  let quantity = 0;
  const refs: RecordRef[] = [];
  for (const item of cases) {
    const q = item.quantity === undefined || item.quantity === null ? 100 : toHundredths(item.quantity);
    if (q <= 0) continue;
    quantity += q;
    refs.push(item.ref);
  }
  const rawPoints = multiplyHundredths(quantity, perUnit);
  const count = formatHundredths(quantity);
  const detail =
    quantity === 0
      ? `${label}：0 ${unit}，不扣分`
      : `${label}：${count} ${unit}，每${unit}扣 ${formatHundredths(perUnit)} 分，计 ${formatHundredths(rawPoints)} 分`;
  return { quantity, rawPoints, detail, evidence: normalizeEvidence(refs) };
}

/** lateness: every day late costs pointsPerUnit; a started day counts as a day (每推迟一天). */
function evaluateLateness(
  records: readonly { ref: RecordRef; daysLate: number }[],
  perUnit: Hundredths,
  label: string,
  unit: string,
): AutoOutcome {
  let days = 0;
  let late = 0;
  const refs: RecordRef[] = [];
  for (const record of records) {
    if (typeof record.daysLate !== 'number' || !Number.isFinite(record.daysLate) || record.daysLate <= 0)
      continue;
    days += Math.ceil(record.daysLate);
    late += 1;
    refs.push(record.ref);
  }
  const quantity = days * 100;
  const rawPoints = multiplyHundredths(quantity, perUnit);
  const detail =
    days === 0
      ? `${label}：无推迟，不扣分`
      : `${label}：共推迟 ${days} 天（${late} ${unit}），每天扣 ${formatHundredths(perUnit)} 分，计 ${formatHundredths(rawPoints)} 分`;
  return { quantity, rawPoints, detail, evidence: normalizeEvidence(refs) };
}

/** bands: the rate's highest-scoring matching band wins; bands do not add up. */
function evaluateBands(
  value: { numerator: number; denominator: number; refs: RecordRef[]; excluded?: RecordRef[]; note?: string },
  bands: readonly Band[],
  label: string,
): AutoOutcome {
  const outcome = evaluateBandsOnly(value, bands, label);
  const excluded = normalizeEvidence(value.excluded ?? []);
  const notes: string[] = [];
  if (typeof value.note === 'string' && value.note !== '') notes.push(value.note);
  if (excluded.length > 0) notes.push(`不计 ${excluded.length} 件（见“不计入”）`);
  if (notes.length > 0) outcome.detail += `；${notes.join('；')}`;
  if (excluded.length > 0) outcome.notCounted = excluded;
  return outcome;
}

function evaluateBandsOnly(
  value: { numerator: number; denominator: number; refs: RecordRef[] },
  bands: readonly Band[],
  label: string,
): AutoOutcome {
  const evidence = normalizeEvidence(value.refs ?? []);
  const shown = `${formatNumber(value.numerator)}/${formatNumber(value.denominator)}`;
  const reading = readRatio(value.numerator, value.denominator);
  if (reading.status === 'zeroDenominator') {
    return { quantity: 0, rawPoints: 0, detail: `${label}：分母为 0（${shown}），不扣分`, evidence };
  }
  if (reading.status === 'invalid') {
    return {
      quantity: 0,
      rawPoints: 0,
      detail: `${label}：数据无效（${shown}），不扣分`,
      evidence,
      problem: 'invalidValue',
    };
  }
  let best: Band | undefined;
  for (const band of bands) {
    if (!usableBand(band) || !bandMatches(reading.ratio, band)) continue;
    const points = toNonNegativeHundredths(band.points);
    const bestPoints = best ? toNonNegativeHundredths(best.points) : -1;
    // Equal points give the same score; choosing by text keeps the detail independent of the bands' order.
    if (points > bestPoints || (points === bestPoints && best && describeBand(band) < describeBand(best))) {
      best = band;
    }
  }
  const percent = formatRatioPercent(reading.ratio);
  if (!best) {
    return {
      quantity: 0,
      rawPoints: 0,
      detail: `${label} ${percent}（${shown}），未达扣分标准，不扣分`,
      evidence,
    };
  }
  const rawPoints = toNonNegativeHundredths(best.points);
  return {
    quantity: 100,
    rawPoints,
    detail: `${label} ${percent}（${shown}）${describeBand(best)}，扣 ${formatHundredths(rawPoints)} 分`,
    evidence,
  };
}

/** target: every category whose rate is below the target costs pointsPerUnit; no data → not counted. */
function evaluateTarget(
  categories: readonly CategoryRate[],
  targetBp: number | undefined,
  perUnit: Hundredths,
  label: string,
): AutoOutcome {
  if (typeof targetBp !== 'number' || !Number.isFinite(targetBp) || targetBp < 0) {
    return {
      quantity: 0,
      rawPoints: 0,
      detail: `${label}：未设定目标值，不扣分`,
      evidence: [],
      problem: 'invalidValue',
    };
  }
  const sorted = [...categories].sort(
    (a, b) =>
      compareStrings(a.category, b.category) ||
      compareStrings(a.label ?? '', b.label ?? '') ||
      compareNumbers(a.numerator, b.numerator) ||
      compareNumbers(a.denominator, b.denominator),
  );
  const failing: string[] = [];
  const noData: string[] = [];
  const invalid: string[] = [];
  const refs: RecordRef[] = [];
  for (const category of sorted) {
    const name = category.label ?? category.category;
    const reading = readRatio(category.numerator, category.denominator);
    if (reading.status !== 'ok') {
      (reading.status === 'zeroDenominator' ? noData : invalid).push(name);
      continue;
    }
    if (compareRatioToBp(reading.ratio, targetBp) < 0) {
      failing.push(
        `${name} ${formatRatioPercent(reading.ratio)}（${formatNumber(category.numerator)}/${formatNumber(category.denominator)}）`,
      );
      refs.push(...(category.refs ?? []));
    }
  }
  const quantity = failing.length * 100;
  const rawPoints = multiplyHundredths(quantity, perUnit);
  const target = formatBp(targetBp);
  const noDataNote =
    (noData.length > 0 ? `；无数据不计：${noData.join('、')}` : '') +
    (invalid.length > 0 ? `；数据无效不计：${invalid.join('、')}` : '');
  const detail =
    failing.length === 0
      ? `${label}：各类别均达到 ${target}，不扣分${noDataNote}`
      : `${label}低于 ${target} 的类别 ${failing.length} 个：${failing.join('、')}，每个扣 ${formatHundredths(perUnit)} 分，计 ${formatHundredths(rawPoints)} 分${noDataNote}`;
  return { quantity, rawPoints, detail, evidence: normalizeEvidence(refs) };
}
