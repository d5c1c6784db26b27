import type { Role } from '../../db/schema.ts';
import type { ComplaintStatus } from './complaint.tables.ts';

export type ComplaintAction =
  | 'assign'
  | 'record'
  | 'resolve'
  | 'visit'
  | 'close'
  | 'reopen'
  | 'cancel'
  | 'markDuplicate';

interface Transition {
  from: readonly ComplaintStatus[];
  /** absent: the state stays (a handling record) */
  to?: ComplaintStatus;
  roles: readonly Role[];
  ownerFrom?: readonly ComplaintStatus[];
}
const DESK = ['frontdesk', 'supervisor', 'manager'] as const;

/** 投诉 state machine: 受理 received → 处理中 handling → 已解决 resolved → 已回访 visited → 关闭 closed; 撤销 cancelled. */
export const COMPLAINT_TRANSITIONS: Record<ComplaintAction, Transition> = {
  assign: { from: ['received', 'handling'], to: 'handling', roles: DESK },
  record: { from: ['handling'], roles: [...DESK, 'officer'] },
  resolve: { from: ['handling'], to: 'resolved', roles: [...DESK, 'officer'] },
  visit: { from: ['resolved'], to: 'visited', roles: [...DESK, 'owner'], ownerFrom: ['resolved'] },
  close: { from: ['visited'], to: 'closed', roles: DESK },
  reopen: {
    from: ['resolved', 'visited'],
    to: 'handling',
    roles: [...DESK, 'owner'],
    ownerFrom: ['resolved'],
  },
  cancel: { from: ['received'], to: 'cancelled', roles: [...DESK, 'owner'], ownerFrom: ['received'] },
  /** 重复投诉: the same matter filed again; closed, naming the complaint it repeats */
  markDuplicate: { from: ['received', 'handling'], to: 'cancelled', roles: DESK },
};
export { COMPLAINT_STATUSES } from './complaint.constants.ts';
export const COMPLAINT_ACTIONS = Object.keys(COMPLAINT_TRANSITIONS) as ComplaintAction[];

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, { 'zh-CN': string; 'en-US': string }> = {
  received: { 'zh-CN': '已受理', 'en-US': 'received' },
  handling: { 'zh-CN': '处理中', 'en-US': 'handling' },
  resolved: { 'zh-CN': '已解决', 'en-US': 'resolved' },
  visited: { 'zh-CN': '已回访', 'en-US': 'visited' },
  closed: { 'zh-CN': '已关闭', 'en-US': 'closed' },
  cancelled: { 'zh-CN': '已撤销', 'en-US': 'cancelled' },
};
export const COMPLAINT_ACTION_LABELS: Record<ComplaintAction, { 'zh-CN': string; 'en-US': string }> = {
  assign: { 'zh-CN': '指派处理人', 'en-US': 'assign' },
  record: { 'zh-CN': '处理记录', 'en-US': 'add a record' },
  resolve: { 'zh-CN': '解决', 'en-US': 'resolve' },
  visit: { 'zh-CN': '回访', 'en-US': 'follow-up visit' },
  close: { 'zh-CN': '关闭', 'en-US': 'close' },
  reopen: { 'zh-CN': '重新处理', 'en-US': 'reopen' },
  cancel: { 'zh-CN': '撤销', 'en-US': 'cancel' },
  markDuplicate: { 'zh-CN': '标记为重复投诉', 'en-US': 'mark as a duplicate' },
};

export function allowedComplaintActions(status: ComplaintStatus, role: Role): ComplaintAction[] {
  return COMPLAINT_ACTIONS.filter((a) => {
    const t = COMPLAINT_TRANSITIONS[a];
    if (!t.from.includes(status)) return false;
    if (role === 'admin') return true;
    if (!t.roles.includes(role)) return false;
    if (role === 'owner') return (t.ownerFrom ?? []).includes(status);
    return true;
  });
}
