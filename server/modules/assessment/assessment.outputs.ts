/** The sheets' outputs: the ranking (排名) of one position in one period, and a person's trend over months. */
import { type Actor, assertProjectVisible, requireRole } from '../../lib/actor.ts';
import { type AssessmentCore, toSummary } from './assessment.core.ts';
import { compareText } from './assessment.directory.ts';
import { isPeriod, periodOf, previousPeriods } from './assessment.periods.ts';
import * as repo from './assessment.repository.ts';
import { READERS } from './assessment.sheet.ts';

export function createOutputs(core: AssessmentCore) {
  const { db, clock, directory } = core;
  return {
    async ranking(actor: Actor, args: { period: string; positionCode: string; projectId?: number }) {
      requireRole(actor, ...READERS);
      if (args.projectId !== undefined) assertProjectVisible(actor, args.projectId);
      const rows = await directory.withNames(db, await repo.ranking(db, actor, args));
      // highest total first; equal totals by name
      rows.sort((x, y) => y.totalCenti - x.totalCenti || compareText(x.assesseeName, y.assesseeName));
      let rank = 0;
      let previous: number | null = null;
      return rows.map((row, i) => {
        // equal scores share a rank (1, 2, 2, 4)
        if (row.totalCenti !== previous) rank = i + 1;
        previous = row.totalCenti;
        return { rank, ...toSummary(row) };
      });
    },
    async trend(actor: Actor, args: { userId?: number; to?: string; months?: number }) {
      requireRole(actor, ...READERS);
      const settings = await db
        .transaction()
        .execute(async (trx) => core.settingsOf(trx, await core.companyOf(trx, actor)));
      const to = args.to && isPeriod(args.to) ? args.to : periodOf(clock.now(), settings.periodStartDay);
      const periods = previousPeriods(to, args.months ?? 12);
      const userId = args.userId ?? actor.userId;
      const rows = await directory.withNames(db, await repo.trend(db, actor, userId, periods[0], to));
      const byPeriod = new Map(rows.map((r) => [r.period, toSummary(r)]));
      return {
        userId,
        name: rows[0]?.assesseeName ?? null,
        points: periods.map((period) => {
          const row = byPeriod.get(period);
          return {
            period,
            total: row?.total ?? null,
            status: row?.status ?? null,
            assessmentId: row?.id ?? null,
          };
        }),
      };
    },
  };
}
