import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, projectScope } from '../../lib/actor.ts';
import './repair.tables.ts';
import { OPEN_STATUSES } from './repair.transitions.ts';

/** The weekly review's SQL (每周审核业主报修): the week's facts from the orders, the reviews themselves. */
export function submittedReviewProjects(db: Executor, weekStart: string) {
  return db
    .selectFrom('repair_weekly_review')
    .select(['project_id'])
    .where('week_start', '=', weekStart)
    .execute();
}

// ---- weekly review (每周审核业主报修) ----
const reviewColumns = [
  'r.id',
  'r.status',
  'r.location',
  'r.reporter_name',
  'r.created_at',
  'r.completed_at',
  'r.complete_due_at',
  'c.name as category_name',
] as const;

/** The week's facts, from the orders: new, done, overdue, unfinished at the week's end. */
export async function weekFacts(db: Executor, projectId: number, startIso: string, endIso: string) {
  const base = db
    .selectFrom('repair_order as r')
    .innerJoin('repair_category as c', 'c.id', 'r.category_id')
    .where('r.project_id', '=', projectId)
    .select(reviewColumns);
  const [created, done, unfinished] = await Promise.all([
    base.where('r.created_at', '>=', startIso).where('r.created_at', '<', endIso).orderBy('r.id').execute(),
    base
      .where('r.completed_at', '>=', startIso)
      .where('r.completed_at', '<', endIso)
      .orderBy('r.id')
      .execute(),
    base
      .where('r.created_at', '<', endIso)
      .where((eb) => eb.or([eb('r.completed_at', 'is', null), eb('r.completed_at', '>=', endIso)]))
      .where((eb) => eb.or([eb('r.cancelled_at', 'is', null), eb('r.cancelled_at', '>=', endIso)]))
      .orderBy('r.id')
      .execute(),
  ]);
  return { created, done, unfinished };
}

export function findReview(db: Executor, actor: Actor, projectId: number, weekStart: string) {
  return db
    .selectFrom('repair_weekly_review as w')
    .selectAll()
    .where(projectScope(actor, 'w.project_id'))
    .where('w.project_id', '=', projectId)
    .where('w.week_start', '=', weekStart)
    .executeTakeFirst();
}
export function findReviewById(db: Executor, actor: Actor, id: number) {
  return db
    .selectFrom('repair_weekly_review as w')
    .selectAll()
    .where(projectScope(actor, 'w.project_id'))
    .where('w.id', '=', id)
    .executeTakeFirst();
}
export function listReviews(db: Executor, actor: Actor, projectId?: number) {
  let q = db
    .selectFrom('repair_weekly_review as w')
    .select([
      'w.id',
      'w.project_id',
      'w.week_start',
      'w.week_end',
      'w.status',
      'w.summary',
      'w.content_json',
      'w.submitted_at',
      'w.submitted_by',
      'w.acknowledged_at',
      'w.acknowledged_by',
      'w.manager_comment',
      'w.due_at',
      'w.late',
    ])
    .where(projectScope(actor, 'w.project_id'));
  if (projectId) q = q.where('w.project_id', '=', projectId);
  return q.orderBy('w.week_start', 'desc').limit(104).execute();
}
export function insertReview(db: Executor, row: Insertable<Database['repair_weekly_review']>) {
  return db.insertInto('repair_weekly_review').values(row).returningAll().executeTakeFirstOrThrow();
}
export function updateReview(db: Executor, id: number, patch: Updateable<Database['repair_weekly_review']>) {
  return db
    .updateTable('repair_weekly_review')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Orders listed unfinished in a submitted review and still not completed: they stay on the supervisor's list. */
export async function pendingFromReviews(db: Executor, actor: Actor, projectId: number) {
  const reviews = await db
    .selectFrom('repair_weekly_review as w')
    .select(['w.content_json', 'w.week_start'])
    .where(projectScope(actor, 'w.project_id'))
    .where('w.project_id', '=', projectId)
    .orderBy('w.week_start', 'desc')
    .limit(26)
    .execute();
  const reasonById = new Map<number, { reason: string; weekStart: string }>();
  for (const r of reviews.reverse()) {
    const content = JSON.parse(r.content_json) as { unfinished: { id: number; reason?: string }[] };
    for (const u of content.unfinished ?? [])
      reasonById.set(u.id, { reason: u.reason ?? '', weekStart: r.week_start });
  }
  if (!reasonById.size) return [];
  const rows = await db
    .selectFrom('repair_order as r')
    .innerJoin('repair_category as c', 'c.id', 'r.category_id')
    .select(reviewColumns)
    .where('r.id', 'in', [...reasonById.keys()])
    .where('r.status', 'in', OPEN_STATUSES)
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ ...r, ...reasonById.get(r.id)! }));
}

export function insertConclusions(db: Executor, rows: Insertable<Database['repair_review_conclusion']>[]) {
  if (!rows.length) return Promise.resolve();
  return db.insertInto('repair_review_conclusion').values(rows).execute();
}

/** The submitted reviews of the weeks (rule 2.4): when each was due and submitted, whether late */
export function submittedReviewWeeks(
  db: Executor,
  projectId: number,
  fromWeekStart: string,
  toWeekStart: string,
) {
  return db
    .selectFrom('repair_weekly_review')
    .select(['id', 'week_start', 'submitted_at', 'due_at', 'late'])
    .where('project_id', '=', projectId)
    .where('week_start', '>=', fromWeekStart)
    .where('week_start', '<=', toWeekStart)
    .execute();
}
