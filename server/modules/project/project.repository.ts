import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { listOf, prepared } from '../../db/prepared.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, projectScope } from '../../lib/actor.ts';

export function listProjects(db: Executor, actor: Actor) {
  return db
    .selectFrom('project')
    .selectAll()
    .where(projectScope(actor, 'project.id'))
    .orderBy('id')
    .execute();
}

export function findProject(db: Executor, actor: Actor, id: number) {
  return db
    .selectFrom('project')
    .selectAll()
    .where('id', '=', id)
    .where(projectScope(actor, 'project.id'))
    .executeTakeFirst();
}

export function findProjectByCode(db: Executor, code: string) {
  return db.selectFrom('project').select('id').where('code', '=', code).executeTakeFirst();
}

export async function insertProject(db: Executor, row: Insertable<Database['project']>) {
  return db.insertInto('project').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Conditional on the version the form was opened with; undefined when someone saved first */
export async function updateProject(
  db: Executor,
  id: number,
  version: number,
  patch: Updateable<Database['project']>,
) {
  return db
    .updateTable('project')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export function firstCompany(db: Executor) {
  return db.selectFrom('company').selectAll().orderBy('id').executeTakeFirst();
}

export async function insertCompany(db: Executor, name: string, at: string) {
  return db.insertInto('company').values({ name, created_at: at }).returningAll().executeTakeFirstOrThrow();
}

export async function renameCompany(db: Executor, id: number, name: string) {
  return db
    .updateTable('company')
    .set({ name })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function projectCount(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('project')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- for other modules (through ProjectService, never their own SQL on project/company) ----

/** Projects by id with their names and company: other modules show the name beside their rows. */
export function projectsByIds(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('project')
    .select(['id', 'name', 'company_id as companyId'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/** Names of some projects (for other modules, through project.service.ts): compiled once per id count */
const projectNamesQuery = prepared(
  (n: number) => String(n),
  (db, p: { ids: number[] }, n) =>
    db.selectFrom('project').select(['id', 'name']).where('id', 'in', listOf(p.ids, n)),
);
export function projectNamesOf(db: Executor, ids: number[]) {
  return ids.length ? projectNamesQuery(db, ids.length, { ids }) : Promise.resolve([]);
}
export function visibleProjectsOf(db: Executor, actor: Actor, projectId?: number) {
  let q = db.selectFrom('project as p').select(['p.id', 'p.name']).where(projectScope(actor, 'p.id'));
  if (projectId) q = q.where('p.id', '=', projectId);
  return q.orderBy('p.id').execute();
}

/** The start dates (接管日期) of some projects, for the assessment's "nothing before a beginning" */
export function projectStarts(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('project')
    .select(['id', 'started_on as startedOn'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}
