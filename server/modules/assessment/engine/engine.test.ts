import { describe, expect, it } from 'vitest';
import { officerSchemeTemplate, supervisorSchemeTemplate } from '../assessment.templates.ts';
import { computeAssessment, requiredMetricKeys, validateScheme } from './engine.ts';
import type {
  Adjustment,
  DeductionRow,
  EngineResult,
  ManualEntry,
  MetricValue,
  RecordRef,
  Scheme,
  SchemeItem,
} from './types.ts';

const supervisor: Scheme = { items: supervisorSchemeTemplate.items };

/** Every metric of the supervisor template registered with nothing to deduct. */
function cleanMetrics(): Record<string, MetricValue> {
  return {
    'report.weeklySummaryLate': { type: 'cases', cases: [] },
    'report.dailyMissing': { type: 'cases', cases: [] },
    'inspection.unreviewed': { type: 'cases', cases: [] },
    'assessment.appealsUpheldAgainstAssessor': { type: 'cases', cases: [] },
    'task.overdue': { type: 'cases', cases: [] },
    'task.categoryCompletion': { type: 'categoryRates', categories: [] },
    'repair.weeklyReviewMissing': { type: 'cases', cases: [] },
    'repair.notDispatchedInTime': { type: 'cases', cases: [] },
    'archive.missing': { type: 'cases', cases: [] },
    'report.planUnrealistic': { type: 'cases', cases: [] },
    'report.summaryNotObjective': { type: 'cases', cases: [] },
    'report.summaryDaysLate': { type: 'lateness', records: [] },
    'complaint.rate': { type: 'rate', numerator: 0, denominator: 500, refs: [] },
    'training.noImprovement': { type: 'cases', cases: [] },
    'complaint.improper': { type: 'cases', cases: [] },
    'fee.collectionRate': { type: 'rate', numerator: 100, denominator: 100, refs: [] },
  };
}

function assess(
  metrics: Record<string, MetricValue | undefined>,
  manual: ManualEntry[] = [],
  adjustments?: Adjustment[],
  scheme: Scheme = supervisor,
): EngineResult {
  return computeAssessment({ scheme, metrics: { ...cleanMetrics(), ...metrics }, manual, adjustments });
}

function rowOf(result: EngineResult, rowKey: string): DeductionRow {
  const row = result.rows.find((r) => r.rowKey === rowKey);
  if (!row) throw new Error(`no row ${rowKey}; rows: ${result.rows.map((r) => r.rowKey).join(', ')}`);
  return row;
}

function itemOf(result: EngineResult, itemKey: string) {
  const item = result.items.find((i) => i.itemKey === itemKey);
  if (!item) throw new Error(`no item ${itemKey}`);
  return item;
}

function cases(count: number, entity = 'task'): MetricValue {
  return { type: 'cases', cases: Array.from({ length: count }, (_, i) => ({ ref: { entity, id: i + 1 } })) };
}

function rate(numerator: number, denominator: number, refs: RecordRef[] = []): MetricValue {
  return { type: 'rate', numerator, denominator, refs };
}

function manual(
  id: number | string,
  ruleKey: string,
  quantity: number,
  extra: Partial<ManualEntry> = {},
): ManualEntry {
  return { id, ruleKey, quantity, reason: `原因 ${id}`, ...extra };
}

