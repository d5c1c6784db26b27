import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Insertable } from 'kysely';
import type { DB, Executor } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, assertProjectVisible, requireRole } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { commonErrors, defineErrors, notFound } from '../../lib/errors.ts';
import { type Clock, isoNow, localDate } from '../../lib/time.ts';
import {
  type ExistingRegister,
  errorReportWorkbook,
  exportRow,
  exportSheet,
  type ImportPlan,
  readWorkbook,
  templateWorkbook,
  validateImport,
} from './property.excel.ts';
import * as repo from './property.repository.ts';
import type {
  TBuildingInput,
  TImportQuery,
  TOfficerAssign,
  TOwnerLink,
  TOwnerQuery,
  TPersonInput,
  TSectionInput,
  TStatusChange,
  TUnitInput,
  TUnitQuery,
} from './property.schemas.ts';
import type { UnitStatus } from './property.tables.ts';

/**
 * Occupied households (入住户数) of a project on a day, from the units' dated status history:
 * units whose status on that day was 入住 occupied or 装修中 renovating — a unit being fitted
 * out has been taken by its owner, so it is an occupied household too. The complaint rate and
 * the satisfaction survey divide by this. `onDate` is 'YYYY-MM-DD' (Asia/Shanghai).
 */
export function countOccupiedHouseholds(db: Executor, projectId: number, onDate: string): Promise<number> {
  return repo.countOccupiedOn(db, projectId, onDate);
}

/** The units an owner's login is linked to (owner portal: "my units"; an owner sees only these). */
export function unitIdsOfOwnerUser(db: Executor, userId: number): Promise<number[]> {
  return repo.unitIdsOfOwnerUser(db, userId);
}

// ---------------------------------------------------------------------------------------------

const STAFF = ['manager', 'supervisor', 'officer', 'frontdesk'] as const;
/** who edits sections, buildings, units and imports the register */
const REGISTER_WRITERS = ['manager', 'supervisor'] as const;
/** who records owners' and residents' changes (front desk meets them) */
const PEOPLE_WRITERS = ['manager', 'supervisor', 'officer', 'frontdesk'] as const;
/** who records a unit's status change (an officer finds a unit occupied or being fitted out) */
const STATUS_WRITERS = ['manager', 'supervisor', 'officer'] as const;
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

/** 13800000001 → 138****0001; 0571-88001234 → 057******1234 */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length <= 4) return '****';
  const head = Math.min(3, phone.length - 4);
  return phone.slice(0, head) + '*'.repeat(phone.length - 4 - head) + phone.slice(-4);
}

const emptyCounts = () => ({ vacant: 0, occupied: 0, renovating: 0, total: 0 });

type Job = {
  projectId: number;
  phase: string;
  total: number;
  processed: number;
};

export type PropertyService = ReturnType<typeof createPropertyService>;

