import type { MetricDefinition } from '../../lib/metrics.ts';
import { formatLocal } from '../../lib/time.ts';
import { taskEvidenceNote } from './task.evidence.ts';
import * as repo from './task.repository.ts';
import { isCompletedOnTime, isTaskOverdue } from './task.rules.ts';
import { completionByCategory } from './task.service.ts';
import { TASK_CATEGORIES } from './task.transitions.ts';

export const taskMetrics: MetricDefinition[] = [
  {
    key: 'task.overdue',
    label: { 'zh-CN': '逾期未完成的工作任务', 'en-US': 'Tasks not finished on time' },
    description: {
      'zh-CN': '本项目在考核期内到期、且未在截止时间前完成的任务，每项一例',
      'en-US': "The project's tasks due in the period and not completed by their due time, one case each",
    },
    async compute(ctx) {
      const rows = await repo.tasksDue(
        ctx.db,
        ctx.projectId,
        ctx.periodStartAt,
        ctx.periodEndAt,
        ctx.now.toISOString(),
      );
      return {
        type: 'cases',
        cases: rows
          .filter((r) => isTaskOverdue(r, ctx.now.toISOString()))
          .map((r) => ({
            ref: {
              entity: 'task',
              id: r.id,
              label: `任务 ${repo.taskCode(r.id)}「${r.title}」截止 ${formatLocal(r.due_at)}，${r.completed_at ? `${formatLocal(r.completed_at)} 完成` : '未完成'}${taskEvidenceNote(r)}`,
            },
          })),
      };
    },
  },
  {
    key: 'task.categoryCompletion',
    label: { 'zh-CN': '各类工作任务完成率', 'en-US': 'Task completion rate per category' },
    description: {
      'zh-CN': '考核期内到期的任务，按类别：按时完成数 ÷ 到期数；引用为该类全部到期任务',
      'en-US':
        'Per category, tasks due in the period: completed on time ÷ due; refs are all the due tasks of the category',
    },
    async compute(ctx) {
      const rows = await repo.tasksDue(
        ctx.db,
        ctx.projectId,
        ctx.periodStartAt,
        ctx.periodEndAt,
        ctx.now.toISOString(),
      );
      return {
        type: 'categoryRates',
        categories: completionByCategory(rows).map((c) => ({
          category: c.category,
          label: TASK_CATEGORIES[c.category],
          numerator: c.onTime,
          denominator: c.due,
          refs: rows
            .filter((r) => r.category === c.category)
            .map((r) => ({
              entity: 'task',
              id: r.id,
              label: `任务 ${repo.taskCode(r.id)}「${r.title}」${isCompletedOnTime(r) ? '按时完成' : '未按时完成'}${taskEvidenceNote(r)}`,
            })),
        })),
      };
    },
  },
];
