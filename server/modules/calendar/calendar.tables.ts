/** 工作日历: a day that differs from the Monday–Friday rule (a holiday, or a 调休 working weekend day). */
export interface CalendarDayTable {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  updated_at: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    calendar_day: CalendarDayTable;
  }
}
