import type { Executor } from '../../db/database.ts';
import './assessment.tables.ts';

// The SQL of assessment.period-state.ts (read by the modules that record facts, through app.ts).

/** The company's period start day for a project (1 when the company kept the default) */
export async function periodStartDayOfProject(db: Executor, projectId: number): Promise<number> {
  const row = await db
    .selectFrom('project as p')
    .leftJoin('assessment_setting as s', 's.company_id', 'p.company_id')
    .select('s.period_start_day')
    .where('p.id', '=', projectId)
    .executeTakeFirst();
  return row?.period_start_day ?? 1;
}
/** The statuses of the project's sheets of a period (every revision) */
export async function sheetStatusesOfPeriod(db: Executor, projectId: number, period: string) {
  const rows = await db
    .selectFrom('assessment')
    .select('status')
    .distinct()
    .where('project_id', '=', projectId)
    .where('period', '=', period)
    .execute();
  return rows.map((r) => r.status);
}
