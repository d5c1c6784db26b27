import { formatLocal } from '../../lib/time.ts';
import { isCancelledLate } from './task.rules.ts';
import type { TaskStatus } from './task.tables.ts';

/**
 * What a task's evidence label on the sheet says besides its times (docs/assessment.md, "Facts and their
 * times"): a cancellation counted as late is a decision shown as such, and a fact entered late is 补录.
 */
export function taskEvidenceNote(r: {
  status: TaskStatus;
  due_at: string;
  completed_at: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  late_excused: number;
  backfilled: number;
  backfill_reason: string | null;
}): string {
  const notes: string[] = [];
  if (isCancelledLate(r))
    notes.push(
      `逾期后于 ${formatLocal(r.cancelled_at)} 取消，仍计未按时完成（取消原因：${r.cancel_reason ?? ''}）`,
    );
  if (Number(r.backfilled) === 1) notes.push(`补录（${r.backfill_reason ?? ''}）`);
  return notes.length ? `；${notes.join('；')}` : '';
}
