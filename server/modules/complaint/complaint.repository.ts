import type { Insertable, Updateable } from 'kysely';
import { type Executor, toNumber } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, projectScope } from '../../lib/actor.ts';
import { offsetOf, sortColumn } from '../../lib/paging.ts';
import { asFlag } from '../../lib/sql.ts';
import { addDays, startOfLocalDay } from '../../lib/time.ts';
import {
  complaintOverdueSql,
  isComplaintOverdue,
  markedImproperInSql,
  openComplaintSql,
  receivedInSql,
  responseLateNowSql,
} from './complaint.rules.ts';
import type { TComplaintQuery } from './complaint.schemas.ts';
import './complaint.tables.ts';

export const complaintCode = (id: number) => `TS${String(id).padStart(6, '0')}`;

export interface ComplaintScope {
  actor: Actor;
  ownerUnitIds?: number[];
}
function scoped(db: Executor, scope: ComplaintScope) {
  let q = db.selectFrom('complaint as k').where(projectScope(scope.actor, 'k.project_id'));
  if (scope.actor.role === 'owner') {
    const units = scope.ownerUnitIds ?? [];
    const userId = scope.actor.userId;
    q = q.where((eb) =>
      units.length
        ? eb.or([eb('k.owner_user_id', '=', userId), eb('k.unit_id', 'in', units)])
        : eb('k.owner_user_id', '=', userId),
    );
  }
  return q;
}

export function listCategories(db: Executor) {
  return db.selectFrom('complaint_category').selectAll().orderBy('sort').execute();
}
export function findCategory(db: Executor, id: number) {
  return db.selectFrom('complaint_category').selectAll().where('id', '=', id).executeTakeFirst();
}

const SORTS = { createdAt: 'k.created_at', responseDueAt: 'k.response_due_at', id: 'k.id' } as const;

export async function listComplaints(
  db: Executor,
  scope: ComplaintScope,
  q: TComplaintQuery,
  nowIso: string,
) {
  let base = scoped(db, scope);
  if (q.projectId) base = base.where('k.project_id', '=', q.projectId);
  if (q.status) base = base.where('k.status', '=', q.status);
  if (q.categoryId) base = base.where('k.category_id', '=', q.categoryId);
  if (q.buildingId) base = base.where('k.building_id', '=', q.buildingId);
  if (q.handlerEmployeeId) base = base.where('k.handler_employee_id', '=', q.handlerEmployeeId);
  if (q.improper !== undefined) base = base.where('k.improper', '=', q.improper ? 1 : 0);
  if (q.from) base = base.where('k.created_at', '>=', startOfLocalDay(q.from));
  if (q.to) base = base.where('k.created_at', '<', startOfLocalDay(addDays(q.to, 1)));
  if (q.overdue !== undefined)
    base = base.where(asFlag(complaintOverdueSql(nowIso, 'k')), '=', q.overdue ? 1 : 0);
  const page = { page: q.page, pageSize: q.pageSize, sort: q.sort, order: q.order ?? 'desc' };
  const { column, direction } = sortColumn(SORTS, page, 'k.created_at');
  const [rows, count] = await Promise.all([
    base
      .innerJoin('complaint_category as c', 'c.id', 'k.category_id')
      .select([
        'k.id',
        'k.project_id as projectId',
        'k.complainant_name as complainantName',
        'k.category_id as categoryId',
        'c.name as categoryName',
        'k.content',
        'k.status',
        'k.channel',
        'k.building_id as buildingId',
        'k.handler_employee_id as handlerEmployeeId',
        'k.response_due_at as responseDueAt',
        'k.created_at as createdAt',
        'k.improper',
        'k.responded_at',
        'k.response_overdue',
      ])
      .orderBy(column, direction)
      .orderBy('k.id', direction)
      .limit(page.pageSize)
      .offset(offsetOf(page))
      .execute(),
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map(({ responded_at, response_overdue, ...r }) => ({
      ...r,
      code: complaintCode(r.id),
      /** the service fills it in from the staff module */
      handlerName: null as string | null,
      overdue: isComplaintOverdue(
        { status: r.status, response_due_at: r.responseDueAt, responded_at, response_overdue },
        nowIso,
      ),
      improper: toNumber(r.improper) === 1,
    })),
    total: toNumber(count.n),
    page: page.page,
    pageSize: page.pageSize,
  };
}

export function findComplaint(db: Executor, scope: ComplaintScope, id: number) {
  return scoped(db, scope).selectAll('k').where('k.id', '=', id).executeTakeFirst();
}
export function findComplaintDetail(db: Executor, scope: ComplaintScope, id: number) {
  return scoped(db, scope)
    .innerJoin('complaint_category as c', 'c.id', 'k.category_id')
    .selectAll('k')
    .select(['c.name as category_name'])
    .where('k.id', '=', id)
    .executeTakeFirst();
}
export function insertComplaint(db: Executor, row: Insertable<Database['complaint']>) {
  return db.insertInto('complaint').values(row).returningAll().executeTakeFirstOrThrow();
}
/**
 * Updates a complaint only if it is still as it was read (`expect`): a conditional update, so of two
 * simultaneous moves exactly one wins. Returns undefined when another request changed it first.
 */
export function updateComplaint(
  db: Executor,
  id: number,
  patch: Updateable<Database['complaint']>,
  expect: { status: string; improper?: number },
) {
  let q = db
    .updateTable('complaint')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', expect.status as never);
  if (expect.improper !== undefined) q = q.where('improper', '=', expect.improper);
  return q.returningAll().executeTakeFirst();
}
export function insertRecord(db: Executor, row: Insertable<Database['complaint_record']>) {
  return db.insertInto('complaint_record').values(row).execute();
}
export function listRecords(db: Executor, complaintId: number) {
  return db
    .selectFrom('complaint_record')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('id')
    .execute();
}

/** Complaints received in [startIso, endIso) of a project (cancelled ones too: a complaint was made) */
export function complaintsReceived(db: Executor, projectId: number, startIso: string, endIso: string) {
  return db
    .selectFrom('complaint')
    .select(['id', 'complainant_name', 'created_at', 'status', 'duplicate_of'])
    .where('project_id', '=', projectId)
    .where(receivedInSql(startIso, endIso))
    .orderBy('id')
    .execute();
}
export function complaintsMarkedImproper(db: Executor, projectId: number, startIso: string, endIso: string) {
  return db
    .selectFrom('complaint')
    .select(['id', 'complainant_name', 'improper_reason', 'improper_at'])
    .where('project_id', '=', projectId)
    .where(markedImproperInSql(startIso, endIso))
    .orderBy('id')
    .execute();
}
/** Records the mark of open complaints unanswered past their deadline (complaint.rules.ts) */
export async function markOverdue(db: Executor, nowIso: string) {
  const r = await db
    .updateTable('complaint')
    .set({ response_overdue: 1 })
    .where('response_overdue', '=', 0)
    .where(responseLateNowSql(nowIso))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
/** Open complaints that are overdue, for the reminders */
export function openComplaintsOverdue(db: Executor, nowIso: string) {
  return db
    .selectFrom('complaint as k')
    .select(['k.id', 'k.project_id', 'k.complainant_name', 'k.handler_employee_id', 'k.response_due_at'])
    .where(openComplaintSql('k'))
    .where(complaintOverdueSql(nowIso, 'k'))
    .orderBy('k.id')
    .limit(5000)
    .execute();
}
