import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import { type Executor, toNumber } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, projectScope } from '../../lib/actor.ts';
import { offsetOf, type Page, sortColumn } from '../../lib/paging.ts';
import { OCCUPIED_STATUSES, type UnitStatus } from './property.tables.ts';

// ---- occupancy: other modules divide by this ----

/**
 * Units whose latest status-history row on or before `onDate` is occupied or renovating.
 * "Latest" = greatest from_date, then greatest id (two changes on one day: the later entry wins).
 */
export async function countOccupiedOn(
  db: Executor,
  projectId: number,
  onDate: string,
  statuses: readonly UnitStatus[] = OCCUPIED_STATUSES,
): Promise<number> {
  const row = await db
    .selectFrom('unit_status_history as h')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('h.project_id', '=', projectId)
    .where('h.status', 'in', [...statuses])
    .where('h.from_date', '<=', onDate)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('unit_status_history as later')
            .select('later.id')
            .whereRef('later.unit_id', '=', 'h.unit_id')
            .where('later.from_date', '<=', onDate)
            .where((eb) =>
              eb.or([
                eb('later.from_date', '>', eb.ref('h.from_date')),
                eb.and([
                  eb('later.from_date', '=', eb.ref('h.from_date')),
                  eb('later.id', '>', eb.ref('h.id')),
                ]),
              ]),
            ),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}

export async function unitIdsOfOwnerUser(db: Executor, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('owner_user_unit')
    .select('unit_id')
    .where('user_id', '=', userId)
    .orderBy('unit_id')
    .execute();
  return rows.map((r) => r.unit_id);
}

// ---- sections and buildings ----

export function listSections(db: Executor, projectId: number) {
  return db
    .selectFrom('section')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}
