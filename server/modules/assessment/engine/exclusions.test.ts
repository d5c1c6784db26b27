import { describe, expect, it } from 'vitest';
import { computeAssessment } from './engine.ts';
import type { MetricValue, SchemeItem } from './types.ts';

/** One item with one rule of each kind, so an exclusion's effect on each is seen in its row. */
const items: SchemeItem[] = [
  {
    key: '1',
    seq: 1,
    name: '测试',
    requirements: '',
    weight: 100,
    rules: [
      { key: 'c', seq: 1, text: '按次', kind: 'count', pointsPerUnit: 0.5, cap: 5, metricKey: 'm.cases' },
      { key: 'd', seq: 2, text: '按天', kind: 'lateness', pointsPerUnit: 1, cap: 4, metricKey: 'm.late' },
      {
        key: 'b',
        seq: 3,
        text: '分档',
        kind: 'bands',
        pointsPerUnit: 0,
        cap: 5,
        bands: [{ op: 'gte', thresholdBp: 200, points: 2 }],
        metricKey: 'm.rate',
      },
      {
        key: 't',
        seq: 4,
        text: '目标',
        kind: 'target',
        pointsPerUnit: 0.5,
        targetBp: 9500,
        cap: 5,
        metricKey: 'm.target',
      },
      // a second rule on the same metric: an exclusion of rule c does not touch it
      { key: 'c2', seq: 5, text: '同一指标', kind: 'count', pointsPerUnit: 1, cap: 5, metricKey: 'm.cases' },
    ],
  },
];
const ref = (entity: string, id: number) => ({ entity, id, label: `${entity} ${id}` });
const metrics: Record<string, MetricValue> = {
  'm.cases': { type: 'cases', cases: [1, 2, 3].map((i) => ({ ref: ref('task', i) })) },
  'm.late': {
    type: 'lateness',
    records: [
      { ref: ref('report', 1), daysLate: 2 },
      { ref: ref('report', 2), daysLate: 1 },
    ],
  },
  'm.rate': { type: 'rate', numerator: 3, denominator: 100, refs: [1, 2, 3].map((i) => ref('complaint', i)) },
  'm.target': {
    type: 'categoryRates',
    // 18 of 20 on time (90%): the two late ones are the disputed ones
    categories: [
      {
        category: 'fee',
        label: '费用',
        numerator: 18,
        denominator: 20,
        refs: [ref('task', 41), ref('task', 42)],
      },
    ],
  },
};
const run = (exclusions: Parameters<typeof computeAssessment>[0]['exclusions']) =>
  computeAssessment({ scheme: { items }, metrics, manual: [], exclusions });
const row = (r: ReturnType<typeof run>, key: string) => r.rows.find((x) => x.ruleKey === key)!;

describe('cases upheld on appeal leave their rule’s row (engine/exclusions.ts)', () => {
  it('recomputes each kind of rule without the excluded records', () => {
    const base = run([]);
    expect([
      row(base, 'c').points,
      row(base, 'd').points,
      row(base, 'b').points,
      row(base, 't').points,
    ]).toEqual([1.5, 3, 2, 0.5]);
    const r = run([
      { ruleKey: 'c', ref: { entity: 'task', id: 2 }, reason: '已批准延期' },
      { ruleKey: 'd', ref: { entity: 'report', id: 1 }, reason: '系统故障' },
      { ruleKey: 'b', ref: { entity: 'complaint', id: 1 }, reason: '重复投诉' },
      { ruleKey: 'b', ref: { entity: 'complaint', id: 2 }, reason: '重复投诉' },
      { ruleKey: 't', ref: { entity: 'task', id: 41 }, reason: '不属本人' },
    ]);
    expect(row(r, 'c')).toMatchObject({ points: 1, quantity: 2 });
    expect(row(r, 'c').evidence.map((e) => e.id)).toEqual([1, 3]);
    expect(row(r, 'c').excluded).toEqual([{ ref: ref('task', 2), reason: '已批准延期' }]);
    expect(row(r, 'd')).toMatchObject({ points: 1, quantity: 1 });
    expect(row(r, 'b').points).toBe(0); // 1/100 = 1% < 2%
    expect(row(r, 'b').detail).toContain('1/100');
    expect(row(r, 't').detail).toContain('18/19'); // 94.7%: still below 95%
    expect(row(r, 't').points).toBe(0.5);
    expect(row(r, 'c2').points).toBe(3); // the other rule on the same metric keeps all its cases
    expect(r.total).toBe(base.total + 0.5 + 2 + 2);
  });

  it('ignores an exclusion of a record the row does not count, and counts a repeated one once', () => {
    const r = run([
      { ruleKey: 'c', ref: { entity: 'task', id: 99 }, reason: 'x' },
      { ruleKey: 'c', ref: { entity: 'task', id: 1 }, reason: 'a' },
      { ruleKey: 'c', ref: { entity: 'task', id: 1 }, reason: 'b' },
    ]);
    expect(row(r, 'c')).toMatchObject({ points: 1, quantity: 2 });
    expect(row(r, 'c').excluded).toEqual([{ ref: ref('task', 1), reason: 'a' }]);
  });
});
