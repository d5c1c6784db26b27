/**
 * The moves of a task (task.transitions.ts), each one transaction with its audit row. Cancelling is a
 * decision (docs/servicedesk.md, "Cancelling a task"): the issuer or a manager cancels, with a reason; the
 * assignee requests, the issuer approves or declines, with a reason. Cancelled after its due time, a task
 * still counts as not finished on time unless the decider excuses it (`excuseLate`) — and excusing a task
 * due in a published or finalized period is a 补录, a manager's.
 */
import type { Updateable } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, requireRole } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { commonErrors, notFound } from '../../lib/errors.ts';
import type { FactTimes } from '../../lib/fact-times.ts';
import type { Clock } from '../../lib/time.ts';
import * as repo from './task.repository.ts';
import type { TTaskActionInput } from './task.schemas.ts';
import './task.tables.ts';
import {
  allowedTaskActions,
  CANCEL_DECISIONS,
  TASK_ACTION_LABELS,
  TASK_STATUS_LABELS,
  TASK_TRANSITIONS,
  type TaskAction,
} from './task.transitions.ts';

type Patch = Updateable<Database['task']>;

export function createTaskActions({ db, clock, facts }: { db: DB; clock: Clock; facts: FactTimes }) {
  const field = (actor: Actor, name: string, zh: string, en: string) =>
    commonErrors.VALIDATION({}, [{ field: name, message: actor.locale === 'zh-CN' ? zh : en }]);
  const reasonOf = (actor: Actor, input: TTaskActionInput, zh: string, en: string) => {
    const text = input.reason?.trim();
    if (!text || text.length < 2) throw field(actor, 'reason', zh, en);
    return text;
  };

  return async function act(actor: Actor, id: number, action: TaskAction, input: TTaskActionInput) {
    requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
    await db.transaction().execute(async (trx) => {
      const before = await repo.findTask(trx, actor, id);
      if (!before) throw notFound('任务', 'Task');
      const t = TASK_TRANSITIONS[action];
      const party = {
        isAssignee: actor.employeeId === before.assignee_employee_id,
        isIssuer: before.created_by !== null && actor.userId === before.created_by,
      };
      if (!allowedTaskActions(before.status, actor.role, party).includes(action)) {
        if (!t.from.includes(before.status))
          throw commonErrors.ILLEGAL_TRANSITION({
            from: TASK_STATUS_LABELS[before.status],
            action: TASK_ACTION_LABELS[action],
          });
        throw commonErrors.FORBIDDEN();
      }
      const at = clock.now().toISOString();
      const patch: Patch = { status: t.to, updated_at: at };
      if (action === 'start') patch.started_at = at;
      if (action === 'complete') {
        if (!input.result) throw field(actor, 'result', '请填写完成情况', 'Describe the result');
        const when = await facts.factTime(trx, actor, before.project_id, input, before.created_at);
        patch.completed_at = when.at;
        patch.completed_recorded_at = at;
        patch.result = input.result;
        if (when.backfill) Object.assign(patch, { backfilled: 1, backfill_reason: when.backfill });
      }
      if (action === 'reopen') Object.assign(patch, { completed_at: null, completed_recorded_at: null });
      if (action === 'requestCancel') {
        const reason = reasonOf(actor, input, '请填写申请取消的原因', 'Give the reason for the request');
        Object.assign(patch, {
          cancel_requested_by: actor.userId,
          cancel_requested_at: at,
          cancel_request_reason: reason,
          cancel_from_status: before.status,
        });
      }
      if (action === 'declineCancel') {
        reasonOf(actor, input, '请填写驳回的原因', 'Give the reason for declining');
        patch.status = before.cancel_from_status ?? 'open';
      }
      if (action === 'cancel' || action === 'approveCancel') {
        const reason = reasonOf(actor, input, '请填写取消的原因', 'Give the reason for cancelling');
        Object.assign(patch, { cancelled_by: actor.userId, cancelled_at: at, cancel_reason: reason });
        if (input.excuseLate && before.due_at < at) {
          // "it does not count as late" changes the facts of the due time's period
          const backfill = await facts.backfillOf(
            trx,
            actor,
            before.project_id,
            new Date(before.due_at),
            reason,
            'reason',
          );
          patch.late_excused = 1;
          if (backfill) Object.assign(patch, { backfilled: 1, backfill_reason: backfill });
        }
      }
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
        after: CANCEL_DECISIONS.includes(action) ? { ...patch, reason: input.reason?.trim() } : patch,
      });
    });
  };
}
