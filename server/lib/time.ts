import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const ZONE = 'Asia/Shanghai';

/** A clock services receive, so tests can fix the time. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export function isoNow(clock: Clock = systemClock): string {
  return clock.now().toISOString();
}

/** Today's date in China, 'YYYY-MM-DD'. */
export function localDate(at: Date = new Date()): string {
  return dayjs(at).tz(ZONE).format('YYYY-MM-DD');
}

export { dayjs };
