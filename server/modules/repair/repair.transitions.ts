import type { Role } from '../../db/schema.ts';
import type { RepairStatus } from './repair.tables.ts';

export type RepairAction = 'dispatch' | 'start' | 'complete' | 'visit' | 'close' | 'reopen' | 'cancel';

interface Transition {
  from: readonly RepairStatus[];
  to: RepairStatus;
  roles: readonly Role[];
  /** an owner may take this action on their own order only from these states */
  ownerFrom?: readonly RepairStatus[];
}

const STAFF = ['frontdesk', 'supervisor', 'manager'] as const;

/**
 * The repair order's one state machine. Services check a move here, the API serves the
 * allowed actions from here, the page draws its buttons from those — nowhere else decides.
 * 提交 submitted → 派工 dispatched → 处理中 in_progress → 完成 completed → 回访 visited → 关闭 closed;
 * 取消 cancelled; 返修 reopened (the owner is not satisfied) → dispatched again.
 */
export const REPAIR_TRANSITIONS: Record<RepairAction, Transition> = {
  dispatch: { from: ['submitted', 'dispatched', 'reopened'], to: 'dispatched', roles: STAFF },
  start: { from: ['dispatched'], to: 'in_progress', roles: [...STAFF, 'officer'] },
  complete: { from: ['dispatched', 'in_progress'], to: 'completed', roles: [...STAFF, 'officer'] },
  visit: {
    from: ['completed'],
    to: 'visited',
    roles: [...STAFF, 'officer', 'owner'],
    ownerFrom: ['completed'],
  },
  close: { from: ['visited'], to: 'closed', roles: STAFF },
  reopen: {
    from: ['completed', 'visited'],
    to: 'reopened',
    roles: [...STAFF, 'owner'],
    ownerFrom: ['completed'],
  },
  cancel: {
    from: ['submitted', 'dispatched', 'reopened'],
    to: 'cancelled',
    roles: [...STAFF, 'owner'],
    ownerFrom: ['submitted'],
  },
};

export { REPAIR_STATUSES } from './repair.constants.ts';
export const REPAIR_ACTIONS = Object.keys(REPAIR_TRANSITIONS) as RepairAction[];
/** states in which the work is still owed */
export const OPEN_STATUSES: readonly RepairStatus[] = ['submitted', 'dispatched', 'in_progress', 'reopened'];

export const STATUS_LABELS: Record<RepairStatus, { 'zh-CN': string; 'en-US': string }> = {
  submitted: { 'zh-CN': '待派工', 'en-US': 'submitted' },
  dispatched: { 'zh-CN': '已派工', 'en-US': 'dispatched' },
  in_progress: { 'zh-CN': '处理中', 'en-US': 'in progress' },
  completed: { 'zh-CN': '已完成', 'en-US': 'completed' },
  visited: { 'zh-CN': '已回访', 'en-US': 'visited' },
  closed: { 'zh-CN': '已关闭', 'en-US': 'closed' },
  cancelled: { 'zh-CN': '已取消', 'en-US': 'cancelled' },
  reopened: { 'zh-CN': '返修', 'en-US': 'reopened' },
};
export const ACTION_LABELS: Record<RepairAction, { 'zh-CN': string; 'en-US': string }> = {
  dispatch: { 'zh-CN': '派工', 'en-US': 'dispatch' },
  start: { 'zh-CN': '开始处理', 'en-US': 'start' },
  complete: { 'zh-CN': '完成', 'en-US': 'complete' },
  visit: { 'zh-CN': '回访评价', 'en-US': 'follow-up visit' },
  close: { 'zh-CN': '关闭', 'en-US': 'close' },
  reopen: { 'zh-CN': '返修', 'en-US': 'reopen' },
  cancel: { 'zh-CN': '取消', 'en-US': 'cancel' },
};

/** The actions this role may take on an order in this state (for the owner: on their own order). */
export function allowedRepairActions(status: RepairStatus, role: Role): RepairAction[] {
  return REPAIR_ACTIONS.filter((a) => {
    const t = REPAIR_TRANSITIONS[a];
    if (!t.from.includes(status)) return false;
    if (role === 'admin') return true;
    if (!t.roles.includes(role)) return false;
    if (role === 'owner') return (t.ownerFrom ?? []).includes(status);
    return true;
  });
}
