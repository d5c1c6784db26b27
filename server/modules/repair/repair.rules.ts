import { type SqlBool, sql } from 'kysely';
import { type Condition as Cond, column as col, literals as inList } from '../../lib/sql.ts';
import type { RepairStatus } from './repair.tables.ts';
import { OPEN_STATUSES } from './repair.transitions.ts';

/**
 * The repair order's status rules, each written once: as a SQL condition for the repositories
 * (list filter, reminders, metrics, the scheduler's marks) and as a function of a row for code
 * that already holds the row (the list's `overdue` flag, the detail). docs/servicedesk.md,
 * "Overdue rules", says the same for people.
 *
 * Before they lived here, the list, the reminders and the metric each had their own and
 * disagreed on the same data:
 * - the list's `overdue` ignored an order still waiting past its dispatch limit until the
 *   scheduler had marked it;
 * - the reminders ignored the marks: an open order dispatched late, or completed late and then
 *   reopened, was overdue in the list but never reminded;
 * - the dispatch metric (rule 2.5) counted an order cancelled after its dispatch limit without a
 *   dispatch, which the list and the detail showed as on time unless the scheduler had run in
 *   between (cancelling set no mark);
 * - the detail's `overdue` was always false.
 *
 * The decision:
 * - 待派工 waiting for dispatch: submitted or reopened (a dispatch is the next move).
 * - 派工超时 dispatch overdue: the first dispatch came after the dispatch limit, or the limit
 *   has passed with no dispatch and no cancellation before it. A reopened order was dispatched
 *   before and gets no new dispatch limit, so it is never dispatch-overdue for the new wait.
 * - 完成超时 completion overdue: the work was owed past the completion limit — completed after
 *   it, cancelled after it, or still open (submitted, dispatched, in progress, reopened) with the
 *   limit passed. Reopening sets a new limit, but a late completion before it stays on record.
 * - 超时 overdue: either of the two. The list's filter and flag, the detail and the supervisor's
 *   reminders (for open orders) all mean this.
 * - "Late" is strictly after: a dispatch or completion exactly at its limit is on time, and an
 *   order whose limit is exactly now is not overdue yet.
 *
 * How: the moves that happen late record it (`dispatch_overdue`, `complete_overdue`, set by
 * dispatch, complete and cancel in repair.service.ts; the scheduler's check sets them for open
 * orders past their limits). A rule is "marked, or owed now and past the limit", so it holds at
 * any instant, whether or not the scheduler has run. The stored marks let the list compute its
 * flag from columns it already reads (docs/servicedesk.md, Performance).
 */

/** 待派工: the states whose next move is a dispatch */
export const WAITING_FOR_DISPATCH: readonly RepairStatus[] = ['submitted', 'reopened'];

/** The columns the rules read, as a row holds them. */
export interface RepairRuleRow {
  status: RepairStatus;
  dispatch_due_at: string;
  complete_due_at: string;
  dispatch_overdue: number | boolean;
  complete_overdue: number | boolean;
}

const marked = (v: number | boolean) => Number(v) === 1;
const isOpen = (status: RepairStatus) => OPEN_STATUSES.includes(status);

// ---- as functions of a row ----
export function isWaitingForDispatch(status: RepairStatus): boolean {
  return WAITING_FOR_DISPATCH.includes(status);
}
/** Still waiting for its first dispatch with the limit passed (what the scheduler marks) */
export function isDispatchLateNow(r: Pick<RepairRuleRow, 'status' | 'dispatch_due_at'>, nowIso: string) {
  return r.status === 'submitted' && r.dispatch_due_at < nowIso;
}
/** Work still owed with the completion limit passed (what the scheduler marks) */
export function isCompletionLateNow(r: Pick<RepairRuleRow, 'status' | 'complete_due_at'>, nowIso: string) {
  return isOpen(r.status) && r.complete_due_at < nowIso;
}
/** 派工超时 */
export function isDispatchOverdue(r: RepairRuleRow, nowIso: string): boolean {
  return marked(r.dispatch_overdue) || isDispatchLateNow(r, nowIso);
}
/** 完成超时 */
export function isCompletionOverdue(r: RepairRuleRow, nowIso: string): boolean {
  return marked(r.complete_overdue) || isCompletionLateNow(r, nowIso);
}
/** 超时: the list's flag and filter, the detail, the supervisor's reminders */
export function isOverdue(r: RepairRuleRow, nowIso: string): boolean {
  return isDispatchOverdue(r, nowIso) || isCompletionOverdue(r, nowIso);
}
/** Completion overdue as it stood at an instant (the weekly review: as of the week's end) */
export function wasCompletionOverdueAt(
  r: { completed_at: string | null; complete_due_at: string },
  atIso: string,
): boolean {
  return r.completed_at !== null && r.completed_at < atIso
    ? r.completed_at > r.complete_due_at
    : r.complete_due_at < atIso;
}
/** The marks a move made at `atIso` records (dispatch, complete, cancel) */
export function marksOfMove(
  before: RepairRuleRow & { dispatched_at: string | null },
  action: 'dispatch' | 'complete' | 'cancel',
  atIso: string,
): Partial<Pick<RepairRuleRow, 'dispatch_overdue' | 'complete_overdue'>> {
  const marks: { dispatch_overdue?: number; complete_overdue?: number } = {};
  const firstDispatchLate = before.dispatched_at === null && atIso > before.dispatch_due_at;
  if ((action === 'dispatch' || action === 'cancel') && firstDispatchLate) marks.dispatch_overdue = 1;
  const owedLate = atIso > before.complete_due_at;
  if ((action === 'complete' || (action === 'cancel' && isOpen(before.status))) && owedLate)
    marks.complete_overdue = 1;
  return marks;
}

// ---- as SQL conditions, for a table alias (or none) ----

/** `nowIso` is bound as a parameter (a placeholder in prepared queries) */
export function waitingForDispatchSql(alias?: string): Cond {
  return sql<SqlBool>`${col(alias, 'status')} in (${inList(WAITING_FOR_DISPATCH)})`;
}
export function dispatchLateNowSql(nowIso: string, alias?: string): Cond {
  return sql<SqlBool>`(${col(alias, 'status')} = 'submitted' and ${col(alias, 'dispatch_due_at')} < ${nowIso})`;
}
export function completionLateNowSql(nowIso: string, alias?: string): Cond {
  return sql<SqlBool>`(${col(alias, 'status')} in (${inList(OPEN_STATUSES)}) and ${col(alias, 'complete_due_at')} < ${nowIso})`;
}
export function dispatchOverdueSql(nowIso: string, alias?: string): Cond {
  return sql<SqlBool>`(${col(alias, 'dispatch_overdue')} = 1 or ${dispatchLateNowSql(nowIso, alias)})`;
}
export function completionOverdueSql(nowIso: string, alias?: string): Cond {
  return sql<SqlBool>`(${col(alias, 'complete_overdue')} = 1 or ${completionLateNowSql(nowIso, alias)})`;
}
export function overdueSql(nowIso: string, alias?: string): Cond {
  return sql<SqlBool>`(${dispatchOverdueSql(nowIso, alias)} or ${completionOverdueSql(nowIso, alias)})`;
}
export function openSql(alias?: string): Cond {
  return sql<SqlBool>`${col(alias, 'status')} in (${inList(OPEN_STATUSES)})`;
}
