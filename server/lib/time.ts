/**
 * The one home of date arithmetic. PropDesk stores instants as UTC ISO-8601 strings and people
 * think in Asia/Shanghai calendar dates ('YYYY-MM-DD'). China has had no daylight-saving time
 * since 1991, so a local day is always [date 00:00+08:00, next date 00:00+08:00).
 *
 * Conventions (use these, never write `+ 8 * 3_600_000` or `T00:00:00+08:00` elsewhere):
 * - In code a range is half-open: `{ startAt, endAt }` instants with start ≤ t < end, or dates
 *   with `from ≤ d < to`.
 * - Shown to people a range is inclusive: "2026-11-01 至 2026-11-30" (`inclusiveLabel`).
 * - A week starts on Monday (`mondayOf`), as the weekly repair review does.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** A clock services receive, so tests can fix the time. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export function isoNow(clock: Clock = systemClock): string {
  return clock.now().toISOString();
}

/** An instant as a Date (ISO string, epoch ms or Date). */
function toDate(at: Date | string | number): Date {
  return at instanceof Date ? at : new Date(at);
}

/** The local (Asia/Shanghai) calendar date of an instant, 'YYYY-MM-DD'. */
export function localDate(at: Date | string | number = new Date()): string {
  return new Date(toDate(at).getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The local hour (0–23) of an instant. */
export function localHour(at: Date | string | number): number {
  return new Date(toDate(at).getTime() + OFFSET_MS).getUTCHours();
}

/** The instant a local date begins (00:00 Asia/Shanghai), as an ISO string. */
export function startOfLocalDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS).toISOString();
}

/** The instant `minutes` after a local date's midnight, as a Date. */
export function localDateTime(date: string, minutes = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + minutes * 60_000);
}

/** A date `n` calendar days after (or before, n < 0) another. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (to − from). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The Monday of the week a local date falls in. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

/** Day of the week of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

export interface InstantRange {
  /** first instant inside the range */
  startAt: string;
  /** first instant after the range */
  endAt: string;
}

/** Local dates from ≤ d < to as instants [from 00:00, to 00:00). */
export function dateRange(from: string, to: string): InstantRange {
  return { startAt: startOfLocalDay(from), endAt: startOfLocalDay(to) };
}

/** The local dates first ≤ d ≤ last (both inclusive, as people write them) as instants. */
export function inclusiveDateRange(first: string, last: string): InstantRange {
  return dateRange(first, addDays(last, 1));
}

/** The week beginning on `monday`: dates [monday, monday + 7) and its instants. */
export function weekRange(monday: string) {
  const end = addDays(monday, 7);
  return { start: monday, end, last: addDays(monday, 6), ...dateRange(monday, end) };
}

/** How people read a half-open date range: "2026-11-01 至 2026-11-30". */
export function inclusiveLabel(from: string, toExclusive: string): string {
  return `${from} 至 ${addDays(toExclusive, -1)}`;
}

/** An instant shown in Asia/Shanghai: 'YYYY-MM-DD HH:mm' ('' for none). */
export function formatLocal(at: Date | string | null | undefined, format = 'YYYY-MM-DD HH:mm'): string {
  if (at === null || at === undefined || at === '') return '';
  // the default format by arithmetic: dayjs' tz() costs ~170 µs a call, too slow for long exports
  if (format === 'YYYY-MM-DD HH:mm') {
    return new Date(toDate(at).getTime() + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
  }
  return dayjs(toDate(at)).tz(ZONE).format(format);
}

export { dayjs };
