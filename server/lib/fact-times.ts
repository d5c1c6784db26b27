/**
 * Facts and their times (tasks, repair orders, complaints) (docs/assessment.md, "Facts and their times"): each fact has its business
 * time (when it happened) and its recording time (the server clock). A business time given through the
 * API may not lie in the future; one in an earlier assessment period, or in a period whose sheets are
 * published or finalized, is a 补录 (late entry): only a manager enters it, with a reason, and it is
 * flagged on the task and in the sheet's evidence. Whether a period is open is the assessment module's
 * answer (`periodStateOf`, passed in by app.ts).
 */
import { Type } from '@sinclair/typebox';
import type { Executor } from '../db/database.ts';
import type { Actor } from './actor.ts';
import type { PeriodStateOf } from './directory.ts';
import { commonErrors, defineErrors } from './errors.ts';
import { type Clock, localDate } from './time.ts';

export const factErrors = defineErrors({
  BACKFILL_MANAGER: {
    status: 403,
    'zh-CN': '{when}所在的考核期（{period}）{state}，补录须由经理办理并填写原因',
    'en-US': 'The assessment period of {when} ({period}) {state}: only a manager enters this, with a reason',
  },
});

const STATE_TEXT = {
  open: { 'zh-CN': '已过去', 'en-US': 'is over' },
  published: { 'zh-CN': '已公示', 'en-US': 'is published' },
  finalized: { 'zh-CN': '已定稿', 'en-US': 'is finalized' },
} as const;

/**
 * The request fields of a dated fact, for a module's schemas: when it happened, if not now (for loading
 * history), and the manager's reason when that is a 补录.
 */
export const FactTimeFields = {
  occurredAt: Type.Optional(Type.String({ format: 'date-time' })),
  backfillReason: Type.Optional(Type.String({ minLength: 2, maxLength: 500 })),
};

export interface FactTimeInput {
  occurredAt?: string;
  backfillReason?: string;
}

export interface FactTime {
  /** the business time (UTC ISO) */
  at: string;
  /** the manager's reason when the fact is a 补录, else null */
  backfill: string | null;
}

export type FactTimes = ReturnType<typeof createFactTimes>;

export function createFactTimes({ clock, periodStateOf }: { clock: Clock; periodStateOf: PeriodStateOf }) {
  const say = (actor: Actor, zh: string, en: string) => (actor.locale === 'zh-CN' ? zh : en);
  const fieldError = (actor: Actor, field: string, zh: string, en: string) =>
    commonErrors.VALIDATION({}, [{ field, message: say(actor, zh, en) }]);
  const isManager = (actor: Actor) => actor.role === 'manager' || actor.role === 'admin';

  /**
   * Whether changing the facts of `at`'s period is a 补录, and if so that the caller may: a manager with a
   * reason (`reasonField` names the field a missing reason is reported on). Returns the reason or null.
   */
  async function backfillOf(
    trx: Executor,
    actor: Actor,
    projectId: number,
    at: Date,
    reason: string | undefined,
    reasonField = 'backfillReason',
  ): Promise<string | null> {
    const state = await periodStateOf(trx, projectId, at, clock.now());
    if (!state.backfill) return null;
    if (!isManager(actor))
      throw factErrors.BACKFILL_MANAGER({
        when: localDate(at),
        period: state.period,
        state: STATE_TEXT[state.state],
      });
    const text = reason?.trim();
    if (!text || text.length < 2)
      throw fieldError(actor, reasonField, '补录须填写原因', 'A late entry needs a reason');
    return text;
  }

  /** The business time of a fact: now, or `occurredAt` (not in the future, not before `notBefore`). */
  async function factTime(
    trx: Executor,
    actor: Actor,
    projectId: number,
    input: FactTimeInput,
    notBefore?: string,
  ): Promise<FactTime> {
    const now = clock.now();
    if (!input.occurredAt) return { at: now.toISOString(), backfill: null };
    const at = new Date(input.occurredAt);
    if (at.getTime() > now.getTime())
      throw fieldError(
        actor,
        'occurredAt',
        '发生时间不能晚于当前时间',
        'The time it happened cannot be in the future',
      );
    if (notBefore && at.toISOString() < notBefore)
      throw fieldError(
        actor,
        'occurredAt',
        '完成时间不能早于交办时间',
        'It cannot be completed before it was handed out',
      );
    return {
      at: at.toISOString(),
      backfill: await backfillOf(trx, actor, projectId, at, input.backfillReason),
    };
  }

  return { factTime, backfillOf };
}
