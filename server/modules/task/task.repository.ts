import type { Insertable, Updateable } from 'kysely';
import { type Executor, toNumber } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, projectScope } from '../../lib/actor.ts';
import { offsetOf, sortColumn } from '../../lib/paging.ts';
import { asFlag } from '../../lib/sql.ts';
import { addDays, startOfLocalDay } from '../../lib/time.ts';
import { dueInSql, openTaskSql, taskOverdueSql } from './task.rules.ts';
import type { TTaskQuery } from './task.schemas.ts';
import './task.tables.ts';

export const taskCode = (id: number) => `RW${String(id).padStart(6, '0')}`;
const SORTS = { dueAt: 't.due_at', createdAt: 't.created_at', id: 't.id' } as const;

export async function listTasks(db: Executor, actor: Actor, q: TTaskQuery, nowIso: string) {
  let base = db.selectFrom('task as t').where(projectScope(actor, 't.project_id'));
  if (q.projectId) base = base.where('t.project_id', '=', q.projectId);
  if (q.status) base = base.where('t.status', '=', q.status);
  if (q.category) base = base.where('t.category', '=', q.category);
  if (q.assigneeEmployeeId) base = base.where('t.assignee_employee_id', '=', q.assigneeEmployeeId);
  if (q.mine) base = base.where('t.assignee_employee_id', '=', actor.employeeId ?? -1);
  if (q.from) base = base.where('t.due_at', '>=', startOfLocalDay(q.from));
  if (q.to) base = base.where('t.due_at', '<', startOfLocalDay(addDays(q.to, 1)));
  if (q.overdue !== undefined) base = base.where(asFlag(taskOverdueSql(nowIso, 't')), '=', q.overdue ? 1 : 0);
  const page = { page: q.page, pageSize: q.pageSize, sort: q.sort, order: q.order ?? 'desc' };
  const { column, direction } = sortColumn(SORTS, page, 't.due_at');
  const [rows, count] = await Promise.all([
    base
      .selectAll('t')
      .orderBy(column, direction)
      .orderBy('t.id')
      .limit(page.pageSize)
      .offset(offsetOf(page))
      .execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: toNumber(count.n), page: page.page, pageSize: page.pageSize };
}
export function findTask(db: Executor, actor: Actor, id: number) {
  return db
    .selectFrom('task as t')
    .selectAll('t')
    .where(projectScope(actor, 't.project_id'))
    .where('t.id', '=', id)
    .executeTakeFirst();
}
export function insertTask(db: Executor, row: Insertable<Database['task']>) {
  return db.insertInto('task').values(row).returning('id').executeTakeFirstOrThrow();
}
/**
 * Moves a task only if it is still in the status it was read in (a conditional update: of two
 * simultaneous moves exactly one wins). Returns false when another request moved it first.
 */
export async function updateTask(
  db: Executor,
  id: number,
  patch: Updateable<Database['task']>,
  fromStatus: string,
) {
  const r = await db
    .updateTable('task')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', fromStatus as never)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** What the sheet's evidence says of a task besides its times: the cancellation decision, 补录 */
const TRUST_COLUMNS = [
  't.cancelled_at',
  't.cancel_reason',
  't.late_excused',
  't.backfilled',
  't.backfill_reason',
] as const;

/** Tasks of a project due in [startIso, endIso) and already due by `nowIso` (cancelled ones excluded unless they still count as late) */
export function tasksDue(
  db: Executor,
  projectId: number,
  startIso: string,
  endIso: string,
  nowIso: string,
  /** only the tasks given to these employees (the assessee, her team); undefined: the whole project */
  assignees?: readonly number[],
) {
  if (assignees && assignees.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('task as t')
    .select(['t.id', 't.title', 't.category', 't.status', 't.due_at', 't.completed_at', ...TRUST_COLUMNS])
    .where('t.project_id', '=', projectId)
    .where(dueInSql(startIso, endIso, nowIso, 't'));
  if (assignees) q = q.where('t.assignee_employee_id', 'in', [...assignees]);
  return q.orderBy('t.due_at').orderBy('t.id').execute();
}

/** Open tasks due before `beforeIso` (the reminders: due within a day, or overdue) */
export function openTasksDueBefore(db: Executor, beforeIso: string) {
  return db
    .selectFrom('task as t')
    .select([
      't.id',
      't.project_id',
      't.title',
      't.assignee_employee_id',
      't.status',
      't.due_at',
      't.completed_at',
      't.created_by',
    ])
    .where(openTaskSql('t'))
    .where('t.due_at', '<', beforeIso)
    .orderBy('t.id')
    .limit(5000)
    .execute();
}

/** Requests to cancel waiting for the issuer's decision (the issuer's reminder) */
export function cancelRequests(db: Executor) {
  return db
    .selectFrom('task as t')
    .select(['t.id', 't.project_id', 't.title', 't.created_by', 't.cancel_requested_at'])
    .where('t.status', '=', 'cancel_requested')
    .orderBy('t.id')
    .limit(5000)
    .execute();
}
