/**
 * The register (房屋台账): project → sections (标段) → buildings (楼栋) → units (房屋), with the
 * tree's counts, the building's unit grid and the unit lists. A unit's status changes only through
 * property.occupancy.ts (dated history).
 */
import type { Executor } from '../../db/database.ts';
import { type Actor, assertProjectVisible, requireRole } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { commonErrors, notFound } from '../../lib/errors.ts';
import { checkReferences } from '../../lib/references.ts';
import { isoNow } from '../../lib/time.ts';
import { bindUseCases } from '../../lib/use-cases.ts';
import { assertVersion, staleEdit } from '../../lib/versioning.ts';
import * as repo from './property.repository.ts';
import type { TBuildingInput, TSectionInput, TUnitInput, TUnitQuery } from './property.schemas.ts';
import {
  initialHistory,
  maskPhone,
  type PropertyCore,
  propertyReferenceErrors,
  REGISTER_WRITERS,
  STAFF,
} from './property.shared.ts';
import type { UnitStatus } from './property.tables.ts';

const emptyCounts = () => ({ vacant: 0, occupied: 0, renovating: 0, total: 0 });
type Counts = ReturnType<typeof emptyCounts>;

/** Units per building and status, summed per building and for the whole project. */
function countUnits(rows: { buildingId: number; status: string; count: number }[]) {
  const total = emptyCounts();
  const byBuilding = new Map<number, Counts>();
  for (const c of rows) {
    const bc = byBuilding.get(c.buildingId) ?? emptyCounts();
    bc[c.status as UnitStatus] += c.count;
    bc.total += c.count;
    byBuilding.set(c.buildingId, bc);
    total[c.status as UnitStatus] += c.count;
    total.total += c.count;
  }
  return { total, byBuilding };
}

const SECTION = { 'zh-CN': '标段', 'en-US': 'section' };

const BUILDING = { 'zh-CN': '楼栋', 'en-US': 'building' };
const buildingMissing = (actor: Actor) =>
  propertyReferenceErrors.missing({ entity: BUILDING }, [
    {
      field: 'buildingId',
      message: BUILDING[actor.locale] + (actor.locale === 'zh-CN' ? '不存在' : ' not found'),
    },
  ]);

/** the building's section: one of the building's project (404 when there is none the caller sees) */
function checkSection(trx: Executor, actor: Actor, input: TBuildingInput) {
  const place = (ex: Executor, id: number) =>
    repo.findSection(ex, actor, id).then((s) => s && { id: s.id, projectId: s.project_id });
  const section = { field: 'sectionId', id: input.sectionId, entity: SECTION, place };
  return checkReferences(trx, actor, input.projectId, [section], propertyReferenceErrors);
}
function duplicate(core: PropertyCore, actor: Actor, zh: string, en: string, value: string) {
  return commonErrors.DUPLICATE({ field: core.t(actor, zh, en), value });
}

/** The project's buildings with their current officer's name. */
async function buildingsWithOfficers(core: PropertyCore, projectId: number) {
  const [buildings, officers] = await Promise.all([
    repo.listBuildings(core.db, projectId),
    repo.currentOfficers(core.db, projectId),
  ]);
  const names = await core.employeeNames(
    core.db,
    officers.map((o) => o.employee_id),
  );
  const officerOf = new Map(
    officers.map((o) => [o.building_id, { ...o, employee_name: names.get(o.employee_id) ?? null }]),
  );
  return { buildings, officers, officerOf };
}

// ---- tree: project → sections → buildings, with counts and officers ----

async function tree(core: PropertyCore, actor: Actor, projectId: number) {
  const { db } = core;
  requireRole(actor, ...STAFF);
  assertProjectVisible(actor, projectId);
  const [sections, { buildings, officers, officerOf }, counts] = await Promise.all([
    repo.listSections(db, projectId),
    buildingsWithOfficers(core, projectId),
    repo.unitCountsByBuilding(db, projectId),
  ]);
  const mine = new Set(
    actor.role === 'officer' && actor.employeeId
      ? officers.filter((o) => o.employee_id === actor.employeeId).map((o) => o.building_id)
      : [],
  );
  const { total, byBuilding } = countUnits(counts);
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
          const officer = officerOf.get(b.id);
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
}

