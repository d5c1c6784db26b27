import type { Executor } from '../db/database.ts';

/**
 * The shapes of what a module reads of the people and places other modules own — the staff
 * module's employees and teams, the project module's projects, the user module's accounts. The
 * owning module exports the functions (staff.service.ts, project.service.ts, user.service.ts);
 * app.ts passes them in, so a module never reads another module's tables. Every function takes
 * the executor, so it also runs inside the caller's transaction.
 */
/** id → name of the given records (nulls and repeats allowed; one query) */
export type NamesOf = (
  db: Executor,
  ids: readonly (number | null | undefined)[],
) => Promise<Map<number, string>>;
/** the record if it belongs to the project */
export type FindInProject = (
  db: Executor,
  id: number,
  projectId: number,
) => Promise<{ id: number; name: string } | undefined>;

export interface StaffDirectory {
  employeeNames: NamesOf;
  teamNames: NamesOf;
  employeeInProject: FindInProject;
  teamInProject: FindInProject;
}

/** The register (property module) as the service desk reads it */
export interface RegisterDirectory {
  /** the units an owner user owns (an owner sees and reports only for these) */
  ownerUnitIds(db: Executor, userId: number): Promise<number[]>;
  /**
   * occupied households (入住户数) of a project on a date (the complaint rate): 入住 and 装修中 units, or
   * 入住 only with includeRenovating false (the assessment's default, SPEC §4.7)
   */
  occupiedHouseholds(
    db: Executor,
    projectId: number,
    date: string,
    options?: { includeRenovating?: boolean },
  ): Promise<number>;
}

/** 考核周期状态 (assessment module): is a moment's assessment period still open for facts? */
export interface PeriodStateAnswer {
  /** 'YYYY-MM', the period the moment falls in for the project's company */
  period: string;
  /** finalized if any sheet of the period is finalized, else published if any is, else open */
  state: 'open' | 'published' | 'finalized';
  /** the moment lies in the period of `now` */
  current: boolean;
  /** a fact at this moment is a 补录: an earlier period, or one that is published or finalized */
  backfill: boolean;
}
export type PeriodStateOf = (
  db: Executor,
  projectId: number,
  at: Date,
  now: Date,
) => Promise<PeriodStateAnswer>;
