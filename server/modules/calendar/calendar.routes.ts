import { Type } from '@sinclair/typebox';
import { type App, actorOf } from '../../lib/http.ts';
import { DateString, ZOk } from '../../lib/schemas.ts';
import { ZCalendarDay, ZCalendarDayInput, ZDue, ZDueUnit } from './calendar.schemas.ts';
import type { CalendarService } from './calendar.service.ts';

export function calendarRoutes(app: App, calendar: CalendarService): void {
  const tags = ['calendar'];
  app.get(
    '/calendar/days',
    {
      schema: {
        tags,
        summary: '工作日历：节假日与调休',
        querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        response: { 200: Type.Array(ZCalendarDay) },
      },
    },
    (req) => calendar.listDays(actorOf(req), req.query.year),
  );
  app.put(
    '/calendar/days/:date',
    {
      schema: {
        tags,
        params: Type.Object({ date: DateString() }),
        body: ZCalendarDayInput,
        response: { 200: ZCalendarDay },
      },
    },
    (req) => calendar.setDay(actorOf(req), { date: req.params.date, ...req.body }),
  );
  app.delete(
    '/calendar/days/:date',
    { schema: { tags, params: Type.Object({ date: DateString() }), response: { 200: ZOk } } },
    async (req) => {
      await calendar.clearDay(actorOf(req), req.params.date);
      return { ok: true };
    },
  );
  app.get(
    '/calendar/due',
    {
      schema: {
        tags,
        summary: '按工作时间或日历时间计算截止时间',
        querystring: Type.Object({
          from: Type.String({ format: 'date-time' }),
          amount: Type.Number({ minimum: 0, maximum: 1000 }),
          unit: ZDueUnit,
        }),
        response: { 200: ZDue },
      },
    },
    (req) => calendar.due(actorOf(req), req.query.from, { amount: req.query.amount, unit: req.query.unit }),
  );
}
