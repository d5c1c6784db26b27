/**
 * China's statutory holidays (法定节假日) and adjusted working days (调休上班), as shipped.
 * 2026: the State Council's notice (国办发明电〔2025〕7号).
 * 2027: our best estimate — the admin must confirm or correct it when the State Council
 * publishes the 2027 schedule (usually in November 2026); edits are rows in `calendar_day`.
 */
import { addDays } from '../../lib/time.ts';

export interface CalendarDaySeed {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

function range(from: string, to: string, kind: CalendarDaySeed['kind'], name: string): CalendarDaySeed[] {
  const out: CalendarDaySeed[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) out.push({ date, kind, name });
  return out;
}

export const HOLIDAYS_2026: CalendarDaySeed[] = [
  ...range('2026-01-01', '2026-01-03', 'holiday', '元旦'),
  { date: '2026-01-04', kind: 'workday', name: '元旦调休上班' },
  ...range('2026-02-15', '2026-02-23', 'holiday', '春节'),
  { date: '2026-02-14', kind: 'workday', name: '春节调休上班' },
  { date: '2026-02-28', kind: 'workday', name: '春节调休上班' },
  ...range('2026-04-04', '2026-04-06', 'holiday', '清明节'),
  ...range('2026-05-01', '2026-05-05', 'holiday', '劳动节'),
  { date: '2026-05-09', kind: 'workday', name: '劳动节调休上班' },
  ...range('2026-06-19', '2026-06-21', 'holiday', '端午节'),
  ...range('2026-09-25', '2026-09-27', 'holiday', '中秋节'),
  ...range('2026-10-01', '2026-10-07', 'holiday', '国庆节'),
  { date: '2026-09-20', kind: 'workday', name: '国庆节调休上班' },
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' },
];

/** Provisional (待国务院公布后由管理员确认). */
export const HOLIDAYS_2027: CalendarDaySeed[] = [
  ...range('2027-01-01', '2027-01-03', 'holiday', '元旦'),
  ...range('2027-02-05', '2027-02-13', 'holiday', '春节'),
  { date: '2027-02-14', kind: 'workday', name: '春节调休上班' },
  ...range('2027-04-03', '2027-04-05', 'holiday', '清明节'),
  ...range('2027-05-01', '2027-05-05', 'holiday', '劳动节'),
  { date: '2027-04-25', kind: 'workday', name: '劳动节调休上班' },
  { date: '2027-05-08', kind: 'workday', name: '劳动节调休上班' },
  ...range('2027-06-09', '2027-06-11', 'holiday', '端午节'),
  { date: '2027-06-12', kind: 'workday', name: '端午节调休上班' },
  ...range('2027-09-15', '2027-09-17', 'holiday', '中秋节'),
  { date: '2027-09-18', kind: 'workday', name: '中秋节调休上班' },
  ...range('2027-10-01', '2027-10-07', 'holiday', '国庆节'),
  { date: '2027-09-26', kind: 'workday', name: '国庆节调休上班' },
  { date: '2027-10-09', kind: 'workday', name: '国庆节调休上班' },
];

export const SHIPPED_CALENDAR: CalendarDaySeed[] = [...HOLIDAYS_2026, ...HOLIDAYS_2027];
