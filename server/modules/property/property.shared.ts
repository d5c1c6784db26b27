/**
 * What the register's use cases share: who may do what, the errors, the phone mask, and the one
 * place a unit is read for a caller (visibility, then the detail with its people and history).
 * Other modules' data (names of users, employees and projects) comes through the services passed
 * in as PropertyDeps, wired in server/app.ts.
 */
import type { DB, Executor } from '../../db/database.ts';
import type { Actor } from '../../lib/actor.ts';
import { defineErrors, notFound } from '../../lib/errors.ts';
import { defineReferenceErrors } from '../../lib/references.ts';
import { type Clock, localDate } from '../../lib/time.ts';
import type { ProjectService } from '../project/project.service.ts';
import type { StaffService } from '../staff/staff.service.ts';
import type { UserService } from '../user/user.service.ts';
import * as peopleRepo from './property.people.repository.ts';
import * as repo from './property.repository.ts';
import type { UnitStatus } from './property.tables.ts';

export interface PropertyDeps {
  db: DB;
  clock: Clock;
  /** account names and roles (status history, linked owner logins); an owner login's projects */
  users: Pick<UserService, 'accountsByIds' | 'addUserProject'>;
  /** the housing officers' (房管员) names */
  staff: Pick<StaffService, 'employeesByIds'>;
  /** the project's name on unit rows */
  projects: Pick<ProjectService, 'projectsByIds'>;
}

export const STAFF = ['manager', 'supervisor', 'officer', 'frontdesk'] as const;
/** who edits sections, buildings, units and imports the register */
export const REGISTER_WRITERS = ['manager', 'supervisor'] as const;
/** who records owners' and residents' changes (front desk meets them) */
export const PEOPLE_WRITERS = ['manager', 'supervisor', 'officer', 'frontdesk'] as const;
/** who records a unit's status change (an officer finds a unit occupied or being fitted out) */
export const STATUS_WRITERS = ['manager', 'supervisor', 'officer'] as const;
/** who sees owners' phones in full on the unit page: the staff who call them */
const FULL_PHONE_ROLES = new Set(['admin', 'manager', 'supervisor', 'officer', 'frontdesk']);

export const propertyErrors = defineErrors({
  PROPERTY_FILE_TOO_LARGE: {
    status: 400,
    'zh-CN': '文件过大：最大 {max} MB',
    'en-US': 'The file is too large: at most {max} MB',
  },
  PROPERTY_NO_FILE: {
    status: 400,
    'zh-CN': '请选择要上传的 Excel 文件',
    'en-US': 'Please choose an Excel file to upload',
  },
  PROPERTY_STATUS_BEFORE_LAST: {
    status: 400,
    'zh-CN': '状态变更日期不能早于上一次变更（{date}）',
    'en-US': 'The change date is before the previous change ({date})',
  },
  PROPERTY_STATUS_UNCHANGED: {
    status: 400,
    'zh-CN': '房屋当前已是该状态，无需变更',
    'en-US': 'The unit already has this status',
  },
  PROPERTY_OFFICER_NOT_OFFICER: {
    status: 400,
    'zh-CN': '该员工不是本项目在职员工',
    'en-US': 'The employee is not an active employee of this project',
  },
  PROPERTY_OWNER_USER_ROLE: {
    status: 400,
    'zh-CN': '只能关联业主账号',
    'en-US': 'Only owner accounts can be linked to units',
  },
});

/** PROPERTY_REFERENCE_NOT_FOUND (404) / PROPERTY_REFERENCE_OUTSIDE_PROJECT (400) */
export const propertyReferenceErrors = defineReferenceErrors('PROPERTY');

/** 13800000001 → 138****0001; 0571-88001234 → 057******1234 */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length <= 4) return '****';
  const head = Math.min(3, phone.length - 4);
  return phone.slice(0, head) + '*'.repeat(phone.length - 4 - head) + phone.slice(-4);
}

/** The status history rows a new unit starts with: vacant from handover, then its status from move-in. */
export function initialHistory(
  status: UnitStatus,
  handover: string | null,
  moveIn: string | null,
  fallback: string,
) {
  const steps: { status: UnitStatus; from: string }[] = [];
  if (status === 'vacant') steps.push({ status, from: handover ?? fallback });
  else {
    const from = moveIn ?? handover ?? fallback;
    if (handover && handover < from) steps.push({ status: 'vacant', from: handover });
    steps.push({ status, from });
  }
  return steps;
}

