import type { Executor } from '../../db/database.ts';
import {
  completionLateNowSql,
  dispatchLateNowSql,
  dispatchOverdueSql,
  openSql,
  overdueSql,
  waitingForDispatchSql,
} from './repair.rules.ts';
import './repair.tables.ts';

/* The repair orders' SQL for the scheduler's check (overdue marks, reminders) and the assessment's counts. */

// ---- overdue marks and reminders (the scheduler's check) ----
/** Records the marks of orders whose limits passed while the work was owed (repair.rules.ts) */
export async function markOverdue(db: Executor, nowIso: string) {
  const d = await db
    .updateTable('repair_order')
    .set({ dispatch_overdue: 1 })
    .where('dispatch_overdue', '=', 0)
    .where(dispatchLateNowSql(nowIso))
    .executeTakeFirst();
  const c = await db
    .updateTable('repair_order')
    .set({ complete_overdue: 1 })
    .where('complete_overdue', '=', 0)
    .where(completionLateNowSql(nowIso))
    .executeTakeFirst();
  return Number(d.numUpdatedRows) + Number(c.numUpdatedRows);
}
const REMINDER_LIMIT = 5000;
export function ordersWaitingForDispatch(db: Executor) {
  return db
    .selectFrom('repair_order as r')
    .select(['r.id', 'r.project_id', 'r.location', 'r.dispatch_due_at'])
    .where(waitingForDispatchSql('r'))
    .limit(REMINDER_LIMIT)
    .execute();
}
export function ordersAssigned(db: Executor) {
  return db
    .selectFrom('repair_order as r')
    .select(['r.id', 'r.project_id', 'r.location', 'r.assignee_employee_id', 'r.complete_due_at'])
    .where('r.status', 'in', ['dispatched', 'in_progress'])
    .where('r.assignee_employee_id', 'is not', null)
    .limit(REMINDER_LIMIT)
    .execute();
}
/** Open orders that are overdue (超时), for the supervisors' reminders */
export function openOrdersOverdue(db: Executor, nowIso: string) {
  return db
    .selectFrom('repair_order as r')
    .select([
      'r.id',
      'r.project_id',
      'r.location',
      'r.assignee_employee_id',
      'r.status',
      'r.dispatch_due_at',
      'r.complete_due_at',
      'r.dispatch_overdue',
      'r.complete_overdue',
    ])
    .where(openSql('r'))
    .where(overdueSql(nowIso, 'r'))
    .orderBy('r.id')
    .limit(REMINDER_LIMIT)
    .execute();
}
// ---- metrics ----
/** 2.5 orders created in the period and not dispatched within their limit (late, or still waiting past it) */
export function ordersNotDispatchedInTime(
  db: Executor,
  projectId: number,
  startIso: string,
  endIso: string,
  nowIso: string,
) {
  return db
    .selectFrom('repair_order as r')
    .select([
      'r.id',
      'r.location',
      'r.created_at',
      'r.dispatch_due_at',
      'r.dispatched_at',
      'r.backfilled',
      'r.backfill_reason',
    ])
    .where('r.project_id', '=', projectId)
    .where('r.created_at', '>=', startIso)
    .where('r.created_at', '<', endIso)
    .where(dispatchOverdueSql(nowIso, 'r'))
    .orderBy('r.id')
    .execute();
}
