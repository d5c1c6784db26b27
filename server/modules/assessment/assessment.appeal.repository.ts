import type { Insertable, Updateable } from 'kysely';
import { type Executor, toNumber } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, projectScope } from '../../lib/actor.ts';
import { isCurrentRevision, visibleTo } from './assessment.repository.ts';

/** Appeals (申诉) against rows of a published sheet: one per row, decided by the manager. */

/**
 * An appeal as the service reads and writes it: points as decimal numbers. The table keeps them in
 * integer hundredths (exact); the conversion happens here, once.
 */
type AppealTable = Database['assessment_appeal'];
type Centi = 'row_points_centi' | 'new_points_centi';
export type AppealValues = Omit<Insertable<AppealTable>, Centi> & {
  row_points: number;
  new_points: number | null;
};
export type AppealPatch = Omit<Updateable<AppealTable>, Centi> & { new_points?: number | null };

const toCenti = (points: number | null) => (points === null ? null : Math.round(points * 100));
function appealOf<T extends { row_points_centi: number; new_points_centi: number | null }>(row: T) {
  const { row_points_centi, new_points_centi, ...rest } = row;
  return {
    ...rest,
    row_points: toNumber(row_points_centi) / 100,
    new_points: new_points_centi === null ? null : toNumber(new_points_centi) / 100,
  };
}

export async function listAppeals(db: Executor, assessmentId: number) {
  const rows = await db
    .selectFrom('assessment_appeal')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('id')
    .execute();
  return rows.map(appealOf);
}
export async function findAppeal(db: Executor, actor: Actor, id: number) {
  const row = await db
    .selectFrom('assessment_appeal as ap')
    .selectAll('ap')
    .where('ap.id', '=', id)
    .where(projectScope(actor, 'ap.project_id'))
    .executeTakeFirst();
  return row && appealOf(row);
}
export async function insertAppeal(db: Executor, values: AppealValues) {
  const { row_points, new_points, ...rest } = values;
  const row = await db
    .insertInto('assessment_appeal')
    .values({ ...rest, row_points_centi: toCenti(row_points) ?? 0, new_points_centi: toCenti(new_points) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return appealOf(row);
}
export async function updatePendingAppeal(db: Executor, id: number, patch: AppealPatch) {
  const { new_points, ...rest } = patch;
  const row = await db
    .updateTable('assessment_appeal')
    .set(new_points === undefined ? rest : { ...rest, new_points_centi: toCenti(new_points) })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
  return row && appealOf(row);
}
export async function countPendingAppeals(db: Executor, assessmentId: number): Promise<number> {
  const row = await db
    .selectFrom('assessment_appeal')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('assessment_id', '=', assessmentId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return toNumber(row.n);
}
/** Appeals the caller may see across sheets (the manager's inbox), newest first. */
export async function listVisibleAppeals(db: Executor, actor: Actor, status?: string) {
  let q = db
    .selectFrom('assessment_appeal as ap')
    .innerJoin('assessment as a', 'a.id', 'ap.assessment_id')
    .select([
      'ap.id',
      'ap.assessment_id as assessmentId',
      'ap.row_key as rowKey',
      'ap.row_points_centi as rowPointsCenti',
      'ap.reason',
      'ap.status',
      'ap.new_points_centi as newPointsCenti',
      'ap.decision_reason as decisionReason',
      'ap.decided_at as decidedAt',
      'ap.created_at as createdAt',
      'a.period',
      'a.project_id as projectId',
      'a.assessee_user_id as assesseeUserId',
      'a.assessor_user_id as assessorUserId',
    ])
    .where(projectScope(actor, 'ap.project_id'))
    .where(visibleTo(actor));
  if (status) q = q.where('ap.status', '=', status as 'pending');
  const rows = await q.orderBy('ap.id', 'desc').limit(200).execute();
  return rows.map(({ rowPointsCenti, newPointsCenti, ...rest }) => ({
    ...rest,
    rowPoints: toNumber(rowPointsCenti) / 100,
    newPoints: newPointsCenti === null ? null : toNumber(newPointsCenti) / 100,
  }));
}

/**
 * Rule 1.4's facts: appeals decided in favour of the assessee (申诉成立), in the period, against sheets this
 * person assessed in this project.
 */
export function upheldAppealsAgainstAssessor(
  db: Executor,
  args: { assessorUserId: number; projectId: number; fromAt: string; toAt: string },
) {
  return db
    .selectFrom('assessment_appeal as ap')
    .innerJoin('assessment as a', 'a.id', 'ap.assessment_id')
    .select(['ap.id', 'ap.row_key as rowKey', 'a.period', 'a.assessee_user_id as assesseeUserId'])
    .where('a.assessor_user_id', '=', args.assessorUserId)
    .where('a.assessee_user_id', '!=', args.assessorUserId)
    .where('a.project_id', '=', args.projectId)
    .where('ap.status', '=', 'upheld')
    .where(isCurrentRevision)
    .where('ap.decided_at', '>=', args.fromAt)
    .where('ap.decided_at', '<', args.toAt)
    .orderBy('ap.id')
    .execute();
}

/** The disputed cases of a sheet's appeals, in the order they were listed. */
export function listAppealCases(db: Executor, assessmentId: number) {
  return db
    .selectFrom('assessment_appeal_case')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('appeal_id')
    .orderBy('id')
    .execute();
}
export function insertAppealCases(db: Executor, rows: Insertable<Database['assessment_appeal_case']>[]) {
  if (rows.length === 0) return Promise.resolve([]);
  return db.insertInto('assessment_appeal_case').values(rows).returningAll().execute();
}
export function updatePendingCase(
  db: Executor,
  id: number,
  patch: Updateable<Database['assessment_appeal_case']>,
) {
  return db
    .updateTable('assessment_appeal_case')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}
