import { type SqlBool, sql } from 'kysely';
import { type Condition as Cond, column as col, literals as inList } from '../../lib/sql.ts';
import type { ComplaintStatus } from './complaint.tables.ts';

/**
 * The complaint's status rules, each written once: as a SQL condition for the repositories and
 * as a function of a row (docs/servicedesk.md, "Overdue rules").
 *
 * - 响应超时 overdue: the first response (the first handling record or the resolution) came
 *   after the response deadline, or the deadline has passed with no response while the complaint
 *   is received or being handled, or it was withdrawn (撤销) unanswered after the deadline.
 *   A response exactly at the deadline is on time. There is no separate resolution deadline.
 * - Open (awaiting the complainant's answer or a resolution): received or handling. The
 *   reminders go out for open complaints that are overdue — the same ones the list shows as
 *   overdue among the open ones. Before, the reminders ignored the mark, so a complaint answered
 *   late and still being handled was overdue in the list but never reminded, and a withdrawal
 *   after the deadline set no mark.
 * - Received in a period: created in it, withdrawn ones too (a complaint was made) — the
 *   complaint rate (投诉率) and the rate page.
 * - Handled improperly in a period: marked 处理不当 in it.
 *
 * The late move records it (`response_overdue`: record, resolve, cancel in complaint.service.ts;
 * the scheduler's check for open complaints past their deadline), so a rule is "marked, or
 * unanswered now and past the deadline", whether or not the scheduler has run.
 */
export const OPEN_COMPLAINT: readonly ComplaintStatus[] = ['received', 'handling'];

export interface ComplaintRuleRow {
  status: ComplaintStatus;
  response_due_at: string;
  responded_at: string | null;
  response_overdue: number | boolean;
}

export const isOpenComplaint = (status: ComplaintStatus) => OPEN_COMPLAINT.includes(status);
/** Unanswered and open with the deadline passed (what the scheduler marks) */
export function isResponseLateNow(r: Omit<ComplaintRuleRow, 'response_overdue'>, nowIso: string) {
  return r.responded_at === null && isOpenComplaint(r.status) && r.response_due_at < nowIso;
}
/** 响应超时 */
export function isComplaintOverdue(r: ComplaintRuleRow, nowIso: string): boolean {
  return Number(r.response_overdue) === 1 || isResponseLateNow(r, nowIso);
}
/** The mark a move at `atIso` records: a first response, or a withdrawal, after the deadline */
export function marksOfMove(
  before: Omit<ComplaintRuleRow, 'status'>,
  action: string,
  atIso: string,
): { responded_at?: string; response_overdue?: number } {
  const marks: { responded_at?: string; response_overdue?: number } = {};
  const late = atIso > before.response_due_at;
  // the first handling step answers the complainant (响应)
  if ((action === 'record' || action === 'resolve') && !before.responded_at) {
    marks.responded_at = atIso;
    if (late) marks.response_overdue = 1;
  }
  if (action === 'cancel' && !before.responded_at && late) marks.response_overdue = 1;
  return marks;
}

export function openComplaintSql(alias?: string): Cond {
  return sql<SqlBool>`${col(alias, 'status')} in (${inList(OPEN_COMPLAINT)})`;
}
export function responseLateNowSql(nowIso: string, alias?: string): Cond {
  return sql<SqlBool>`(${col(alias, 'responded_at')} is null and ${openComplaintSql(alias)} and ${col(alias, 'response_due_at')} < ${nowIso})`;
}
export function complaintOverdueSql(nowIso: string, alias?: string): Cond {
  return sql<SqlBool>`(${col(alias, 'response_overdue')} = 1 or ${responseLateNowSql(nowIso, alias)})`;
}
/** received in [startIso, endIso) */
export function receivedInSql(startIso: string, endIso: string, alias?: string): Cond {
  return sql<SqlBool>`(${col(alias, 'created_at')} >= ${startIso} and ${col(alias, 'created_at')} < ${endIso})`;
}
/** marked 处理不当 in [startIso, endIso) */
export function markedImproperInSql(startIso: string, endIso: string, alias?: string): Cond {
  return sql<SqlBool>`(${col(alias, 'improper')} = 1 and ${col(alias, 'improper_at')} >= ${startIso} and ${col(alias, 'improper_at')} < ${endIso})`;
}

/**
 * Not counted in the complaint rate (SPEC §4.7): a withdrawn complaint (撤销 cancelled). The rate's
 * evidence lists these as "not counted". (PropDesk records no duplicate mark yet: a duplicate is
 * withdrawn with a reason.)
 */
export const RATE_EXCLUDED_STATUSES: readonly ComplaintStatus[] = ['cancelled'];
export function isExcludedFromRate(status: ComplaintStatus): boolean {
  return RATE_EXCLUDED_STATUSES.includes(status);
}