describe('supervisor template (客服主管工作标准及考核办法)', () => {
  it('is a valid scheme of 100 points with the document weights and maxima', () => {
    expect(validateScheme(supervisor)).toEqual([]);
    const shape = supervisorSchemeTemplate.items.map((item) => ({
      key: item.key,
      weight: item.weight,
      caps: item.rules.map((rule) => rule.cap),
    }));
    expect(shape).toEqual([
      { key: '0', weight: 20, caps: [5, 5, 5, 5] },
      { key: '1', weight: 20, caps: [5, 5, 5, 5] },
      { key: '2', weight: 30, caps: [5, 5, 5, 5, 5, 5] },
      { key: '3', weight: 10, caps: [3, 3, 4] },
      { key: '4', weight: 10, caps: [5, 5] },
      { key: '5', weight: 5, caps: [5] },
      { key: '6', weight: 5, caps: [5] },
    ]);
  });

  it('uses the agreed metric keys and rule kinds', () => {
    const rules = Object.fromEntries(
      supervisorSchemeTemplate.items.flatMap((item) =>
        item.rules.map((rule) => [rule.key, `${rule.kind} ${rule.metricKey ?? '-'} ${rule.pointsPerUnit}`]),
      ),
    );
    expect(rules).toMatchObject({
      '1.1': 'count report.weeklySummaryLate 1',
      '1.2': 'count report.dailyMissing 1',
      '1.3': 'count inspection.unreviewed 1',
      '1.4': 'count assessment.appealsUpheldAgainstAssessor 1',
      '2.1': 'count task.overdue 0.5',
      '2.2': 'manual - 0.5',
      '2.3': 'target task.categoryCompletion 0.5',
      '2.4': 'count repair.weeklyReviewMissing 0.5',
      '2.5': 'count repair.notDispatchedInTime 0.5',
      '2.6': 'count archive.missing 0.5',
      '3.1': 'count report.planUnrealistic 0.5',
      '3.2': 'count report.summaryNotObjective 1',
      '3.3': 'lateness report.summaryDaysLate 1',
      '4.1': 'bands complaint.rate 0',
      '4.2': 'count training.noImprovement 1',
      '5.1': 'count complaint.improper 1',
      '6.1': 'bands fee.collectionRate 5',
    });
    for (const rule of supervisorSchemeTemplate.items.find((i) => i.key === '0')!.rules) {
      expect(rule.kind).toBe('manual');
    }
  });

  it('names the 16 metrics a service must query, and no metric for manual rules', () => {
    expect(requiredMetricKeys(supervisor)).toEqual(Object.keys(cleanMetrics()).sort());
  });

  it('copies the document’s wording verbatim', () => {
    const item2 = supervisorSchemeTemplate.items.find((i) => i.key === '2')!;
    expect(item2.name).toBe('组织、审核部门工作完成进度');
    expect(item2.requirements.split('\n')).toHaveLength(7);
    expect(item2.requirements.split('\n')[3]).toBe(
      '4、审核每周业主报修内容上报经理,并及时督促处理未完成事项。',
    );
    const rule41 = supervisorSchemeTemplate.items.flatMap((i) => i.rules).find((r) => r.key === '4.1')!;
    expect(rule41.text).toBe('服务质量的不到住户认可,投诉率达2%的,扣2分,超过10%的,扣5分。');
    expect(supervisorSchemeTemplate.items.map((i) => i.name)).toEqual([
      '通用部分',
      '负责部门员工工作监督、督促',
      '组织、审核部门工作完成进度',
      '计划、总结',
      '监督与培训',
      '处理投诉',
      '费用收缴',
    ]);
  });

  it('gives full marks when nothing is deducted, with one zero-point auto row per auto rule', () => {
    const result = assess({});
    expect(result.total).toBe(100);
    expect(result.fullMarks).toBe(100);
    expect(result.totalDeducted).toBe(0);
    expect(result.rows.every((row) => row.source === 'auto' && row.points === 0)).toBe(true);
    expect(result.rows.map((row) => row.ruleKey)).not.toContain('2.2');
    expect(result.warnings).toEqual([]);
  });

  describe.each([
    { rule: '1.1', metric: 'report.weeklySummaryLate', per: 1, cap: 5 },
    { rule: '1.2', metric: 'report.dailyMissing', per: 1, cap: 5 },
    { rule: '1.3', metric: 'inspection.unreviewed', per: 1, cap: 5 },
    { rule: '1.4', metric: 'assessment.appealsUpheldAgainstAssessor', per: 1, cap: 5 },
    { rule: '2.1', metric: 'task.overdue', per: 0.5, cap: 5 },
    { rule: '2.4', metric: 'repair.weeklyReviewMissing', per: 0.5, cap: 5 },
    { rule: '2.5', metric: 'repair.notDispatchedInTime', per: 0.5, cap: 5 },
    { rule: '2.6', metric: 'archive.missing', per: 0.5, cap: 5 },
    { rule: '3.1', metric: 'report.planUnrealistic', per: 0.5, cap: 3 },
    { rule: '3.2', metric: 'report.summaryNotObjective', per: 1, cap: 3 },
    { rule: '4.2', metric: 'training.noImprovement', per: 1, cap: 5 },
    { rule: '5.1', metric: 'complaint.improper', per: 1, cap: 5 },
  ])('count rule $rule ($metric)', ({ rule, metric, per, cap }) => {
    const atCap = Math.round(cap / per);
    it(`deducts ${per} per case, at most ${cap}`, () => {
      expect(rowOf(assess({ [metric]: cases(atCap - 1) }), `${rule}:auto`).points).toBe(cap - per);
      expect(rowOf(assess({ [metric]: cases(atCap) }), `${rule}:auto`).points).toBe(cap);
      const over = rowOf(assess({ [metric]: cases(atCap + 1) }), `${rule}:auto`);
      expect(over.points).toBe(cap);
      expect(over.rawPoints).toBe(cap + per);
      expect(over.quantity).toBe(atCap + 1);
    });
    it('links every counted record as evidence', () => {
      const row = rowOf(assess({ [metric]: cases(2, 'record') }), `${rule}:auto`);
      expect(row.evidence).toEqual([
        { entity: 'record', id: 1 },
        { entity: 'record', id: 2 },
      ]);
    });
  });

  it('deducts 0.5 per overdue task, at most 5: 12 tasks → 5, 9 tasks → 4.5', () => {
    const twelve = assess({ 'task.overdue': cases(12) });
    expect(rowOf(twelve, '2.1:auto')).toMatchObject({ quantity: 12, rawPoints: 6, points: 5 });
    expect(rowOf(twelve, '2.1:auto').detail).toContain('12 项');
    expect(rowOf(twelve, '2.1:auto').detail).toContain('上限 5 分');
    expect(twelve.total).toBe(95);
    const nine = assess({ 'task.overdue': cases(9) });
    expect(rowOf(nine, '2.1:auto')).toMatchObject({ quantity: 9, rawPoints: 4.5, points: 4.5 });
    expect(nine.total).toBe(95.5);
  });

  it('counts a case’s quantity: summary not objective at 4 points → 3 (1 per point, at most 3)', () => {
    const result = assess({
      'report.summaryNotObjective': {
        type: 'cases',
        cases: [{ ref: { entity: 'report', id: 7 }, quantity: 4 }],
      },
    });
    expect(rowOf(result, '3.2:auto')).toMatchObject({ quantity: 4, rawPoints: 4, points: 3 });
    expect(itemOf(result, '3')).toEqual({ itemKey: '3', weight: 10, deducted: 3, score: 7 });
  });

  it('ignores cases with zero or negative quantity', () => {
    const result = assess({
      'task.overdue': {
        type: 'cases',
        cases: [
          { ref: { entity: 'task', id: 1 }, quantity: 0 },
          { ref: { entity: 'task', id: 2 }, quantity: -3 },
          { ref: { entity: 'task', id: 3 } },
        ],
      },
    });
    expect(rowOf(result, '2.1:auto')).toMatchObject({ quantity: 1, points: 0.5 });
    expect(rowOf(result, '2.1:auto').evidence).toEqual([{ entity: 'task', id: 3 }]);
  });

  describe('3.3 summary late (lateness, 1 per day, at most 4)', () => {
    const late = (...days: number[]): MetricValue => ({
      type: 'lateness',
      records: days.map((daysLate, i) => ({ ref: { entity: 'report', id: i + 1 }, daysLate })),
    });
    it('deducts 4 for a summary 5 days late', () => {
      expect(rowOf(assess({ 'report.summaryDaysLate': late(5) }), '3.3:auto')).toMatchObject({
        quantity: 5,
        rawPoints: 5,
        points: 4,
      });
    });
    it('deducts 3 for 3 days late and 4 for exactly 4 days', () => {
      expect(rowOf(assess({ 'report.summaryDaysLate': late(3) }), '3.3:auto').points).toBe(3);
      expect(rowOf(assess({ 'report.summaryDaysLate': late(4) }), '3.3:auto').points).toBe(4);
    });
    it('adds the days of several summaries and ignores those on time', () => {
      const row = rowOf(assess({ 'report.summaryDaysLate': late(1, 0, 2, -1) }), '3.3:auto');
      expect(row).toMatchObject({ quantity: 3, points: 3 });
      expect(row.evidence.map((ref) => ref.id)).toEqual([1, 3]);
    });
    it('counts a started day as a whole day late', () => {
      expect(rowOf(assess({ 'report.summaryDaysLate': late(0.25) }), '3.3:auto').points).toBe(1);
    });
  });

  describe('4.1 complaint rate (bands: ≥ 2% → 2, > 10% → 5)', () => {
    const complaintRow = (numerator: number, denominator: number) =>
      rowOf(assess({ 'complaint.rate': rate(numerator, denominator) }), '4.1:auto');
    it('deducts 2 at exactly 2%', () => {
      const row = complaintRow(5, 250);
      expect(row).toMatchObject({ points: 2, quantity: 1 });
      expect(row.detail).toBe('投诉率 2.00%（5/250）≥ 2%，扣 2 分');
    });
    it('deducts nothing at 1.99%', () => {
      expect(complaintRow(199, 10000)).toMatchObject({ points: 0, quantity: 0 });
    });
    it('deducts 2 (not 5) at exactly 10%', () => {
      expect(complaintRow(100, 1000).points).toBe(2);
    });
    it('deducts 5 just above 10% (101/1000), the higher band replacing the lower', () => {
      const row = complaintRow(101, 1000);
      expect(row.points).toBe(5);
      expect(row.rawPoints).toBe(5);
      expect(row.detail).toBe('投诉率 10.10%（101/1000）> 10%，扣 5 分');
    });
    it('applies the highest matching band whatever the order the bands are listed in', () => {
      const items = structuredClone(supervisorSchemeTemplate.items);
      const rule = items[4].rules[0];
      rule.bands = [...(rule.bands ?? [])].reverse();
      const result = computeAssessment({
        scheme: { items },
        metrics: { 'complaint.rate': rate(101, 1000) },
        manual: [],
      });
      expect(rowOf(result, '4.1:auto').points).toBe(5);
      const atTwo = computeAssessment({
        scheme: { items },
        metrics: { 'complaint.rate': rate(2, 100) },
        manual: [],
      });
      expect(rowOf(atTwo, '4.1:auto').points).toBe(2);
    });
    it('deducts nothing when there are no occupied households (denominator 0) and says so', () => {
      const row = complaintRow(0, 0);
      expect(row.points).toBe(0);
      expect(row.detail).toContain('分母为 0');
    });
    it('compares exactly where floating-point division would miss 2% (0.29/14.5)', () => {
      expect(0.29 / 14.5 < 0.02).toBe(true); // the trap the engine must avoid
      expect(complaintRow(0.29, 14.5).points).toBe(2);
    });
    it('marks a rate that two decimals cannot show exactly', () => {
      expect(complaintRow(1, 30).detail).toBe('投诉率 ≈3.33%（1/30）≥ 2%，扣 2 分');
    });
    it('keeps the complaints as evidence', () => {
      const row = rowOf(
        assess({
          'complaint.rate': rate(3, 100, [
            { entity: 'complaint', id: 9 },
            { entity: 'complaint', id: 2 },
          ]),
        }),
        '4.1:auto',
      );
      expect(row.evidence.map((ref) => ref.id)).toEqual([2, 9]);
    });
  });

  describe('2.3 task completion per category below 95% (0.5 each, at most 5)', () => {
    const categories = (...rates: [string, number, number][]): MetricValue => ({
      type: 'categoryRates',
      categories: rates.map(([category, numerator, denominator]) => ({
        category,
        numerator,
        denominator,
        refs: [{ entity: 'taskCategory', id: category }],
      })),
    });
    it('deducts for 94.99% (9499 bp) and not for exactly 95% (9500 bp)', () => {
      const row = rowOf(
        assess({ 'task.categoryCompletion': categories(['维修', 9499, 10000], ['巡查', 9500, 10000]) }),
        '2.3:auto',
      );
      expect(row).toMatchObject({ quantity: 1, points: 0.5 });
      expect(row.evidence).toEqual([{ entity: 'taskCategory', id: '维修' }]);
      expect(row.detail).toContain('维修 94.99%（9499/10000）');
      expect(row.detail).not.toContain('巡查');
    });
    it('does not count a category without tasks (denominator 0)', () => {
      const row = rowOf(assess({ 'task.categoryCompletion': categories(['装修', 0, 0]) }), '2.3:auto');
      expect(row.points).toBe(0);
      expect(row.detail).toContain('无数据不计：装修');
    });
    it('caps at 5 when eleven categories fall short', () => {
      const many = Array.from({ length: 11 }, (_, i): [string, number, number] => [`c${i}`, 1, 2]);
      expect(rowOf(assess({ 'task.categoryCompletion': categories(...many) }), '2.3:auto')).toMatchObject({
        quantity: 11,
        rawPoints: 5.5,
        points: 5,
      });
    });
  });

  describe('6.1 fee collection (收费率 below 98% → 5)', () => {
    const feeRow = (collected: number, billed: number) =>
      rowOf(assess({ 'fee.collectionRate': rate(collected, billed) }), '6.1:auto');
    it('deducts 5 at 97.99%', () => {
      expect(feeRow(9799, 10000)).toMatchObject({ points: 5, quantity: 1 });
      expect(feeRow(97.99, 100).detail).toBe('物业费收费率 97.99%（97.99/100）< 98%，扣 5 分');
    });
    it('deducts nothing at exactly 98%, money amounts included', () => {
      expect(feeRow(9800, 10000).points).toBe(0);
      expect(feeRow(14.21, 14.5).points).toBe(0);
      expect(feeRow(1_234_567.89, 1_234_567.89).points).toBe(0);
    });
    it('deducts nothing when nothing was billed', () => {
      expect(feeRow(0, 0).points).toBe(0);
    });
    it('lets a reviewer record another collection problem at 5 points', () => {
      const result = assess({}, [manual(1, '6.1', 1, { reason: '收费计划未按时制定' })]);
      expect(rowOf(result, '6.1:manual:1').points).toBe(5);
      expect(itemOf(result, '6')).toEqual({ itemKey: '6', weight: 5, deducted: 5, score: 0 });
    });
  });

  describe('2.2 coordination failed (manual, 0.5 each, at most 5)', () => {
    it('deducts 0.5 per entry and shares the cap out in id order', () => {
      const entries = Array.from({ length: 11 }, (_, i) => manual(11 - i, '2.2', 1));
      const result = assess({}, entries);
      const rows = result.rows.filter((row) => row.ruleKey === '2.2');
      expect(rows.map((row) => row.rowKey)).toEqual(
        Array.from({ length: 11 }, (_, i) => `2.2:manual:${i + 1}`),
      );
      expect(rows.map((row) => row.points)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0]);
      expect(rows.every((row) => row.source === 'manual')).toBe(true);
      expect(itemOf(result, '2').deducted).toBe(5);
    });
  });

  describe('通用部分 general part (manual)', () => {
    it('deducts manual entries per rule with their reason, reviewer and evidence', () => {
      const result = assess({}, [
        manual('a', '0.1', 2, {
          reason: '迟到两次',
          by: 'manager-1',
          evidence: [{ entity: 'attendance', id: 5 }],
        }),
        manual('b', '0.3', 3, { reason: '未佩工牌' }),
        manual('c', '0.4', 1, { points: 2.5, reason: '其他' }),
      ]);
      expect(rowOf(result, '0.1:manual:a')).toMatchObject({
        source: 'manual',
        quantity: 2,
        rawPoints: 2,
        points: 2,
        by: 'manager-1',
        evidence: [{ entity: 'attendance', id: 5 }],
      });
      expect(rowOf(result, '0.1:manual:a').detail).toContain('迟到两次');
      expect(rowOf(result, '0.3:manual:b').points).toBe(1.5);
      expect(rowOf(result, '0.4:manual:c').points).toBe(2.5);
      expect(itemOf(result, '0')).toEqual({ itemKey: '0', weight: 20, deducted: 6, score: 14 });
      expect(result.total).toBe(94);
    });
    it('caps each general rule at 5', () => {
      const result = assess({}, [manual(1, '0.2', 4), manual(2, '0.2', 4)]);
      expect(rowOf(result, '0.2:manual:1').points).toBe(4);
      expect(rowOf(result, '0.2:manual:2')).toMatchObject({ rawPoints: 4, points: 1 });
      expect(itemOf(result, '0').deducted).toBe(5);
    });
  });

  describe('manual entries on auto rules', () => {
    it('count towards the same cap: auto row first, then manual rows in numeric id order', () => {
      const result = assess({ 'task.overdue': cases(9) }, [manual(10, '2.1', 1), manual(2, '2.1', 1)]);
      expect(rowOf(result, '2.1:auto').points).toBe(4.5);
      expect(rowOf(result, '2.1:manual:2').points).toBe(0.5);
      expect(rowOf(result, '2.1:manual:10')).toMatchObject({ rawPoints: 0.5, points: 0 });
      expect(result.rows.filter((row) => row.ruleKey === '2.1').map((row) => row.rowKey)).toEqual([
        '2.1:auto',
        '2.1:manual:2',
        '2.1:manual:10',
      ]);
    });
  });

  describe('a metric that is not registered', () => {
    it('makes the rule behave as manual, flagged metricMissing', () => {
      const result = assess({ 'complaint.improper': undefined }, [
        manual(1, '5.1', 2, { reason: '处理不当' }),
      ]);
      const auto = rowOf(result, '5.1:auto');
      expect(auto).toMatchObject({ metricMissing: true, points: 0, rawPoints: 0, quantity: 0, evidence: [] });
      expect(auto.detail).toContain('未登记');
      expect(rowOf(result, '5.1:manual:1').points).toBe(2);
      expect(itemOf(result, '5').score).toBe(3);
    });
    it('treats a metric of the wrong type as missing and warns', () => {
      const result = assess({ 'task.overdue': rate(1, 2) });
      expect(rowOf(result, '2.1:auto')).toMatchObject({ metricMissing: true, points: 0 });
      expect(result.warnings?.map((w) => w.code)).toEqual(['METRIC_TYPE_MISMATCH']);
    });
    it('does not flag registered metrics', () => {
      expect(rowOf(assess({ 'task.overdue': cases(1) }), '2.1:auto').metricMissing).toBeUndefined();
    });
  });

  describe('adjustments (appeal upheld)', () => {
    it('reduces a row and raises the total, recording where it came from', () => {
      const before = assess({ 'task.overdue': cases(12) });
      const after = assess(
        { 'task.overdue': cases(12) },
        [],
        [{ rowKey: '2.1:auto', newPoints: 2, reason: '3 项任务延期已获批准' }],
      );
      expect(rowOf(after, '2.1:auto')).toMatchObject({
        rawPoints: 6,
        points: 2,
        adjusted: { fromPoints: 5, reason: '3 项任务延期已获批准' },
      });
      expect(after.total).toBe(before.total + 3);
    });
    it('removes a row with newPoints 0', () => {
      const result = assess(
        {},
        [manual(1, '0.1', 3)],
        [{ rowKey: '0.1:manual:1', newPoints: 0, reason: '申诉成立' }],
      );
      expect(rowOf(result, '0.1:manual:1').points).toBe(0);
      expect(result.total).toBe(100);
    });
    it('never raises a row: newPoints above the current points is clamped and warned', () => {
      const result = assess(
        { 'task.overdue': cases(2) },
        [],
        [{ rowKey: '2.1:auto', newPoints: 4, reason: 'x' }],
      );
      expect(rowOf(result, '2.1:auto').points).toBe(1);
      expect(result.warnings?.map((w) => w.code)).toEqual(['ADJUSTMENT_CLAMPED']);
    });
    it('ignores an adjustment for an unknown row and warns', () => {
      const result = assess({}, [], [{ rowKey: '9.9:auto', newPoints: 0, reason: 'x' }]);
      expect(result.total).toBe(100);
      expect(result.warnings?.[0]).toMatchObject({ code: 'ADJUSTMENT_ROW_UNKNOWN', subject: '9.9:auto' });
    });
    it('applies before item capping', () => {
      const scheme = twoRuleScheme(5, 5, 5);
      const metrics = { a: cases(5), b: cases(5) };
      const run = (adjustments: Adjustment[]) =>
        itemOf(computeAssessment({ scheme, metrics, manual: [], adjustments }), 'x').deducted;
      expect(run([])).toBe(5);
      expect(run([{ rowKey: 'x.1:auto', newPoints: 0, reason: 'r' }])).toBe(5);
      expect(
        run([
          { rowKey: 'x.1:auto', newPoints: 1, reason: 'r' },
          { rowKey: 'x.2:auto', newPoints: 2, reason: 'r' },
        ]),
      ).toBe(3);
    });
  });
});

