import { type Insertable, sql, type Updateable } from 'kysely';
import { type Executor, toNumber } from '../../db/database.ts';
import { listOf, prepared } from '../../db/prepared.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, projectScope } from '../../lib/actor.ts';
import { offsetOf, sortColumn } from '../../lib/paging.ts';
import { asFlag } from '../../lib/sql.ts';
import { addDays, startOfLocalDay } from '../../lib/time.ts';
import { isOverdue, overdueSql } from './repair.rules.ts';
import type { TRepairQuery } from './repair.schemas.ts';
import './repair.tables.ts';

/** Which orders a caller may see: their projects; an owner only the orders of their units or their own. */
export interface RepairScope {
  actor: Actor;
  /** owner only: the units they own (from the register) */
  ownerUnitIds?: number[];
}

export const repairCode = (id: number) => `BX${String(id).padStart(6, '0')}`;

// ---- categories ----
export function listCategories(db: Executor) {
  return db.selectFrom('repair_category').selectAll().orderBy('sort').orderBy('id').execute();
}
export function findCategory(db: Executor, id: number) {
  return db.selectFrom('repair_category').selectAll().where('id', '=', id).executeTakeFirst();
}
/** Conditional on the version the form was opened with; undefined when someone saved first */
export function updateCategory(
  db: Executor,
  id: number,
  version: number,
  patch: Updateable<Database['repair_category']>,
) {
  return db
    .updateTable('repair_category')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

// ---- orders ----
/**
 * The structure of a scoped query, without its values: which projects clause (all, none, an IN
 * list of n), and for an owner the length of their unit list. Part of every prepared query's key.
 */
interface ScopeShape {
  all: boolean;
  projects: number;
  owner: boolean;
  units: number;
}
interface ScopeValues {
  projectIds: number[];
  userId: number;
  unitIds: number[];
}
const scopeShape = (scope: RepairScope): ScopeShape => ({
  all: scope.actor.allProjects,
  projects: scope.actor.projectIds.length,
  owner: scope.actor.role === 'owner',
  units: scope.ownerUnitIds?.length ?? 0,
});
const scopeValues = (scope: RepairScope): ScopeValues => ({
  projectIds: scope.actor.projectIds,
  userId: scope.actor.userId,
  unitIds: scope.ownerUnitIds ?? [],
});
const scopeKey = (s: ScopeShape) => `${s.all ? 'all' : s.projects}/${s.owner ? s.units : '-'}`;

function scoped(db: Executor, scope: RepairScope) {
  return scopedRows(db, scopeShape(scope), scopeValues(scope));
}

/** The caller as projectScope (the one scoping rule) needs it; its projects are placeholders in prepared queries. */
const scopeActor = (shape: ScopeShape, p: ScopeValues) =>
  ({ allProjects: shape.all, projectIds: listOf(p.projectIds, shape.projects) }) as Actor;

/** Which orders a caller may see, from the scope's shape and values. */
function scopedRows(db: Executor, shape: ScopeShape, p: ScopeValues) {
  let q = db.selectFrom('repair_order as r').where(projectScope(scopeActor(shape, p), 'r.project_id'));
  if (shape.owner) {
    const units = listOf(p.unitIds, shape.units);
    q = q.where((eb) =>
      units.length
        ? eb.or([eb('r.owner_user_id', '=', p.userId), eb('r.unit_id', 'in', units)])
        : eb('r.owner_user_id', '=', p.userId),
    );
  }
  return q;
}

const REPAIR_SORTS = { createdAt: 'r.created_at', completeDueAt: 'r.complete_due_at', id: 'r.id' } as const;

/** A list query's structure: scope, which filters are given, the sort. */
interface ListShape extends ScopeShape {
  filters: string;
  column: (typeof REPAIR_SORTS)[keyof typeof REPAIR_SORTS];
  direction: 'asc' | 'desc';
}
interface ListValues extends ScopeValues {
  projectId?: number;
  status?: string;
  categoryId?: number;
  buildingId?: number;
  assigneeEmployeeId?: number;
  from?: string;
  to?: string;
  overdue?: number;
  like?: string;
  nowIso: string;
  limit: number;
  offset: number;
}
const FILTERS = [
  'projectId',
  'status',
  'categoryId',
  'buildingId',
  'assigneeEmployeeId',
  'from',
  'to',
  'overdue',
  'like',
] as const;
const has = (shape: ListShape, filter: (typeof FILTERS)[number]) => shape.filters.includes(`${filter},`);
const listKey = (s: ListShape) => `${scopeKey(s)} ${s.filters} ${s.column} ${s.direction}`;

function filteredRows(db: Executor, p: ListValues, shape: ListShape) {
  let base = scopedRows(db, shape, p);
  if (has(shape, 'projectId')) base = base.where('r.project_id', '=', p.projectId as number);
  if (has(shape, 'status')) base = base.where('r.status', '=', p.status as never);
  if (has(shape, 'categoryId')) base = base.where('r.category_id', '=', p.categoryId as number);
  if (has(shape, 'buildingId')) base = base.where('r.building_id', '=', p.buildingId as number);
  if (has(shape, 'assigneeEmployeeId'))
    base = base.where('r.assignee_employee_id', '=', p.assigneeEmployeeId as number);
  if (has(shape, 'from')) base = base.where('r.created_at', '>=', p.from as string);
  if (has(shape, 'to')) base = base.where('r.created_at', '<', p.to as string);
  if (has(shape, 'overdue')) base = base.where(asFlag(overdueSql(p.nowIso, 'r')), '=', p.overdue as number);
  if (has(shape, 'like')) {
    const like = p.like as string;
    base = base.where((eb) =>
      eb.or([
        eb('r.location', 'like', like),
        eb('r.reporter_name', 'like', like),
        eb('r.description', 'like', like),
      ]),
    );
  }
  return base;
}

const listRows = prepared(listKey, (db, p: ListValues, shape: ListShape) =>
  filteredRows(db, p, shape)
    .innerJoin('repair_category as c', 'c.id', 'r.category_id')
    .select([
      'r.id',
      'r.project_id as projectId',
      'r.location',
      'r.reporter_name as reporterName',
      'r.category_id as categoryId',
      'c.name as categoryName',
      'r.priority',
      'r.status',
      'r.channel',
      'r.building_id as buildingId',
      'r.assignee_employee_id as assigneeEmployeeId',
      'r.dispatch_due_at as dispatchDueAt',
      'r.complete_due_at as completeDueAt',
      'r.created_at as createdAt',
      // overdue is worked out below from these, not by a SQL expression on every row (4x slower here)
      'r.dispatch_overdue',
      'r.complete_overdue',
    ])
    .orderBy(shape.column, shape.direction)
    .orderBy('r.id', shape.direction)
    .limit(p.limit)
    .offset(p.offset),
);
const countRows = prepared(listKey, (db, p: ListValues, shape: ListShape) =>
  filteredRows(db, p, shape).select((eb) => eb.fn.countAll().as('n')),
);
/** The total from repair_count, when the filter uses only project, status and category. */
const countFromCountTable = prepared(listKey, (db, p: ListValues, shape: ListShape) => {
  let c = db
    .selectFrom('repair_count as rc')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('rc.n'), sql<number>`0`).as('n'))
    .where(projectScope(scopeActor(shape, p), 'rc.project_id'));
  if (has(shape, 'projectId')) c = c.where('rc.project_id', '=', p.projectId as number);
  if (has(shape, 'status')) c = c.where('rc.status', '=', p.status as never);
  if (has(shape, 'categoryId')) c = c.where('rc.category_id', '=', p.categoryId as number);
  return c;
});

