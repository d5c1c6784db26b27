import type { Insertable } from 'kysely';
import type { DB, Executor } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { type Clock, systemClock } from '../../lib/time.ts';
import { beijing } from '../../lib/xlsx-export.ts';
import * as complaintRepo from '../complaint/complaint.repository.ts';
import { complaintCode } from '../complaint/complaint.repository.ts';
import * as repairRepo from '../repair/repair.repository.ts';
import { repairCode } from '../repair/repair.repository.ts';
import { addDays, mondayOf } from '../repair/repair.service.ts';
import { taskCode } from '../task/task.repository.ts';
import * as repo from './reminder.repository.ts';

type Row = Insertable<Database['reminder']>;
const localDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The scheduler's check: marks overdue records and raises each user's reminders once —
 * waiting for dispatch (front desk), assigned work (the assignee), overdue repairs and
 * complaints (the project's supervisors and the assignee), tasks due within a day and
 * overdue (the assignee, and the one who handed it out), last week's repair review (the
 * supervisor, from Monday noon). Safe to run again: a raised reminder is never raised twice.
 */
export async function runReminderCheck(db: Executor, now: Date) {
  const nowIso = now.toISOString();
  const marked = (await repairRepo.markOverdue(db, nowIso)) + (await complaintRepo.markOverdue(db, nowIso));
  const [supervisors, frontdesks, employeeUsers] = await Promise.all([
    repo.usersOfRole(db, 'supervisor'),
    repo.usersOfRole(db, 'frontdesk'),
    repo.userIdsOfEmployees(db),
  ]);
  const byProject = (list: { id: number; project_id: number }[], projectId: number) =>
    list.filter((u) => u.project_id === projectId).map((u) => u.id);
  const userOfEmployee = new Map(employeeUsers.map((u) => [u.employee_id!, u.id]));
  const rows: Row[] = [];
  const add = (userIds: (number | undefined | null)[], r: Omit<Row, 'user_id' | 'created_at'>) => {
    for (const id of new Set(userIds.filter((x): x is number => !!x)))
      rows.push({ ...r, user_id: id, created_at: nowIso });
  };

  for (const r of await repo.repairsWaitingDispatch(db)) {
    add(byProject(frontdesks, r.project_id), {
      project_id: r.project_id,
      entity: 'repair_order',
      entity_id: String(r.id),
      kind: 'due',
      title: `报修 ${repairCode(r.id)}（${r.location}）待派工，时限 ${beijing(r.dispatch_due_at)}`,
      due_at: r.dispatch_due_at,
    });
  }
  for (const r of await repo.repairsAssigned(db)) {
    add([userOfEmployee.get(r.assignee_employee_id!)], {
      project_id: r.project_id,
      entity: 'repair_order',
      entity_id: String(r.id),
      kind: 'due',
      title: `报修 ${repairCode(r.id)}（${r.location}）已派给您，请在 ${beijing(r.complete_due_at)} 前完成`,
      due_at: r.complete_due_at,
    });
  }
  for (const r of await repo.repairsOverdue(db, nowIso)) {
    add([...byProject(supervisors, r.project_id), userOfEmployee.get(r.assignee_employee_id ?? -1)], {
      project_id: r.project_id,
      entity: 'repair_order',
      entity_id: String(r.id),
      kind: 'overdue',
      title: `报修 ${repairCode(r.id)}（${r.location}）已超时${r.status === 'submitted' ? '未派工' : '未完成'}`,
      due_at: r.status === 'submitted' ? r.dispatch_due_at : r.complete_due_at,
    });
  }
  for (const k of await repo.complaintsOverdue(db, nowIso)) {
    add([...byProject(supervisors, k.project_id), userOfEmployee.get(k.handler_employee_id ?? -1)], {
      project_id: k.project_id,
      entity: 'complaint',
      entity_id: String(k.id),
      kind: 'overdue',
      title: `投诉 ${complaintCode(k.id)}（${k.complainant_name}）已超过响应时限`,
      due_at: k.response_due_at,
    });
  }
  const dayAhead = new Date(now.getTime() + 86_400_000).toISOString();
  for (const t of await repo.tasksOpenDueBefore(db, dayAhead)) {
    const overdue = t.due_at < nowIso;
    add(
      overdue
        ? [userOfEmployee.get(t.assignee_employee_id), t.created_by]
        : [userOfEmployee.get(t.assignee_employee_id)],
      {
        project_id: t.project_id,
        entity: 'task',
        entity_id: String(t.id),
        kind: overdue ? 'overdue' : 'due',
        title: `任务 ${taskCode(t.id)}「${t.title}」${overdue ? '已逾期' : `将于 ${beijing(t.due_at)} 到期`}`,
        due_at: t.due_at,
      },
    );
  }
  // last week's repair review, from Monday 12:00 on
  const today = localDate(now);
  const lastMonday = addDays(mondayOf(today), -7);
  if (new Date(now.getTime() + 8 * 3_600_000).getUTCHours() >= 12 || today !== mondayOf(today)) {
    const submitted = new Set((await repo.submittedReviewKeys(db, lastMonday)).map((r) => r.project_id));
    for (const s of supervisors) {
      if (submitted.has(s.project_id)) continue;
      add([s.id], {
        project_id: s.project_id,
        entity: 'repair_weekly_review',
        entity_id: `${s.project_id}:${lastMonday}`,
        kind: 'review_due',
        title: `请提交 ${lastMonday} 至 ${addDays(lastMonday, 6)} 的每周报修审核`,
        due_at: null,
      });
    }
  }
  const added = await repo.insertReminders(db, rows);
  return { marked, added };
}

export type ReminderService = ReturnType<typeof createReminderService>;

export function createReminderService({ db, clock = systemClock }: { db: DB; clock?: Clock }) {
  return {
    async list(actor: Actor, unreadOnly: boolean) {
      const [rows, unread] = await Promise.all([
        repo.listForUser(db, actor.userId, unreadOnly),
        repo.unreadCount(db, actor.userId),
      ]);
      return {
        unread,
        items: rows.map((r) => ({
          id: r.id,
          entity: r.entity,
          entityId: r.entity_id,
          kind: r.kind,
          title: r.title,
          dueAt: r.due_at,
          createdAt: r.created_at,
          read: r.read_at !== null,
        })),
      };
    },
    async count(actor: Actor) {
      return { unread: await repo.unreadCount(db, actor.userId) };
    },
    async read(actor: Actor, id: number) {
      const n = await repo.markRead(db, actor.userId, clock.now().toISOString(), id);
      if (n === 0) {
        const mine = await repo.listForUser(db, actor.userId, false, 500);
        if (!mine.some((r) => r.id === id)) throw notFound('提醒', 'Reminder');
      }
      return { ok: true };
    },
    async readAll(actor: Actor) {
      return { updated: await repo.markRead(db, actor.userId, clock.now().toISOString()) };
    },
  };
}
