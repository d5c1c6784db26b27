import type { MetricDefinition } from '../../lib/metrics.ts';
import { addDays, formatLocal, mondayOf, weekRange } from '../../lib/time.ts';
import type { CalendarFunctions } from '../calendar/calendar.service.ts';
import * as checks from './repair.checks.repository.ts';
import * as repo from './repair.repository.ts';
import * as reviewRepo from './repair.review.repository.ts';
import { REVIEW_DUE } from './repair.review.ts';

/** The repair module's metrics; the weekly review's due time comes from the working calendar (calendar module). */
export const createRepairMetrics = ({
  computeDue,
}: {
  computeDue: CalendarFunctions['computeDue'];
}): MetricDefinition[] => [
  {
    key: 'repair.weeklyReviewMissing',
    label: { 'zh-CN': '未提交每周报修审核', 'en-US': 'Weekly repair review missing' },
    description: {
      'zh-CN':
        '周日落在考核期内、且已过提交截止时间（周后第一个工作日下班）的每一周，未提交“每周审核业主报修内容上报经理”、或晚于截止时间提交的，每周一例',
      'en-US':
        'Each week (Monday–Sunday) ending in the period whose review is past its due time (the end of the first working day after the week) without a submitted review, or submitted after it, one case each',
    },
    async compute(ctx) {
      // weeks whose Sunday lies in [periodStart, periodEnd) and whose review is already due (working calendar)
      const weeks: string[] = [];
      for (
        let monday = mondayOf(addDays(ctx.periodStart, -6));
        addDays(monday, 6) < ctx.periodEnd;
        monday = addDays(monday, 7)
      ) {
        if (addDays(monday, 6) < ctx.periodStart) continue;
        const due = await computeDue(ctx.db, new Date(weekRange(monday).endAt), REVIEW_DUE);
        if (due.getTime() < ctx.now.getTime()) weeks.push(monday);
      }
      if (!weeks.length) return { type: 'cases', cases: [] };
      const submitted = new Map(
        (await reviewRepo.submittedReviewWeeks(ctx.db, ctx.projectId, weeks[0], weeks[weeks.length - 1])).map(
          (w) => [w.week_start, w],
        ),
      );
      return {
        type: 'cases',
        cases: weeks.flatMap((w) => {
          const review = submitted.get(w);
          // submitted by its due time: done; submitted after it: late, counted like a missing one
          if (review && Number(review.late) !== 1) return [];
          return [
            {
              ref: review
                ? {
                    entity: 'repair_weekly_review',
                    id: review.id,
                    label: `${w} 至 ${addDays(w, 6)} 当周报修周审核逾期提交（应于 ${formatLocal(review.due_at)} 前提交，${formatLocal(review.submitted_at)} 提交）`,
                  }
                : {
                    entity: 'repair_weekly_review',
                    id: `${ctx.projectId}:${w}`,
                    label: `${w} 至 ${addDays(w, 6)} 当周未提交报修周审核`,
                  },
            },
          ];
        }),
      };
    },
  },
  {
    key: 'repair.notDispatchedInTime',
    label: { 'zh-CN': '报修未在时限内派工', 'en-US': 'Repair orders not dispatched in time' },
    description: {
      'zh-CN': '考核期内登记的报修单，派工晚于派工时限，或超过时限仍未派工的，每单一例',
      'en-US':
        'Repair orders created in the period dispatched after their dispatch limit, or still waiting past it',
    },
    async compute(ctx) {
      const rows = await checks.ordersNotDispatchedInTime(
        ctx.db,
        ctx.projectId,
        ctx.periodStartAt,
        ctx.periodEndAt,
        ctx.now.toISOString(),
      );
      return {
        type: 'cases',
        cases: rows.map((r) => ({
          ref: {
            entity: 'repair_order',
            id: r.id,
            label: `报修 ${repo.repairCode(r.id)}（${r.location}）派工时限 ${formatLocal(r.dispatch_due_at)}，${r.dispatched_at ? `${formatLocal(r.dispatched_at)} 派工` : '未派工'}${Number(r.backfilled) === 1 ? `；补录（${r.backfill_reason ?? ''}）` : ''}`,
          },
        })),
      };
    },
  },
];
