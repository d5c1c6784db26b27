import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayjs,
  daysBetween,
  formatLocal,
  inclusiveDateRange,
  inclusiveLabel,
  isoWeekday,
  localDate,
  localDateTime,
  localHour,
  mondayOf,
  startOfLocalDay,
  weekRange,
  ZONE,
} from './time.ts';

describe('time (Asia/Shanghai)', () => {
  it('gives the local date of an instant, which changes at 16:00 UTC', () => {
    expect(localDate('2026-11-30T15:59:59.999Z')).toBe('2026-11-30');
    expect(localDate('2026-11-30T16:00:00.000Z')).toBe('2026-12-01');
    expect(localHour('2026-11-30T16:00:00.000Z')).toBe(0);
  });
  it('starts a local day at 00:00+08:00', () => {
    expect(startOfLocalDay('2026-12-01')).toBe('2026-11-30T16:00:00.000Z');
    expect(localDateTime('2026-12-01', 9 * 60 + 30).toISOString()).toBe('2026-12-01T01:30:00.000Z');
  });
  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-25', '2027-01-02')).toBe(8);
  });
  it('finds the Monday of a week', () => {
    expect(mondayOf('2026-12-03')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(isoWeekday('2026-12-06')).toBe(7);
  });
  it('keeps ranges half-open in code and inclusive for people', () => {
    expect(inclusiveDateRange('2026-11-01', '2026-11-30')).toEqual({
      startAt: '2026-10-31T16:00:00.000Z',
      endAt: '2026-11-30T16:00:00.000Z',
    });
    expect(weekRange('2026-11-30')).toMatchObject({ end: '2026-12-07', last: '2026-12-06' });
    expect(inclusiveLabel('2026-11-01', '2026-12-01')).toBe('2026-11-01 至 2026-11-30');
  });
  it('formats instants in local time', () => {
    expect(formatLocal('2026-11-30T16:05:00Z')).toBe('2026-12-01 00:05');
    expect(formatLocal(null)).toBe('');
    // the default format's fast path gives what dayjs gives
    for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 7_777_777) {
      const at = new Date(t).toISOString();
      expect(formatLocal(at)).toBe(dayjs(at).tz(ZONE).format('YYYY-MM-DD HH:mm'));
    }
  });
});
