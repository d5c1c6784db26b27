/**
 * Assessment periods (考核周期): monthly by default, starting on a configurable day of the month. Period
 * 'YYYY-MM' runs from that month's start day (inclusive) to the next month's start day (exclusive), as
 * dates in Asia/Shanghai; the same bounds as UTC instants compare with stored timestamps.
 */
import { dayjs, ZONE } from '../../lib/time.ts';

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
  return {
    period,
    periodStart,
    periodEnd,
    periodStartAt: dayjs.tz(`${periodStart} 00:00:00`, ZONE).toISOString(),
    periodEndAt: dayjs.tz(`${periodEnd} 00:00:00`, ZONE).toISOString(),
  };
}

/** The period a moment falls in: before the start day it still belongs to the previous month's period. */
export function periodOf(at: Date, startDay: number): string {
  const local = dayjs(at).tz(ZONE);
  let year = local.year();
  let month = local.month() + 1;
  if (local.date() < startDay) {
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
