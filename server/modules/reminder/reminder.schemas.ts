import { type Static, Type } from '@sinclair/typebox';

const NStr = Type.Union([Type.String(), Type.Null()]);

export const ZReminder = Type.Object({
  id: Type.Integer(),
  /** the record it is about: repair_order, complaint, task, repair_weekly_review */
  entity: Type.String(),
  entityId: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  dueAt: NStr,
  createdAt: Type.String(),
  read: Type.Boolean(),
});
export type TReminder = Static<typeof ZReminder>;
export const ZReminderList = Type.Object({ unread: Type.Integer(), items: Type.Array(ZReminder) });
export type TReminderList = Static<typeof ZReminderList>;
export const ZReminderCount = Type.Object({ unread: Type.Integer() });
export type TReminderCount = Static<typeof ZReminderCount>;
export const ZRemindersReadAll = Type.Object({ updated: Type.Integer() });
