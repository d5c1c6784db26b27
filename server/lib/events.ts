import type { Executor } from '../db/database.ts';

/**
 * A business event other modules may tell people outside the app about (消息通道): a module calls `emit` in
 * the transaction of the action, and the message channels queue it in their outbox (sent after commit).
 * Like metrics and reminders, the emitting module knows no channel: app.ts passes the notify module's
 * `emit` in as a dependency.
 */
export interface OutboundEvent {
  projectId: number;
  /** one of the notify module's NOTIFY_EVENTS, e.g. 'assessment.published' */
  event: string;
  /** the record, as the web links it */
  entity: string;
  entityId: number | string;
  /** what the message says, in Chinese */
  text: string;
}

export type EmitEvent = (exec: Executor, event: OutboundEvent) => Promise<void>;

/** For modules built without channels (tests of one module, the CLI). */
export const noEvents: EmitEvent = async () => {};