export async function listOrders(db: Executor, scope: RepairScope, q: TRepairQuery, nowIso: string) {
  const page = { page: q.page, pageSize: q.pageSize, sort: q.sort, order: q.order ?? 'desc' };
  const { column, direction } = sortColumn(REPAIR_SORTS, page, 'r.created_at');
  const values: ListValues = {
    ...scopeValues(scope),
    projectId: q.projectId,
    status: q.status,
    categoryId: q.categoryId,
    buildingId: q.buildingId,
    assigneeEmployeeId: q.assigneeEmployeeId,
    from: q.from ? startOfLocalDay(q.from) : undefined,
    to: q.to ? startOfLocalDay(addDays(q.to, 1)) : undefined,
    overdue: q.overdue === undefined ? undefined : q.overdue ? 1 : 0,
    like: q.q ? `%${q.q}%` : undefined,
    nowIso,
    limit: page.pageSize,
    offset: offsetOf(page),
  };
  let filters = '';
  for (const f of FILTERS) if (values[f] !== undefined) filters += `${f},`;
  const shape: ListShape = { ...scopeShape(scope), filters, column, direction };
  const fromCountTable = !shape.owner && /^(projectId,)?(status,)?(categoryId,)?$/.test(filters);
  const [rows, count] = await Promise.all([
    listRows(db, shape, values),
    q.withTotal === false
      ? Promise.resolve([{ n: -1 }])
      : (fromCountTable ? countFromCountTable : countRows)(db, shape, values),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: repairCode(r.id),
      projectId: r.projectId,
      location: r.location,
      reporterName: r.reporterName,
      categoryId: r.categoryId,
      categoryName: r.categoryName,
      priority: r.priority,
      status: r.status,
      channel: r.channel,
      buildingId: r.buildingId,
      assigneeEmployeeId: r.assigneeEmployeeId,
      /** the service fills it in from the staff module */
      assigneeName: null as string | null,
      dispatchDueAt: r.dispatchDueAt,
      completeDueAt: r.completeDueAt,
      createdAt: r.createdAt,
      overdue: isOverdue(
        {
          status: r.status,
          dispatch_due_at: r.dispatchDueAt,
          complete_due_at: r.completeDueAt,
          dispatch_overdue: r.dispatch_overdue,
          complete_overdue: r.complete_overdue,
        },
        nowIso,
      ),
    })),
    total: toNumber(count[0]?.n),
    page: page.page,
    pageSize: page.pageSize,
  };
}