/** An item 'x' of the given weight with two count rules (1 point per case) over metrics 'a' and 'b', plus filler to 100. */
function twoRuleScheme(weight: number, capA: number, capB: number): Scheme {
  const item: SchemeItem = {
    key: 'x',
    seq: 1,
    name: '测试项',
    requirements: '',
    weight,
    rules: [
      { key: 'x.1', seq: 1, text: 'a', kind: 'count', pointsPerUnit: 1, cap: capA, metricKey: 'a' },
      { key: 'x.2', seq: 2, text: 'b', kind: 'count', pointsPerUnit: 1, cap: capB, metricKey: 'b' },
    ],
  };
  const filler: SchemeItem = {
    key: 'y',
    seq: 2,
    name: '其他',
    requirements: '',
    weight: 100 - weight,
    rules: [],
  };
  return { items: [item, filler] };
}

describe('item capping', () => {
  it('deducts at most the item weight when its rules add up to more', () => {
    const scheme = twoRuleScheme(6, 5, 5);
    const result = computeAssessment({ scheme, metrics: { a: cases(5), b: cases(4) }, manual: [] });
    expect(rowOf(result, 'x.1:auto').points).toBe(5);
    expect(rowOf(result, 'x.2:auto').points).toBe(4);
    expect(itemOf(result, 'x')).toEqual({ itemKey: 'x', weight: 6, deducted: 6, score: 0 });
    expect(result).toMatchObject({ total: 94, totalDeducted: 6, fullMarks: 100 });
  });
});

