import type { Executor, OpenedDatabase } from '../../db/database.ts';
import { type Clock, systemClock } from '../../lib/time.ts';
import * as repo from './reminder.repository.ts';

/** The work of one slot: the reminder service's `check` (its sources are wired in app.ts) */
export type ScheduledCheck = (
  db: Executor,
  now: Date,
) => Promise<{ marked: number; added: number; queued?: number }>;

const JOB = 'reminders';
/** the advisory-lock key of the reminder check (any constant bigint shared by all servers) */
export const REMINDER_LOCK_KEY = 5_301_001;

/**
 * Runs the check for the interval slot that contains "now", at most once per slot across every
 * server sharing the database: the first to insert (job, slot) into scheduler_run does the work,
 * in the same transaction. On PostgreSQL a transaction-scoped advisory lock
 * (pg_try_advisory_xact_lock) is taken first, so a second server never even waits on the insert;
 * if the work fails the transaction rolls back the claim, and the next tick retries the slot.
 */
export async function runScheduledCheck(
  database: OpenedDatabase,
  check: ScheduledCheck,
  now: Date,
  intervalMs: number,
) {
  const slot = String(Math.floor(now.getTime() / intervalMs));
  return database.db.transaction().execute(async (trx) => {
    if (database.dialect === 'postgres' && !(await repo.tryAdvisoryLock(trx, REMINDER_LOCK_KEY))) {
      return { ran: false as const, reason: 'locked' };
    }
    if (!(await repo.claimSlot(trx, JOB, slot, now.toISOString())))
      return { ran: false as const, reason: 'done' };
    const result = await check(trx, now);
    await repo.finishSlot(trx, JOB, slot, new Date().toISOString(), JSON.stringify(result));
    return { ran: true as const, ...result };
  });
}

/** Starts the in-process scheduler: a check shortly after start, then once per interval. */
export function startScheduler(
  database: OpenedDatabase,
  options: {
    check: ScheduledCheck;
    intervalSeconds: number;
    clock?: Clock;
    log?: (msg: string, err?: unknown) => void;
    /** work of every tick after the check, outside its transaction: the message outbox is sent so */
    afterCheck?: () => Promise<unknown>;
  },
) {
  const intervalMs = options.intervalSeconds * 1000;
  const clock = options.clock ?? systemClock;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runScheduledCheck(database, options.check, clock.now(), intervalMs);
    } catch (err) {
      options.log?.('reminder check failed', err);
    }
    try {
      await options.afterCheck?.();
    } catch (err) {
      options.log?.('message dispatch failed', err);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, 2000);
  // check every tenth of the interval: the slot table keeps it to one run per interval
  const timer = setInterval(tick, Math.max(1000, Math.floor(intervalMs / 10)));
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
