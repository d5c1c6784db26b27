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
  | {
      type: 'rate';
      numerator: number;
      denominator: number;
      refs: RecordRef[];
      /** records seen but not counted (e.g. withdrawn or duplicate complaints), shown as excluded */
      excluded?: RecordRef[];
      /** a note on how the denominator was read (e.g. 入住户数 incl. 装修中), shown on the row */
      note?: string;
    }
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

/**
 * Whose facts a rule counts (SPEC §4.6): 'own' the assessee's records, 'team' those of the team(s) she
 * belongs to or leads (her own included), 'project' the whole project's.
 */
export const METRIC_SCOPES = ['own', 'team', 'project'] as const;
export type MetricScope = (typeof METRIC_SCOPES)[number];

export interface MetricContext {
  db: Executor;
  projectId: number;
  /** the person assessed: their user id and employee id */
  assesseeUserId: number;
  assesseeEmployeeId: number | null;
  /** whose facts this rule counts (the rule's scope, else the metric's default) */
  scope: MetricScope;
  /** the teams the assessee belongs to or leads (staff module) */
  teamIds: number[];
  /**
   * The employees whose records count under the scope: 'own' the assessee alone, 'team' the members of
   * her teams and herself; 'project' every employee, so it is empty and not to be used as a filter.
   */
  employeeIds: number[];
  /**
   * The window that counts, 'YYYY-MM-DD', start inclusive, end exclusive (dates in Asia/Shanghai): the
   * period, cut to the project's start date and to the assessee's time in the post — nothing is counted
   * before a beginning (SPEC §4.6). Equal to the period when nothing cuts it.
   */
  periodStart: string;
  periodEnd: string;
  /** the same instants in UTC ISO-8601, for comparing stored timestamps */
  periodStartAt: string;
  periodEndAt: string;
  /** the whole period, uncut ('YYYY-MM-DD'): e.g. the day whose households a rate divides by */
  period: { start: string; end: string };
  /** rates: 装修中 units count as occupied households (a company setting; default 入住 only) */
  countRenovating: boolean;
  /** "now" as the recompute sees it: a period still running counts only what is already late */
  now: Date;
}

export interface MetricDefinition {
  /** e.g. 'task.overdue' — the scheme's rules refer to it */
  key: string;
  label: Text;
  /** how it is counted, shown beside the rule on the sheet */
  description: Text;
  /** the scopes it can count by (default ['project']: a fact of the project, not of a person) */
  scopes?: readonly MetricScope[];
  /** the scope a rule gets when it names none, as the document means the metric (default: the first of scopes) */
  defaultScope?: MetricScope;
  compute(ctx: MetricContext): Promise<MetricValue>;
}

/** The scopes a metric can count by, and its default. */
export function scopesOf(metric: Pick<MetricDefinition, 'scopes' | 'defaultScope'>) {
  const scopes = metric.scopes?.length ? metric.scopes : (['project'] as const);
  const fallback =
    metric.defaultScope && scopes.includes(metric.defaultScope) ? metric.defaultScope : scopes[0];
  return { scopes, defaultScope: fallback };
}
