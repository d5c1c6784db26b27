/**
 * Assessment periods (考核周期): monthly by default, starting on a configurable day of the month. Period
 * 'YYYY-MM' runs from that month's start day (inclusive) to the next month's start day (exclusive), as
 * dates in Asia/Shanghai; the same bounds as UTC instants compare with stored timestamps. The month
 * arithmetic is here; days and instants come from lib/time.ts. People see the period inclusive
 * (`inclusiveLabel(periodStart, periodEnd)`: "2026-11-01 至 2026-11-30").
 */
import { dateRange, localDate } from '../../lib/time.ts';

export interface PeriodRange {
  period: string;
  periodStart: string;
  periodEnd: string;
  periodStartAt: string;
  periodEndAt: string;
}

export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): boolean {
  return PERIOD_PATTERN.test(value);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function periodRange(period: string, startDay: number): PeriodRange {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) throw new RangeError(`not a period: ${period}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  const periodStart = `${year}-${pad(month)}-${pad(startDay)}`;
  const periodEnd = `${next.year}-${pad(next.month)}-${pad(startDay)}`;
  const { startAt, endAt } = dateRange(periodStart, periodEnd);
  return { period, periodStart, periodEnd, periodStartAt: startAt, periodEndAt: endAt };
}

/** The period a moment falls in: before the start day it still belongs to the previous month's period. */
export function periodOf(at: Date, startDay: number): string {
  const [y, m, d] = localDate(at).split('-').map(Number);
  let year = y;
  let month = m;
  if (d < startDay) {
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return `${year}-${pad(month)}`;
}

/** The n periods ending with `last`, oldest first: for trends. */
export function previousPeriods(last: string, count: number): string[] {
  const match = PERIOD_PATTERN.exec(last);
  if (!match) return [];
  let year = Number(match[1]);
  let month = Number(match[2]);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.unshift(`${year}-${pad(month)}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return out;
}
