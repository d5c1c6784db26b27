/**
 * The people and projects a sheet names, read through the user, staff and project modules' own
 * functions (AssessmentDeps, wired in server/app.ts): the assessment module reads no table of theirs.
 */
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../lib/actor.ts';
import type { ProjectService } from '../project/project.service.ts';
import type { StaffService } from '../staff/staff.service.ts';
import type { UserService } from '../user/user.service.ts';

export interface DirectoryDeps {
  /** names of assessees, assessors and deciders; the accounts of employees */
  users: Pick<UserService, 'accountsByIds' | 'activeAccountsOfEmployees'>;
  /** active employees in the caller's projects, with their position (岗位); an assessee's teams and dates */
  staff: Pick<StaffService, 'activeEmployees' | 'assessmentReach'>;
  /** project names, companies and start dates */
  projects: Pick<ProjectService, 'projectsByIds' | 'companyIdOf' | 'startedOn'>;
}

/**
 * Text order by code point, as SQLite's default collation orders text: names sorted here (they come from
 * the user module, so not in the sheet's SQL) keep the order the lists had.
 */
export function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

export interface Assessee {
  userId: number;
  name: string;
  role: string;
  employeeId: number;
  employeeCode: string;
  projectId: number;
  projectName: string;
  companyId: number;
  positionCode: string | null;
  positionName: string | null;
}

export type Directory = ReturnType<typeof createDirectory>;

export function createDirectory({ users, staff, projects }: DirectoryDeps) {
  async function userNames(exec: Executor, ids: number[]) {
    return new Map((await users.accountsByIds(exec, ids)).map((u) => [u.id, u.displayName]));
  }
  async function projectsById(exec: Executor, ids: number[]) {
    return new Map((await projects.projectsByIds(exec, ids)).map((p) => [p.id, p]));
  }

  /**
   * Who can be assessed: active accounts of active employees in the caller's projects, ordered by
   * project, role and account. `userId` narrows to one account.
   */
  async function assessees(exec: Executor, actor: Actor, f: { projectId?: number; userId?: number }) {
    let accounts: { id: number; displayName: string; role: string; employeeId: number | null }[];
    let employees: Awaited<ReturnType<typeof staff.activeEmployees>>;
    if (f.userId) {
      accounts = (await users.accountsByIds(exec, [f.userId])).filter((u) => u.active === 1 && u.employeeId);
      const ids = accounts.map((u) => u.employeeId as number);
      employees = ids.length ? await staff.activeEmployees(exec, actor, { projectId: f.projectId, ids }) : [];
    } else {
      employees = await staff.activeEmployees(exec, actor, { projectId: f.projectId });
      accounts = await users.activeAccountsOfEmployees(
        exec,
        employees.map((e) => e.id),
      );
    }
    const employeeById = new Map(employees.map((e) => [e.id, e]));
    const projectOf = await projectsById(exec, [...new Set(employees.map((e) => e.projectId))]);
    const out: Assessee[] = [];
    for (const u of accounts) {
      const e = u.employeeId ? employeeById.get(u.employeeId) : undefined;
      const project = e ? projectOf.get(e.projectId) : undefined;
      if (!e || !project) continue;
      out.push({
        userId: u.id,
        name: u.displayName,
        role: u.role,
        employeeId: e.id,
        employeeCode: e.code,
        projectId: e.projectId,
        projectName: project.name,
        companyId: project.companyId,
        positionCode: e.positionCode,
        positionName: e.positionName,
      });
    }
    return out.sort(
      (x, y) => x.projectId - y.projectId || compareText(x.role, y.role) || x.userId - y.userId,
    );
  }

  /** Adds the project's, the assessee's and the assessor's names to sheet rows. */
  async function withNames<T extends { projectId: number; assesseeUserId: number; assessorUserId: number }>(
    exec: Executor,
    rows: T[],
  ) {
    const [names, projectOf] = await Promise.all([
      userNames(
        exec,
        rows.flatMap((r) => [r.assesseeUserId, r.assessorUserId]),
      ),
      projectsById(exec, [...new Set(rows.map((r) => r.projectId))]),
    ]);
    return rows.map((r) => ({
      ...r,
      projectName: projectOf.get(r.projectId)?.name ?? '',
      assesseeName: names.get(r.assesseeUserId) ?? '',
      assessorName: names.get(r.assessorUserId) ?? '',
    }));
  }

  return {
    userNames,
    assessees,
    withNames,
    companyIdOf: projects.companyIdOf,
    projectStartedOn: projects.startedOn,
    assessmentReach: staff.assessmentReach,
  };
}