export function findSection(db: Executor, actor: Actor, id: number) {
  return db
    .selectFrom('section')
    .selectAll()
    .where('id', '=', id)
    .where(projectScope(actor, 'section.project_id'))
    .executeTakeFirst();
}
export function findSectionByName(db: Executor, projectId: number, name: string) {
  return db
    .selectFrom('section')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('name', '=', name)
    .executeTakeFirst();
}
export function insertSection(db: Executor, row: Insertable<Database['section']>) {
  return db.insertInto('section').values(row).returningAll().executeTakeFirstOrThrow();
}
/** Any change moves the version on, so a form opened before it is stale */
export function updateSection(db: Executor, id: number, patch: Updateable<Database['section']>) {
  return db
    .updateTable('section')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
/** An edit from a form, conditional on the version it was opened with; undefined when someone saved first */
export function updateSectionVersion(
  db: Executor,
  id: number,
  version: number,
  patch: Updateable<Database['section']>,
) {
  return db
    .updateTable('section')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function listBuildings(db: Executor, projectId: number) {
  return db
    .selectFrom('building as b')
    .innerJoin('section as s', 's.id', 'b.section_id')
    .select(['b.id', 'b.name', 'b.section_id', 's.name as section_name', 'b.floors', 'b.sort_order'])
    .where('b.project_id', '=', projectId)
    .orderBy('s.sort_order')
    .orderBy('s.id')
    .orderBy('b.sort_order')
    .orderBy('b.id')
    .execute();
}
export function findBuilding(db: Executor, actor: Actor, id: number) {
  return db
    .selectFrom('building')
    .selectAll()
    .where('id', '=', id)
    .where(projectScope(actor, 'building.project_id'))
    .executeTakeFirst();
}
export function findBuildingByName(db: Executor, projectId: number, name: string) {
  return db
    .selectFrom('building')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('name', '=', name)
    .executeTakeFirst();
}
export function insertBuilding(db: Executor, row: Insertable<Database['building']>) {
  return db.insertInto('building').values(row).returningAll().executeTakeFirstOrThrow();
}
/** Any change moves the version on, so a form opened before it is stale */
export function updateBuilding(db: Executor, id: number, patch: Updateable<Database['building']>) {
  return db
    .updateTable('building')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
/** An edit from a form, conditional on the version it was opened with; undefined when someone saved first */
export function updateBuildingVersion(
  db: Executor,
  id: number,
  version: number,
  patch: Updateable<Database['building']>,
) {
  return db
    .updateTable('building')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Units per building and status, for the tree's counts. */
export async function unitCountsByBuilding(db: Executor, projectId: number) {
  const rows = await db
    .selectFrom('unit')
    .select(['building_id', 'status', (eb) => eb.fn.countAll().as('n')])
    .where('project_id', '=', projectId)
    .groupBy(['building_id', 'status'])
    .execute();
  return rows.map((r) => ({ buildingId: r.building_id, status: r.status, count: toNumber(r.n) }));
}

/** How far the register is (first-start checklist): buildings, units and buildings with an officer now. */
export async function registerProgress(db: Executor) {
  const count = async (table: 'building' | 'unit' | 'officer_area') => {
    let q = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (table === 'officer_area') q = q.where('to_date', 'is', null);
    return toNumber((await q.executeTakeFirstOrThrow()).n);
  };
  const [buildings, units, officerAreas] = await Promise.all([
    count('building'),
    count('unit'),
    count('officer_area'),
  ]);
  return { buildings, units, officerAreas };
}

// ---- officers' areas 房管员区域划分 ----

export function currentOfficers(db: Executor, projectId: number) {
  return db
    .selectFrom('officer_area')
    .select(['id', 'building_id', 'employee_id', 'from_date'])
    .where('project_id', '=', projectId)
    .where('to_date', 'is', null)
    .execute();
}
export function currentOfficerOf(db: Executor, buildingId: number) {
  return db
    .selectFrom('officer_area')
    .selectAll()
    .where('building_id', '=', buildingId)
    .where('to_date', 'is', null)
    .executeTakeFirst();
}
export function officerHistory(db: Executor, buildingId: number) {
  return db
    .selectFrom('officer_area')
    .select(['id', 'employee_id', 'from_date', 'to_date'])
    .where('building_id', '=', buildingId)
    .orderBy('from_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
export function closeOfficerArea(db: Executor, id: number, toDate: string) {
  return db.updateTable('officer_area').set({ to_date: toDate }).where('id', '=', id).execute();
}
export function insertOfficerArea(db: Executor, row: Insertable<Database['officer_area']>) {
  return db.insertInto('officer_area').values(row).returningAll().executeTakeFirstOrThrow();
}
/** The buildings an officer (employee) is in charge of now: an officer's lists default to these. */
export async function buildingIdsOfOfficer(db: Executor, employeeId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('officer_area')
    .select('building_id')
    .where('employee_id', '=', employeeId)
    .where('to_date', 'is', null)
    .execute();
  return rows.map((r) => r.building_id);
}
// ---- units ----

export interface UnitFilter {
  projectId?: number;
  sectionId?: number;
  buildingId?: number;
  status?: UnitStatus;
  floor?: number;
  q?: string;
  /** restrict to these buildings (an officer's area) */
  buildingIds?: number[];
  /** restrict to these units (an owner's own units) */
  unitIds?: number[];
}

function unitBase(db: Executor, actor: Actor, f: UnitFilter) {
  let q = db
    .selectFrom('unit as u')
    .innerJoin('building as b', 'b.id', 'u.building_id')
    .innerJoin('section as s', 's.id', 'b.section_id')
    .where(projectScope(actor, 'u.project_id'));
  if (f.projectId) q = q.where('u.project_id', '=', f.projectId);
  if (f.sectionId) q = q.where('b.section_id', '=', f.sectionId);
  if (f.buildingId) q = q.where('u.building_id', '=', f.buildingId);
  if (f.status) q = q.where('u.status', '=', f.status);
  if (f.floor !== undefined) q = q.where('u.floor', '=', f.floor);
  if (f.buildingIds)
    q = f.buildingIds.length ? q.where('u.building_id', 'in', f.buildingIds) : q.where(sql<SqlBool>`1 = 0`);
  if (f.unitIds) q = f.unitIds.length ? q.where('u.id', 'in', f.unitIds) : q.where(sql<SqlBool>`1 = 0`);
  if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) =>
      eb.or([
        eb('u.room_no', 'like', like),
        eb.exists(
          eb
            .selectFrom('owner as o')
            .select('o.id')
            .whereRef('o.unit_id', '=', 'u.id')
            .where((e2) => e2.or([e2('o.name', 'like', like), e2('o.phone', 'like', like)])),
        ),
      ]),
    );
  }
  return q;
}

const UNIT_SORTS = {
  roomNo: 'u.room_no',
  floor: 'u.floor',
  area: 'u.area_centi_m2',
  areaCentiM2: 'u.area_centi_m2',
  status: 'u.status',
  building: 'b.sort_order',
  buildingName: 'b.sort_order',
  moveInDate: 'u.move_in_date',
  id: 'u.id',
} as const;

function unitSelect(db: Executor, actor: Actor, f: UnitFilter) {
  return unitBase(db, actor, f).select((eb) => [
    'u.id',
    'u.project_id as projectId',
    'b.section_id as sectionId',
    's.name as sectionName',
    'u.building_id as buildingId',
    'b.name as buildingName',
    'u.room_no as roomNo',
    'u.floor',
    'u.area_centi_m2 as areaCentiM2',
    'u.status',
    'u.handover_date as handoverDate',
    'u.move_in_date as moveInDate',
    'u.updated_at as updatedAt',
    'u.version',
    eb
      .selectFrom('owner as o')
      .select('o.name')
      .whereRef('o.unit_id', '=', 'u.id')
      .orderBy('o.is_main_contact', 'desc')
      .orderBy(sql`case when o.kind = 'owner' then 0 else 1 end`)
      .orderBy('o.id')
      .limit(1)
      .as('mainName'),
    eb
      .selectFrom('owner as o')
      .select('o.phone')
      .whereRef('o.unit_id', '=', 'u.id')
      .orderBy('o.is_main_contact', 'desc')
      .orderBy(sql`case when o.kind = 'owner' then 0 else 1 end`)
      .orderBy('o.id')
      .limit(1)
      .as('mainPhone'),
  ]);
}

export async function listUnits(db: Executor, actor: Actor, f: UnitFilter, page: Page) {
  const { column, direction } = sortColumn(UNIT_SORTS, page, 'b.sort_order');
  const base = unitBase(db, actor, f);
  const [items, count] = await Promise.all([
    unitSelect(db, actor, f)
      .orderBy(column, direction)
      .orderBy('b.id')
      .orderBy('u.floor')
      .orderBy('u.room_no')
      .limit(page.pageSize)
      .offset(offsetOf(page))
      .execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toNumber(count.n) };
}

/** Keyset batches of a filtered list, for streamed exports. */
export function unitBatch(db: Executor, actor: Actor, f: UnitFilter, afterId: number, size: number) {
  return unitSelect(db, actor, f).where('u.id', '>', afterId).orderBy('u.id').limit(size).execute();
}

export function findUnit(db: Executor, actor: Actor, id: number) {
  return unitSelect(db, actor, {}).where('u.id', '=', id).executeTakeFirst();
}
export function findUnitRow(db: Executor, id: number) {
  return db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
}
export function findUnitByRoom(db: Executor, buildingId: number, roomNo: string) {
  return db
    .selectFrom('unit')
    .select('id')
    .where('building_id', '=', buildingId)
    .where('room_no', '=', roomNo)
    .executeTakeFirst();
}
export function insertUnit(db: Executor, row: Insertable<Database['unit']>) {
  return db.insertInto('unit').values(row).returningAll().executeTakeFirstOrThrow();
}
/** Any change moves the version on, so a form opened before it is stale */
export function updateUnit(db: Executor, id: number, patch: Updateable<Database['unit']>) {
  return db
    .updateTable('unit')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
/** An edit from a form, conditional on the version it was opened with; undefined when someone saved first */
export function updateUnitVersion(
  db: Executor,
  id: number,
  version: number,
  patch: Updateable<Database['unit']>,
) {
  return db
    .updateTable('unit')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function unitsOfBuilding(db: Executor, buildingId: number) {
  return db
    .selectFrom('unit as u')
    .select(['u.id', 'u.room_no as roomNo', 'u.floor', 'u.status', 'u.area_centi_m2 as areaCentiM2'])
    .where('u.building_id', '=', buildingId)
    .orderBy('u.floor', 'desc')
    .orderBy('u.room_no')
    .execute();
}

// ---- status history (occupancy) ----

export function statusHistory(db: Executor, unitId: number) {
  return db
    .selectFrom('unit_status_history')
    .select(['id', 'status', 'from_date as fromDate', 'note', 'user_id as userId', 'created_at as createdAt'])
    .where('unit_id', '=', unitId)
    .orderBy('from_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
export function latestStatusRow(db: Executor, unitId: number) {
  return db
    .selectFrom('unit_status_history')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('from_date', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
export function insertStatus(db: Executor, row: Insertable<Database['unit_status_history']>) {
  return db.insertInto('unit_status_history').values(row).execute();
}
