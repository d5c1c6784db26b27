import type { Role } from '../../db/schema.ts';
import type { TaskStatus } from './task.tables.ts';

export type TaskAction =
  | 'start'
  | 'complete'
  | 'requestCancel'
  | 'approveCancel'
  | 'declineCancel'
  | 'cancel'
  | 'reopen';
const LEADS = ['manager', 'supervisor'] as const;
const ALL = ['manager', 'supervisor', 'officer', 'frontdesk'] as const;

/**
 * Who may make a move (docs/servicedesk.md, "Cancelling a task"):
 * - `roles`: leads (manager, supervisor) on any task of their projects, the other roles on their own tasks;
 * - `issuer`: the issuer of the task (交办人, who created it) or a manager — a cancellation is their decision;
 * - `assignee`: the assignee who is not the issuer — her cancellation is a request the issuer decides.
 */
export type TaskMover = 'roles' | 'issuer' | 'assignee';

/** The state machine as data; `to` of a decline is the status the request came from */
export const TASK_TRANSITIONS: Record<
  TaskAction,
  { from: readonly TaskStatus[]; to: TaskStatus; roles: readonly Role[]; by: TaskMover }
> = {
  start: { from: ['open'], to: 'in_progress', roles: ALL, by: 'roles' },
  complete: { from: ['open', 'in_progress', 'cancel_requested'], to: 'done', roles: ALL, by: 'roles' },
  requestCancel: { from: ['open', 'in_progress'], to: 'cancel_requested', roles: ALL, by: 'assignee' },
  approveCancel: { from: ['cancel_requested'], to: 'cancelled', roles: LEADS, by: 'issuer' },
  declineCancel: { from: ['cancel_requested'], to: 'open', roles: LEADS, by: 'issuer' },
  cancel: { from: ['open', 'in_progress', 'cancel_requested'], to: 'cancelled', roles: LEADS, by: 'issuer' },
  reopen: { from: ['done'], to: 'in_progress', roles: LEADS, by: 'roles' },
};
export { TASK_STATUSES } from './task.constants.ts';
export const TASK_ACTIONS = Object.keys(TASK_TRANSITIONS) as TaskAction[];
/** the moves that decide a cancellation: each needs a reason */
export const CANCEL_DECISIONS: readonly TaskAction[] = ['cancel', 'approveCancel', 'declineCancel'];

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
  cancel_requested: { 'zh-CN': '待取消审批', 'en-US': 'cancellation requested' },
  done: { 'zh-CN': '已完成', 'en-US': 'done' },
  cancelled: { 'zh-CN': '已取消', 'en-US': 'cancelled' },
};
export const TASK_ACTION_LABELS: Record<TaskAction, { 'zh-CN': string; 'en-US': string }> = {
  start: { 'zh-CN': '开始', 'en-US': 'start' },
  complete: { 'zh-CN': '完成', 'en-US': 'complete' },
  requestCancel: { 'zh-CN': '申请取消', 'en-US': 'request cancellation' },
  approveCancel: { 'zh-CN': '同意取消', 'en-US': 'approve cancellation' },
  declineCancel: { 'zh-CN': '驳回取消', 'en-US': 'decline cancellation' },
  cancel: { 'zh-CN': '取消', 'en-US': 'cancel' },
  reopen: { 'zh-CN': '重新打开', 'en-US': 'reopen' },
};

export interface TaskParty {
  /** the caller is the task's assignee */
  isAssignee: boolean;
  /** the caller issued the task (created it) */
  isIssuer: boolean;
}

export function allowedTaskActions(status: TaskStatus, role: Role, party: TaskParty): TaskAction[] {
  const manager = role === 'admin' || role === 'manager';
  return TASK_ACTIONS.filter((a) => {
    const t = TASK_TRANSITIONS[a];
    if (!t.from.includes(status)) return false;
    if (t.by === 'issuer') return manager || (party.isIssuer && t.roles.includes(role));
    if (t.by === 'assignee') return party.isAssignee && !party.isIssuer && !manager;
    if (manager || role === 'supervisor') return t.roles.includes(role) || role === 'admin';
    return t.roles.includes(role) && party.isAssignee;
  });
}
