import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import { type Executor, toNumber } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, projectScope } from '../../lib/actor.ts';
import { offsetOf, type Page, sortColumn } from '../../lib/paging.ts';
import type { PersonKind } from './property.tables.ts';

/** The register's owners and residents (业主及住户) and the owner accounts linked to units. */

// ---- owners and residents ----

export function peopleOfUnit(db: Executor, unitId: number) {
  return db
    .selectFrom('owner')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy(sql`case when kind = 'owner' then 0 else 1 end`)
    .orderBy('is_main_contact', 'desc')
    .orderBy('id')
    .execute();
}
export function peopleOfUnits(db: Executor, unitIds: number[]) {
  if (!unitIds.length) return Promise.resolve([]);
  return db
    .selectFrom('owner')
    .selectAll()
    .where('unit_id', 'in', unitIds)
    .orderBy('unit_id')
    .orderBy(sql`case when kind = 'owner' then 0 else 1 end`)
    .orderBy('is_main_contact', 'desc')
    .orderBy('id')
    .execute();
}
export function findPerson(db: Executor, actor: Actor, id: number) {
  return db
    .selectFrom('owner')
    .selectAll()
    .where('id', '=', id)
    .where(projectScope(actor, 'owner.project_id'))
    .executeTakeFirst();
}
export function insertPerson(db: Executor, row: Insertable<Database['owner']>) {
  return db.insertInto('owner').values(row).returningAll().executeTakeFirstOrThrow();
}
/** Any change moves the version on; with `version`, only if it is still the one the form was opened with */
export function updatePerson(
  db: Executor,
  id: number,
  patch: Updateable<Database['owner']>,
  version?: number,
) {
  let q = db
    .updateTable('owner')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (version !== undefined) q = q.where('version', '=', version);
  return q.returningAll().executeTakeFirst();
}
export function deletePerson(db: Executor, id: number) {
  return db.deleteFrom('owner').where('id', '=', id).execute();
}
export function clearMainContact(db: Executor, unitId: number, exceptId?: number) {
  // a person who stops being the main contact has changed: the version moves on
  let q = db
    .updateTable('owner')
    .set((eb) => ({ is_main_contact: 0, version: eb('version', '+', 1) }))
    .where('unit_id', '=', unitId)
    .where('is_main_contact', '=', 1);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.execute();
}

export interface OwnerFilter {
  projectId?: number;
  buildingId?: number;
  kind?: PersonKind;
  q?: string;
  buildingIds?: number[];
  unitIds?: number[];
}

function ownerBase(db: Executor, actor: Actor, f: OwnerFilter) {
  let q = db
    .selectFrom('owner as o')
    .innerJoin('unit as u', 'u.id', 'o.unit_id')
    .innerJoin('building as b', 'b.id', 'u.building_id')
    .innerJoin('section as s', 's.id', 'b.section_id')
    .where(projectScope(actor, 'o.project_id'));
  if (f.projectId) q = q.where('o.project_id', '=', f.projectId);
  if (f.buildingId) q = q.where('u.building_id', '=', f.buildingId);
  if (f.kind) q = q.where('o.kind', '=', f.kind);
  if (f.buildingIds)
    q = f.buildingIds.length ? q.where('u.building_id', 'in', f.buildingIds) : q.where(sql<SqlBool>`1 = 0`);
  if (f.unitIds) q = f.unitIds.length ? q.where('u.id', 'in', f.unitIds) : q.where(sql<SqlBool>`1 = 0`);
  if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) =>
      eb.or([eb('o.name', 'like', like), eb('o.phone', 'like', like), eb('u.room_no', 'like', like)]),
    );
  }
  return q;
}
const ownerColumns = [
  'o.id',
  'o.project_id as projectId',
  'o.unit_id as unitId',
  's.name as sectionName',
  'b.name as buildingName',
  'u.room_no as roomNo',
  'o.kind',
  'o.name',
  'o.phone',
  'o.relation',
  'o.is_main_contact as isMainContact',
  'o.version',
] as const;
const OWNER_SORTS = { name: 'o.name', roomNo: 'u.room_no', id: 'o.id', building: 'b.sort_order' } as const;

export async function listOwners(db: Executor, actor: Actor, f: OwnerFilter, page: Page) {
  const { column, direction } = sortColumn(OWNER_SORTS, page, 'b.sort_order');
  const base = ownerBase(db, actor, f);
  const [items, count] = await Promise.all([
    base
      .select(ownerColumns)
      .orderBy(column, direction)
      .orderBy('b.id')
      .orderBy('u.room_no')
      .orderBy('o.id')
      .limit(page.pageSize)
      .offset(offsetOf(page))
      .execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toNumber(count.n) };
}
export function ownerBatch(db: Executor, actor: Actor, f: OwnerFilter, afterId: number, size: number) {
  return ownerBase(db, actor, f)
    .select(ownerColumns)
    .where('o.id', '>', afterId)
    .orderBy('o.id')
    .limit(size)
    .execute();
}

// ---- owner accounts ↔ units ----

export async function linkedUserIdsOfUnit(db: Executor, unitId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('owner_user_unit')
    .select('user_id')
    .where('unit_id', '=', unitId)
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}
export async function linkOwnerUser(db: Executor, row: Insertable<Database['owner_user_unit']>) {
  const exists = await db
    .selectFrom('owner_user_unit')
    .select('user_id')
    .where('user_id', '=', row.user_id)
    .where('unit_id', '=', row.unit_id)
    .executeTakeFirst();
  if (!exists) await db.insertInto('owner_user_unit').values(row).execute();
  return !exists;
}
export async function unlinkOwnerUser(db: Executor, userId: number, unitId: number) {
  const r = await db
    .deleteFrom('owner_user_unit')
    .where('user_id', '=', userId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
