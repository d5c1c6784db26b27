import type { Insertable } from 'kysely';
import type { DB, Executor } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import type { DueReminder, ReminderCheck, ReminderRecipient, ReminderSource } from '../../lib/reminders.ts';
import { type Clock, systemClock } from '../../lib/time.ts';
import * as repo from './reminder.repository.ts';

type Row = Insertable<Database['reminder']>;
type Role = 'supervisor' | 'frontdesk';

/** Who the users are: the user module's functions, passed in by app.ts */
export interface ReminderDirectory {
  activeUsersOfRole(db: Executor, role: Role): Promise<{ userId: number; projectId: number }[]>;
  activeUsersOfEmployees(db: Executor): Promise<{ userId: number; employeeId: number }[]>;
}

export interface ReminderDeps {
  db: DB;
  clock?: Clock;
  /** every module's reminder sources (server/reminders.ts) */
  sources: ReminderSource[];
  users: ReminderDirectory;
  /** hears every due item of a check, in its transaction (the message channels queue theirs) */
  onDue?: (db: Executor, due: DueReminder[], nowIso: string) => Promise<number>;
}

/** The users of each recipient, read once per check */
async function loadRecipients(db: Executor, users: ReminderDirectory) {
  const [supervisors, frontdesks, employeeUsers] = await Promise.all([
    users.activeUsersOfRole(db, 'supervisor'),
    users.activeUsersOfRole(db, 'frontdesk'),
    users.activeUsersOfEmployees(db),
  ]);
  const byProject = (list: { userId: number; projectId: number }[]) => {
    const map = new Map<number, number[]>();
    for (const u of list) map.set(u.projectId, [...(map.get(u.projectId) ?? []), u.userId]);
    return map;
  };
  const ofRole = { supervisor: byProject(supervisors), frontdesk: byProject(frontdesks) };
  const userOfEmployee = new Map(employeeUsers.map((u) => [u.employeeId, u.userId]));
  return {
    projectsWithRole: (role: Role) => [...ofRole[role].keys()].sort((a, b) => a - b),
    usersOf(to: ReminderRecipient): (number | null | undefined)[] {
      if ('user' in to) return [to.user];
      if ('employee' in to) return [to.employee == null ? null : userOfEmployee.get(to.employee)];
      return ofRole[to.role].get(to.projectId) ?? [];
    },
  };
}

/**
 * The scheduler's check: each source first records its overdue marks, then says what is due;
 * each user's reminder is raised once per (user, record, kind), so the check may run again safely.
 */
export async function runReminderCheck(
  db: Executor,
  now: Date,
  { sources, users, onDue }: Pick<ReminderDeps, 'sources' | 'users' | 'onDue'>,
) {
  const nowIso = now.toISOString();
  const recipients = await loadRecipients(db, users);
  const check: ReminderCheck = { db, now, nowIso, projectsWithRole: recipients.projectsWithRole };
  let marked = 0;
  for (const source of sources) if (source.markOverdue) marked += await source.markOverdue(check);
  const rows: Row[] = [];
  const add = (r: DueReminder) => {
    const ids = new Set(r.to.flatMap((to) => recipients.usersOf(to)).filter((x): x is number => !!x));
    for (const userId of ids) {
      rows.push({
        user_id: userId,
        project_id: r.projectId,
        entity: r.entity,
        entity_id: r.entityId,
        kind: r.kind,
        title: r.title,
        due_at: r.dueAt,
        created_at: nowIso,
      });
    }
  };
  const due: DueReminder[] = [];
  for (const source of sources) due.push(...(await source.collect(check)));
  for (const r of due) add(r);
  const added = await repo.insertReminders(db, rows);
  const queued = onDue ? await onDue(db, due, nowIso) : 0;
  return { marked, added, queued };
}

export type ReminderService = ReturnType<typeof createReminderService>;

export function createReminderService({ db, clock = systemClock, sources, users, onDue }: ReminderDeps) {
  return {
    /** the scheduler's check (reminder.scheduler.ts runs it in its transaction) */
    check: (ex: Executor, now: Date) => runReminderCheck(ex, now, { sources, users, onDue }),
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
