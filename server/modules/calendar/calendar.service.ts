import type { DB, Executor } from '../../db/database.ts';
import { type Actor, requireRole } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { type Clock, isoNow, systemClock } from '../../lib/time.ts';
import * as repo from './calendar.repository.ts';
import { calendarOf, type DueSpec, dueAt, type WorkCalendar } from './working-time.ts';

/**
 * Loads the working calendar from the database. Cached per process for a minute: the table
 * is tiny and changes a few times a year; an edit clears this server's cache at once and the
 * others' within a minute.
 */
let cache = new WeakMap<Executor, { at: number; calendar: WorkCalendar }>();
export async function loadCalendar(db: Executor): Promise<WorkCalendar> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < 60_000) return hit.calendar;
  const calendar = calendarOf(await repo.listDays(db));
  cache.set(db, { at: Date.now(), calendar });
  return calendar;
}
export function clearCalendarCache() {
  cache = new WeakMap();
}

/** The due instant of a limit, on the stored calendar. */
export async function computeDue(db: Executor, from: Date, spec: DueSpec): Promise<Date> {
  return dueAt(await loadCalendar(db), from, spec);
}

/** What other modules use of the calendar, passed to them by app.ts */
export interface CalendarFunctions {
  computeDue: typeof computeDue;
  loadCalendar: typeof loadCalendar;
  /** due time on an already loaded calendar (several due times in one action) */
  dueAt: typeof dueAt;
}

export type CalendarService = ReturnType<typeof createCalendarService>;

export function createCalendarService({ db, clock = systemClock }: { db: DB; clock?: Clock }) {
  return {
    async listDays(_actor: Actor, year: number) {
      return (await repo.listDays(db, `${year}-01-01`, `${year + 1}-01-01`)).map((d) => ({
        date: d.date,
        kind: d.kind,
        name: d.name,
      }));
    },
    /** 管理员 sets a day as holiday or adjusted working day (调休), e.g. when the State Council publishes */
    async setDay(actor: Actor, input: { date: string; kind: 'holiday' | 'workday'; name: string }) {
      requireRole(actor);
      await db.transaction().execute(async (trx) => {
        const before = await repo.findDay(trx, input.date);
        await repo.upsertDay(trx, { ...input, updated_at: isoNow(clock) });
        await writeAudit(trx, actor, {
          entity: 'calendar_day',
          entityId: input.date,
          action: before ? 'update' : 'create',
          before,
          after: input,
        });
      });
      clearCalendarCache();
      return input;
    },
    /** Back to the Monday–Friday rule for that date */
    async clearDay(actor: Actor, date: string) {
      requireRole(actor);
      await db.transaction().execute(async (trx) => {
        const before = await repo.findDay(trx, date);
        await repo.deleteDay(trx, date);
        await writeAudit(trx, actor, { entity: 'calendar_day', entityId: date, action: 'delete', before });
      });
      clearCalendarCache();
    },
    async due(_actor: Actor, from: string, spec: DueSpec) {
      return { dueAt: (await computeDue(db, new Date(from), spec)).toISOString() };
    },
  };
}
