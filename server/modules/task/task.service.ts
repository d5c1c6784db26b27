import type { DB } from '../../db/database.ts';
import { type Actor, assertProjectVisible, requireRole } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { NamesOf, PeriodStateOf, StaffDirectory } from '../../lib/directory.ts';
import { commonErrors, notFound } from '../../lib/errors.ts';
import { createFactTimes } from '../../lib/fact-times.ts';
import { type Clock, inclusiveDateRange, systemClock } from '../../lib/time.ts';
import type { CalendarFunctions } from '../calendar/calendar.service.ts';
import { createTaskActions } from './task.actions.ts';
import * as repo from './task.repository.ts';
import { isCancelledLate, isCompletedOnTime, isTaskOverdue } from './task.rules.ts';
import type { TTaskActionInput, TTaskInput, TTaskQuery } from './task.schemas.ts';
import type { TaskTable } from './task.tables.ts';
import { allowedTaskActions, TASK_CATEGORIES, type TaskAction } from './task.transitions.ts';

/** Per category: tasks due (and already due) in the period, completed by their due time, the rate */
export function completionByCategory(
  rows: { category: string; due_at: string; completed_at: string | null }[],
) {
  const by = new Map<string, { due: number; onTime: number }>();
  for (const r of rows) {
    const c = by.get(r.category) ?? { due: 0, onTime: 0 };
    c.due++;
    if (isCompletedOnTime(r)) c.onTime++;
    by.set(r.category, c);
  }
  return Object.keys(TASK_CATEGORIES)
    .filter((k) => by.has(k))
    .map((k) => {
      const c = by.get(k)!;
      return {
        category: k,
        label: TASK_CATEGORIES[k],
        due: c.due,
        onTime: c.onTime,
        ratePercent: Math.round((c.onTime * 10000) / c.due) / 100,
      };
    });
}

export type TaskService = ReturnType<typeof createTaskService>;

export interface TaskDeps {
  db: DB;
  clock?: Clock;
  /** assignees (staff module) */
  staff: Pick<StaffDirectory, 'employeeNames' | 'employeeInProject'>;
  /** due times on the working calendar (calendar module) */
  calendar: Pick<CalendarFunctions, 'computeDue'>;
  /** the issuers' and deciders' names (user module) */
  userNames: NamesOf;
  /** is a date's assessment period open (assessment module): a business time outside it is a 补录 */
  periods: { periodStateOf: PeriodStateOf };
}

