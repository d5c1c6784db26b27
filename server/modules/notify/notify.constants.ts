/** 消息通道 outbound channels: where PropDesk tells people outside the app. */
export const CHANNEL_KINDS = ['wecom', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * What a channel may subscribe to: the reminder centre's due items, as `<entity>.<kind>` of the
 * reminder sources (server/reminders.ts). A new reminder kind becomes an event by a line here.
 */
export const NOTIFY_EVENTS = [
  'repair_order.due',
  'repair_order.overdue',
  'complaint.overdue',
  'task.due',
  'task.overdue',
  'repair_weekly_review.review_due',
  // business events the modules emit in their transactions (server/lib/events.ts)
  'complaint.received',
  'assessment.published',
  'assessment_appeal.decided',
] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Attempts before a message is given up (status failed), and the first wait; each retry doubles it. */
export const MAX_ATTEMPTS = 8;
export const RETRY_BASE_SECONDS = 60;
export const RETRY_MAX_SECONDS = 3600;
