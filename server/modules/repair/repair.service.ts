import type { Config } from '../../config.ts';
import type { DB, Executor } from '../../db/database.ts';
import { type Actor, assertProjectVisible, requireRole } from '../../lib/actor.ts';
import { readTimeline, writeAudit } from '../../lib/audit.ts';
import type { NamesOf, PeriodStateOf, RegisterDirectory, StaffDirectory } from '../../lib/directory.ts';
import { commonErrors, notFound } from '../../lib/errors.ts';
import { createFactTimes } from '../../lib/fact-times.ts';
import { buildingAndUnit, checkReferences, defineReferenceErrors } from '../../lib/references.ts';
import { type Clock, systemClock } from '../../lib/time.ts';
import { assertVersion, staleEdit } from '../../lib/versioning.ts';
import type { CalendarFunctions } from '../calendar/calendar.service.ts';
import type { DueUnit } from '../calendar/working-time.ts';
import * as checks from './repair.checks.repository.ts';
import { createRepairPhotos, photoToken } from './repair.photos.ts';
import * as repo from './repair.repository.ts';
import { createRepairReviews } from './repair.review.ts';
import { isCompletionOverdue, isDispatchOverdue, marksOfMove } from './repair.rules.ts';
import type {
  TRepairActionInput,
  TRepairCategoryInput,
  TRepairInput,
  TRepairQuery,
} from './repair.schemas.ts';
import type { RepairOrderTable } from './repair.tables.ts';
import {
  ACTION_LABELS,
  allowedRepairActions,
  REPAIR_TRANSITIONS,
  type RepairAction,
  STATUS_LABELS,
} from './repair.transitions.ts';

export { PHOTO_MAX_BYTES, PHOTO_MAX_COUNT, PHOTO_TOKEN, repairErrors, sniffImage } from './repair.photos.ts';

/** REPAIR_REFERENCE_NOT_FOUND (404) / REPAIR_REFERENCE_OUTSIDE_PROJECT (400) */
export const repairReferenceErrors = defineReferenceErrors('REPAIR');
const TEAM = { 'zh-CN': '班组', 'en-US': 'team' };

type OrderRow = RepairOrderTable & { id: number };
const bool = (v: unknown) => Number(v) === 1;

export interface RepairDeps {
  db: DB;
  config: Config;
  clock?: Clock;
  /** the register's units of an owner user (property module) */
  register: Pick<RegisterDirectory, 'ownerUnitIds' | 'buildingPlace' | 'unitPlace'>;
  /** due times on the working calendar (calendar module) */
  calendar: CalendarFunctions;
  /** is a date's assessment period open (assessment module): a dated fact outside it is a 补录 */
  periods: { periodStateOf: PeriodStateOf };
  /** assignees and teams (staff module), project names (project module), user names (user module) */
  staff: StaffDirectory;
  projectNames: NamesOf;
  userNames: NamesOf;
}

export type RepairService = ReturnType<typeof createRepairService>;

