/**
 * 考核周期状态: what the modules that record facts ask before they accept a business time
 * (docs/assessment.md, "Facts and their times"). A period is open while none of the project's sheets of
 * it is published (公示) or finalized (定稿); a fact dated in an earlier period than the current one, or in
 * a published or finalized one, is a 补录 (late entry): a manager's, with a reason. The task, repair and
 * complaint modules never import this file: app.ts passes `periodStateOf` in, so the assessment module
 * stays ignorant of them and they of its tables.
 */
import type { PeriodStateAnswer, PeriodStateOf } from '../../lib/directory.ts';
import * as repo from './assessment.period-state.repository.ts';
import { periodOf } from './assessment.periods.ts';

export type { PeriodStateAnswer, PeriodStateOf };
export type PeriodState = PeriodStateAnswer['state'];

export const periodStateOf: PeriodStateOf = async (db, projectId, at, now) => {
  const startDay = await repo.periodStartDayOfProject(db, projectId);
  const period = periodOf(at, startDay);
  const statuses = await repo.sheetStatusesOfPeriod(db, projectId, period);
  const state: PeriodState = statuses.includes('finalized')
    ? 'finalized'
    : statuses.includes('published')
      ? 'published'
      : 'open';
  const current = period === periodOf(now, startDay);
  return { period, state, current, backfill: state !== 'open' || period < periodOf(now, startDay) };
};
