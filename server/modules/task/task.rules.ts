import { type SqlBool, sql } from 'kysely';
import { type Condition as Cond, column as col, literals as inList } from '../../lib/sql.ts';
import type { TaskStatus } from './task.tables.ts';

/**
 * The task's status rules, each written once: as a SQL condition for the repositories and as a
 * function of a row (docs/servicedesk.md, "Overdue rules").
 *
 * - 逾期 overdue: not cancelled, the due time has passed, and it was not completed by then
 *   (completed after it, or not completed — a reopened task has no completion). Completing
 *   exactly at the due time is on time; a task due exactly now is not overdue yet.
 * - 按时完成 completed on time: completed at or before the due time.
 * - Open: open or in progress. The reminders go out for open tasks: "due" within a day, and
 *   "overdue" for those the list shows as overdue (a task completed late is overdue in the list
 *   and the metric, but nothing is owed any more, so nobody is reminded).
 * - Due in a period (the metrics, the completion rate): counted (see below), due in the period and
 *   already due — a running period counts only what is already due.
 * - 取消 cancelled: a task cancelled by its due time no longer counts. One cancelled after its due time
 *   still counts as not finished on time (a cancellation must not erase a deduction), unless whoever
 *   decided the cancellation said, with a reason, that it does not (`late_excused`).
 * - Open: open, in progress, or waiting for the issuer's decision on a request to cancel (待取消审批).
 */
export const OPEN_TASK: readonly TaskStatus[] = ['open', 'in_progress', 'cancel_requested'];

export interface TaskRuleRow {
  status: TaskStatus;
  due_at: string;
  completed_at: string | null;
  cancelled_at?: string | null;
  late_excused?: number | null;
}

/** 取消 after the due time and not excused: still counts as not finished on time */
export function isCancelledLate(r: TaskRuleRow): boolean {
  return (
    r.status === 'cancelled' &&
    !!r.cancelled_at &&
    r.cancelled_at > r.due_at &&
    Number(r.late_excused ?? 0) !== 1
  );
}
/** the task counts for the metrics and the overdue rule: not cancelled, or cancelled late (above) */
export function isCountedTask(r: TaskRuleRow): boolean {
  return r.status !== 'cancelled' || isCancelledLate(r);
}

export const isOpenTask = (status: TaskStatus) => OPEN_TASK.includes(status);
export function isCompletedOnTime(r: Pick<TaskRuleRow, 'due_at' | 'completed_at'>): boolean {
  return r.completed_at !== null && r.completed_at <= r.due_at;
}
/** 逾期 */
export function isTaskOverdue(r: TaskRuleRow, nowIso: string): boolean {
  return isCountedTask(r) && r.due_at < nowIso && !isCompletedOnTime(r);
}

export function openTaskSql(alias?: string): Cond {
  return sql<SqlBool>`${col(alias, 'status')} in (${inList(OPEN_TASK)})`;
}
export function completedOnTimeSql(alias?: string): Cond {
  return sql<SqlBool>`(${col(alias, 'completed_at')} is not null and ${col(alias, 'completed_at')} <= ${col(alias, 'due_at')})`;
}
export function cancelledLateSql(alias?: string): Cond {
  return sql<SqlBool>`(${col(alias, 'status')} = 'cancelled' and ${col(alias, 'cancelled_at')} is not null and ${col(alias, 'cancelled_at')} > ${col(alias, 'due_at')} and ${col(alias, 'late_excused')} <> 1)`;
}
export function countedTaskSql(alias?: string): Cond {
  return sql<SqlBool>`(${col(alias, 'status')} <> 'cancelled' or ${cancelledLateSql(alias)})`;
}
export function taskOverdueSql(nowIso: string, alias?: string): Cond {
  return sql<SqlBool>`(${countedTaskSql(alias)} and ${col(alias, 'due_at')} < ${nowIso} and not ${completedOnTimeSql(alias)})`;
}
/** counted (not cancelled, or cancelled late), due in [startIso, endIso) and already due at nowIso */
export function dueInSql(startIso: string, endIso: string, nowIso: string, alias?: string): Cond {
  return sql<SqlBool>`(${countedTaskSql(alias)} and ${col(alias, 'due_at')} >= ${startIso} and ${col(alias, 'due_at')} < ${endIso} and ${col(alias, 'due_at')} < ${nowIso})`;
}
