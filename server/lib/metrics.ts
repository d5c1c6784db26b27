import type { Executor } from '../db/database.ts';
import type { Text } from './i18n.ts';

/**
 * The facts the assessment engine (考核) counts, as each module that owns the data computes them.
 * A module exports `MetricDefinition`s; app.ts hands them all to the assessment service, so a module
 * never calls the assessment module and the assessment module never reads another module's tables.
 * These shapes are the engine's (server/modules/assessment/engine/types.ts), repeated here so a
 * data module depends only on lib/.
 */
export interface RecordRef {
  /** the kind of record, e.g. 'task', 'repair_order', 'complaint' — the web app links it to its page */
  entity: string;
  id: number | string;
  /** what the sheet shows, e.g. '任务 T-42 逾期 3 天' */
  label?: string;
}

export type MetricValue =
  /** counted cases (rule kind count): each case is a record, quantity 1 unless said */
  | { type: 'cases'; cases: { ref: RecordRef; quantity?: number }[] }
  /** days late per record (rule kind lateness) */
  | { type: 'lateness'; records: { ref: RecordRef; daysLate: number }[] }
  /** one rate (rule kind bands): numerator ÷ denominator, with the records counted in the numerator */
  | { type: 'rate'; numerator: number; denominator: number; refs: RecordRef[] }
  /** a rate per category (rule kind target) */
  | {
      type: 'categoryRates';
      categories: {
        category: string;
        label?: string;
        numerator: number;
        denominator: number;
        refs: RecordRef[];
      }[];
    };

export interface MetricContext {
  db: Executor;
  projectId: number;
  /** the person assessed: their user id and employee id */
  assesseeUserId: number;
  assesseeEmployeeId: number | null;
  /** the period, 'YYYY-MM-DD', start inclusive, end exclusive (dates in Asia/Shanghai) */
  periodStart: string;
  periodEnd: string;
  /** the same instants in UTC ISO-8601, for comparing stored timestamps */
  periodStartAt: string;
  periodEndAt: string;
  /** "now" as the recompute sees it: a period still running counts only what is already late */
  now: Date;
}

export interface MetricDefinition {
  /** e.g. 'task.overdue' — the scheme's rules refer to it */
  key: string;
  label: Text;
  /** how it is counted, shown beside the rule on the sheet */
  description: Text;
  compute(ctx: MetricContext): Promise<MetricValue>;
}
