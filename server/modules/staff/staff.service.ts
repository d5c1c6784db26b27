import type { DB, Executor } from '../../db/database.ts';
import { type Actor, assertProjectVisible, requireRole } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { commonErrors, defineErrors, notFound } from '../../lib/errors.ts';
import { cachedNames } from '../../lib/name-cache.ts';
import { isoNow } from '../../lib/time.ts';
import { assertVersion, staleEdit } from '../../lib/versioning.ts';
import * as repo from './staff.repository.ts';
import type { TEmployeeInput, TEmployeeQuery, TPositionInput, TTeamInput } from './staff.schemas.ts';

export const staffErrors = defineErrors({
  STAFF_TEAM_OTHER_PROJECT: {
    status: 400,
    'zh-CN': '班组不属于该员工所在项目',
    'en-US': "The team does not belong to the employee's project",
  },
});

type PositionRow = NonNullable<Awaited<ReturnType<typeof repo.findPosition>>>;

function toPosition(row: PositionRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    superior: row.superior,
    jobFamily: row.job_family,
    characteristics: row.characteristics,
    authorities: row.authorities,
    qualifications: row.qualifications,
    responsibilities: row.responsibilities,
    workNorms: row.work_norms,
    workflow: row.workflow,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function positionColumns(input: TPositionInput) {
  return {
    code: input.code,
    name: input.name,
    level: input.level ?? null,
    superior: input.superior ?? null,
    job_family: input.jobFamily ?? null,
    characteristics: input.characteristics ?? null,
    authorities: input.authorities ?? null,
    qualifications: input.qualifications ?? null,
    responsibilities: input.responsibilities ?? null,
    work_norms: input.workNorms ?? null,
    workflow: input.workflow ?? null,
  };
}

const STAFF_READERS = ['manager', 'supervisor', 'officer', 'frontdesk'] as const;
const STAFF_WRITERS = ['manager', 'supervisor'] as const;

export type StaffService = ReturnType<typeof createStaffService>;

export function createStaffService({ db }: { db: DB }) {
  const localized = (actor: Actor, zh: string, en: string) => (actor.locale === 'zh-CN' ? zh : en);

  async function checkEmployeeRefs(trx: Executor, actor: Actor, input: TEmployeeInput) {
    assertProjectVisible(actor, input.projectId);
    const fields = [];
    if (input.positionId && !(await repo.findPosition(trx, input.positionId))) {
      fields.push({ field: 'positionId', message: localized(actor, '岗位不存在', 'Position not found') });
    }
    if (input.teamId) {
      const team = await repo.findTeam(trx, actor, input.teamId);
      if (!team || team.project_id !== input.projectId) {
        fields.push({
          field: 'teamId',
          message: localized(actor, '班组不属于该员工所在项目', "The team is not in the employee's project"),
        });
      }
    }
    if (fields.length) throw commonErrors.VALIDATION({}, fields);
  }

  return {
    // ---- for other modules: each takes the caller's db or transaction ----
    /** Employees by id (name, status, project), any project: the caller scoped the record naming them. */
    employeesByIds: (exec: Executor, ids: readonly number[]) => repo.employeesByIds(exec, ids),
    /** Active employees in the caller's projects, with their position code and name. */
    activeEmployees: (
      exec: Executor,
      actor: Actor,
      filter: { projectId?: number; ids?: readonly number[] },
    ) => repo.activeEmployees(exec, actor, filter),
    /**
     * Whose facts count for an assessee (the assessment's rule scopes) and when she was in the post:
     * her teams (belongs to or leads), their members with her, hired_on and left_on.
     */
    assessmentReach: (exec: Executor, employeeId: number) => repo.assessmentReachOf(exec, employeeId),

    // ---- positions: the 岗位说明书 is company-wide ----
    async listPositions(actor: Actor) {
      requireRole(actor, ...STAFF_READERS);
      return (await repo.listPositions(db)).map(toPosition);
    },
    async getPosition(actor: Actor, id: number) {
      requireRole(actor, ...STAFF_READERS);
      const row = await repo.findPosition(db, id);
      if (!row) throw notFound('岗位', 'Position');
      return toPosition(row);
    },
    async createPosition(actor: Actor, input: TPositionInput, companyId = 1) {
      requireRole(actor);
      return db.transaction().execute(async (trx) => {
        if (await repo.findPositionByCode(trx, input.code)) {
          throw commonErrors.DUPLICATE({ field: '岗位编码', value: input.code }, [
            { field: 'code', message: localized(actor, '岗位编码已存在', 'Code already exists') },
          ]);
        }
        const at = isoNow();
        const row = await repo.insertPosition(trx, {
          ...positionColumns(input),
          company_id: companyId,
          created_at: at,
          updated_at: at,
        });
        await writeAudit(trx, actor, { entity: 'position', entityId: row.id, action: 'create', after: row });
        return toPosition(row);
      });
    },
    async updatePosition(actor: Actor, id: number, input: TPositionInput) {
      requireRole(actor);
      return db.transaction().execute(async (trx) => {
        const before = await repo.findPosition(trx, id);
        if (!before) throw notFound('岗位', 'Position');
        const version = await assertVersion(trx, actor, 'position', id, toPosition(before), input.version);
        const other = await repo.findPositionByCode(trx, input.code);
        if (other && other.id !== id) throw commonErrors.DUPLICATE({ field: '岗位编码', value: input.code });
        const after = await repo.updatePosition(trx, id, version, {
          ...positionColumns(input),
          updated_at: isoNow(),
        });
        if (!after)
          throw await staleEdit(trx, 'position', id, toPosition((await repo.findPosition(trx, id))!));
        await writeAudit(trx, actor, { entity: 'position', entityId: id, action: 'update', before, after });
        return toPosition(after);
      });
    },

    // ---- employees ----
    listEmployees(actor: Actor, query: TEmployeeQuery) {
      requireRole(actor, ...STAFF_READERS);
      return repo.listEmployees(db, actor, query);
    },
    async getEmployee(actor: Actor, id: number) {
      requireRole(actor, ...STAFF_READERS);
      const row = await repo.findEmployee(db, actor, id);
      if (!row) throw notFound('员工', 'Employee');
      return row;
    },
    async createEmployee(actor: Actor, input: TEmployeeInput) {
      requireRole(actor, ...STAFF_WRITERS);
      return db.transaction().execute(async (trx) => {
        await checkEmployeeRefs(trx, actor, input);
        if (await repo.findEmployeeByCode(trx, input.code)) {
          throw commonErrors.DUPLICATE({ field: '工号', value: input.code }, [
            { field: 'code', message: localized(actor, '工号已存在', 'Employee number already exists') },
          ]);
        }
        const at = isoNow();
        const { id } = await repo.insertEmployee(trx, {
          project_id: input.projectId,
          code: input.code,
          name: input.name,
          gender: input.gender ?? null,
          phone: input.phone ?? null,
          position_id: input.positionId ?? null,
          team_id: input.teamId ?? null,
          hired_on: input.hiredOn ?? null,
          left_on: input.leftOn ?? null,
          status: input.status ?? 'active',
          created_at: at,
          updated_at: at,
        });
        const after = await repo.findEmployee(trx, actor, id);
        await writeAudit(trx, actor, {
          entity: 'employee',
          entityId: id,
          projectId: input.projectId,
          action: 'create',
          after,
        });
        return after!;
      });
    },
    async updateEmployee(actor: Actor, id: number, input: TEmployeeInput) {
      requireRole(actor, ...STAFF_WRITERS);
      return db.transaction().execute(async (trx) => {
        const before = await repo.findEmployee(trx, actor, id);
        if (!before) throw notFound('员工', 'Employee');
        const version = await assertVersion(trx, actor, 'employee', id, before, input.version);
        await checkEmployeeRefs(trx, actor, input);
        const other = await repo.findEmployeeByCode(trx, input.code);
        if (other && other.id !== id) throw commonErrors.DUPLICATE({ field: '工号', value: input.code });
        const saved = await repo.updateEmployee(trx, id, version, {
          project_id: input.projectId,
          code: input.code,
          name: input.name,
          gender: input.gender ?? null,
          phone: input.phone ?? null,
          position_id: input.positionId ?? null,
          team_id: input.teamId ?? null,
          hired_on: input.hiredOn ?? null,
          left_on: input.leftOn === undefined ? before.leftOn : input.leftOn,
          status: input.status ?? before.status,
          updated_at: isoNow(),
        });
        const after = await repo.findEmployee(trx, actor, id);
        if (!saved) throw await staleEdit(trx, 'employee', id, after);
        await writeAudit(trx, actor, {
          entity: 'employee',
          entityId: id,
          projectId: input.projectId,
          action: 'update',
          before,
          after,
        });
        return after!;
      });
    },

    // ---- teams 班组 ----
    listTeams(actor: Actor, projectId?: number) {
      requireRole(actor, ...STAFF_READERS);
      return repo.listTeams(db, actor, projectId);
    },
    async getTeam(actor: Actor, id: number) {
      requireRole(actor, ...STAFF_READERS);
      const team = await repo.findTeam(db, actor, id);
      if (!team) throw notFound('班组', 'Team');
      return team;
    },
    async createTeam(actor: Actor, input: TTeamInput) {
      requireRole(actor, ...STAFF_WRITERS);
      assertProjectVisible(actor, input.projectId);
      return db.transaction().execute(async (trx) => {
        const at = isoNow();
        const row = await repo.insertTeam(trx, {
          project_id: input.projectId,
          name: input.name,
          kind: input.kind,
          leader_employee_id: input.leaderEmployeeId ?? null,
          created_at: at,
          updated_at: at,
        });
        await writeAudit(trx, actor, {
          entity: 'team',
          entityId: row.id,
          projectId: row.project_id,
          action: 'create',
          after: row,
        });
        return row;
      });
    },
    async updateTeam(actor: Actor, id: number, input: TTeamInput) {
      requireRole(actor, ...STAFF_WRITERS);
      return db.transaction().execute(async (trx) => {
        const before = await repo.findTeam(trx, actor, id);
        if (!before) throw notFound('班组', 'Team');
        const version = await assertVersion(trx, actor, 'team', id, before, input.version);
        assertProjectVisible(actor, input.projectId);
        const after = await repo.updateTeam(trx, id, version, {
          project_id: input.projectId,
          name: input.name,
          kind: input.kind,
          leader_employee_id: input.leaderEmployeeId ?? null,
          updated_at: isoNow(),
        });
        if (!after) throw await staleEdit(trx, 'team', id, await repo.findTeam(trx, actor, id));
        await writeAudit(trx, actor, {
          entity: 'team',
          entityId: id,
          projectId: after.project_id,
          action: 'update',
          before,
          after,
        });
        return after;
      });
    },
  };
}

// ---- what other modules read of staff, passed to them as dependencies in app.ts ----
/** id → name of the given employees (kept a few seconds: lib/name-cache.ts) */
export const employeeNames = cachedNames(repo.employeeNamesOf);
/** id → name of the given teams (班组) */
export const teamNames = cachedNames(repo.teamNamesOf);
/** The employee if they work in the project (an assignee or handler must) */
export function employeeInProject(db: Executor, id: number, projectId: number) {
  return repo.findEmployeeInProject(db, id, projectId);
}
/** The team if it belongs to the project */
export function teamInProject(db: Executor, id: number, projectId: number) {
  return repo.findTeamInProject(db, id, projectId);
}
/** Active employees in all projects (first-start checklist). */
export function activeEmployeeCount(db: Executor) {
  return repo.activeEmployeeCount(db);
}
