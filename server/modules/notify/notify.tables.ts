import type { Generated } from 'kysely';
import type { ChannelKind, DeliveryStatus } from './notify.constants.ts';

/** 消息通道 one outbound channel of a project: a WeCom group robot or a list of e-mail addresses. */
export interface NotifyChannelTable {
  id: Generated<number>;
  project_id: number;
  kind: ChannelKind;
  name: string;
  /** the robot's webhook URL (a secret: its key is in it; never returned whole) or e-mail addresses */
  target: string;
  /** the events it hears, a JSON array of NOTIFY_EVENTS */
  events: string;
  active: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

/**
 * 发件箱 one message to one channel, written in the transaction that raised it and sent after commit,
 * so nothing is lost while a channel is down; unique per (channel, event, record): never sent twice.
 * Its attempts, last error and times are the delivery log.
 */
export interface NotifyOutboxTable {
  id: Generated<number>;
  channel_id: number;
  project_id: number;
  event: string;
  entity: string;
  entity_id: string;
  text: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string;
  /** a sender holds the row until then: two servers never send the same message */
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    notify_channel: NotifyChannelTable;
    notify_outbox: NotifyOutboxTable;
  }
}
