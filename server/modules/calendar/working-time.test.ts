import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLocal } from '../../lib/time.ts';
import { SHIPPED_CALENDAR } from './calendar.holidays.ts';
import { calendarOf, dueAt, isWorkingDay, localDateOf, workingMinutesBetween } from './working-time.ts';

const cal = calendarOf(SHIPPED_CALENDAR);
/** a local Shanghai time as an instant */
const at = (local: string) => new Date(`${local}:00+08:00`);
const local = (d: Date) => formatLocal(d);

describe('working calendar', () => {
  it('knows weekends, statutory holidays and adjusted working days of 2026', () => {
    expect(isWorkingDay(cal, '2026-11-27')).toBe(true); // Friday
    expect(isWorkingDay(cal, '2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay(cal, '2026-10-01')).toBe(false); // 国庆节, a Thursday
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true); // 调休 Saturday
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true); // 春节调休 Saturday
    expect(isWorkingDay(cal, '2026-02-16')).toBe(false); // 除夕
  });

  it('takes "within 2 working hours" from Friday 16:30 to Monday 09:30 across the weekend', () => {
    const due = dueAt(cal, at('2026-11-27T16:30'), { amount: 2, unit: 'working_hours' });
    expect(local(due)).toBe('2026-11-30 09:30');
  });

  it('starts a limit reported after hours at the next working morning', () => {
    expect(local(dueAt(cal, at('2026-11-26T20:00'), { amount: 2, unit: 'working_hours' }))).toBe(
      '2026-11-27 10:30',
    );
    expect(local(dueAt(cal, at('2026-11-28T11:00'), { amount: 1, unit: 'working_hours' }))).toBe(
      '2026-11-30 09:30',
    );
  });

  it('skips the National Day holiday and counts the adjusted Saturday 10 October as working', () => {
    // Wednesday 30 September 15:30 + 1 working day (9 h) → 2 h left on 30 Sep, 7 h on Thursday 8 Oct
    const due = dueAt(cal, at('2026-09-30T15:30'), { amount: 1, unit: 'working_days' });
    expect(local(due)).toBe('2026-10-08 15:30');
    // Friday 9 October 10:00 + 1 working day → Saturday 10 October 10:00 (调休上班)
    expect(local(dueAt(cal, at('2026-10-09T10:00'), { amount: 1, unit: 'working_days' }))).toBe(
      '2026-10-10 10:00',
    );
  });

  it('counts the adjusted Sunday 20 September as a working day', () => {
    // Saturday 19 Sep 12:00 + 2 working hours → Sunday 20 Sep 10:30
    expect(local(dueAt(cal, at('2026-09-19T12:00'), { amount: 2, unit: 'working_hours' }))).toBe(
      '2026-09-20 10:30',
    );
  });

  it('takes "within 3 working days" from Friday 10:00 to Wednesday 10:00', () => {
    expect(local(dueAt(cal, at('2026-11-20T10:00'), { amount: 3, unit: 'working_days' }))).toBe(
      '2026-11-25 10:00',
    );
  });

  it('ends a limit that fills a day exactly at that day’s close, not the next morning', () => {
    expect(local(dueAt(cal, at('2026-11-23T08:30'), { amount: 1, unit: 'working_days' }))).toBe(
      '2026-11-23 17:30',
    );
  });

  it('adds calendar time plainly, holidays or not', () => {
    expect(local(dueAt(cal, at('2026-09-30T15:30'), { amount: 24, unit: 'hours' }))).toBe('2026-10-01 15:30');
    expect(local(dueAt(cal, at('2026-09-30T15:30'), { amount: 2, unit: 'days' }))).toBe('2026-10-02 15:30');
  });

  it('honours an admin edit: a new holiday moves the due time', () => {
    const edited = calendarOf([...SHIPPED_CALENDAR, { date: '2026-11-30', kind: 'holiday' }]);
    expect(local(dueAt(edited, at('2026-11-27T16:30'), { amount: 2, unit: 'working_hours' }))).toBe(
      '2026-12-01 09:30',
    );
  });

  it('gives the local date in Asia/Shanghai', () => {
    expect(localDateOf(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28');
  });

  it('measures back exactly the working minutes it added (property)', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 700 * 24 * 60 }),
        fc.integer({ min: 1, max: 9 * 60 * 40 }),
        (offsetMin, minutes) => {
          const from = new Date(start + offsetMin * 60_000);
          const due = dueAt(cal, from, { amount: minutes / 60, unit: 'working_hours' });
          expect(due.getTime()).toBeGreaterThan(from.getTime());
          expect(workingMinutesBetween(cal, from, due)).toBe(minutes);
          expect(isWorkingDay(cal, localDateOf(new Date(due.getTime() - 1)))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
