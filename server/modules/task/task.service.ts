import type { DB } from '../../db/database.ts';
import { type Actor, assertProjectVisible, requireRole } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { StaffDirectory } from '../../lib/directory.ts';
import { commonErrors, notFound } from '../../lib/errors.ts';
import { checkReferences, defineReferenceErrors } from '../../lib/references.ts';
import { type Clock, inclusiveDateRange, systemClock } from '../../lib/time.ts';
import type { CalendarFunctions } from '../calendar/calendar.service.ts';
import * as repo from './task.repository.ts';
import { isCompletedOnTime, isTaskOverdue } from './task.rules.ts';
import type { TTaskInput, TTaskQuery } from './task.schemas.ts';
import type { TaskTable } from './task.tables.ts';
import {
  allowedTaskActions,
  TASK_ACTION_LABELS,
  TASK_CATEGORIES,
  TASK_STATUS_LABELS,
  TASK_TRANSITIONS,
  type TaskAction,
} from './task.transitions.ts';

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

/** TASK_REFERENCE_NOT_FOUND (404) / TASK_REFERENCE_OUTSIDE_PROJECT (400) */
export const taskReferenceErrors = defineReferenceErrors('TASK');
const ASSIGNEE = { 'zh-CN': '负责人', 'en-US': 'assignee' };

export type TaskService = ReturnType<typeof createTaskService>;

export interface TaskDeps {
  db: DB;
  clock?: Clock;
  /** assignees (staff module) */
  staff: Pick<StaffDirectory, 'employeeNames' | 'employeePlace'>;
  /** due times on the working calendar (calendar module) */
  calendar: Pick<CalendarFunctions, 'computeDue'>;
}

export function createTaskService({ db, clock = systemClock, staff, calendar: { computeDue } }: TaskDeps) {
  const nowIso = () => clock.now().toISOString();
  const field = (actor: Actor, name: string, zh: string, en: string) =>
    commonErrors.VALIDATION({}, [{ field: name, message: actor.locale === 'zh-CN' ? zh : en }]);

  function out(
    actor: Actor,
    t: NonNullable<Awaited<ReturnType<typeof repo.findTask>>>,
    nowIso: string,
    names: Map<number, string>,
  ) {
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
      overdue: isTaskOverdue(t, nowIso),
      actions: allowedTaskActions(t.status, actor.role, actor.employeeId === t.assignee_employee_id),
    };
  }
  async function get(actor: Actor, id: number) {
    requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
    const t = await repo.findTask(db, actor, id);
    if (!t) throw notFound('任务', 'Task');
    return out(actor, t, nowIso(), await staff.employeeNames(db, [t.assignee_employee_id]));
  }

  return {
    /** 交办: a manager or supervisor hands a task to an employee of the project */
    async create(actor: Actor, input: TTaskInput) {
      requireRole(actor, 'manager', 'supervisor');
      assertProjectVisible(actor, input.projectId);
      await checkReferences(
        db,
        actor,
        input.projectId,
        [
          {
            field: 'assigneeEmployeeId',
            id: input.assigneeEmployeeId,
            entity: ASSIGNEE,
            place: staff.employeePlace,
          },
        ],
        taskReferenceErrors,
      );
      let due: Date;
      if (input.dueAt) due = new Date(input.dueAt);
      else if (input.dueIn) due = await computeDue(db, clock.now(), input.dueIn);
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
          created_at: at,
          updated_at: at,
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
      const names = await staff.employeeNames(
        db,
        res.rows.map((t) => t.assignee_employee_id),
      );
      return {
        items: res.rows.map((t) => out(actor, t, at, names)),
        total: res.total,
        page: res.page,
        pageSize: res.pageSize,
      };
    },
    get,
    async act(actor: Actor, id: number, action: TaskAction, input: { result?: string }) {
      requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
      await db.transaction().execute(async (trx) => {
        const before = await repo.findTask(trx, actor, id);
        if (!before) throw notFound('任务', 'Task');
        const t = TASK_TRANSITIONS[action];
        const isAssignee = actor.employeeId === before.assignee_employee_id;
        if (!allowedTaskActions(before.status, actor.role, isAssignee).includes(action)) {
          if (!t.from.includes(before.status))
            throw commonErrors.ILLEGAL_TRANSITION({
              from: TASK_STATUS_LABELS[before.status],
              action: TASK_ACTION_LABELS[action],
            });
          throw commonErrors.FORBIDDEN();
        }
        const at = nowIso();
        const patch: Partial<Omit<TaskTable, 'id'>> = { status: t.to, updated_at: at };
        if (action === 'start') patch.started_at = at;
        if (action === 'complete') {
          if (!input.result) throw field(actor, 'result', '请填写完成情况', 'Describe the result');
          patch.completed_at = at;
          patch.result = input.result;
        }
        if (action === 'reopen') patch.completed_at = null;
        if (!(await repo.updateTask(trx, id, patch, before.status))) {
          // another request moved it between our read and our write: that one won
          const now = await repo.findTask(trx, actor, id);
          throw commonErrors.ILLEGAL_TRANSITION({
            from: TASK_STATUS_LABELS[now?.status ?? before.status],
            action: TASK_ACTION_LABELS[action],
          });
        }
        await writeAudit(trx, actor, {
          entity: 'task',
          entityId: id,
          projectId: before.project_id,
          action,
          before: { status: before.status },
          after: patch,
        });
      });
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
