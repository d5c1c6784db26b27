import { describe, expect, it } from 'vitest';
import { explainRow } from './assessment.explain.ts';
import type { DeductionRow, SchemeRule } from './engine/engine.ts';

const rule = (over: Partial<SchemeRule>): SchemeRule => ({
  key: '2.1',
  seq: 1,
  text: '',
  kind: 'count',
  pointsPerUnit: 0.5,
  cap: 5,
  metricKey: 'task.overdue',
  ...over,
});
const row = (over: Partial<DeductionRow>): DeductionRow => ({
  rowKey: '2.1:auto',
  itemKey: '2',
  ruleKey: '2.1',
  source: 'auto',
  quantity: 4,
  rawPoints: 2,
  points: 2,
  detail: '',
  evidence: [],
  ...over,
});
const labels = { 'task.overdue': { 'zh-CN': '逾期未完成的工作任务', 'en-US': 'Tasks not finished on time' } };

describe('every row explains itself (assessment.explain.ts)', () => {
  it('says the formula with the numbers, the cap, and what the cap cut', () => {
    expect(explainRow(row({}), { rule: rule({}), metricLabels: labels })).toEqual({
      'zh-CN': '逾期未完成的工作任务：4 项 × 0.5 分 = 2 分，上限 5 分',
      'en-US': 'Tasks not finished on time: 4 × 0.5 = 2 points, cap 5',
    });
    const capped = explainRow(row({ quantity: 12, rawPoints: 6, points: 5 }), {
      rule: rule({}),
      metricLabels: labels,
    });
    expect(capped['zh-CN']).toBe('逾期未完成的工作任务：12 项 × 0.5 分 = 6 分，上限 5 分，实扣 5 分');
  });

  it('says a day count for lateness, nothing for an empty row, and plain words for a rule without data', () => {
    const late = rule({ kind: 'lateness', pointsPerUnit: 1, cap: 4, metricKey: 'report.summaryDaysLate' });
    expect(
      explainRow(row({ quantity: 3, rawPoints: 3, points: 3 }), { rule: late, metricLabels: {} })['zh-CN'],
    ).toBe('工作总结上报推迟：推迟 3 天 × 1 分 = 3 分，上限 4 分');
    expect(
      explainRow(row({ quantity: 0, rawPoints: 0, points: 0 }), { rule: rule({}), metricLabels: labels }),
    ).toEqual({
      'zh-CN': '逾期未完成的工作任务：0 项，不扣分',
      'en-US': 'Tasks not finished on time: none, nothing deducted',
    });
    const missing = explainRow(row({ metricMissing: true, detail: '指标“report.dailyMissing”未登记' }), {
      rule: rule({ metricKey: 'report.dailyMissing' }),
      metricLabels: {},
    });
    expect(missing).toEqual({
      'zh-CN': '数据未接入，请手工录入',
      'en-US': 'No data source yet — enter by hand',
    });
  });

  it('gives a manual row its reason and reckoning, and an upheld appeal its effect', () => {
    const manual = explainRow(
      row({ source: 'manual', rowKey: '0.1:manual:3', quantity: 2, rawPoints: 2, points: 2 }),
      {
        rule: rule({ key: '0.1', pointsPerUnit: 1, metricKey: null }),
        metricLabels: {},
        manual: { reason: '两次迟到', pointsGiven: false },
      },
    );
    expect(manual['zh-CN']).toBe('人工扣分：两次迟到（2 项 × 1 分 = 2 分，上限 5 分）');
    const removed = explainRow(
      row({
        source: 'manual',
        quantity: 2,
        rawPoints: 2,
        points: 0,
        adjusted: { fromPoints: 2, reason: '请假' },
      }),
      {
        rule: rule({ pointsPerUnit: 1, metricKey: null }),
        metricLabels: {},
        manual: { reason: '两次迟到', pointsGiven: false },
      },
    );
    expect(removed['zh-CN']).toBe(
      '人工扣分：两次迟到（2 项 × 1 分 = 2 分，上限 5 分，申诉成立，撤销本条扣分）',
    );
  });
});
