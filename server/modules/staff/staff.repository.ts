import type { Insertable, Updateable } from 'kysely';
import { type Executor, toNumber } from '../../db/database.ts';
import { listOf, prepared } from '../../db/prepared.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, projectScope } from '../../lib/actor.ts';
import { offsetOf, sortColumn } from '../../lib/paging.ts';
import type { TEmployeeQuery } from './staff.schemas.ts';

// ---- positions (company-wide) ----
export function listPositions(db: Executor) {
  return db.selectFrom('position').selectAll().orderBy('id').execute();
}
export function findPosition(db: Executor, id: number) {
  return db.selectFrom('position').selectAll().where('id', '=', id).executeTakeFirst();
}
export function findPositionByCode(db: Executor, code: string) {
  return db.selectFrom('position').selectAll().where('code', '=', code).executeTakeFirst();
}
export function insertPosition(db: Executor, row: Insertable<Database['position']>) {
  return db.insertInto('position').values(row).returningAll().executeTakeFirstOrThrow();
}
/** Conditional on the version the form was opened with; undefined when someone saved first */
export function updatePosition(
  db: Executor,
  id: number,
  version: number,
  patch: Updateable<Database['position']>,
) {
  return db
    .updateTable('position')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

// ---- employees ----
function employeeBase(db: Executor, actor: Actor) {
  return (
    db
      .selectFrom('employee as e')
      .innerJoin('project as p', 'p.id', 'e.project_id')
      .leftJoin('position as pos', 'pos.id', 'e.position_id')
      // a team of another project is not named (its name is that project's business)
      .leftJoin('team as t', (j) =>
        j.onRef('t.id', '=', 'e.team_id').onRef('t.project_id', '=', 'e.project_id'),
      )
      .where(projectScope(actor, 'e.project_id'))
  );
}

const employeeColumns = [
  'e.id',
  'e.project_id as projectId',
  'p.name as projectName',
  'e.code',
  'e.name',
  'e.gender',
  'e.phone',
  'e.position_id as positionId',
  'pos.name as positionName',
  'e.team_id as teamId',
  't.name as teamName',
  'e.hired_on as hiredOn',
  'e.left_on as leftOn',
  'e.status',
  'e.updated_at as updatedAt',
  'e.version',
] as const;

const EMPLOYEE_SORTS = { name: 'e.name', code: 'e.code', hiredOn: 'e.hired_on', id: 'e.id' } as const;

export async function listEmployees(db: Executor, actor: Actor, q: TEmployeeQuery) {
  let base = employeeBase(db, actor);
  if (q.projectId) base = base.where('e.project_id', '=', q.projectId);
  if (q.positionId) base = base.where('e.position_id', '=', q.positionId);
  if (q.teamId) base = base.where('e.team_id', '=', q.teamId);
  if (q.status) base = base.where('e.status', '=', q.status);
  if (q.q) {
    const like = `%${q.q}%`;
    base = base.where((eb) =>
      eb.or([eb('e.name', 'like', like), eb('e.code', 'like', like), eb('e.phone', 'like', like)]),
    );
  }
  const page = { page: q.page, pageSize: q.pageSize, sort: q.sort, order: q.order };
  const { column, direction } = sortColumn(EMPLOYEE_SORTS, page, 'e.id');
  const [items, count] = await Promise.all([
    base
      .select(employeeColumns)
      .orderBy(column, direction)
      .orderBy('e.id')
      .limit(page.pageSize)
      .offset(offsetOf(page))
      .execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toNumber(count.n), page: page.page, pageSize: page.pageSize };
}

export function findEmployee(db: Executor, actor: Actor, id: number) {
  return employeeBase(db, actor).select(employeeColumns).where('e.id', '=', id).executeTakeFirst();
}
export function findEmployeeByCode(db: Executor, code: string) {
  return db.selectFrom('employee').select(['id']).where('code', '=', code).executeTakeFirst();
}
export function insertEmployee(db: Executor, row: Insertable<Database['employee']>) {
  return db.insertInto('employee').values(row).returning('id').executeTakeFirstOrThrow();
}
/** Conditional on the version the form was opened with; false when someone saved first */
export async function updateEmployee(
  db: Executor,
  id: number,
  version: number,
  patch: Updateable<Database['employee']>,
) {
  const r = await db
    .updateTable('employee')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- teams ----
export async function listTeams(db: Executor, actor: Actor, projectId?: number) {
  let q = db
    .selectFrom('team as t')
    .innerJoin('project as p', 'p.id', 't.project_id')
    // a leader is named only if they work in the team's project: no names of other projects' staff
    .leftJoin('employee as l', (j) =>
      j.onRef('l.id', '=', 't.leader_employee_id').onRef('l.project_id', '=', 't.project_id'),
    )
    .select((eb) => [
      't.id',
      't.project_id as projectId',
      'p.name as projectName',
      't.name',
      't.kind',
      't.leader_employee_id as leaderEmployeeId',
      'l.name as leaderName',
      't.version',
      eb
        .selectFrom('employee as m')
        .select((e2) => e2.fn.countAll<number>().as('c'))
        .whereRef('m.team_id', '=', 't.id')
        .where('m.status', '=', 'active')
        .as('memberCount'),
    ])
    .where(projectScope(actor, 't.project_id'));
  if (projectId) q = q.where('t.project_id', '=', projectId);
  const rows = await q.orderBy('t.project_id').orderBy('t.id').execute();
  return rows.map((r) => ({ ...r, memberCount: toNumber(r.memberCount) }));
}
export function findTeam(db: Executor, actor: Actor, id: number) {
  return db
    .selectFrom('team')
    .selectAll()
    .where('id', '=', id)
    .where(projectScope(actor, 'team.project_id'))
    .executeTakeFirst();
}
export function insertTeam(db: Executor, row: Insertable<Database['team']>) {
  return db.insertInto('team').values(row).returningAll().executeTakeFirstOrThrow();
}
/** Conditional on the version the form was opened with; undefined when someone saved first */
export function updateTeam(db: Executor, id: number, version: number, patch: Updateable<Database['team']>) {
  return db
    .updateTable('team')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

// ---- for other modules (through StaffService, never their own SQL on employee/position) ----

/** Employees by id, any project and status: the caller has already scoped the record that names them. */
export function employeesByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('employee')
    .select(['id', 'name', 'status', 'project_id as projectId'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}
/** Active employees in the caller's projects, with their position (岗位) code and name. */
export function activeEmployees(
  db: Executor,
  actor: Actor,
  f: { projectId?: number; ids?: readonly number[] },
) {
  let q = db
    .selectFrom('employee as e')
    .leftJoin('position as pos', 'pos.id', 'e.position_id')
    .select([
      'e.id',
      'e.code',
      'e.name',
      'e.project_id as projectId',
      'pos.code as positionCode',
      'pos.name as positionName',
    ])
    .where('e.status', '=', 'active')
    .where(projectScope(actor, 'e.project_id'));
  if (f.projectId) q = q.where('e.project_id', '=', f.projectId);
  if (f.ids) {
    if (f.ids.length === 0) return Promise.resolve([]);
    q = q.where('e.id', 'in', [...new Set(f.ids)]);
  }
  return q.orderBy('e.id').execute();
  // ---- for other modules (through staff.service.ts) ----
}

/** Names of some employees / teams: compiled once per id count (the repair list asks on every page) */
const employeeNamesQuery = prepared(
  (n: number) => String(n),
  (db, p: { ids: number[] }, n) =>
    db.selectFrom('employee').select(['id', 'name']).where('id', 'in', listOf(p.ids, n)),
);
const teamNamesQuery = prepared(
  (n: number) => String(n),
  (db, p: { ids: number[] }, n) =>
    db.selectFrom('team').select(['id', 'name']).where('id', 'in', listOf(p.ids, n)),
);
export function employeeNamesOf(db: Executor, ids: number[]) {
  return ids.length ? employeeNamesQuery(db, ids.length, { ids }) : Promise.resolve([]);
}
export function teamNamesOf(db: Executor, ids: number[]) {
  return ids.length ? teamNamesQuery(db, ids.length, { ids }) : Promise.resolve([]);
}
export function findEmployeeInProject(db: Executor, id: number, projectId: number) {
  return db
    .selectFrom('employee')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
}
export function findTeamInProject(db: Executor, id: number, projectId: number) {
  return db
    .selectFrom('team')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
}

/**
 * For the assessment (through staff.service.ts): the employee's dates in the post, the teams she belongs
 * to or leads in her project, and the members of those teams (her included).
 */
export async function assessmentReachOf(db: Executor, employeeId: number) {
  const self = await db
    .selectFrom('employee')
    .select(['id', 'project_id', 'team_id', 'hired_on', 'left_on'])
    .where('id', '=', employeeId)
    .executeTakeFirst();
  if (!self) return undefined;
  const led = await db
    .selectFrom('team')
    .select('id')
    .where('leader_employee_id', '=', employeeId)
    .where('project_id', '=', self.project_id)
    .execute();
  const teamIds = [...new Set([...(self.team_id ? [self.team_id] : []), ...led.map((t) => t.id)])].sort(
    (a, b) => a - b,
  );
  const members = teamIds.length
    ? await db
        .selectFrom('employee')
        .select('id')
        .where('team_id', 'in', teamIds)
        .where('project_id', '=', self.project_id)
        .execute()
    : [];
  const memberIds = [...new Set([employeeId, ...members.map((m) => m.id)])].sort((a, b) => a - b);
  return { hiredOn: self.hired_on, leftOn: self.left_on, teamIds, memberIds };
}

/** Active employees in all projects (first-start checklist). */
export async function activeEmployeeCount(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('employee')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
