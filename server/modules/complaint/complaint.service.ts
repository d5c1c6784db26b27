import type { DB, Executor } from '../../db/database.ts';
import { type Actor, assertProjectVisible, requireRole } from '../../lib/actor.ts';
import { readTimeline, writeAudit } from '../../lib/audit.ts';
import type { NamesOf, PeriodStateOf, RegisterDirectory, StaffDirectory } from '../../lib/directory.ts';
import { commonErrors, notFound } from '../../lib/errors.ts';
import { type EmitEvent, noEvents } from '../../lib/events.ts';
import { createFactTimes } from '../../lib/fact-times.ts';
import { buildingAndUnit, checkReferences, defineReferenceErrors } from '../../lib/references.ts';
import { type Clock, formatLocal, inclusiveDateRange, systemClock } from '../../lib/time.ts';
import type { CalendarFunctions } from '../calendar/calendar.service.ts';
import type { DueUnit } from '../calendar/working-time.ts';
import * as repo from './complaint.repository.ts';
import { isComplaintOverdue, marksOfMove } from './complaint.rules.ts';
import type { TComplaintActionInput, TComplaintInput, TComplaintQuery } from './complaint.schemas.ts';
import type { ComplaintTable } from './complaint.tables.ts';
import {
  allowedComplaintActions,
  COMPLAINT_ACTION_LABELS,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_TRANSITIONS,
  type ComplaintAction,
} from './complaint.transitions.ts';

/** complaints ÷ households as a percentage with two decimals, computed with integers */
export function ratePercent(complaints: number, households: number): number | null {
  if (households <= 0) return null;
  return Math.round((complaints * 10000) / households) / 100;
}

/** COMPLAINT_REFERENCE_NOT_FOUND (404) / COMPLAINT_REFERENCE_OUTSIDE_PROJECT (400) */
export const complaintReferenceErrors = defineReferenceErrors('COMPLAINT');

export type ComplaintService = ReturnType<typeof createComplaintService>;

export interface ComplaintDeps {
  db: DB;
  clock?: Clock;
  /** handlers (staff module), project names and the projects a caller sees (project module) */
  staff: Pick<StaffDirectory, 'employeeNames' | 'employeePlace'>;
  projectNames: NamesOf;
  visibleProjects: (
    db: Executor,
    actor: Actor,
    projectId?: number,
  ) => Promise<{ id: number; name: string }[]>;
  /** owners' units and occupied households (property module) */
  register: RegisterDirectory;
  /** due times on the working calendar (calendar module) */
  calendar: Pick<CalendarFunctions, 'computeDue'>;
  /** is a date's assessment period open (assessment module): a dated fact outside it is a 补录 */
  periods: { periodStateOf: PeriodStateOf };
  /** tells the project's message channels a complaint came in (server/lib/events.ts) */
  events?: EmitEvent;
}