export function createRepairService({
  db,
  config,
  clock = systemClock,
  register,
  calendar: { computeDue, loadCalendar, dueAt },
  staff,
  projectNames,
  userNames,
  periods,
}: RepairDeps) {
  const nowIso = () => clock.now().toISOString();
  const facts = createFactTimes({ clock, periodStateOf: periods.periodStateOf });

  async function scopeOf(actor: Actor): Promise<repo.RepairScope> {
    if (actor.role !== 'owner') return { actor };
    return { actor, ownerUnitIds: await register.ownerUnitIds(db, actor.userId) };
  }
  /** `scope` is read before a transaction: on SQLite the transaction holds the one connection */
  async function mustFind(
    ex: Executor,
    actor: Actor,
    id: number,
    scope?: repo.RepairScope,
  ): Promise<OrderRow> {
    const row = await repo.findOrder(ex, scope ?? (await scopeOf(actor)), id);
    if (!row) throw notFound('报修单', 'Repair order');
    return row as OrderRow;
  }
  /** A page of the list, with the assignees' names asked of the staff module in one call */
  async function listPage(scope: repo.RepairScope, q: TRepairQuery, at: string) {
    const res = await repo.listOrders(db, scope, q, at);
    const names = await staff.employeeNames(
      db,
      res.items.map((i) => i.assigneeEmployeeId),
    );
    for (const item of res.items)
      if (item.assigneeEmployeeId !== null) item.assigneeName = names.get(item.assigneeEmployeeId) ?? null;
    return res;
  }
  const ASSIGNEE = { entity: { 'zh-CN': '处理人', 'en-US': 'assignee' }, place: staff.employeePlace };
  const field = (actor: Actor, name: string, zh: string, en: string) =>
    commonErrors.VALIDATION({}, [{ field: name, message: actor.locale === 'zh-CN' ? zh : en }]);

  function toCategory(c: Awaited<ReturnType<typeof repo.listCategories>>[number]) {
    return {
      id: c.id,
      code: c.code,
      name: c.name,
      dispatchAmount: Number(c.dispatch_amount),
      dispatchUnit: c.dispatch_unit,
      completeAmount: Number(c.complete_amount),
      completeUnit: c.complete_unit,
      responsible: c.responsible,
      active: bool(c.active),
      version: c.version,
    };
  }

  async function detail(actor: Actor, id: number) {
    const scope = await scopeOf(actor);
    const r = await repo.findOrderDetail(db, scope, id);
    if (!r) throw notFound('报修单', 'Repair order');
    const [photos, timeline, assignee, team, project] = await Promise.all([
      repo.listPhotos(db, id),
      readTimeline(db, 'repair_order', id),
      staff.employeeNames(db, [r.assignee_employee_id]),
      staff.teamNames(db, [r.team_id]),
      projectNames(db, [r.project_id]),
    ]);
    const at = nowIso();
    const dispatchOverdue = isDispatchOverdue(r, at);
    const completeOverdue = isCompletionOverdue(r, at);
    return {
      id: r.id,
      code: repo.repairCode(r.id),
      projectId: r.project_id,
      projectName: project.get(r.project_id) ?? '',
      location: r.location,
      reporterName: r.reporter_name,
      reporterPhone: r.reporter_phone,
      categoryId: r.category_id,
      categoryName: r.category_name,
      responsible: r.responsible,
      priority: r.priority,
      status: r.status,
      channel: r.channel,
      buildingId: r.building_id,
      unitId: r.unit_id,
      description: r.description,
      teamId: r.team_id,
      teamName: r.team_id === null ? null : (team.get(r.team_id) ?? null),
      department: r.department,
      assigneeEmployeeId: r.assignee_employee_id,
      assigneeName: r.assignee_employee_id === null ? null : (assignee.get(r.assignee_employee_id) ?? null),
      dispatchDueAt: r.dispatch_due_at,
      completeDueAt: r.complete_due_at,
      dispatchedAt: r.dispatched_at,
      startedAt: r.started_at,
      completedAt: r.completed_at,
      visitedAt: r.visited_at,
      closedAt: r.closed_at,
      cancelledAt: r.cancelled_at,
      result: r.result,
      rating: r.rating,
      visitComment: r.visit_comment,
      dispatchOverdue,
      completeOverdue,
      overdue: dispatchOverdue || completeOverdue,
      reopenCount: r.reopen_count,
      createdAt: r.created_at,
      photos: photos.map((p) => ({
        id: p.id,
        stage: p.stage,
        fileName: p.file_name,
        mime: p.mime,
        size: p.size,
        url: `/api/repairs/${id}/photos/${photoToken(p.path)}`,
        createdAt: p.created_at,
      })),
      actions: allowedRepairActions(r.status, actor.role),
      timeline: timeline.map((t) => ({
        at: t.at,
        userName: t.user_name,
        action: t.action,
        after: t.after_json ? JSON.parse(t.after_json) : null,
      })),
    };
  }

  return {
    async listCategories(_actor: Actor) {
      return (await repo.listCategories(db)).map(toCategory);
    },
    async updateCategory(actor: Actor, id: number, input: TRepairCategoryInput) {
      requireRole(actor, 'manager');
      return db.transaction().execute(async (trx) => {
        const before = await repo.findCategory(trx, id);
        if (!before) throw notFound('报修类别', 'Repair category');
        const version = await assertVersion(
          trx,
          actor,
          'repair_category',
          id,
          toCategory(before),
          input.version,
        );
        const after = await repo.updateCategory(trx, id, version, {
          name: input.name,
          dispatch_amount: input.dispatchAmount,
          dispatch_unit: input.dispatchUnit,
          complete_amount: input.completeAmount,
          complete_unit: input.completeUnit,
          responsible: input.responsible,
          active: input.active === false ? 0 : 1,
        });
        if (!after)
          throw await staleEdit(trx, 'repair_category', id, toCategory((await repo.findCategory(trx, id))!));
        await writeAudit(trx, actor, {
          entity: 'repair_category',
          entityId: id,
          action: 'update',
          before,
          after,
        });
        return toCategory(after);
      });
    },

    /** 报修登记: front desk, officer, supervisor, or the owner from the portal */
    async create(actor: Actor, input: TRepairInput) {
      requireRole(actor, 'frontdesk', 'officer', 'supervisor', 'manager', 'owner');
      assertProjectVisible(actor, input.projectId);
      const category = await repo.findCategory(db, input.categoryId);
      if (!category?.active) throw field(actor, 'categoryId', '报修类别不存在', 'Unknown category');
      const isOwner = actor.role === 'owner';
      if (!isOwner && !input.reporterName)
        throw field(actor, 'reporterName', '请填写报修人', 'Enter the reporter');
      if (isOwner && input.unitId) {
        const units = await register.ownerUnitIds(db, actor.userId);
        if (!units.includes(input.unitId))
          throw field(actor, 'unitId', '只能为自己的房屋报修', 'Not your unit');
      }
      await checkReferences(
        db,
        actor,
        input.projectId,
        buildingAndUnit(register, input),
        repairReferenceErrors,
      );
      if (isOwner && input.occurredAt)
        throw field(actor, 'occurredAt', '业主不能指定报修时间', 'An owner cannot date a report');
      // reported now, or dated for loading history (a 补录 of a past or published period: a manager's)
      const when = await facts.factTime(db, actor, input.projectId, input);
      const created = new Date(when.at);
      const [dispatchDue, completeDue] = await Promise.all([
        computeDue(db, created, {
          amount: Number(category.dispatch_amount),
          unit: category.dispatch_unit as DueUnit,
        }),
        computeDue(db, created, {
          amount: Number(category.complete_amount),
          unit: category.complete_unit as DueUnit,
        }),
      ]);
      const at = created.toISOString();
      const row = await db.transaction().execute(async (trx) => {
        const row = await repo.insertOrder(trx, {
          project_id: input.projectId,
          building_id: input.buildingId ?? null,
          unit_id: input.unitId ?? null,
          location: input.location,
          reporter_name: isOwner ? (input.reporterName ?? actor.displayName) : input.reporterName!,
          reporter_phone: input.reporterPhone ?? null,
          owner_user_id: isOwner ? actor.userId : null,
          channel: isOwner
            ? 'portal'
            : (input.channel ?? (actor.role === 'officer' ? 'patrol' : 'frontdesk')),
          category_id: input.categoryId,
          description: input.description,
          priority: input.priority ?? 'normal',
          status: 'submitted',
          dispatch_due_at: dispatchDue.toISOString(),
          complete_due_at: completeDue.toISOString(),
          dispatch_overdue: 0,
          complete_overdue: 0,
          reopen_count: 0,
          created_by: actor.userId || null,
          created_at: at,
          updated_at: nowIso(),
          recorded_at: nowIso(),
          backfilled: when.backfill ? 1 : 0,
          backfill_reason: when.backfill,
        });
        await writeAudit(trx, actor, {
          entity: 'repair_order',
          entityId: row.id,
          projectId: row.project_id,
          action: 'create',
          after: row,
        });
        return row;
      });
      return detail(actor, row.id);
    },

    async list(actor: Actor, q: TRepairQuery) {
      if (q.projectId) assertProjectVisible(actor, q.projectId);
      return listPage(await scopeOf(actor), q, nowIso());
    },
    /** Every order of a filter, for the Excel export (streams in pages of 200) */
    async iterate(actor: Actor, q: TRepairQuery) {
      // the same answer as the list for a project the caller does not see (it was an empty workbook)
      if (q.projectId) assertProjectVisible(actor, q.projectId);
      const scope = await scopeOf(actor);
      const at = nowIso();
      return (async function* () {
        for (let page = 1; page <= 1000; page++) {
          const res = await listPage(scope, { ...q, page, pageSize: 200, withTotal: false }, at);
          yield* res.items;
          if (res.items.length < 200) return;
        }
      })();
    },
    get: detail,

    /** One move of the state machine; anything the table does not allow is a 409. */
    async act(actor: Actor, id: number, action: RepairAction, input: TRepairActionInput) {
      const t = REPAIR_TRANSITIONS[action];
      // read outside the transaction: SQLite has one connection, the transaction holds it
      const calendar = await loadCalendar(db);
      const scope = await scopeOf(actor);
      await db.transaction().execute(async (trx) => {
        const before = await mustFind(trx, actor, id, scope);
        if (!allowedRepairActions(before.status, actor.role).includes(action)) {
          if (!t.roles.includes(actor.role) && actor.role !== 'admin') throw commonErrors.FORBIDDEN();
          throw commonErrors.ILLEGAL_TRANSITION({
            from: STATUS_LABELS[before.status],
            action: ACTION_LABELS[action],
          });
        }
        // the move's business time: now, or dated (not before the report; a 补录 is a manager's)
        const when = await facts.factTime(trx, actor, before.project_id, input, before.created_at);
        const at = new Date(when.at);
        const atIso = when.at;
        const patch: Omit<Partial<RepairOrderTable>, 'id'> = { status: t.to, updated_at: nowIso() };
        if (when.backfill) Object.assign(patch, { backfilled: 1, backfill_reason: when.backfill });
        switch (action) {
          case 'dispatch': {
            if (!input.teamId && !input.department && !input.assigneeEmployeeId)
              throw field(
                actor,
                'assigneeEmployeeId',
                '请选择处理人、班组或相关部门',
                'Choose an assignee, a team or a department',
              );
            await checkReferences(
              trx,
              actor,
              before.project_id,
              [
                { field: 'assigneeEmployeeId', id: input.assigneeEmployeeId, ...ASSIGNEE },
                { field: 'teamId', id: input.teamId, entity: TEAM, place: staff.teamPlace },
              ],
              repairReferenceErrors,
            );
            patch.team_id = input.teamId ?? null;
            patch.department = input.department ?? null;
            patch.assignee_employee_id = input.assigneeEmployeeId ?? null;
            Object.assign(patch, marksOfMove(before, action, atIso));
            if (!before.dispatched_at) patch.dispatched_at = atIso;
            if (before.status === 'reopened') patch.dispatched_at = before.dispatched_at ?? atIso;
            break;
          }
          case 'start':
            patch.started_at = atIso;
            break;
          case 'complete':
            patch.completed_at = atIso;
            patch.result = input.result ?? null;
            Object.assign(patch, marksOfMove(before, action, atIso));
            break;
          case 'visit':
            if (!input.rating)
              throw field(actor, 'rating', '请为维修结果打分（1–5 星）', 'Rate the repair (1–5)');
            patch.visited_at = atIso;
            patch.rating = input.rating;
            patch.visit_comment = input.comment ?? null;
            break;
          case 'close':
            patch.closed_at = atIso;
            break;
          case 'reopen': {
            const category = await repo.findCategory(trx, before.category_id);
            patch.reopen_count = before.reopen_count + 1;
            patch.completed_at = null;
            patch.visited_at = null;
            patch.rating = null;
            patch.visit_comment = input.comment ?? null;
            patch.complete_due_at = dueAt(calendar, at, {
              amount: Number(category!.complete_amount),
              unit: category!.complete_unit as DueUnit,
            }).toISOString();
            break;
          }
          case 'cancel':
            patch.cancelled_at = atIso;
            // a cancellation after a limit is late too (repair.rules.ts)
            Object.assign(patch, marksOfMove(before, action, atIso));
            patch.visit_comment = input.comment ?? before.visit_comment;
            break;
        }
        const after = await repo.updateOrder(trx, id, patch, before);
        // another request moved the order between our read and our write: it won, this one is refused
        if (!after) {
          const now = await mustFind(trx, actor, id, scope);
          throw commonErrors.ILLEGAL_TRANSITION({
            from: STATUS_LABELS[now.status],
            action: ACTION_LABELS[action],
          });
        }
        await writeAudit(trx, actor, {
          entity: 'repair_order',
          entityId: id,
          projectId: before.project_id,
          action,
          before: { status: before.status },
          after: { ...patch, ...(input.comment ? { comment: input.comment } : {}) },
        });
        return after;
      });
      return detail(actor, id);
    },

    // ---- photos (repair.photos.ts) ----
    ...createRepairPhotos({ db, config, clock, findOrder: (actor, id) => mustFind(db, actor, id) }),

    // ---- weekly review (repair.review.ts) ----
    ...createRepairReviews({ db, clock, projectNames, userNames, computeDue }),

    /** The scheduler's check: mark orders that passed their limits */
    markOverdue: (ex: Executor = db) => checks.markOverdue(ex, nowIso()),
  };
}
