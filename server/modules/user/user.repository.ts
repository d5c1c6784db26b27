import type { Insertable, Updateable } from 'kysely';
import { type Executor, toNumber } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { offsetOf, sortColumn } from '../../lib/paging.ts';
import type { TUserQuery } from './user.schemas.ts';

const SORTS = { username: 'u.username', displayName: 'u.display_name', role: 'u.role', id: 'u.id' } as const;

export async function listUsers(db: Executor, q: TUserQuery) {
  let base = db.selectFrom('app_user as u');
  if (q.role) base = base.where('u.role', '=', q.role);
  if (q.projectId) {
    const pid = q.projectId;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_project as up')
          .select('up.user_id')
          .whereRef('up.user_id', '=', 'u.id')
          .where('up.project_id', '=', pid),
      ),
    );
  }
  if (q.q) {
    const like = `%${q.q}%`;
    base = base.where((eb) => eb.or([eb('u.username', 'like', like), eb('u.display_name', 'like', like)]));
  }
  const page = { page: q.page, pageSize: q.pageSize, sort: q.sort, order: q.order };
  const { column, direction } = sortColumn(SORTS, page, 'u.id');
  const [rows, count] = await Promise.all([
    base
      .selectAll('u')
      .orderBy(column, direction)
      .orderBy('u.id')
      .limit(page.pageSize)
      .offset(offsetOf(page))
      .execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: toNumber(count.n) };
}

export async function projectIdsByUser(db: Executor, userIds: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  if (userIds.length === 0) return map;
  const rows = await db
    .selectFrom('user_project')
    .selectAll()
    .where('user_id', 'in', userIds)
    .orderBy('project_id')
    .execute();
  for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.project_id]);
  return map;
}

export function findUser(db: Executor, id: number) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}
export function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
}
export function insertUser(db: Executor, row: Insertable<Database['app_user']>) {
  return db.insertInto('app_user').values(row).returningAll().executeTakeFirstOrThrow();
}
export function updateUser(db: Executor, id: number, patch: Updateable<Database['app_user']>) {
  return db.updateTable('app_user').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
/** An edit of the account, conditional on the version the form was opened with; undefined when someone saved first */
export function updateUserVersion(
  db: Executor,
  id: number,
  version: number,
  patch: Updateable<Database['app_user']>,
) {
  return db
    .updateTable('app_user')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
export async function replaceUserProjects(db: Executor, userId: number, projectIds: number[]) {
  await db.deleteFrom('user_project').where('user_id', '=', userId).execute();
  if (projectIds.length) {
    await db
      .insertInto('user_project')
      .values(projectIds.map((project_id) => ({ user_id: userId, project_id })))
      .execute();
  }
}
export async function existingProjectIds(db: Executor, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('project').select('id').where('id', 'in', ids).execute();
  return rows.map((r) => r.id);
}
export async function deleteSessionsOfUser(db: Executor, userId: number) {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

// ---- for other modules (through UserService, never their own SQL on app_user) ----

/** Accounts by id: names for lists, the role for checks, the linked employee. */
export function accountsByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name as displayName', 'role', 'active', 'employee_id as employeeId'])
    .where('id', 'in', [...new Set(ids)])
    .orderBy('id')
    .execute();
}
/** Active accounts linked to these employees. */
export function activeAccountsOfEmployees(db: Executor, employeeIds: readonly number[]) {
  if (employeeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name as displayName', 'role', 'employee_id as employeeId'])
    .where('active', '=', 1)
    .where('employee_id', 'in', [...new Set(employeeIds)])
    .orderBy('id')
    .execute();
}
export async function addUserProject(db: Executor, userId: number, projectId: number) {
  const has = await db
    .selectFrom('user_project')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!has) await db.insertInto('user_project').values({ user_id: userId, project_id: projectId }).execute();
  // ---- for other modules (through user.service.ts) ----
}

/** Active users of a role with each project they are assigned to: one row per (user, project) */
export function activeUsersOfRole(db: Executor, role: 'supervisor' | 'frontdesk') {
  return db
    .selectFrom('app_user as u')
    .innerJoin('user_project as up', 'up.user_id', 'u.id')
    .select(['u.id as userId', 'up.project_id as projectId'])
    .where('u.role', '=', role)
    .where('u.active', '=', 1)
    .execute();
}
/** Active users linked to an employee */
export async function activeUsersOfEmployees(db: Executor) {
  const rows = await db
    .selectFrom('app_user')
    .select(['id as userId', 'employee_id as employeeId'])
    .where('employee_id', 'is not', null)
    .where('active', '=', 1)
    .execute();
  return rows as { userId: number; employeeId: number }[];
}
/** Display names of some users */
export function displayNamesOf(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', ids).execute();
}

/** Active accounts: administrators, and everybody else (the first-start checklist asks for both). */
export async function accountCounts(db: Executor): Promise<{ admins: number; others: number }> {
  const rows = await db
    .selectFrom('app_user')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('role', '=', 'admin').as('admins'),
      eb.fn.countAll<number>().filterWhere('role', '!=', 'admin').as('others'),
    ])
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return { admins: Number(rows.admins), others: Number(rows.others) };
}
