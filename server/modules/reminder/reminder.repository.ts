import { type Insertable, sql } from 'kysely';
import { type Executor, toNumber } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import './reminder.tables.ts';

export function listForUser(db: Executor, userId: number, unreadOnly: boolean, limit = 50) {
  let q = db.selectFrom('reminder').selectAll().where('user_id', '=', userId);
  if (unreadOnly) q = q.where('read_at', 'is', null);
  return q.orderBy('id', 'desc').limit(limit).execute();
}
export async function unreadCount(db: Executor, userId: number) {
  const r = await db
    .selectFrom('reminder')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return toNumber(r.n);
}
export async function markRead(db: Executor, userId: number, at: string, id?: number) {
  let q = db
    .updateTable('reminder')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id) q = q.where('id', '=', id);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Inserts reminders, skipping any (user, record, kind) already raised: a check may run again safely. */
export async function insertReminders(db: Executor, rows: Insertable<Database['reminder']>[]) {
  let added = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const r = await db
      .insertInto('reminder')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['user_id', 'entity', 'entity_id', 'kind']).doNothing())
      .returning('id')
      .execute();
    added += r.length;
  }
  return added;
}

/** Claims a job's slot; false when another run (or server) already has it. */
export async function claimSlot(db: Executor, job: string, slot: string, at: string) {
  const r = await db
    .insertInto('scheduler_run')
    .values({ job, slot, started_at: at, finished_at: null, result: null })
    .onConflict((oc) => oc.columns(['job', 'slot']).doNothing())
    .returning('job')
    .execute();
  return r.length === 1;
}
export async function finishSlot(db: Executor, job: string, slot: string, at: string, result: string) {
  await db
    .updateTable('scheduler_run')
    .set({ finished_at: at, result })
    .where('job', '=', job)
    .where('slot', '=', slot)
    .execute();
}
/** PostgreSQL: a transaction-scoped advisory lock, so concurrent servers never run a check together */
export async function tryAdvisoryLock(db: Executor, key: number) {
  const r = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${key}) as ok`.execute(db);
  return r.rows[0]?.ok === true;
}