async function createSection(core: PropertyCore, actor: Actor, input: TSectionInput) {
  const { db, clock } = core;
  requireRole(actor, ...REGISTER_WRITERS);
  assertProjectVisible(actor, input.projectId);
  return db.transaction().execute(async (trx) => {
    if (await repo.findSectionByName(trx, input.projectId, input.name)) {
      throw duplicate(core, actor, '标段', 'Section', input.name);
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
}

async function updateSection(core: PropertyCore, actor: Actor, id: number, input: TSectionInput) {
  const { db, clock } = core;
  requireRole(actor, ...REGISTER_WRITERS);
  return db.transaction().execute(async (trx) => {
    const before = await repo.findSection(trx, actor, id);
    if (!before || before.project_id !== input.projectId) throw notFound('标段', 'Section');
    const version = await assertVersion(trx, actor, 'section', id, before, input.version);
    const other = await repo.findSectionByName(trx, input.projectId, input.name);
    if (other && other.id !== id) throw duplicate(core, actor, '标段', 'Section', input.name);
    const after = await repo.updateSectionVersion(trx, id, version, {
      name: input.name,
      sort_order: input.sortOrder ?? before.sort_order,
      updated_at: isoNow(clock),
    });
    if (!after) throw await staleEdit(trx, 'section', id, await repo.findSection(trx, actor, id));
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
}

async function createBuilding(core: PropertyCore, actor: Actor, input: TBuildingInput) {
  const { db, clock } = core;
  requireRole(actor, ...REGISTER_WRITERS);
  assertProjectVisible(actor, input.projectId);
  return db.transaction().execute(async (trx) => {
    await checkSection(trx, actor, input);
    if (await repo.findBuildingByName(trx, input.projectId, input.name)) {
      throw duplicate(core, actor, '楼栋', 'Building', input.name);
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
}

async function updateBuilding(core: PropertyCore, actor: Actor, id: number, input: TBuildingInput) {
  const { db, clock } = core;
  requireRole(actor, ...REGISTER_WRITERS);
  return db.transaction().execute(async (trx) => {
    const before = await repo.findBuilding(trx, actor, id);
    if (!before || before.project_id !== input.projectId) throw notFound('楼栋', 'Building');
    const version = await assertVersion(trx, actor, 'building', id, before, input.version);
    await checkSection(trx, actor, input);
    const other = await repo.findBuildingByName(trx, input.projectId, input.name);
    if (other && other.id !== id) throw duplicate(core, actor, '楼栋', 'Building', input.name);
    const after = await repo.updateBuildingVersion(trx, id, version, {
      section_id: input.sectionId,
      name: input.name,
      floors: input.floors ?? null,
      sort_order: input.sortOrder ?? before.sort_order,
      updated_at: isoNow(clock),
    });
    if (!after) throw await staleEdit(trx, 'building', id, await repo.findBuilding(trx, actor, id));
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
}

/** The unit grid of one building: every unit, by floor. */
async function buildingUnits(core: PropertyCore, actor: Actor, buildingId: number) {
  const { db } = core;
  requireRole(actor, ...STAFF);
  const building = await repo.findBuilding(db, actor, buildingId);
  if (!building) throw notFound('楼栋', 'Building');
  const [units, sections, officer] = await Promise.all([
    repo.unitsOfBuilding(db, buildingId),
    repo.listSections(db, building.project_id),
    repo.currentOfficerOf(db, buildingId),
  ]);
  const officerName = officer
    ? ((await core.employeeNames(db, [officer.employee_id], building.project_id)).get(officer.employee_id) ??
      null)
    : null;
  return {
    buildingId,
    buildingName: building.name,
    sectionName: sections.find((s) => s.id === building.section_id)?.name ?? '',
    officerName,
    units: units.map((u) => ({ ...u, status: u.status as UnitStatus })),
  };
}

// ---- units ----

async function listUnits(core: PropertyCore, actor: Actor, q: TUnitQuery) {
  const { db } = core;
  if (q.projectId !== undefined) assertProjectVisible(actor, q.projectId);
  const { page, pageSize, sort, order, scope, ...filter } = q;
  const { items, total } = await repo.listUnits(
    db,
    actor,
    { ...filter, ...(await core.visibility(actor, scope)) },
    { page, pageSize, sort, order },
  );
  const named = await core.withProjectNames(db, items);
  return {
    items: named.map((u) => ({
      ...u,
      status: u.status as UnitStatus,
      mainPhone: maskPhone(u.mainPhone),
    })),
    total,
    page,
    pageSize,
  };
}

function getUnit(core: PropertyCore, actor: Actor, id: number) {
  const { db } = core;
  return core.unitDetail(db, actor, id);
}

/** The owner portal's "my units". */
async function myUnits(core: PropertyCore, actor: Actor) {
  const { db } = core;
  requireRole(actor, 'owner');
  const ids = await repo.unitIdsOfOwnerUser(db, actor.userId);
  return Promise.all(ids.map((id) => core.unitDetail(db, actor, id)));
}

async function createUnit(core: PropertyCore, actor: Actor, input: TUnitInput) {
  const { db, clock } = core;
  requireRole(actor, ...REGISTER_WRITERS);
  return db.transaction().execute(async (trx) => {
    const building = await repo.findBuilding(trx, actor, input.buildingId);
    if (!building) throw buildingMissing(actor);
    if (await repo.findUnitByRoom(trx, building.id, input.roomNo)) {
      throw duplicate(core, actor, '房号', 'Room', `${building.name} ${input.roomNo}`);
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
    for (const step of initialHistory(status, row.handover_date, row.move_in_date, core.today())) {
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
    return core.unitDetail(trx, actor, row.id);
  });
}

/** Edits a unit's facts; its status changes only through changeStatus (dated history). */
async function updateUnit(core: PropertyCore, actor: Actor, id: number, input: TUnitInput) {
  const { db, clock } = core;
  requireRole(actor, ...REGISTER_WRITERS);
  return db.transaction().execute(async (trx) => {
    await core.visibleUnit(trx, actor, id);
    const before = await repo.findUnitRow(trx, id);
    if (!before) throw notFound('房屋', 'Unit');
    // the unit moves only to a building of its own project
    const place = (ex: Executor, bid: number) =>
      repo.findBuilding(ex, actor, bid).then((b) => b && { id: b.id, projectId: b.project_id });
    const ref = { field: 'buildingId', id: input.buildingId, entity: BUILDING, place };
    await checkReferences(trx, actor, before.project_id, [ref], propertyReferenceErrors);
    const building = (await repo.findBuilding(trx, actor, input.buildingId))!;
    const version = await assertVersion(trx, actor, 'unit', id, before, input.version);
    const other = await repo.findUnitByRoom(trx, building.id, input.roomNo);
    if (other && other.id !== id) {
      throw duplicate(core, actor, '房号', 'Room', `${building.name} ${input.roomNo}`);
    }
    const after = await repo.updateUnitVersion(trx, id, version, {
      building_id: building.id,
      room_no: input.roomNo,
      floor: input.floor,
      area_centi_m2: input.areaCentiM2,
      handover_date: input.handoverDate ?? null,
      move_in_date: input.moveInDate ?? null,
      updated_at: isoNow(clock),
    });
    if (!after) throw await staleEdit(trx, 'unit', id, await core.unitDetail(trx, actor, id));
    await writeAudit(trx, actor, {
      entity: 'unit',
      entityId: id,
      projectId: after.project_id,
      action: 'update',
      before,
      after,
    });
    return core.unitDetail(trx, actor, id);
  });
}

export function createRegister(core: PropertyCore) {
  return bindUseCases(core, {
    tree,
    createSection,
    updateSection,
    createBuilding,
    updateBuilding,
    buildingUnits,
    listUnits,
    getUnit,
    myUnits,
    createUnit,
    updateUnit,
  });
}
