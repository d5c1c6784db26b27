/**
 * Working-time arithmetic (工作时间) on China's calendar: weekends, statutory holidays and
 * adjusted working days (调休). Pure: no clock, no database. Local days come from
 * server/lib/time.ts (Asia/Shanghai).
 */
import { addDays, isoWeekday, localDate, localDateTime } from '../../lib/time.ts';
import type { DueUnit } from './calendar.constants.ts';

export { DUE_UNITS, type DueUnit } from './calendar.constants.ts';

export interface DueSpec {
  amount: number;
  unit: DueUnit;
}

export interface WorkCalendar {
  /** 'YYYY-MM-DD' → 'holiday' (a day off, even on a weekday) or 'workday' (调休: a weekend day worked) */
  days: ReadonlyMap<string, 'holiday' | 'workday'>;
  /** working hours of a working day, minutes after local midnight */
  dayStart: number;
  dayEnd: number;
}

/** 08:30–17:30 by default: a nine-hour working day. */
export const DEFAULT_HOURS = { dayStart: 8 * 60 + 30, dayEnd: 17 * 60 + 30 };

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const MIN_MS = 60_000;

export function calendarOf(
  days: Iterable<{ date: string; kind: 'holiday' | 'workday' }>,
  hours = DEFAULT_HOURS,
): WorkCalendar {
  const map = new Map<string, 'holiday' | 'workday'>();
  for (const d of days) map.set(d.date, d.kind);
  return { days: map, ...hours };
}

/** Local (Asia/Shanghai) date of an instant (time.ts's localDate). */
export const localDateOf = (at: Date): string => localDate(at);

/** Is this local date a working day: weekday not a holiday, or a weekend 调休 workday? */
export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  const mark = cal.days.get(date);
  if (mark === 'holiday') return false;
  if (mark === 'workday') return true;
  return isoWeekday(date) <= 5;
}

/** The instant (epoch ms) of a local date + minutes after its midnight. */
function instant(date: string, minutes: number): number {
  return localDateTime(date, minutes).getTime();
}

/**
 * Adds working minutes to an instant: time outside working hours and on days off does not
 * count. A start outside working hours begins at the next working period's start.
 */
export function addWorkingMinutes(cal: WorkCalendar, from: Date, minutes: number): Date {
  if (minutes < 0) throw new RangeError('minutes must be ≥ 0');
  let date = localDate(from);
  let cursor = from.getTime();
  let left = minutes;
  for (let guard = 0; guard < 3660; guard++) {
    if (isWorkingDay(cal, date)) {
      const start = Math.max(cursor, instant(date, cal.dayStart));
      const end = instant(date, cal.dayEnd);
      if (start < end) {
        const available = (end - start) / MIN_MS;
        if (left <= available) return new Date(start + left * MIN_MS);
        left -= available;
      }
    }
    date = addDays(date, 1);
    cursor = instant(date, 0);
  }
  throw new RangeError('working time beyond ten years');
}

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(cal: WorkCalendar, from: Date, to: Date): number {
  if (to <= from) return 0;
  let total = 0;
  for (let date = localDate(from); instant(date, 0) < to.getTime(); date = addDays(date, 1)) {
    if (isWorkingDay(cal, date)) {
      const start = Math.max(from.getTime(), instant(date, cal.dayStart));
      const end = Math.min(to.getTime(), instant(date, cal.dayEnd));
      if (end > start) total += (end - start) / MIN_MS;
    }
  }
  return Math.round(total);
}

/**
 * The due instant of a time limit starting at `from`. Working days count as whole working-day
 * lengths of working time (3 working days from Friday 10:00 → Wednesday 10:00 when nothing is
 * off in between); calendar hours and days are plain elapsed time.
 */
export function dueAt(cal: WorkCalendar, from: Date, spec: DueSpec): Date {
  const dayLength = cal.dayEnd - cal.dayStart;
  switch (spec.unit) {
    case 'working_hours':
      return addWorkingMinutes(cal, from, Math.round(spec.amount * 60));
    case 'working_days':
      return addWorkingMinutes(cal, from, Math.round(spec.amount * dayLength));
    case 'hours':
      return new Date(from.getTime() + spec.amount * HOUR_MS);
    case 'days':
      return new Date(from.getTime() + spec.amount * DAY_MS);
  }
}
