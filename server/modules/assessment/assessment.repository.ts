import type { ExpressionBuilder, Insertable, Updateable } from 'kysely';
import { type Executor, toNumber } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, projectScope } from '../../lib/actor.ts';
import { offsetOf, sortColumn } from '../../lib/paging.ts';
import './assessment.tables.ts';
import type { TAssessmentQuery } from './assessment.schemas.ts';

type AssessmentRow = Database['assessment'];

// ---- schemes (company-wide, versioned) ----
export function listSchemes(db: Executor, companyId: number) {
  return db
    .selectFrom('assessment_scheme')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('code')
    .orderBy('version', 'desc')
    .execute();
}
export function findScheme(db: Executor, id: number) {
  return db.selectFrom('assessment_scheme').selectAll().where('id', '=', id).executeTakeFirst();
}
export function latestSchemeOfCode(db: Executor, companyId: number, code: string) {
  return db
    .selectFrom('assessment_scheme')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('code', '=', code)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}
export function latestSchemeForPosition(db: Executor, companyId: number, positionCode: string) {
  return db
    .selectFrom('assessment_scheme')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('position_code', '=', positionCode)
    .orderBy('version', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
export function insertScheme(db: Executor, row: Insertable<Database['assessment_scheme']>) {
  return db.insertInto('assessment_scheme').values(row).returningAll().executeTakeFirstOrThrow();
}
export function updateScheme(db: Executor, id: number, patch: Updateable<Database['assessment_scheme']>) {
  return db
    .updateTable('assessment_scheme')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
/** Takes the edit: conditional on the version the form was opened with; undefined when someone saved first */
export function bumpSchemeEditVersion(db: Executor, id: number, editVersion: number) {
  return db
    .updateTable('assessment_scheme')
    .set((eb) => ({ edit_version: eb('edit_version', '+', 1) }))
    .where('id', '=', id)
    .where('edit_version', '=', editVersion)
    .returning('id')
    .executeTakeFirst();
}
export async function schemeInUse(db: Executor, schemeId: number): Promise<boolean> {
  const row = await db
    .selectFrom('assessment')
    .select('id')
    .where('scheme_id', '=', schemeId)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

// ---- settings ----
export function findSettings(db: Executor, companyId: number) {
  return db
    .selectFrom('assessment_setting')
    .selectAll()
    .where('company_id', '=', companyId)
    .executeTakeFirst();
}
/** Conditional on the version the form was opened with; undefined when someone saved first */
export function updateSettings(
  db: Executor,
  companyId: number,
  version: number,
  patch: Updateable<Database['assessment_setting']>,
) {
  return db
    .updateTable('assessment_setting')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('company_id', '=', companyId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

// ---- assessments ----
/** Only the latest revision of an assessee's period: older revisions are kept, but not listed or ranked. */
export function isCurrentRevision(eb: ExpressionBuilder<Database & { a: AssessmentRow }, 'a'>) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('assessment as newer')
        .select('newer.id')
        .whereRef('newer.assessee_user_id', '=', 'a.assessee_user_id')
        .whereRef('newer.period', '=', 'a.period')
        .whereRef('newer.revision', '>', 'a.revision'),
    ),
  );
}

/**
 * Who sees which sheet (docs/assessment.md, Who sees what): admins and managers every sheet of their
 * projects; a supervisor the sheets they assess and their own once published; anyone else only their
 * own, once published.
 */
export function visibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<Database & { a: AssessmentRow }, 'a'>) => {
    if (actor.role === 'admin' || actor.role === 'manager') return eb.and([]);
    const own = eb.and([eb('a.assessee_user_id', '=', actor.userId), eb('a.status', '!=', 'draft')]);
    if (actor.role === 'supervisor') return eb.or([own, eb('a.assessor_user_id', '=', actor.userId)]);
    return own;
  };
}

function assessmentBase(db: Executor, actor: Actor) {
  return db
    .selectFrom('assessment as a')
    .innerJoin('assessment_scheme as s', 's.id', 'a.scheme_id')
    .where(projectScope(actor, 'a.project_id'))
    .where(visibleTo(actor));
}

const summaryColumns = [
  'a.id',
  'a.project_id as projectId',
  'a.assessee_user_id as assesseeUserId',
  'a.assessee_employee_id as assesseeEmployeeId',
  'a.assessor_user_id as assessorUserId',
  'a.scheme_id as schemeId',
  's.name as schemeName',
  's.version as schemeVersion',
  's.position_code as positionCode',
  'a.period',
  'a.period_start as periodStart',
  'a.period_end as periodEnd',
  'a.revision',
  'a.revision_of as revisionOf',
  'a.revision_reason as revisionReason',
  'a.status',
  'a.total_centi as totalCenti',
  'a.full_marks_centi as fullMarksCenti',
  'a.published_at as publishedAt',
  'a.appeal_deadline as appealDeadline',
  'a.finalized_at as finalizedAt',
  'a.computed_at as computedAt',
  'a.updated_at as updatedAt',
] as const;

const ASSESSMENT_SORTS = { period: 'a.period', total: 'a.total_centi', id: 'a.id' } as const;

function listBase(db: Executor, actor: Actor, q: TAssessmentQuery) {
  let base = assessmentBase(db, actor).where(isCurrentRevision);
  if (q.projectId) base = base.where('a.project_id', '=', q.projectId);
  if (q.period) base = base.where('a.period', '=', q.period);
  if (q.status) base = base.where('a.status', '=', q.status);
  if (q.assesseeUserId) base = base.where('a.assessee_user_id', '=', q.assesseeUserId);
  if (q.positionCode) base = base.where('s.position_code', '=', q.positionCode);
  return base;
}

/** One page of the current sheets, sorted by a column of the sheet (by assessee name: listAssessmentKeys). */
export async function listAssessments(db: Executor, actor: Actor, q: TAssessmentQuery) {
  const base = listBase(db, actor, q);
  const page = { page: q.page, pageSize: q.pageSize, sort: q.sort, order: q.order };
  const { column, direction } = sortColumn(ASSESSMENT_SORTS, page, 'a.period');
  const [items, count] = await Promise.all([
    base
      .select(summaryColumns)
      .orderBy(column, q.sort ? direction : 'desc')
      .orderBy('a.id')
      .limit(page.pageSize)
      .offset(offsetOf(page))
      .execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: toNumber(count.n), page: page.page, pageSize: page.pageSize };
}

/** Every current sheet of the list's filter, id and assessee only: the service sorts them by the assessee's name. */
export function listAssessmentKeys(db: Executor, actor: Actor, q: TAssessmentQuery) {
  return listBase(db, actor, q).select(['a.id', 'a.assessee_user_id as assesseeUserId']).execute();
}
export function findAssessmentSummaries(db: Executor, actor: Actor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return assessmentBase(db, actor).select(summaryColumns).where('a.id', 'in', ids).execute();
}

export function findAssessmentSummary(db: Executor, actor: Actor, id: number) {
  return assessmentBase(db, actor).select(summaryColumns).where('a.id', '=', id).executeTakeFirst();
}
/** The stored row, scoped and visible; the service decides what the caller may do with it. */
export function findAssessment(db: Executor, actor: Actor, id: number) {
  return assessmentBase(db, actor).selectAll('a').where('a.id', '=', id).executeTakeFirst();
}
/** The stored row by id, unscoped: for the 409 of a lost race on a row the caller has just read */
export function findAssessmentById(db: Executor, id: number) {
  return db.selectFrom('assessment').selectAll().where('id', '=', id).executeTakeFirst();
}
export function findLatestRevision(db: Executor, assesseeUserId: number, period: string) {
  return db
    .selectFrom('assessment')
    .selectAll()
    .where('assessee_user_id', '=', assesseeUserId)
    .where('period', '=', period)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
}
export function listRevisions(db: Executor, actor: Actor, assesseeUserId: number, period: string) {
  return assessmentBase(db, actor)
    .select([
      'a.id',
      'a.revision',
      'a.status',
      'a.total_centi as totalCenti',
      'a.revision_reason as revisionReason',
      'a.created_at as createdAt',
      'a.finalized_at as finalizedAt',
    ])
    .where('a.assessee_user_id', '=', assesseeUserId)
    .where('a.period', '=', period)
    .orderBy('a.revision')
    .execute();
}
export function insertAssessment(db: Executor, row: Insertable<AssessmentRow>) {
  return db.insertInto('assessment').values(row).returningAll().executeTakeFirstOrThrow();
}
/**
 * Changes an assessment only while it is not finalized: the WHERE makes "locked means locked" hold even if
 * a caller raced the lock (the service checks first and reports 409; this is the last line).
 */
export async function updateUnlockedAssessment(
  db: Executor,
  id: number,
  patch: Updateable<AssessmentRow>,
  /** a move (publish, finalize) happens only from the status it was checked in: one of two racing moves wins */
  fromStatus?: string,
) {
  let q = db.updateTable('assessment').set(patch).where('id', '=', id).where('status', '!=', 'finalized');
  if (fromStatus) q = q.where('status', '=', fromStatus as never);
  const row = await q.returningAll().executeTakeFirst();
  return row ?? null;
}

// ---- manual entries ----
/**
 * A manual row as the service reads and writes it: quantity and points as decimal numbers. The table
 * keeps them in integer hundredths (exact); the conversion happens here, once.
 */
type ManualEntryTable = Database['assessment_manual_entry'];
export type ManualEntryValues = Omit<Insertable<ManualEntryTable>, 'quantity_centi' | 'points_centi'> & {
  quantity: number;
  points: number | null;
};
export function manualEntryOf<T extends { quantity_centi: number; points_centi: number | null }>(row: T) {
  const { quantity_centi, points_centi, ...rest } = row;
  return {
    ...rest,
    quantity: toNumber(quantity_centi) / 100,
    points: points_centi === null ? null : toNumber(points_centi) / 100,
  };
}
export async function listManualEntries(db: Executor, assessmentId: number) {
  const rows = await db
    .selectFrom('assessment_manual_entry')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('id')
    .execute();
  return rows.map(manualEntryOf);
}
export async function insertManualEntry(db: Executor, values: ManualEntryValues) {
  const { quantity, points, ...rest } = values;
  const row = await db
    .insertInto('assessment_manual_entry')
    .values({
      ...rest,
      quantity_centi: Math.round(quantity * 100),
      points_centi: points === null ? null : Math.round(points * 100),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return manualEntryOf(row);
}
export async function findManualEntry(db: Executor, assessmentId: number, id: number) {
  const row = await db
    .selectFrom('assessment_manual_entry')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && manualEntryOf(row);
}
export function deleteManualEntry(db: Executor, id: number) {
  return db.deleteFrom('assessment_manual_entry').where('id', '=', id).execute();
}

// ---- outputs ----
/** 排名: the current revision of every published or finalized sheet of one position in one period. */
export function ranking(
  db: Executor,
  actor: Actor,
  args: { period: string; positionCode: string; projectId?: number },
) {
  let q = assessmentBase(db, actor)
    .where(isCurrentRevision)
    .where('a.period', '=', args.period)
    .where('s.position_code', '=', args.positionCode)
    .where('a.status', 'in', ['published', 'finalized']);
  if (args.projectId) q = q.where('a.project_id', '=', args.projectId);
  // equal totals: the service orders them by the assessee's name
  return q.select(summaryColumns).orderBy('a.total_centi', 'desc').orderBy('a.id').execute();
}

export function trend(
  db: Executor,
  actor: Actor,
  assesseeUserId: number,
  fromPeriod: string,
  toPeriod: string,
) {
  return assessmentBase(db, actor)
    .where(isCurrentRevision)
    .where('a.assessee_user_id', '=', assesseeUserId)
    .where('a.period', '>=', fromPeriod)
    .where('a.period', '<=', toPeriod)
    .where('a.status', 'in', ['published', 'finalized'])
    .select(summaryColumns)
    .orderBy('a.period')
    .execute();
}
