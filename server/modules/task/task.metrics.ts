import type { MetricContext, MetricDefinition } from '../../lib/metrics.ts';
import { formatLocal } from '../../lib/time.ts';
import { taskEvidenceNote } from './task.evidence.ts';
import * as repo from './task.repository.ts';
import { isCompletedOnTime, isTaskOverdue } from './task.rules.ts';
import { completionByCategory } from './task.service.ts';
import { TASK_CATEGORIES } from './task.transitions.ts';

/**
 * The tasks due in the counting window and already due, of the rule's scope: the assessee's own (given
 * to her), her team's (given to her team's members or her), or the whole project's (SPEC §4.6).
 */
function dueTasks(ctx: MetricContext) {
  return repo.tasksDue(
    ctx.db,
    ctx.projectId,
    ctx.periodStartAt,
    ctx.periodEndAt,
    ctx.now.toISOString(),
    ctx.scope === 'project' ? undefined : ctx.employeeIds,
  );
}

/** whose tasks: 本人 (the document's 职责范围内工作), 本班组, 本项目 */
const TASK_SCOPES = { scopes: ['own', 'team', 'project'], defaultScope: 'own' } as const;

export const taskMetrics: MetricDefinition[] = [
  {
    key: 'task.overdue',
    label: { 'zh-CN': '逾期未完成的工作任务', 'en-US': 'Tasks not finished on time' },
    description: {
      'zh-CN':
        '考核期内到期、且未在截止时间前完成的任务（按规则的统计范围：本人、本班组或本项目），每项一例；同一任务也计入 2.3 的类别完成率',
      'en-US':
        "Tasks due in the period and not completed by their due time (the rule's scope: own, team or project), one case each; the same task also counts in 2.3's category rate",
    },
    ...TASK_SCOPES,
    async compute(ctx) {
      const rows = await dueTasks(ctx);
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
      'zh-CN':
        '考核期内到期的任务（按规则的统计范围），按类别：按时完成数 ÷ 到期数；引用为该类全部到期任务，逾期的任务也计入 2.1',
      'en-US':
        "Per category, tasks due in the period (the rule's scope): completed on time ÷ due; refs are all the due tasks of the category, a late one also counting in 2.1",
    },
    ...TASK_SCOPES,
    async compute(ctx) {
      const rows = await dueTasks(ctx);
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