describe('exact arithmetic', () => {
  it('adds tenths without floating-point drift', () => {
    const scheme: Scheme = {
      items: [
        {
          key: 'x',
          seq: 1,
          name: 'x',
          requirements: '',
          weight: 100,
          rules: [
            { key: 'x.1', seq: 1, text: 't', kind: 'count', pointsPerUnit: 0.1, cap: 10, metricKey: 'm' },
          ],
        },
      ],
    };
    const result = computeAssessment({ scheme, metrics: { m: cases(3) }, manual: [] });
    expect(rowOf(result, 'x.1:auto').points).toBe(0.3);
    expect(result.total).toBe(99.7);
  });
});

describe('exact rate comparison', () => {
  const bandScheme = (op: 'gt' | 'lte', thresholdBp: number): Scheme => ({
    items: [
      {
        key: 'x',
        seq: 1,
        name: 'x',
        requirements: '',
        weight: 100,
        rules: [
          {
            key: 'x.1',
            seq: 1,
            text: 't',
            kind: 'bands',
            bands: [{ op, thresholdBp, points: 3 }],
            pointsPerUnit: 0,
            cap: 3,
            metricKey: 'r',
          },
        ],
      },
    ],
  });
  const pointsAt = (op: 'gt' | 'lte', numerator: number, denominator: number) =>
    rowOf(
      computeAssessment({
        scheme: bandScheme(op, 200),
        metrics: { r: rate(numerator, denominator) },
        manual: [],
      }),
      'x.1:auto',
    ).points;

  it('does not read exactly 2% (0.07/3.5) as above 2%, where 0.07 × 10000 is 700.0000000000001 in floating point', () => {
    expect(0.07 * 10000 > 200 * 3.5).toBe(true); // the trap
    expect(pointsAt('gt', 0.07, 3.5)).toBe(0);
    expect(pointsAt('lte', 0.07, 3.5)).toBe(3);
    expect(pointsAt('gt', 0.0701, 3.5)).toBe(3);
  });
});

