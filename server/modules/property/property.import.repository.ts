import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, projectScope } from '../../lib/actor.ts';

/** The register import's SQL: its jobs, what it matches against, and its bulk writes. */

// ---- import jobs ----

export function insertJob(db: Executor, row: Insertable<Database['import_job']>) {
  return db.insertInto('import_job').values(row).returningAll().executeTakeFirstOrThrow();
}
export function updateJob(db: Executor, id: number, patch: Updateable<Database['import_job']>) {
  return db.updateTable('import_job').set(patch).where('id', '=', id).execute();
}
export function findJob(db: Executor, actor: Actor, id: number) {
  return db
    .selectFrom('import_job')
    .selectAll()
    .where('id', '=', id)
    .where(projectScope(actor, 'import_job.project_id'))
    .executeTakeFirst();
}

/** The job whose error report has this token, within the caller's projects. */
export function findJobByReportToken(db: Executor, actor: Actor, token: string) {
  return db
    .selectFrom('import_job')
    .selectAll()
    .where('report_token', '=', token)
    .where(projectScope(actor, 'import_job.project_id'))
    .executeTakeFirst();
}

/** Every unit of a project keyed by building and room (import matching). */
export function unitKeysOfProject(db: Executor, projectId: number) {
  return db
    .selectFrom('unit')
    .select(['id', 'building_id', 'room_no', 'status'])
    .where('project_id', '=', projectId)
    .execute();
}

// ---- bulk writes of an import (one transaction, chunked under the parameter limits) ----

const CHUNK = 400;

async function inChunks<T, R>(rows: T[], fn: (chunk: T[]) => Promise<R[]>, onChunk?: (done: number) => void) {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    out.push(...(await fn(rows.slice(i, i + CHUNK))));
    onChunk?.(Math.min(rows.length, i + CHUNK));
  }
  return out;
}

export function bulkInsertUnits(
  db: Executor,
  rows: Insertable<Database['unit']>[],
  onChunk?: (n: number) => void,
) {
  return inChunks(
    rows,
    (chunk) => db.insertInto('unit').values(chunk).returning(['id', 'building_id', 'room_no']).execute(),
    onChunk,
  );
}
export function bulkInsertStatus(db: Executor, rows: Insertable<Database['unit_status_history']>[]) {
  return inChunks(rows, async (chunk) => {
    await db.insertInto('unit_status_history').values(chunk).execute();
    return [];
  });
}
export function bulkInsertPeople(db: Executor, rows: Insertable<Database['owner']>[]) {
  return inChunks(rows, async (chunk) => {
    await db.insertInto('owner').values(chunk).execute();
    return [];
  });
}
export function peopleOfProject(db: Executor, projectId: number) {
  return db
    .selectFrom('owner')
    .select(['id', 'unit_id', 'kind', 'name'])
    .where('project_id', '=', projectId)
    .execute();
}
