import { type Insertable, sql } from 'kysely';
import { type Executor, toNumber } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import './reminder.tables.ts';
import '../repair/repair.tables.ts';
import '../complaint/complaint.tables.ts';
import '../task/task.tables.ts';

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

// ---- what is due or overdue, and for whom ----
const OPEN_REPAIR = ['submitted', 'dispatched', 'in_progress', 'reopened'] as const;

/** users of a role assigned to a project */
export function usersOfRole(db: Executor, role: 'supervisor' | 'frontdesk') {
  return db
    .selectFrom('app_user as u')
    .innerJoin('user_project as up', 'up.user_id', 'u.id')
    .select(['u.id', 'up.project_id', 'u.employee_id'])
    .where('u.role', '=', role)
    .where('u.active', '=', 1)
    .execute();
}
export function userIdsOfEmployees(db: Executor) {
  return db
    .selectFrom('app_user')
    .select(['id', 'employee_id'])
    .where('employee_id', 'is not', null)
    .where('active', '=', 1)
    .execute();
}
export function repairsOverdue(db: Executor, nowIso: string) {
  return db
    .selectFrom('repair_order')
    .select([
      'id',
      'project_id',
      'location',
      'assignee_employee_id',
      'complete_due_at',
      'dispatch_due_at',
      'status',
    ])
    .where('status', 'in', OPEN_REPAIR)
    .where((eb) =>
      eb.or([
        eb('complete_due_at', '<', nowIso),
        eb.and([eb('status', '=', 'submitted'), eb('dispatch_due_at', '<', nowIso)]),
      ]),
    )
    .limit(5000)
    .execute();
}
export function repairsWaitingDispatch(db: Executor) {
  return db
    .selectFrom('repair_order')
    .select(['id', 'project_id', 'location', 'dispatch_due_at'])
    .where('status', 'in', ['submitted', 'reopened'])
    .limit(5000)
    .execute();
}
export function repairsAssigned(db: Executor) {
  return db
    .selectFrom('repair_order')
    .select(['id', 'project_id', 'location', 'assignee_employee_id', 'complete_due_at'])
    .where('status', 'in', ['dispatched', 'in_progress'])
    .where('assignee_employee_id', 'is not', null)
    .limit(5000)
    .execute();
}
export function complaintsOverdue(db: Executor, nowIso: string) {
  return db
    .selectFrom('complaint')
    .select(['id', 'project_id', 'complainant_name', 'handler_employee_id', 'response_due_at'])
    .where('status', 'in', ['received', 'handling'])
    .where('responded_at', 'is', null)
    .where('response_due_at', '<', nowIso)
    .limit(5000)
    .execute();
}
export function tasksOpenDueBefore(db: Executor, beforeIso: string) {
  return db
    .selectFrom('task')
    .select(['id', 'project_id', 'title', 'assignee_employee_id', 'due_at', 'created_by'])
    .where('status', 'in', ['open', 'in_progress'])
    .where('due_at', '<', beforeIso)
    .limit(5000)
    .execute();
}
export function submittedReviewKeys(db: Executor, weekStart: string) {
  return db
    .selectFrom('repair_weekly_review')
    .select(['project_id'])
    .where('week_start', '=', weekStart)
    .execute();
}