export function createTaskService({
  db,
  clock = systemClock,
  staff,
  calendar: { computeDue },
  userNames,
  periods,
}: TaskDeps) {
  const nowIso = () => clock.now().toISOString();
  const facts = createFactTimes({ clock, periodStateOf: periods.periodStateOf });
  const act = createTaskActions({ db, clock, facts });
  const field = (actor: Actor, name: string, zh: string, en: string) =>
    commonErrors.VALIDATION({}, [{ field: name, message: actor.locale === 'zh-CN' ? zh : en }]);

  function out(
    actor: Actor,
    t: NonNullable<Awaited<ReturnType<typeof repo.findTask>>>,
    nowIso: string,
    names: Map<number, string>,
    users: Map<number, string>,
  ) {
    const user = (id: number | null) => (id === null ? null : (users.get(id) ?? null));
    return {
      id: t.id,
      code: repo.taskCode(t.id),
      projectId: t.project_id,
      title: t.title,
      description: t.description,
      category: t.category,
      source: t.source,
      assigneeEmployeeId: t.assignee_employee_id,
      assigneeName: names.get(t.assignee_employee_id) ?? null,
      status: t.status,
      dueAt: t.due_at,
      startedAt: t.started_at,
      completedAt: t.completed_at,
      result: t.result,
      createdAt: t.created_at,
      recordedAt: t.recorded_at,
      completedRecordedAt: t.completed_recorded_at,
      backfilled: Number(t.backfilled) === 1,
      backfillReason: t.backfill_reason,
      issuerName: user(t.created_by),
      cancelRequest:
        t.status === 'cancel_requested' && t.cancel_requested_at
          ? {
              reason: t.cancel_request_reason ?? '',
              requestedAt: t.cancel_requested_at,
              byName: user(t.cancel_requested_by),
            }
          : null,
      cancellation:
        t.status === 'cancelled' && t.cancelled_at
          ? {
              reason: t.cancel_reason ?? '',
              cancelledAt: t.cancelled_at,
              byName: user(t.cancelled_by),
              afterDue: t.cancelled_at > t.due_at,
              countsAsLate: isCancelledLate(t),
            }
          : null,
      overdue: isTaskOverdue(t, nowIso),
      actions: allowedTaskActions(t.status, actor.role, {
        isAssignee: actor.employeeId === t.assignee_employee_id,
        isIssuer: t.created_by !== null && actor.userId === t.created_by,
      }),
    };
  }
  type Row = NonNullable<Awaited<ReturnType<typeof repo.findTask>>>;
  const usersOf = (rows: Row[]) =>
    userNames(
      db,
      rows.flatMap((t) => [t.created_by, t.cancelled_by, t.cancel_requested_by]),
    );
  async function get(actor: Actor, id: number) {
    requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
    const t = await repo.findTask(db, actor, id);
    if (!t) throw notFound('任务', 'Task');
    const [names, users] = await Promise.all([
      staff.employeeNames(db, [t.assignee_employee_id]),
      usersOf([t]),
    ]);
    return out(actor, t, nowIso(), names, users);
  }

  return {
    /** 交办: a manager or supervisor hands a task to an employee of the project */
    async create(actor: Actor, input: TTaskInput) {
      requireRole(actor, 'manager', 'supervisor');
      assertProjectVisible(actor, input.projectId);
      if (!(await staff.employeeInProject(db, input.assigneeEmployeeId, input.projectId)))
        throw field(actor, 'assigneeEmployeeId', '负责人不属于该项目', 'The assignee is not in this project');
      // the handing out's business time: now, or a dated one for loading history (补录 rules)
      const when = await facts.factTime(db, actor, input.projectId, input);
      let due: Date;
      if (input.dueAt) due = new Date(input.dueAt);
      else if (input.dueIn) due = await computeDue(db, new Date(when.at), input.dueIn);
      else throw field(actor, 'dueAt', '请填写截止时间', 'Set a due time');
      const at = nowIso();
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await repo.insertTask(trx, {
          project_id: input.projectId,
          title: input.title,
          description: input.description ?? null,
          category: input.category,
          source: (input.source ?? (actor.role === 'manager' ? 'manager' : 'ad_hoc')) as TaskTable['source'],
          assignee_employee_id: input.assigneeEmployeeId,
          status: 'open',
          due_at: due.toISOString(),
          created_by: actor.userId || null,
          created_at: when.at,
          recorded_at: at,
          updated_at: at,
          backfilled: when.backfill ? 1 : 0,
          backfill_reason: when.backfill,
        });
        await writeAudit(trx, actor, {
          entity: 'task',
          entityId: id,
          projectId: input.projectId,
          action: 'create',
          after: input,
        });
        return id;
      });
      return get(actor, id);
    },
    async list(actor: Actor, q: TTaskQuery) {
      requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
      if (q.projectId) assertProjectVisible(actor, q.projectId);
      const at = nowIso();
      const res = await repo.listTasks(db, actor, q, at);
      const [names, users] = await Promise.all([
        staff.employeeNames(
          db,
          res.rows.map((t) => t.assignee_employee_id),
        ),
        usersOf(res.rows),
      ]);
      return {
        items: res.rows.map((t) => out(actor, t, at, names, users)),
        total: res.total,
        page: res.page,
        pageSize: res.pageSize,
      };
    },
    get,
    async act(actor: Actor, id: number, action: TaskAction, input: TTaskActionInput) {
      await act(actor, id, action, input);
      return get(actor, id);
    },
    /** 完成率 per category for tasks due in the period (to inclusive) */
    async completion(actor: Actor, q: { projectId: number; from: string; to: string }) {
      requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
      assertProjectVisible(actor, q.projectId);
      const range = inclusiveDateRange(q.from, q.to);
      const rows = await repo.tasksDue(db, q.projectId, range.startAt, range.endAt, nowIso());
      return completionByCategory(rows);
    },
  };
}
