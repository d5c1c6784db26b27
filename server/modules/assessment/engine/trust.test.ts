import { describe, expect, it } from 'vitest';
import { supervisorSchemeTemplate } from '../assessment.templates.ts';
import { computeAssessment, requiredMetricSlots, validateScheme } from './engine.ts';
import { hasAtMostTwoDecimals, toHundredths } from './exact.ts';
import type { SchemeItem } from './types.ts';

describe('exact points: at most two decimals, decided on the digits', () => {
  it('accepts what people type with two decimals, including values whose double is not exact', () => {
    for (const v of [0, 1, 2.3, 1.15, 0.29, 0.01, 99.99, 100, 4.35, 1.1]) {
      expect([v, hasAtMostTwoDecimals(v)]).toEqual([v, true]);
      expect(toHundredths(v)).toBe(Math.round(Number(`${v}e2`)));
    }
  });
  it('refuses a third decimal however small, and what is not a finite number', () => {
    for (const v of [0.001, 1.005, 1e-7, 2.345, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect([v, hasAtMostTwoDecimals(v)]).toEqual([v, false]);
    }
  });
});

describe('whose facts count: the rule scope', () => {
  const items = (): SchemeItem[] => structuredClone(supervisorSchemeTemplate.items);

  it('the supervisor table counts the project’s tasks under 2.1 and 2.3; a scheme reads each metric once', () => {
    const slots = requiredMetricSlots({ items: items() });
    expect(slots.find((s) => s.metricKey === 'task.overdue')).toEqual({
      metricKey: 'task.overdue',
      scope: 'project',
    });
    expect(slots.find((s) => s.metricKey === 'complaint.rate')).toEqual({ metricKey: 'complaint.rate' });
    expect(new Set(slots.map((s) => s.metricKey)).size).toBe(slots.length);
  });

  it('refuses an unknown scope and two scopes for one metric, on the rule’s field', () => {
    const unknown = items();
    // biome-ignore lint/suspicious/noExplicitAny: a value no form offers
    (unknown[2].rules[0] as any).scope = 'company';
    expect(validateScheme({ items: unknown }).map((i) => [i.path, i.code])).toEqual([
      ['items/2/rules/0/scope', 'SCOPE_INVALID'],
    ]);
    const twice = items();
    twice[2].rules[0].scope = 'team';
    twice[2].rules[2].metricKey = 'task.overdue';
    twice[2].rules[2].kind = 'count';
    twice[2].rules[2].scope = 'own';
    expect(validateScheme({ items: twice }).map((i) => i.code)).toContain('SCOPE_INVALID');
  });

  it('a rate lists what it did not count beside its evidence, and says how it divided', () => {
    const result = computeAssessment({
      scheme: { items: items() },
      metrics: {
        'complaint.rate': {
          type: 'rate',
          numerator: 1,
          denominator: 40,
          refs: [{ entity: 'complaint', id: 7 }],
          excluded: [{ entity: 'complaint', id: 9, label: '投诉 9 已撤销，不计入' }],
          note: '入住户数只计“入住”（装修中不计）',
        },
      },
      manual: [],
    });
    const row = result.rows.find((r) => r.ruleKey === '4.1')!;
    expect(row.points).toBe(2);
    expect(row.evidence.map((e) => e.id)).toEqual([7]);
    expect(row.notCounted?.map((e) => e.id)).toEqual([9]);
    expect(row.detail).toContain('2.50%（1/40）');
    expect(row.detail).toContain('入住户数只计“入住”');
  });
});
