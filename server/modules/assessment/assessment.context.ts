/**
 * What a metric is told about the sheet it counts for (server/lib/metrics.ts MetricContext): whose
 * facts count under the rule's scope (the assessee, her team, the project) and the window that counts —
 * the period cut to the project's start date and to the assessee's time in the post (SPEC §4.6:
 * nothing is counted before a beginning, nor after she left the post).
 */
import type { Executor } from '../../db/database.ts';
import { type MetricContext, type MetricDefinition, type MetricScope, scopesOf } from '../../lib/metrics.ts';
import { addDays, type Clock, dateRange } from '../../lib/time.ts';
import type { AssessmentRow } from './assessment.core.ts';
import type { Directory } from './assessment.directory.ts';

/** The later of two 'YYYY-MM-DD' dates (null: no bound) */
const later = (a: string, b: string | null | undefined) => (b && b > a ? b : a);
const earlier = (a: string, b: string | null | undefined) => (b && b < a ? b : a);

export interface SheetReach {
  window: { start: string; end: string };
  teamIds: number[];
  memberIds: number[];
}

/**
 * The counting window and the assessee's teams, read once per computation through the project and
 * staff modules. The window may be empty (start = end): nothing counts then.
 */
export async function sheetReach(
  exec: Executor,
  directory: Directory,
  a: AssessmentRow,
): Promise<SheetReach> {
  const [projectStart, reach] = await Promise.all([
    directory.projectStartedOn(exec, a.project_id),
    a.assessee_employee_id ? directory.assessmentReach(exec, a.assessee_employee_id) : undefined,
  ]);
  let start = later(later(a.period_start, projectStart), reach?.hiredOn);
  // left_on is the last day in the post: the window ends the day after it
  const end = earlier(a.period_end, reach?.leftOn ? addDays(reach.leftOn, 1) : null);
  if (start > end) start = end;
  return {
    window: { start, end },
    teamIds: reach?.teamIds ?? [],
    memberIds: reach?.memberIds ?? (a.assessee_employee_id ? [a.assessee_employee_id] : []),
  };
}

/** The context one metric is computed with, for one scope. */
export function metricContext(
  exec: Executor,
  clock: Clock,
  a: AssessmentRow,
  reach: SheetReach,
  metric: MetricDefinition,
  requested: MetricScope | undefined,
  countRenovating: boolean,
): MetricContext {
  const { scopes, defaultScope } = scopesOf(metric);
  const scope = requested && scopes.includes(requested) ? requested : defaultScope;
  const { startAt, endAt } = dateRange(reach.window.start, reach.window.end);
  const own = a.assessee_employee_id ? [a.assessee_employee_id] : [];
  return {
    db: exec,
    projectId: a.project_id,
    assesseeUserId: a.assessee_user_id,
    assesseeEmployeeId: a.assessee_employee_id,
    scope,
    teamIds: reach.teamIds,
    employeeIds: scope === 'own' ? own : scope === 'team' ? reach.memberIds : [],
    periodStart: reach.window.start,
    periodEnd: reach.window.end,
    periodStartAt: startAt,
    periodEndAt: endAt,
    period: { start: a.period_start, end: a.period_end },
    countRenovating,
    now: clock.now(),
  };
}