/** Moves one order between (status, category) cells of repair_count; call inside the change's transaction. */
export async function adjustCount(
  db: Executor,
  projectId: number,
  from: { status: string; categoryId: number } | null,
  to: { status: string; categoryId: number } | null,
) {
  if (from && to && from.status === to.status && from.categoryId === to.categoryId) return;
  if (from) {
    await db
      .updateTable('repair_count')
      .set((eb) => ({ n: eb('n', '-', 1) }))
      .where('project_id', '=', projectId)
      .where('status', '=', from.status as never)
      .where('category_id', '=', from.categoryId)
      .execute();
  }
  if (to) {
    await db
      .insertInto('repair_count')
      .values({ project_id: projectId, status: to.status as never, category_id: to.categoryId, n: 1 })
      .onConflict((oc) =>
        oc
          .columns(['project_id', 'status', 'category_id'])
          .doUpdateSet((eb) => ({ n: eb('repair_count.n', '+', 1) })),
      )
      .execute();
  }
}

/** Recounts repair_count from the orders (after bulk loads: demo data, benchmark, imports). */
export async function rebuildCounts(db: Executor) {
  await db.deleteFrom('repair_count').execute();
  await db
    .insertInto('repair_count')
    .columns(['project_id', 'status', 'category_id', 'n'])
    .expression(
      db
        .selectFrom('repair_order')
        .select((eb) => ['project_id', 'status', 'category_id', eb.fn.countAll<number>().as('n')])
        .groupBy(['project_id', 'status', 'category_id']),
    )
    .execute();
}

export function findOrder(db: Executor, scope: RepairScope, id: number) {
  return scoped(db, scope).selectAll('r').where('r.id', '=', id).executeTakeFirst();
}

const orderDetail = prepared(scopeKey, (db, p: ScopeValues & { id: number }, shape: ScopeShape) =>
  scopedRows(db, shape, p)
    .innerJoin('repair_category as c', 'c.id', 'r.category_id')
    .selectAll('r')
    .select(['c.name as category_name', 'c.responsible'])
    .where('r.id', '=', p.id),
);
export async function findOrderDetail(db: Executor, scope: RepairScope, id: number) {
  const rows = await orderDetail(db, scopeShape(scope), { ...scopeValues(scope), id });
  return rows[0];
}

export async function insertOrder(db: Executor, row: Insertable<Database['repair_order']>) {
  const out = await db.insertInto('repair_order').values(row).returningAll().executeTakeFirstOrThrow();
  await adjustCount(db, out.project_id, null, { status: out.status, categoryId: out.category_id });
  return out;
}
/**
 * Updates an order only if it is still in the status (and category) it was read in: a conditional
 * update, so of two simultaneous moves exactly one wins (PostgreSQL re-checks the condition after
 * the winner commits). Returns undefined when another request moved it first. repair_count follows
 * in the same transaction, with atomic `n = n ± 1`.
 */
export async function updateOrder(
  db: Executor,
  id: number,
  patch: Updateable<Database['repair_order']>,
  before: { project_id: number; status: string; category_id: number },
) {
  const out = await db
    .updateTable('repair_order')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', before.status as never)
    .where('category_id', '=', before.category_id)
    .returningAll()
    .executeTakeFirst();
  if (!out) return undefined;
  await adjustCount(
    db,
    before.project_id,
    { status: before.status, categoryId: before.category_id },
    { status: out.status, categoryId: out.category_id },
  );
  return out;
}

// ---- photos ----
const photosOf = prepared(
  () => '',
  (db, p: { orderId: number }) =>
    db.selectFrom('repair_photo').selectAll().where('repair_order_id', '=', p.orderId).orderBy('id'),
);
export function listPhotos(db: Executor, orderId: number) {
  return photosOf(db, null, { orderId });
}
export async function countPhotos(db: Executor, orderId: number) {
  const r = await db
    .selectFrom('repair_photo')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('repair_order_id', '=', orderId)
    .executeTakeFirstOrThrow();
  return toNumber(r.n);
}
export function insertPhoto(db: Executor, row: Insertable<Database['repair_photo']>) {
  return db.insertInto('repair_photo').values(row).returningAll().executeTakeFirstOrThrow();
}
