import type { Role } from '../../db/schema.ts';
import type { TaskStatus } from './task.tables.ts';

export type TaskAction = 'start' | 'complete' | 'cancel' | 'reopen';
const LEADS = ['manager', 'supervisor'] as const;
const ALL = ['manager', 'supervisor', 'officer', 'frontdesk'] as const;

/** roles: who may; `assigneeOnly` roles may act only on their own tasks */
export const TASK_TRANSITIONS: Record<
  TaskAction,
  { from: readonly TaskStatus[]; to: TaskStatus; roles: readonly Role[] }
> = {
  start: { from: ['open'], to: 'in_progress', roles: ALL },
  complete: { from: ['open', 'in_progress'], to: 'done', roles: ALL },
  cancel: { from: ['open', 'in_progress'], to: 'cancelled', roles: LEADS },
  reopen: { from: ['done'], to: 'in_progress', roles: LEADS },
};
export { TASK_STATUSES } from './task.constants.ts';
export const TASK_ACTIONS = Object.keys(TASK_TRANSITIONS) as TaskAction[];

/** 任务类别 — the completion rate (rule 2.3) is computed per category */
export const TASK_CATEGORIES: Record<string, string> = {
  service: '客户服务',
  repair: '报修跟进',
  inspection: '巡查检查',
  renovation: '装修管理',
  fee: '费用收缴',
  survey: '满意度调查',
  archive: '档案资料',
  admin: '行政事务',
  other: '其他',
};
export const TASK_SOURCES: Record<string, string> = {
  manager: '经理交办',
  plan: '工作计划',
  meeting: '晨会布置',
  ad_hoc: '临时任务',
};
export const TASK_STATUS_LABELS: Record<TaskStatus, { 'zh-CN': string; 'en-US': string }> = {
  open: { 'zh-CN': '待办', 'en-US': 'open' },
  in_progress: { 'zh-CN': '进行中', 'en-US': 'in progress' },
  done: { 'zh-CN': '已完成', 'en-US': 'done' },
  cancelled: { 'zh-CN': '已取消', 'en-US': 'cancelled' },
};
export const TASK_ACTION_LABELS: Record<TaskAction, { 'zh-CN': string; 'en-US': string }> = {
  start: { 'zh-CN': '开始', 'en-US': 'start' },
  complete: { 'zh-CN': '完成', 'en-US': 'complete' },
  cancel: { 'zh-CN': '取消', 'en-US': 'cancel' },
  reopen: { 'zh-CN': '重新打开', 'en-US': 'reopen' },
};

export function allowedTaskActions(status: TaskStatus, role: Role, isAssignee: boolean): TaskAction[] {
  return TASK_ACTIONS.filter((a) => {
    const t = TASK_TRANSITIONS[a];
    if (!t.from.includes(status)) return false;
    if (role === 'admin' || role === 'manager' || role === 'supervisor')
      return t.roles.includes(role) || role === 'admin';
    return t.roles.includes(role) && isAssignee;
  });
}
