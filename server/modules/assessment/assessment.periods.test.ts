import { describe, expect, it } from 'vitest';
import { periodOf, periodRange, previousPeriods } from './assessment.periods.ts';

describe('assessment periods', () => {
  it('gives a calendar month as China dates and UTC instants when periods start on the 1st', () => {
    expect(periodRange('2026-11', 1)).toEqual({
      period: '2026-11',
      periodStart: '2026-11-01',
      periodEnd: '2026-12-01',
      periodStartAt: '2026-10-31T16:00:00.000Z',
      periodEndAt: '2026-11-30T16:00:00.000Z',
    });
  });

  it('starts on the configured day and crosses the year', () => {
    const r = periodRange('2026-12', 26);
    expect(r.periodStart).toBe('2026-12-26');
    expect(r.periodEnd).toBe('2027-01-26');
    expect(r.periodStartAt).toBe('2026-12-25T16:00:00.000Z');
  });

  it('places a moment in its period in China time, before the start day in the previous one', () => {
    // 2026-11-30T17:00Z is 2026-12-01 01:00 in Shanghai
    expect(periodOf(new Date('2026-11-30T17:00:00Z'), 1)).toBe('2026-12');
    expect(periodOf(new Date('2026-11-30T15:00:00Z'), 1)).toBe('2026-11');
    expect(periodOf(new Date('2026-01-10T04:00:00Z'), 26)).toBe('2025-12');
    expect(periodOf(new Date('2026-01-26T04:00:00Z'), 26)).toBe('2026-01');
  });

  it('lists previous periods oldest first', () => {
    expect(previousPeriods('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });
});