export function createComplaintService({
  db,
  clock = systemClock,
  staff,
  projectNames,
  visibleProjects,
  register,
  calendar: { computeDue },
  periods,
  events = noEvents,
}: ComplaintDeps) {
  const nowIso = () => clock.now().toISOString();
  const HANDLER = { entity: { 'zh-CN': '处理人', 'en-US': 'handler' }, place: staff.employeePlace };
  const facts = createFactTimes({ clock, periodStateOf: periods.periodStateOf });
  const field = (actor: Actor, name: string, zh: string, en: string) =>
    commonErrors.VALIDATION({}, [{ field: name, message: actor.locale === 'zh-CN' ? zh : en }]);
  async function scopeOf(actor: Actor): Promise<repo.ComplaintScope> {
    if (actor.role !== 'owner') return { actor };
    return { actor, ownerUnitIds: await register.ownerUnitIds(db, actor.userId) };
  }

  async function detail(actor: Actor, id: number) {
    const k = await repo.findComplaintDetail(db, await scopeOf(actor), id);
    if (!k) throw notFound('投诉', 'Complaint');
    const [records, timeline, handler, project] = await Promise.all([
      repo.listRecords(db, id),
      readTimeline(db, 'complaint', id),
      staff.employeeNames(db, [k.handler_employee_id]),
      projectNames(db, [k.project_id]),
    ]);
    const at = nowIso();
    const isOwner = actor.role === 'owner';
    return {
      id: k.id,
      code: repo.complaintCode(k.id),
      projectId: k.project_id,
      projectName: project.get(k.project_id) ?? '',
      complainantName: k.complainant_name,
      complainantPhone: k.complainant_phone,
      categoryId: k.category_id,
      categoryName: k.category_name,
      content: k.content,
      status: k.status,
      channel: k.channel,
      buildingId: k.building_id,
      unitId: k.unit_id,
      handlerEmployeeId: k.handler_employee_id,
      handlerName: k.handler_employee_id === null ? null : (handler.get(k.handler_employee_id) ?? null),
      responseDueAt: k.response_due_at,
      respondedAt: k.responded_at,
      resolution: k.resolution,
      resolvedAt: k.resolved_at,
      visitedAt: k.visited_at,
      satisfaction: k.satisfaction,
      visitComment: k.visit_comment,
      closedAt: k.closed_at,
      cancelledAt: k.cancelled_at,
      duplicateOf: k.duplicate_of ? { id: k.duplicate_of, code: repo.complaintCode(k.duplicate_of) } : null,
      createdAt: k.created_at,
      overdue: isComplaintOverdue(k, at),
      // an owner does not see the internal finding
      improper: !isOwner && Number(k.improper) === 1,
      improperReason: isOwner ? null : k.improper_reason,
      improperAt: isOwner ? null : k.improper_at,
      records: records.map((r) => ({ id: r.id, at: r.at, userName: r.user_name, note: r.note })),
      actions: allowedComplaintActions(k.status, actor.role),
      canMarkImproper:
        ['manager', 'admin'].includes(actor.role) && k.status !== 'cancelled' && Number(k.improper) === 0,
      timeline: isOwner
        ? []
        : timeline.map((t) => ({
            at: t.at,
            userName: t.user_name,
            action: t.action,
            after: t.after_json ? JSON.parse(t.after_json) : null,
          })),
    };
  }

  return {
    async listCategories(_actor: Actor) {
      return (await repo.listCategories(db)).map((c) => ({
        id: c.id,
        code: c.code,
        name: c.name,
        responseAmount: Number(c.response_amount),
        responseUnit: c.response_unit,
      }));
    },
    async create(actor: Actor, input: TComplaintInput) {
      requireRole(actor, 'frontdesk', 'officer', 'supervisor', 'manager', 'owner');
      assertProjectVisible(actor, input.projectId);
      const category = await repo.findCategory(db, input.categoryId);
      if (!category) throw field(actor, 'categoryId', '投诉类别不存在', 'Unknown category');
      const isOwner = actor.role === 'owner';
      if (!isOwner && !input.complainantName)
        throw field(actor, 'complainantName', '请填写投诉人', 'Enter the complainant');
      if (isOwner && input.unitId && !(await register.ownerUnitIds(db, actor.userId)).includes(input.unitId))
        throw field(actor, 'unitId', '只能为自己的房屋投诉', 'Not your unit');
      await checkReferences(
        db,
        actor,
        input.projectId,
        buildingAndUnit(register, input),
        complaintReferenceErrors,
      );
      if (isOwner && input.occurredAt)
        throw field(actor, 'occurredAt', '业主不能指定投诉时间', 'An owner cannot date a complaint');
      // received now, or dated for loading history (a 补录 of a past or published period: a manager's)
      const when = await facts.factTime(db, actor, input.projectId, input);
      const created = new Date(when.at);
      const due = await computeDue(db, created, {
        amount: Number(category.response_amount),
        unit: category.response_unit as DueUnit,
      });
      const at = when.at;
      const recordedAt = nowIso();
      const row = await db.transaction().execute(async (trx) => {
        const row = await repo.insertComplaint(trx, {
          project_id: input.projectId,
          building_id: input.buildingId ?? null,
          unit_id: input.unitId ?? null,
          complainant_name: isOwner ? (input.complainantName ?? actor.displayName) : input.complainantName!,
          complainant_phone: input.complainantPhone ?? null,
          owner_user_id: isOwner ? actor.userId : null,
          channel: isOwner ? 'portal' : (input.channel ?? 'frontdesk'),
          category_id: input.categoryId,
          content: input.content,
          status: 'received',
          response_due_at: due.toISOString(),
          response_overdue: 0,
          improper: 0,
          created_by: actor.userId || null,
          created_at: at,
          updated_at: recordedAt,
          recorded_at: recordedAt,
          backfilled: when.backfill ? 1 : 0,
          backfill_reason: when.backfill,
        });
        await writeAudit(trx, actor, {
          entity: 'complaint',
          entityId: row.id,
          projectId: row.project_id,
          action: 'create',
          after: row,
        });
        await events(trx, {
          projectId: row.project_id,
          event: 'complaint.received',
          entity: 'complaint',
          entityId: row.id,
          text: `新投诉 ${repo.complaintCode(row.id)}：${row.complainant_name}，${row.content.slice(0, 60)}（响应时限 ${formatLocal(row.response_due_at)}）`,
        });
        return row;
      });
      return detail(actor, row.id);
    },
    async list(actor: Actor, q: TComplaintQuery) {
      if (q.projectId) assertProjectVisible(actor, q.projectId);
      const res = await repo.listComplaints(db, await scopeOf(actor), q, nowIso());
      const names = await staff.employeeNames(
        db,
        res.items.map((i) => i.handlerEmployeeId),
      );
      for (const item of res.items)
        if (item.handlerEmployeeId !== null) item.handlerName = names.get(item.handlerEmployeeId) ?? null;
      return res;
    },
    get: detail,

    async act(actor: Actor, id: number, action: ComplaintAction, input: TComplaintActionInput) {
      const t = COMPLAINT_TRANSITIONS[action];
      // the owner's units are read before the transaction: on SQLite it holds the one connection
      const scope = await scopeOf(actor);
      await db.transaction().execute(async (trx) => {
        const before = await repo.findComplaint(trx, scope, id);
        if (!before) throw notFound('投诉', 'Complaint');
        if (!allowedComplaintActions(before.status, actor.role).includes(action)) {
          if (!t.roles.includes(actor.role) && actor.role !== 'admin') throw commonErrors.FORBIDDEN();
          throw commonErrors.ILLEGAL_TRANSITION({
            from: COMPLAINT_STATUS_LABELS[before.status],
            action: COMPLAINT_ACTION_LABELS[action],
          });
        }
        // the step's business time: now, or dated (not before the complaint; a 补录 is a manager's)
        const when = await facts.factTime(trx, actor, before.project_id, input, before.created_at);
        const at = when.at;
        const patch: Omit<Partial<ComplaintTable>, 'id'> = { updated_at: nowIso() };
        if (when.backfill) Object.assign(patch, { backfilled: 1, backfill_reason: when.backfill });
        if (t.to) patch.status = t.to;
        let note: string | null = null;
        switch (action) {
          case 'assign':
            if (!input.handlerEmployeeId)
              throw field(actor, 'handlerEmployeeId', '请选择处理人', 'Choose a handler');
            await checkReferences(
              trx,
              actor,
              before.project_id,
              [{ field: 'handlerEmployeeId', id: input.handlerEmployeeId, ...HANDLER }],
              complaintReferenceErrors,
            );
            patch.handler_employee_id = input.handlerEmployeeId;
            note = input.note ?? null;
            break;
          case 'record':
            if (!input.note) throw field(actor, 'note', '请填写处理记录', 'Write what was done');
            note = input.note;
            break;
          case 'resolve':
            if (!input.resolution) throw field(actor, 'resolution', '请填写处理结果', 'Write the resolution');
            patch.resolution = input.resolution;
            patch.resolved_at = at;
            note = input.resolution;
            break;
          case 'visit':
            if (!input.satisfaction)
              throw field(actor, 'satisfaction', '请选择满意度', 'Choose the satisfaction');
            patch.satisfaction = input.satisfaction;
            patch.visit_comment = input.comment ?? null;
            patch.visited_at = at;
            break;
          case 'close':
            patch.closed_at = at;
            break;
          case 'reopen':
            patch.resolved_at = null;
            patch.visited_at = null;
            patch.satisfaction = null;
            note = input.comment ?? input.note ?? null;
            break;
          case 'cancel':
            patch.cancelled_at = at;
            break;
          case 'markDuplicate': {
            const bad = (zh: string, en: string) => field(actor, 'duplicateOf', zh, en);
            if (!input.duplicateOf) throw bad('请填写原投诉编号', 'Enter the original complaint code');
            const originalId = Number(input.duplicateOf.slice(2));
            const original = originalId === id ? undefined : await repo.findComplaint(trx, scope, originalId);
            if (!original || original.project_id !== before.project_id)
              throw bad(
                '同一项目中没有这个编号的其他投诉',
                'No other complaint of this project has that code',
              );
            if (original.status === 'cancelled')
              throw bad(
                '原投诉已撤销，请填写仍有效的投诉',
                'That complaint was withdrawn; name one still standing',
              );
            patch.cancelled_at = at;
            patch.duplicate_of = original.id;
            note = `与 ${repo.complaintCode(original.id)} 重复${input.note ? `：${input.note}` : ''}`;
            break;
          }
        }
        // the first handling step answers the complainant (响应); a late one, or a late withdrawal, is marked
        Object.assign(patch, marksOfMove(before, action, at));
        if (note) {
          await repo.insertRecord(trx, {
            complaint_id: id,
            project_id: before.project_id,
            at,
            user_id: actor.userId || null,
            user_name: actor.displayName,
            note,
          });
        }
        if (!(await repo.updateComplaint(trx, id, patch, { status: before.status }))) {
          // another request moved it between our read and our write: that one won
          const now = await repo.findComplaint(trx, scope, id);
          throw commonErrors.ILLEGAL_TRANSITION({
            from: COMPLAINT_STATUS_LABELS[now?.status ?? before.status],
            action: COMPLAINT_ACTION_LABELS[action],
          });
        }
        await writeAudit(trx, actor, {
          entity: 'complaint',
          entityId: id,
          projectId: before.project_id,
          action,
          before: { status: before.status },
          after: { ...patch, ...(note ? { note } : {}) },
        });
      });
      return detail(actor, id);
    },

    /** 处理不当: the manager's finding, counted by the assessment (rule 5) */
    async markImproper(actor: Actor, id: number, reason: string) {
      requireRole(actor, 'manager');
      await db.transaction().execute(async (trx) => {
        const before = await repo.findComplaint(trx, { actor }, id);
        if (!before) throw notFound('投诉', 'Complaint');
        if (before.status === 'cancelled' || Number(before.improper) === 1)
          throw commonErrors.ILLEGAL_TRANSITION({
            from:
              Number(before.improper) === 1
                ? { 'zh-CN': '已标记处理不当', 'en-US': 'marked improper' }
                : COMPLAINT_STATUS_LABELS[before.status],
            action: { 'zh-CN': '标记处理不当', 'en-US': 'mark improper' },
          });
        const at = nowIso();
        const patch = {
          improper: 1,
          improper_reason: reason,
          improper_by: actor.userId,
          improper_at: at,
          updated_at: at,
        };
        if (!(await repo.updateComplaint(trx, id, patch, { status: before.status, improper: 0 })))
          throw commonErrors.ILLEGAL_TRANSITION({
            from: { 'zh-CN': '已被他人修改', 'en-US': 'changed by someone else' },
            action: { 'zh-CN': '标记处理不当', 'en-US': 'mark improper' },
          });
        await writeAudit(trx, actor, {
          entity: 'complaint',
          entityId: id,
          projectId: before.project_id,
          action: 'markImproper',
          before: { improper: 0 },
          after: patch,
        });
      });
      return detail(actor, id);
    },

    /** 投诉率 by project for a period: complaints received ÷ occupied households on the period's last day */
    async rate(actor: Actor, q: { projectId?: number; from: string; to: string }) {
      requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
      if (q.projectId) assertProjectVisible(actor, q.projectId);
      const projects = await visibleProjects(db, actor, q.projectId);
      const range = inclusiveDateRange(q.from, q.to);
      return Promise.all(
        projects.map(async (p) => {
          const [received, households] = await Promise.all([
            repo.complaintsReceived(db, p.id, range.startAt, range.endAt),
            register.occupiedHouseholds(db, p.id, q.to),
          ]);
          return {
            projectId: p.id,
            projectName: p.name,
            from: q.from,
            to: q.to,
            complaints: received.length,
            households,
            ratePercent: ratePercent(received.length, households),
          };
        }),
      );
    },
    markOverdue: (ex: Executor = db) => repo.markOverdue(ex, nowIso()),
  };
}
