import type { Insertable, Updateable } from 'kysely';
import { type Executor, toNumber } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, projectScope } from '../../lib/actor.ts';
import { offsetOf, type Page } from '../../lib/paging.ts';
import './notify.tables.ts';

// ---- channels ----

export function listChannels(db: Executor, actor: Actor, projectId?: number) {
  let q = db.selectFrom('notify_channel').selectAll().where(projectScope(actor, 'notify_channel.project_id'));
  if (projectId) q = q.where('project_id', '=', projectId);
  return q.orderBy('project_id').orderBy('id').execute();
}

export function findChannel(db: Executor, actor: Actor, id: number) {
  return db
    .selectFrom('notify_channel')
    .selectAll()
    .where('id', '=', id)
    .where(projectScope(actor, 'notify_channel.project_id'))
    .executeTakeFirst();
}

export function insertChannel(db: Executor, row: Insertable<Database['notify_channel']>) {
  return db.insertInto('notify_channel').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates only if the row still has the version the form was opened with; undefined when stale. */
export function updateChannel(
  db: Executor,
  id: number,
  version: number,
  patch: Updateable<Database['notify_channel']>,
) {
  return db
    .updateTable('notify_channel')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** The active channels of these projects (the enqueue step reads them once per check). */
export function activeChannelsOf(db: Executor, projectIds: readonly number[]) {
  if (!projectIds.length) return Promise.resolve([]);
  return db
    .selectFrom('notify_channel')
    .selectAll()
    .where('active', '=', 1)
    .where('project_id', 'in', [...projectIds])
    .execute();
}

export function channelsByIds(db: Executor, ids: readonly number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('notify_channel')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

// ---- the outbox ----

/** Queues messages; one per (channel, event, record) ever: a repeated check adds nothing. */
export async function enqueue(db: Executor, rows: Insertable<Database['notify_outbox']>[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const r = await db
      .insertInto('notify_outbox')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['channel_id', 'event', 'entity', 'entity_id']).doNothing())
      .returning('id')
      .execute();
    added += r.length;
  }
  return added;
}

/** Messages due for an attempt now, oldest first. */
export function dueMessages(db: Executor, nowIso: string, limit: number) {
  return db
    .selectFrom('notify_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', nowIso)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', nowIso)]))
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Takes a message for sending until `until`; false when another sender has it (or it was sent). */
export async function lease(db: Executor, id: number, nowIso: string, until: string): Promise<boolean> {
  const r = await db
    .updateTable('notify_outbox')
    .set({ lease_until: until })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', nowIso)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function recordAttempt(db: Executor, id: number, patch: Updateable<Database['notify_outbox']>) {
  await db
    .updateTable('notify_outbox')
    .set({ ...patch, lease_until: null })
    .where('id', '=', id)
    .execute();
}

export interface DeliveryFilter {
  channelId?: number;
  status?: string;
}

export async function listDeliveries(db: Executor, actor: Actor, f: DeliveryFilter, page: Page) {
  let q = db.selectFrom('notify_outbox').where(projectScope(actor, 'notify_outbox.project_id'));
  if (f.channelId) q = q.where('channel_id', '=', f.channelId);
  if (f.status) q = q.where('status', '=', f.status as never);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(page.pageSize).offset(offsetOf(page)).execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: toNumber(total.n) };
}

/** The latest message of each channel (the list shows how each is doing). */
export function latestOfChannels(db: Executor, channelIds: readonly number[]) {
  if (!channelIds.length) return Promise.resolve([]);
  return db
    .selectFrom('notify_outbox')
    .select(['channel_id', 'status', 'created_at', 'sent_at', 'last_error'])
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('notify_outbox')
        .select((e) => e.fn.max('id').as('id'))
        .where('channel_id', 'in', [...channelIds])
        .groupBy('channel_id'),
    )
    .execute();
}