describe('evidence and row order', () => {
  it('sorts evidence by entity then id and lists each record once', () => {
    const result = assess({
      'task.overdue': {
        type: 'cases',
        cases: [
          { ref: { entity: 'task', id: 10 } },
          { ref: { entity: 'repair', id: 'R-2' } },
          { ref: { entity: 'task', id: 2 } },
          { ref: { entity: 'repair', id: 3 } },
          { ref: { entity: 'task', id: 2 } },
        ],
      },
    });
    const row = rowOf(result, '2.1:auto');
    expect(row.evidence).toEqual([
      { entity: 'repair', id: 3 },
      { entity: 'repair', id: 'R-2' },
      { entity: 'task', id: 2 },
      { entity: 'task', id: 10 },
    ]);
    expect(row.quantity).toBe(5);
  });

  it('orders rows by item, rule, then auto before manual', () => {
    const result = assess({}, [manual(1, '3.2', 1), manual(1, '0.1', 1)]);
    const keys = result.rows.map((row) => row.rowKey);
    expect(keys.slice(0, 3)).toEqual(['0.1:manual:1', '1.1:auto', '1.2:auto']);
    expect(keys.indexOf('3.2:manual:1')).toBe(keys.indexOf('3.2:auto') + 1);
  });

  it('ignores a manual entry for a rule not in the scheme, with a warning', () => {
    const result = assess({}, [manual(1, '7.7', 3)]);
    expect(result.total).toBe(100);
    expect(result.warnings?.[0]).toMatchObject({ code: 'MANUAL_RULE_UNKNOWN', subject: '1' });
  });

  it('keeps one row for two manual entries with the same id on one rule', () => {
    const result = assess({}, [manual(1, '0.1', 1), manual(1, '0.1', 2)]);
    expect(result.rows.filter((row) => row.rowKey === '0.1:manual:1')).toHaveLength(1);
    expect(result.warnings?.map((w) => w.code)).toEqual(['MANUAL_DUPLICATE_ID']);
  });
});