export function createPropertyService({ db, clock }: { db: DB; clock: Clock }) {
  const today = () => localDate(clock.now());
  const t = (actor: Actor, zh: string, en: string) => (actor.locale === 'zh-CN' ? zh : en);
  /** imports running in this process: progress answered from memory (SQLite is busy writing) */
  const running = new Map<number, Job>();

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

  function toListUnit<T extends { mainPhone: string | null; status: string }>(u: T) {
    return { ...u, status: u.status as UnitStatus, mainPhone: maskPhone(u.mainPhone) };
  }
  function toPerson(p: Awaited<ReturnType<typeof repo.peopleOfUnit>>[number], masked: boolean) {
    return {
      id: p.id,
      unitId: p.unit_id,
      kind: p.kind,
      name: p.name,
      phone: masked ? maskPhone(p.phone) : p.phone,
      relation: p.relation,
      isMainContact: p.is_main_contact === 1,
    };
  }

  async function unitDetail(exec: Executor, actor: Actor, id: number) {
    const unit = await visibleUnit(exec, actor, id);
    const masked = !FULL_PHONE_ROLES.has(actor.role) && actor.role !== 'owner';
    const [people, history, officer, linkedUsers] = await Promise.all([
      repo.peopleOfUnit(exec, id),
      repo.statusHistory(exec, id),
      repo.currentOfficerOf(exec, unit.buildingId),
      actor.role === 'owner' ? Promise.resolve([]) : repo.linkedUsersOfUnit(exec, id),
    ]);
    let officerName: string | null = null;
    if (officer)
      officerName =
        (await repo.findEmployeeInProject(exec, officer.employee_id, unit.projectId))?.name ?? null;
    return {
      ...unit,
      status: unit.status as UnitStatus,
      mainPhone: masked ? maskPhone(unit.mainPhone) : unit.mainPhone,
      people: people.map((p) => toPerson(p, masked)),
      phonesMasked: masked,
      history: history.map((h) => ({ ...h, status: h.status as UnitStatus })),
      officerName,
      linkedUsers,
    };
  }

  /** The status history rows a new unit starts with: vacant from handover, then its status from move-in. */
  function initialHistory(
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

  const service = {
    // ---- tree: project → sections → buildings, with counts and officers ----
    async tree(actor: Actor, projectId: number) {
      requireRole(actor, ...STAFF);
      assertProjectVisible(actor, projectId);
      const [sections, buildings, counts, officers] = await Promise.all([
        repo.listSections(db, projectId),
        repo.listBuildings(db, projectId),
        repo.unitCountsByBuilding(db, projectId),
        repo.currentOfficers(db, projectId),
      ]);
      const mine = new Set(
        actor.role === 'officer' && actor.employeeId
          ? officers.filter((o) => o.employee_id === actor.employeeId).map((o) => o.building_id)
          : [],
      );
      const total = emptyCounts();
      const byBuilding = new Map<number, ReturnType<typeof emptyCounts>>();
      for (const c of counts) {
        const bc = byBuilding.get(c.buildingId) ?? emptyCounts();
        bc[c.status as UnitStatus] += c.count;
        bc.total += c.count;
        byBuilding.set(c.buildingId, bc);
        total[c.status as UnitStatus] += c.count;
        total.total += c.count;
      }
      return {
        projectId,
        counts: total,
        sections: sections.map((s) => {
          const sc = emptyCounts();
          const list = buildings
            .filter((b) => b.section_id === s.id)
            .map((b) => {
              const bc = byBuilding.get(b.id) ?? emptyCounts();
              for (const k of ['vacant', 'occupied', 'renovating', 'total'] as const) sc[k] += bc[k];
              const officer = officers.find((o) => o.building_id === b.id);
              return {
                id: b.id,
                name: b.name,
                floors: b.floors,
                sortOrder: b.sort_order,
                counts: bc,
                officerEmployeeId: officer?.employee_id ?? null,
                officerName: officer?.employee_name ?? null,
                mine: mine.has(b.id),
              };
            });
          return { id: s.id, name: s.name, sortOrder: s.sort_order, counts: sc, buildings: list };
        }),
      };
    },

    async createSection(actor: Actor, input: TSectionInput) {
      requireRole(actor, ...REGISTER_WRITERS);
      assertProjectVisible(actor, input.projectId);
      return db.transaction().execute(async (trx) => {
        if (await repo.findSectionByName(trx, input.projectId, input.name)) {
          throw commonErrors.DUPLICATE({ field: t(actor, '标段', 'Section'), value: input.name });
        }
        const at = isoNow(clock);
        const row = await repo.insertSection(trx, {
          project_id: input.projectId,
          name: input.name,
          sort_order: input.sortOrder ?? 0,
          created_at: at,
          updated_at: at,
        });
        await writeAudit(trx, actor, {
          entity: 'section',
          entityId: row.id,
          projectId: row.project_id,
          action: 'create',
          after: row,
        });
        return row;
      });
    },
    async updateSection(actor: Actor, id: number, input: TSectionInput) {
      requireRole(actor, ...REGISTER_WRITERS);
      return db.transaction().execute(async (trx) => {
        const before = await repo.findSection(trx, actor, id);
        if (!before || before.project_id !== input.projectId) throw notFound('标段', 'Section');
        const other = await repo.findSectionByName(trx, input.projectId, input.name);
        if (other && other.id !== id)
          throw commonErrors.DUPLICATE({ field: t(actor, '标段', 'Section'), value: input.name });
        const after = await repo.updateSection(trx, id, {
          name: input.name,
          sort_order: input.sortOrder ?? before.sort_order,
          updated_at: isoNow(clock),
        });
        await writeAudit(trx, actor, {
          entity: 'section',
          entityId: id,
          projectId: after.project_id,
          action: 'update',
          before,
          after,
        });
        return after;
      });
    },

    async createBuilding(actor: Actor, input: TBuildingInput) {
      requireRole(actor, ...REGISTER_WRITERS);
      assertProjectVisible(actor, input.projectId);
      return db.transaction().execute(async (trx) => {
        const section = await repo.findSection(trx, actor, input.sectionId);
        if (!section || section.project_id !== input.projectId) {
          throw commonErrors.VALIDATION({}, [
            {
              field: 'sectionId',
              message: t(actor, '标段不属于该项目', 'The section is not in this project'),
            },
          ]);
        }
        if (await repo.findBuildingByName(trx, input.projectId, input.name)) {
          throw commonErrors.DUPLICATE({ field: t(actor, '楼栋', 'Building'), value: input.name });
        }
        const at = isoNow(clock);
        const row = await repo.insertBuilding(trx, {
          project_id: input.projectId,
          section_id: input.sectionId,
          name: input.name,
          floors: input.floors ?? null,
          sort_order: input.sortOrder ?? 0,
          created_at: at,
          updated_at: at,
        });
        await writeAudit(trx, actor, {
          entity: 'building',
          entityId: row.id,
          projectId: row.project_id,
          action: 'create',
          after: row,
        });
        return row;
      });
    },
    async updateBuilding(actor: Actor, id: number, input: TBuildingInput) {
      requireRole(actor, ...REGISTER_WRITERS);
      return db.transaction().execute(async (trx) => {
        const before = await repo.findBuilding(trx, actor, id);
        if (!before || before.project_id !== input.projectId) throw notFound('楼栋', 'Building');
        const section = await repo.findSection(trx, actor, input.sectionId);
        if (!section || section.project_id !== input.projectId) {
          throw commonErrors.VALIDATION({}, [
            {
              field: 'sectionId',
              message: t(actor, '标段不属于该项目', 'The section is not in this project'),
            },
          ]);
        }
        const other = await repo.findBuildingByName(trx, input.projectId, input.name);
        if (other && other.id !== id)
          throw commonErrors.DUPLICATE({ field: t(actor, '楼栋', 'Building'), value: input.name });
        const after = await repo.updateBuilding(trx, id, {
          section_id: input.sectionId,
          name: input.name,
          floors: input.floors ?? null,
          sort_order: input.sortOrder ?? before.sort_order,
          updated_at: isoNow(clock),
        });
        await writeAudit(trx, actor, {
          entity: 'building',
          entityId: id,
          projectId: after.project_id,
          action: 'update',
          before,
          after,
        });
        return after;
      });
    },

    /** The unit grid of one building: every unit, by floor. */
    async buildingUnits(actor: Actor, buildingId: number) {
      requireRole(actor, ...STAFF);
      const building = await repo.findBuilding(db, actor, buildingId);
      if (!building) throw notFound('楼栋', 'Building');
      const [units, sections, officer] = await Promise.all([
        repo.unitsOfBuilding(db, buildingId),
        repo.listSections(db, building.project_id),
        repo.currentOfficerOf(db, buildingId),
      ]);
      const officerName = officer
        ? ((await repo.findEmployeeInProject(db, officer.employee_id, building.project_id))?.name ?? null)
        : null;
      return {
        buildingId,
        buildingName: building.name,
        sectionName: sections.find((s) => s.id === building.section_id)?.name ?? '',
        officerName,
        units: units.map((u) => ({ ...u, status: u.status as UnitStatus })),
      };
    },

    // ---- units ----
    async listUnits(actor: Actor, q: TUnitQuery) {
      const { page, pageSize, sort, order, scope, ...filter } = q;
      const { items, total } = await repo.listUnits(
        db,
        actor,
        { ...filter, ...(await visibility(actor, scope)) },
        { page, pageSize, sort, order },
      );
      return { items: items.map(toListUnit), total, page, pageSize };
    },
    getUnit(actor: Actor, id: number) {
      return unitDetail(db, actor, id);
    },
    /** The owner portal's "my units". */
    async myUnits(actor: Actor) {
      requireRole(actor, 'owner');
      const ids = await repo.unitIdsOfOwnerUser(db, actor.userId);
      return Promise.all(ids.map((id) => unitDetail(db, actor, id)));
    },
    async createUnit(actor: Actor, input: TUnitInput) {
      requireRole(actor, ...REGISTER_WRITERS);
      return db.transaction().execute(async (trx) => {
        const building = await repo.findBuilding(trx, actor, input.buildingId);
        if (!building) throw notFound('楼栋', 'Building');
        if (await repo.findUnitByRoom(trx, building.id, input.roomNo)) {
          throw commonErrors.DUPLICATE({
            field: t(actor, '房号', 'Room'),
            value: `${building.name} ${input.roomNo}`,
          });
        }
        const at = isoNow(clock);
        const status = input.status ?? 'vacant';
        const row = await repo.insertUnit(trx, {
          project_id: building.project_id,
          building_id: building.id,
          room_no: input.roomNo,
          floor: input.floor,
          area_centi_m2: input.areaCentiM2,
          status,
          handover_date: input.handoverDate ?? null,
          move_in_date: input.moveInDate ?? null,
          created_at: at,
          updated_at: at,
        });
        for (const step of initialHistory(status, row.handover_date, row.move_in_date, today())) {
          await repo.insertStatus(trx, {
            project_id: row.project_id,
            unit_id: row.id,
            status: step.status,
            from_date: step.from,
            note: null,
            user_id: actor.userId || null,
            created_at: at,
          });
        }
        await writeAudit(trx, actor, {
          entity: 'unit',
          entityId: row.id,
          projectId: row.project_id,
          action: 'create',
          after: row,
        });
        return unitDetail(trx, actor, row.id);
      });
    },
    /** Edits a unit's facts; its status changes only through changeStatus (dated history). */
    async updateUnit(actor: Actor, id: number, input: TUnitInput) {
      requireRole(actor, ...REGISTER_WRITERS);
      return db.transaction().execute(async (trx) => {
        await visibleUnit(trx, actor, id);
        const before = await repo.findUnitRow(trx, id);
        const building = await repo.findBuilding(trx, actor, input.buildingId);
        if (!before || !building || building.project_id !== before.project_id)
          throw notFound('楼栋', 'Building');
        const other = await repo.findUnitByRoom(trx, building.id, input.roomNo);
        if (other && other.id !== id) {
          throw commonErrors.DUPLICATE({
            field: t(actor, '房号', 'Room'),
            value: `${building.name} ${input.roomNo}`,
          });
        }
        const after = await repo.updateUnit(trx, id, {
          building_id: building.id,
          room_no: input.roomNo,
          floor: input.floor,
          area_centi_m2: input.areaCentiM2,
          handover_date: input.handoverDate ?? null,
          move_in_date: input.moveInDate ?? null,
          updated_at: isoNow(clock),
        });
        await writeAudit(trx, actor, {
          entity: 'unit',
          entityId: id,
          projectId: after.project_id,
          action: 'update',
          before,
          after,
        });
        return unitDetail(trx, actor, id);
      });
    },
    /** Records a dated status change (空置 → 入住 …): the history answers "occupied on day D". */
    async changeStatus(actor: Actor, id: number, input: TStatusChange) {
      requireRole(actor, ...STATUS_WRITERS);
      return db.transaction().execute(async (trx) => {
        await visibleUnit(trx, actor, id);
        const before = (await repo.findUnitRow(trx, id))!;
        if (input.status === before.status) {
          throw propertyErrors.PROPERTY_STATUS_UNCHANGED({}, [
            { field: 'status', message: t(actor, '与当前状态相同', 'Same as the current status') },
          ]);
        }
        const last = await repo.latestStatusRow(trx, id);
        if (last && input.fromDate < last.from_date) {
          throw propertyErrors.PROPERTY_STATUS_BEFORE_LAST({ date: last.from_date }, [
            {
              field: 'fromDate',
              message: t(actor, `不能早于 ${last.from_date}`, `Not before ${last.from_date}`),
            },
          ]);
        }
        const at = isoNow(clock);
        await repo.insertStatus(trx, {
          project_id: before.project_id,
          unit_id: id,
          status: input.status,
          from_date: input.fromDate,
          note: input.note ?? null,
          user_id: actor.userId || null,
          created_at: at,
        });
        const moveIn =
          input.status !== 'vacant' && before.status === 'vacant' && !before.move_in_date
            ? input.fromDate
            : before.move_in_date;
        const after = await repo.updateUnit(trx, id, {
          status: input.status,
          move_in_date: moveIn,
          updated_at: at,
        });
        await writeAudit(trx, actor, {
          entity: 'unit',
          entityId: id,
          projectId: before.project_id,
          action: 'status_change',
          before: { status: before.status },
          after: { status: after.status, fromDate: input.fromDate, note: input.note ?? null },
        });
        return unitDetail(trx, actor, id);
      });
    },

    // ---- owners and residents ----
    async addPerson(actor: Actor, unitId: number, input: TPersonInput) {
      requireRole(actor, ...PEOPLE_WRITERS);
      return db.transaction().execute(async (trx) => {
        const unit = await visibleUnit(trx, actor, unitId);
        const at = isoNow(clock);
        const row = await repo.insertPerson(trx, {
          project_id: unit.projectId,
          unit_id: unitId,
          kind: input.kind,
          name: input.name,
          phone: input.phone ?? null,
          relation: input.relation ?? null,
          is_main_contact: input.isMainContact ? 1 : 0,
          created_at: at,
          updated_at: at,
        });
        if (input.isMainContact) await repo.clearMainContact(trx, unitId, row.id);
        await writeAudit(trx, actor, {
          entity: 'unit',
          entityId: unitId,
          projectId: unit.projectId,
          action: 'person_add',
          after: row,
        });
        return unitDetail(trx, actor, unitId);
      });
    },
    async updatePerson(actor: Actor, personId: number, input: TPersonInput) {
      requireRole(actor, ...PEOPLE_WRITERS);
      return db.transaction().execute(async (trx) => {
        const before = await repo.findPerson(trx, actor, personId);
        if (!before) throw notFound('业主/住户', 'Owner/resident');
        await visibleUnit(trx, actor, before.unit_id);
        const after = await repo.updatePerson(trx, personId, {
          kind: input.kind,
          name: input.name,
          phone: input.phone ?? null,
          relation: input.relation ?? null,
          is_main_contact: input.isMainContact ? 1 : 0,
          updated_at: isoNow(clock),
        });
        if (input.isMainContact) await repo.clearMainContact(trx, before.unit_id, personId);
        await writeAudit(trx, actor, {
          entity: 'unit',
          entityId: before.unit_id,
          projectId: before.project_id,
          action: 'person_update',
          before,
          after,
        });
        return unitDetail(trx, actor, before.unit_id);
      });
    },
    async removePerson(actor: Actor, personId: number) {
      requireRole(actor, ...PEOPLE_WRITERS);
      return db.transaction().execute(async (trx) => {
        const before = await repo.findPerson(trx, actor, personId);
        if (!before) throw notFound('业主/住户', 'Owner/resident');
        await visibleUnit(trx, actor, before.unit_id);
        await repo.deletePerson(trx, personId);
        await writeAudit(trx, actor, {
          entity: 'unit',
          entityId: before.unit_id,
          projectId: before.project_id,
          action: 'person_remove',
          before,
        });
        return unitDetail(trx, actor, before.unit_id);
      });
    },
    async listOwners(actor: Actor, q: TOwnerQuery) {
      requireRole(actor, ...STAFF);
      const { page, pageSize, sort, order, scope, ...filter } = q;
      const { items, total } = await repo.listOwners(
        db,
        actor,
        { ...filter, ...(await visibility(actor, scope)) },
        { page, pageSize, sort, order },
      );
      return {
        items: items.map((o) => ({
          ...o,
          kind: o.kind,
          phone: maskPhone(o.phone),
          isMainContact: o.isMainContact === 1,
        })),
        total,
        page,
        pageSize,
      };
    },

    // ---- officers' areas 房管员区域划分 ----
    async officerAreas(actor: Actor, projectId: number) {
      requireRole(actor, ...STAFF);
      assertProjectVisible(actor, projectId);
      const [buildings, officers] = await Promise.all([
        repo.listBuildings(db, projectId),
        repo.currentOfficers(db, projectId),
      ]);
      return buildings.map((b) => {
        const o = officers.find((x) => x.building_id === b.id);
        return {
          buildingId: b.id,
          buildingName: b.name,
          sectionName: b.section_name,
          employeeId: o?.employee_id ?? null,
          employeeName: o?.employee_name ?? null,
          fromDate: o?.from_date ?? null,
        };
      });
    },
    async officerHistory(actor: Actor, buildingId: number) {
      requireRole(actor, ...STAFF);
      const building = await repo.findBuilding(db, actor, buildingId);
      if (!building) throw notFound('楼栋', 'Building');
      const rows = await repo.officerHistory(db, buildingId);
      return rows.map((r) => ({
        id: r.id,
        employeeId: r.employee_id,
        employeeName: r.employee_name,
        fromDate: r.from_date,
        toDate: r.to_date,
      }));
    },
    /** One officer per building at a time: assigning closes the previous assignment on fromDate. */
    async assignOfficer(actor: Actor, buildingId: number, input: TOfficerAssign) {
      requireRole(actor, 'manager', 'supervisor');
      return db.transaction().execute(async (trx) => {
        const building = await repo.findBuilding(trx, actor, buildingId);
        if (!building) throw notFound('楼栋', 'Building');
        const current = await repo.currentOfficerOf(trx, buildingId);
        if (current && input.fromDate < current.from_date) {
          throw commonErrors.VALIDATION({}, [
            {
              field: 'fromDate',
              message: t(
                actor,
                `不能早于当前分配的开始日期 ${current.from_date}`,
                `Not before ${current.from_date}`,
              ),
            },
          ]);
        }
        if (input.employeeId) {
          const emp = await repo.findEmployeeInProject(trx, input.employeeId, building.project_id);
          if (emp?.status !== 'active') {
            throw propertyErrors.PROPERTY_OFFICER_NOT_OFFICER({}, [
              {
                field: 'employeeId',
                message: t(actor, '该员工不是本项目在职员工', 'Not an active employee of this project'),
              },
            ]);
          }
          if (current?.employee_id === input.employeeId) return service.officerHistory(actor, buildingId);
        }
        if (current) await repo.closeOfficerArea(trx, current.id, input.fromDate);
        let after = null;
        if (input.employeeId) {
          after = await repo.insertOfficerArea(trx, {
            project_id: building.project_id,
            building_id: buildingId,
            employee_id: input.employeeId,
            from_date: input.fromDate,
            to_date: null,
            created_at: isoNow(clock),
          });
        }
        await writeAudit(trx, actor, {
          entity: 'building',
          entityId: buildingId,
          projectId: building.project_id,
          action: 'officer_assign',
          before: current ?? null,
          after,
        });
        const rows = await repo.officerHistory(trx, buildingId);
        return rows.map((r) => ({
          id: r.id,
          employeeId: r.employee_id,
          employeeName: r.employee_name,
          fromDate: r.from_date,
          toDate: r.to_date,
        }));
      });
    },

    // ---- owner accounts ↔ units ----
    async linkOwnerUser(actor: Actor, input: TOwnerLink) {
      requireRole(actor, 'manager', 'supervisor', 'frontdesk');
      return db.transaction().execute(async (trx) => {
        const unit = await visibleUnit(trx, actor, input.unitId);
        const user = await repo.findUser(trx, input.userId);
        if (!user) throw notFound('用户', 'User');
        if (user.role !== 'owner') throw propertyErrors.PROPERTY_OWNER_USER_ROLE();
        if (
          await repo.linkOwnerUser(trx, {
            user_id: user.id,
            unit_id: unit.id,
            project_id: unit.projectId,
            created_at: isoNow(clock),
          })
        ) {
          await repo.ensureUserProject(trx, user.id, unit.projectId);
          await writeAudit(trx, actor, {
            entity: 'unit',
            entityId: unit.id,
            projectId: unit.projectId,
            action: 'owner_user_link',
            after: { userId: user.id, username: user.username },
          });
        }
        return unitDetail(trx, actor, unit.id);
      });
    },
    async unlinkOwnerUser(actor: Actor, input: TOwnerLink) {
      requireRole(actor, 'manager', 'supervisor', 'frontdesk');
      return db.transaction().execute(async (trx) => {
        const unit = await visibleUnit(trx, actor, input.unitId);
        if (await repo.unlinkOwnerUser(trx, input.userId, unit.id)) {
          await writeAudit(trx, actor, {
            entity: 'unit',
            entityId: unit.id,
            projectId: unit.projectId,
            action: 'owner_user_unlink',
            before: { userId: input.userId },
          });
        }
        return unitDetail(trx, actor, unit.id);
      });
    },

    // ---- Excel: template, import, export ----
    templateWorkbook() {
      return templateWorkbook();
    },

    /**
     * Starts an import: the job row is written at once and the work continues in the background;
     * the page polls getImport. Reading and checking every row happen before the transaction; a
     * good file is written in one transaction, a bad one writes nothing and keeps a report.
     */
    async startImport(actor: Actor, q: TImportQuery, fileName: string, buffer: Buffer) {
      requireRole(actor, ...REGISTER_WRITERS);
      assertProjectVisible(actor, q.projectId);
      const mode = q.mode ?? 'create';
      const job = await repo.insertJob(db, {
        project_id: q.projectId,
        user_id: actor.userId,
        file_name: fileName.slice(0, 200),
        mode,
        status: 'running',
        total: 0,
        processed: 0,
        result_json: null,
        report_base64: null,
        created_at: isoNow(clock),
        finished_at: null,
      });
      running.set(job.id, { projectId: q.projectId, phase: 'reading', total: 0, processed: 0 });
      const work = runImport(actor, job.id, q.projectId, mode, buffer)
        .catch(async (error) => {
          await repo.updateJob(db, job.id, {
            status: 'failed',
            result_json: JSON.stringify({ message: String(error?.message ?? error) }),
            finished_at: isoNow(clock),
          });
        })
        .finally(() => running.delete(job.id));
      if (q.wait) await work;
      return service.getImport(actor, job.id);
    },

    async getImport(actor: Actor, id: number) {
      const live = running.get(id);
      if (live) {
        assertProjectVisible(actor, live.projectId);
        return {
          id,
          projectId: live.projectId,
          fileName: '',
          mode: '',
          status: 'running' as const,
          phase: live.phase,
          total: live.total,
          processed: live.processed,
          counts: null,
          errorCount: 0,
          errors: [],
          message: null,
          elapsedMs: null,
          createdAt: '',
          finishedAt: null,
        };
      }
      const job = await repo.findJob(db, actor, id);
      if (!job) throw notFound('导入任务', 'Import job');
      const result = job.result_json ? JSON.parse(job.result_json) : {};
      return {
        id: job.id,
        projectId: job.project_id,
        fileName: job.file_name,
        mode: job.mode,
        status: job.status,
        phase: job.status,
        total: job.total,
        processed: job.processed,
        counts: result.counts ?? null,
        errorCount: result.errors?.length ?? 0,
        errors: (result.errors ?? []).slice(0, 500),
        message: result.message ?? null,
        elapsedMs: result.elapsedMs ?? null,
        createdAt: job.created_at,
        finishedAt: job.finished_at,
      };
    },

    async importReport(actor: Actor, id: number) {
      const job = await repo.findJob(db, actor, id);
      if (!job?.report_base64) throw notFound('错误报告', 'Error report');
      return {
        fileName: job.file_name.replace(/\.xlsx$/i, ''),
        buffer: Buffer.from(job.report_base64, 'base64'),
      };
    },

    /** Checks, then returns the writer that streams the filtered units (and their buildings, owners and residents) in the template's layout. */
    async exportUnits(actor: Actor, q: TUnitQuery & { projectId: number }) {
      requireRole(actor, ...STAFF);
      assertProjectVisible(actor, q.projectId);
      const { page: _p, pageSize: _s, sort: _o, order: _d, scope, ...filter } = q;
      const f = { ...filter, ...(await visibility(actor, scope)) };
      return async (stream: Writable) => {
        const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
        const buildings = (await repo.listBuildings(db, q.projectId)).filter(
          (b) =>
            (!f.sectionId || b.section_id === f.sectionId) &&
            (!f.buildingId || b.id === f.buildingId) &&
            (!('buildingIds' in f) || f.buildingIds?.includes(b.id)),
        );
        const bs = exportSheet(wb, 'buildings');
        for (const b of buildings)
          bs.addRow(
            exportRow.buildings({ sectionName: b.section_name, name: b.name, floors: b.floors }),
          ).commit();
        bs.commit();
        const us = exportSheet(wb, 'units');
        const unitIds: number[] = [];
        const names = new Map<number, { buildingName: string; roomNo: string }>();
        for (let after = 0; ; ) {
          const batch = await repo.unitBatch(db, actor, f, after, 1000);
          if (!batch.length) break;
          for (const u of batch) {
            us.addRow(exportRow.units({ ...u, status: u.status as UnitStatus })).commit();
            unitIds.push(u.id);
            names.set(u.id, { buildingName: u.buildingName, roomNo: u.roomNo });
          }
          after = batch[batch.length - 1].id;
        }
        us.commit();
        const ps = exportSheet(wb, 'people');
        for (let i = 0; i < unitIds.length; i += 500) {
          for (const p of await repo.peopleOfUnits(db, unitIds.slice(i, i + 500))) {
            ps.addRow(
              exportRow.people({
                ...names.get(p.unit_id)!,
                kind: p.kind,
                name: p.name,
                phone: p.phone,
                relation: p.relation,
                isMainContact: p.is_main_contact,
              }),
            ).commit();
          }
        }
        ps.commit();
        await wb.commit();
      };
    },

    /** Checks, then returns the writer that streams the filtered owners/residents list, as the template's 业主及住户 sheet. */
    async exportOwners(actor: Actor, q: TOwnerQuery & { projectId: number }) {
      requireRole(actor, ...STAFF);
      assertProjectVisible(actor, q.projectId);
      const { page: _p, pageSize: _s, sort: _o, order: _d, scope, ...filter } = q;
      const f = { ...filter, ...(await visibility(actor, scope)) };
      return async (stream: Writable) => {
        const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
        const ps = exportSheet(wb, 'people');
        for (let after = 0; ; ) {
          const batch = await repo.ownerBatch(db, actor, f, after, 1000);
          if (!batch.length) break;
          for (const p of batch) ps.addRow(exportRow.people(p)).commit();
          after = batch[batch.length - 1].id;
        }
        ps.commit();
        await wb.commit();
      };
    },
  };

  async function runImport(
    actor: Actor,
    jobId: number,
    projectId: number,
    mode: 'create' | 'update',
    buffer: Buffer,
  ) {
    const started = Date.now();
    const progress = running.get(jobId)!;
    const { rows, errors: readErrors } = await readWorkbook(buffer, actor.locale);
    const timings: Record<string, number> = { read: Date.now() - started };
    const total = (rows.buildings?.length ?? 0) + (rows.units?.length ?? 0) + (rows.people?.length ?? 0);
    Object.assign(progress, { phase: 'validating', total, processed: 0 });
    let errors = readErrors;
    let plan: ImportPlan | null = null;
    if (!errors.length) {
      const existing = await loadExisting(db, projectId);
      ({ errors, plan } = validateImport(rows, existing, { locale: actor.locale, mode }));
    }
    timings.validate = Date.now() - started - timings.read;
    if (errors.length || !plan) {
      const report = await errorReportWorkbook(buffer, errors, actor.locale);
      await repo.updateJob(db, jobId, {
        status: 'invalid',
        total,
        processed: 0,
        result_json: JSON.stringify({ errors, elapsedMs: Date.now() - started }),
        report_base64: report.toString('base64'),
        finished_at: isoNow(clock),
      });
      return;
    }
    Object.assign(progress, { phase: 'importing', processed: 0 });
    const counts = await db.transaction().execute((trx) =>
      writePlan(trx, actor, projectId, jobId, plan, (n) => {
        progress.processed = n;
      }),
    );
    await repo.updateJob(db, jobId, {
      status: 'done',
      total,
      processed: total,
      result_json: JSON.stringify({
        counts,
        elapsedMs: Date.now() - started,
        timings: { ...timings, write: Date.now() - started - timings.read - timings.validate },
      }),
      finished_at: isoNow(clock),
    });
  }

  /** Writes a checked plan: sections, buildings, units with their first status rows, people, audit rows. */
  async function writePlan(
    trx: Executor,
    actor: Actor,
    projectId: number,
    jobId: number,
    plan: ImportPlan,
    onProgress: (n: number) => void,
  ) {
    const at = isoNow(clock);
    const day = today();
    let done = 0;
    const sectionIds = new Map((await repo.listSections(trx, projectId)).map((s) => [s.name, s.id]));
    for (const name of plan.sections) {
      const s = await repo.insertSection(trx, {
        project_id: projectId,
        name,
        sort_order: sectionIds.size,
        created_at: at,
        updated_at: at,
      });
      sectionIds.set(name, s.id);
    }
    const buildingIds = new Map((await repo.listBuildings(trx, projectId)).map((b) => [b.name, b.id]));
    let order = buildingIds.size;
    for (const b of plan.buildings) {
      const row = await repo.insertBuilding(trx, {
        project_id: projectId,
        section_id: sectionIds.get(b.sectionName)!,
        name: b.name,
        floors: b.floors,
        sort_order: order++,
        created_at: at,
        updated_at: at,
      });
      buildingIds.set(b.name, row.id);
      onProgress(++done);
    }
    const creates = plan.units.filter((u) => !u.existingId);
    const inserted = await repo.bulkInsertUnits(
      trx,
      creates.map((u) => ({
        project_id: projectId,
        building_id: buildingIds.get(u.buildingName)!,
        room_no: u.roomNo,
        floor: u.floor,
        area_centi_m2: u.areaCentiM2,
        status: u.status,
        handover_date: u.handoverDate,
        move_in_date: u.moveInDate,
        created_at: at,
        updated_at: at,
      })),
      (n) => onProgress(done + n),
    );
    done += creates.length;
    const unitIdOf = new Map<string, number>();
    for (const u of inserted) unitIdOf.set(`${u.building_id}\u0000${u.room_no}`, u.id);
    const history: Insertable<Database['unit_status_history']>[] = [];
    const audits: Insertable<Database['audit_log']>[] = [];
    const audit = (unitId: number, action: string, after: unknown) =>
      audits.push({
        at,
        user_id: actor.userId || null,
        user_name: actor.displayName,
        project_id: projectId,
        entity: 'unit',
        entity_id: String(unitId),
        action,
        before_json: null,
        after_json: JSON.stringify(after),
        request_id: actor.requestId,
      });
    for (const u of creates) {
      const id = unitIdOf.get(`${buildingIds.get(u.buildingName)}\u0000${u.roomNo}`)!;
      for (const step of initialHistory(u.status, u.handoverDate, u.moveInDate, day)) {
        history.push({
          project_id: projectId,
          unit_id: id,
          status: step.status,
          from_date: step.from,
          note: `导入 #${jobId}`,
          user_id: actor.userId || null,
          created_at: at,
        });
      }
      audit(id, 'import', {
        importJob: jobId,
        row: u.row,
        roomNo: u.roomNo,
        floor: u.floor,
        areaCentiM2: u.areaCentiM2,
        status: u.status,
      });
    }
    // update mode: facts overwritten; a changed status is a new history row from today
    const updates = plan.units.filter((u) => u.existingId);
    for (const u of updates) {
      await repo.updateUnit(trx, u.existingId!, {
        floor: u.floor,
        area_centi_m2: u.areaCentiM2,
        status: u.status,
        handover_date: u.handoverDate,
        move_in_date: u.moveInDate,
        updated_at: at,
      });
      if (u.status !== u.existingStatus) {
        history.push({
          project_id: projectId,
          unit_id: u.existingId!,
          status: u.status,
          from_date: day,
          note: `导入 #${jobId}`,
          user_id: actor.userId || null,
          created_at: at,
        });
      }
      audit(u.existingId!, 'import_update', {
        importJob: jobId,
        row: u.row,
        floor: u.floor,
        areaCentiM2: u.areaCentiM2,
        status: u.status,
      });
      onProgress(++done);
    }
    await repo.bulkInsertStatus(trx, history);
    // people: a person already recorded for the unit (same kind and name) is updated, not added again
    const newPeople: Insertable<Database['owner']>[] = [];
    const mainUnits = new Set<number>();
    let peopleUpdated = 0;
    for (const p of plan.people) {
      const unitId = p.existingUnitId ?? unitIdOf.get(`${buildingIds.get(p.buildingName)}\u0000${p.roomNo}`)!;
      if (p.isMainContact) mainUnits.add(unitId);
      if (p.existingId) {
        await repo.updatePerson(trx, p.existingId, {
          phone: p.phone,
          relation: p.relation,
          is_main_contact: p.isMainContact ? 1 : 0,
          updated_at: at,
        });
        peopleUpdated++;
        onProgress(++done);
        continue;
      }
      newPeople.push({
        project_id: projectId,
        unit_id: unitId,
        kind: p.kind,
        name: p.name,
        phone: p.phone,
        relation: p.relation,
        is_main_contact: p.isMainContact ? 1 : 0,
        created_at: at,
        updated_at: at,
      });
    }
    // a new main contact replaces an earlier one of an existing unit
    for (const p of plan.people) {
      if (p.isMainContact && p.existingUnitId && !p.existingId)
        await repo.clearMainContact(trx, p.existingUnitId);
    }
    await repo.bulkInsertPeople(trx, newPeople);
    done += newPeople.length;
    onProgress(done);
    await repo.bulkInsertAudit(trx, audits);
    await writeAudit(trx, actor, {
      entity: 'import_job',
      entityId: jobId,
      projectId,
      action: 'import',
      after: { units: creates.length, updated: updates.length, people: newPeople.length + peopleUpdated },
    });
    return {
      sections: plan.sections.length,
      buildings: plan.buildings.length,
      unitsCreated: creates.length,
      unitsUpdated: updates.length,
      peopleCreated: newPeople.length,
      peopleUpdated,
    };
  }

  return service;
}

/** What the register already holds, keyed the way the sheets name things. */
async function loadExisting(db: Executor, projectId: number): Promise<ExistingRegister> {
  const [sections, buildings, units, people] = await Promise.all([
    repo.listSections(db, projectId),
    repo.listBuildings(db, projectId),
    repo.unitKeysOfProject(db, projectId),
    repo.peopleOfProject(db, projectId),
  ]);
  const buildingName = new Map(buildings.map((b) => [b.id, b.name]));
  return {
    sections: new Map(sections.map((s) => [s.name, s.id])),
    buildings: new Map(buildings.map((b) => [b.name, { id: b.id, sectionName: b.section_name }])),
    units: new Map(
      units.map((u) => [
        `${buildingName.get(u.building_id)}\u0000${u.room_no}`,
        { id: u.id, status: u.status },
      ]),
    ),
    people: new Map(people.map((p) => [`${p.unit_id}\u0000${p.kind}\u0000${p.name}`, p.id])),
  };
}
