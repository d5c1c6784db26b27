import { Type } from '@sinclair/typebox';
import { type App, actorOf } from '../../lib/http.ts';
import { Id, ZOk } from '../../lib/schemas.ts';
import { ZReminderCount, ZReminderList, ZRemindersReadAll } from './reminder.schemas.ts';
import type { ReminderService } from './reminder.service.ts';

export function reminderRoutes(app: App, reminders: ReminderService): void {
  const tags = ['reminder'];
  app.get(
    '/reminders',
    {
      schema: {
        tags,
        summary: '我的提醒',
        querystring: Type.Object({ unread: Type.Optional(Type.Boolean()) }),
        response: { 200: ZReminderList },
      },
    },
    (req) => reminders.list(actorOf(req), req.query.unread === true),
  );
  app.get(
    '/reminders/count',
    { schema: { tags, summary: '未读提醒数（铃铛）', response: { 200: ZReminderCount } } },
    (req) => reminders.count(actorOf(req)),
  );
  app.post('/reminders/read-all', { schema: { tags, response: { 200: ZRemindersReadAll } } }, (req) =>
    reminders.readAll(actorOf(req)),
  );
  app.post(
    '/reminders/:id/read',
    {
      schema: {
        tags,
        params: Type.Object({ id: Id() }),
        response: { 200: ZOk },
      },
    },
    (req) => reminders.read(actorOf(req), req.params.id),
  );
}