describe('validateScheme', () => {
  const withItems = (items: SchemeItem[]): Scheme => ({ items });
  const base = (): SchemeItem[] => structuredClone(supervisorSchemeTemplate.items);

  it('requires the weights to total 100', () => {
    const items = base();
    items[6].weight = 0; // 费用收缴 5 → 0
    const issues = validateScheme(withItems(items));
    expect(issues).toContainEqual({
      path: 'items',
      code: 'WEIGHTS_TOTAL',
      message: { 'zh-CN': '权数合计必须为 100，当前为 95', 'en-US': 'Weights must total 100, now 95' },
    });
  });

  it('rejects a rule whose maximum exceeds its item weight', () => {
    const items = base();
    items[5].rules[0].cap = 6; // 处理投诉 weight 5
    const issues = validateScheme(withItems(items));
    expect(issues).toEqual([
      {
        path: 'items/5/rules/0/cap',
        code: 'CAP_EXCEEDS_WEIGHT',
        message: {
          'zh-CN': '规则 5.1 的扣减分数 6 超过所属考核项 5 的权数 5',
          'en-US': 'Rule 5.1: maximum deduction 6 exceeds the weight 5 of item 5',
        },
      },
    ]);
  });

  it('rejects negative caps and points per unit', () => {
    const items = base();
    items[1].rules[0].cap = -1;
    items[1].rules[1].pointsPerUnit = -0.5;
    const codes = validateScheme(withItems(items)).map((issue) => `${issue.code} ${issue.path}`);
    expect(codes).toEqual([
      'CAP_INVALID items/1/rules/0/cap',
      'POINTS_PER_UNIT_INVALID items/1/rules/1/pointsPerUnit',
    ]);
  });

  it('requires bands with a threshold ≥ 0 and a target within 0..10000', () => {
    const items = base();
    items[4].rules[0].bands = [];
    items[6].rules[0].bands = [{ op: 'lt', thresholdBp: -1, points: 5 }];
    items[2].rules[2].targetBp = 10001;
    const codes = validateScheme(withItems(items)).map((issue) => `${issue.code} ${issue.path}`);
    expect(codes).toEqual([
      'TARGET_INVALID items/2/rules/2/targetBp',
      'BANDS_REQUIRED items/4/rules/0/bands',
      'BAND_INVALID items/6/rules/0/bands/0/thresholdBp',
    ]);
  });

  it('requires unique item and rule keys', () => {
    const items = base();
    items[2].rules[1].key = '2.1';
    items[3].key = '2';
    const codes = validateScheme(withItems(items)).map((issue) => `${issue.code} ${issue.path}`);
    expect(codes).toEqual(['DUPLICATE_RULE_KEY items/2/rules/1/key', 'DUPLICATE_ITEM_KEY items/3/key']);
  });

  it('gives every message in Chinese and English', () => {
    const items = base();
    items[0].weight = 30;
    items[0].rules[0].cap = 40;
    for (const issue of validateScheme(withItems(items))) {
      expect(issue.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(issue.message['en-US']).toMatch(/^[\x20-\x7e≥]+$/);
    }
  });
});

describe('officer template (房管员)', () => {
  it('is a valid scheme of 100 points', () => {
    expect(validateScheme({ items: officerSchemeTemplate.items })).toEqual([]);
    expect(officerSchemeTemplate.items.reduce((sum, item) => sum + item.weight, 0)).toBe(100);
  });

  it('deducts 5 below 95% patrol coverage and 10 below 80%', () => {
    const run = (done: number, planned: number) =>
      rowOf(
        computeAssessment({
          scheme: { items: officerSchemeTemplate.items },
          metrics: { 'inspection.coverage': rate(done, planned) },
          manual: [],
        }),
        '1.1:auto',
      ).points;
    expect(run(95, 100)).toBe(0);
    expect(run(94, 100)).toBe(5);
    expect(run(80, 100)).toBe(5);
    expect(run(79, 100)).toBe(10);
  });
});

describe('registered metric labels', () => {
  const scheme = {
    items: [
      {
        key: '1',
        seq: 1,
        name: '工作',
        requirements: '',
        weight: 100,
        rules: [
          {
            key: '1.1',
            seq: 1,
            text: '逾期',
            kind: 'count' as const,
            pointsPerUnit: 1,
            cap: 5,
            metricKey: 'task.lateX',
          },
          {
            key: '1.2',
            seq: 2,
            text: '逾期',
            kind: 'count' as const,
            pointsPerUnit: 1,
            cap: 5,
            metricKey: 'task.overdue',
          },
        ],
      },
    ],
  };
  const metrics = {
    'task.lateX': { type: 'cases' as const, cases: [{ ref: { entity: 'task', id: 1 } }] },
    'task.overdue': { type: 'cases' as const, cases: [{ ref: { entity: 'task', id: 2 } }] },
  };

  it("names a registered metric by its module's own label, keeping the table's unit when it gives none", () => {
    const result = computeAssessment({
      scheme,
      metrics,
      manual: [],
      metricLabels: {
        'task.lateX': { 'zh-CN': '逾期任务', 'en-US': 'Late tasks', unit: '件' },
        'task.overdue': { 'zh-CN': '未按时完成的任务', 'en-US': 'Overdue tasks' },
      },
    });
    expect(result.rows.map((r) => r.detail)).toEqual([
      '逾期任务：1 件，每件扣 1 分，计 1 分',
      '未按时完成的任务：1 项，每项扣 1 分，计 1 分',
    ]);
  });

  it('falls back to the key for a metric neither registered with a label nor in the table', () => {
    const result = computeAssessment({ scheme, metrics, manual: [] });
    expect(result.rows[0].detail).toBe('task.lateX：1 项，每项扣 1 分，计 1 分');
  });
});