type PersonRow = Awaited<ReturnType<typeof peopleRepo.peopleOfUnit>>[number];

function toPerson(p: PersonRow, masked: boolean) {
  return {
    id: p.id,
    unitId: p.unit_id,
    kind: p.kind,
    name: p.name,
    phone: masked ? maskPhone(p.phone) : p.phone,
    relation: p.relation,
    isMainContact: p.is_main_contact === 1,
    version: p.version,
  };
}

export type PropertyCore = ReturnType<typeof createPropertyCore>;

/** The helpers every use case of the register builds on. */
export function createPropertyCore(deps: PropertyDeps) {
  const { db, clock, users, staff, projects } = deps;
  const today = () => localDate(clock.now());
  const t = (actor: Actor, zh: string, en: string) => (actor.locale === 'zh-CN' ? zh : en);

  /** An owner sees only their own units; an officer's lists default to their area. */
  async function visibility(actor: Actor, scope?: 'area' | 'all') {
    if (actor.role === 'owner') return { unitIds: await repo.unitIdsOfOwnerUser(db, actor.userId) };
    if (actor.role === 'officer' && scope !== 'all' && actor.employeeId) {
      return { buildingIds: await repo.buildingIdsOfOfficer(db, actor.employeeId) };
    }
    return {};
  }

  async function visibleUnit(exec: Executor, actor: Actor, id: number) {
    const unit = await repo.findUnit(exec, actor, id);
    if (!unit) throw notFound('房屋', 'Unit');
    if (actor.role === 'owner' && !(await repo.unitIdsOfOwnerUser(exec, actor.userId)).includes(id)) {
      throw notFound('房屋', 'Unit');
    }
    return unit;
  }

  /** Names of employees by id; given a project, only its employees (as a unit page names its officer). */
  async function employeeNames(exec: Executor, ids: number[], projectId?: number) {
    const rows = await staff.employeesByIds(exec, ids);
    return new Map(rows.filter((e) => !projectId || e.projectId === projectId).map((e) => [e.id, e.name]));
  }

  /** Adds each row's project name (the project module's, by id). */
  async function withProjectNames<T extends { projectId: number }>(exec: Executor, rows: T[]) {
    const names = new Map(
      (await projects.projectsByIds(exec, [...new Set(rows.map((r) => r.projectId))])).map((p) => [
        p.id,
        p.name,
      ]),
    );
    return rows.map((r) => ({ ...r, projectName: names.get(r.projectId) ?? '' }));
  }

  async function unitDetail(exec: Executor, actor: Actor, id: number) {
    const unit = await visibleUnit(exec, actor, id);
    const masked = !FULL_PHONE_ROLES.has(actor.role) && actor.role !== 'owner';
    const [people, history, officer, linkedIds, [named]] = await Promise.all([
      peopleRepo.peopleOfUnit(exec, id),
      repo.statusHistory(exec, id),
      repo.currentOfficerOf(exec, unit.buildingId),
      actor.role === 'owner' ? Promise.resolve([]) : peopleRepo.linkedUserIdsOfUnit(exec, id),
      withProjectNames(exec, [unit]),
    ]);
    const historyUserIds = history.flatMap((h) => (h.userId === null ? [] : [h.userId]));
    const accounts = new Map(
      (await users.accountsByIds(exec, [...historyUserIds, ...linkedIds])).map((u) => [u.id, u]),
    );
    const officerName = officer
      ? ((await employeeNames(exec, [officer.employee_id], unit.projectId)).get(officer.employee_id) ?? null)
      : null;
    return {
      ...named,
      status: unit.status as UnitStatus,
      mainPhone: masked ? maskPhone(unit.mainPhone) : unit.mainPhone,
      people: people.map((p) => toPerson(p, masked)),
      phonesMasked: masked,
      history: history.map(({ userId, ...h }) => ({
        ...h,
        status: h.status as UnitStatus,
        userName: userId === null ? null : (accounts.get(userId)?.displayName ?? null),
      })),
      officerName,
      linkedUsers: linkedIds.flatMap((userId) => {
        const u = accounts.get(userId);
        return u ? [{ userId, username: u.username, displayName: u.displayName }] : [];
      }),
    };
  }

  return { ...deps, today, t, visibility, visibleUnit, unitDetail, employeeNames, withProjectNames };
}
