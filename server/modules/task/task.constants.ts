/**
 * The task's value lists, shared by the server (schemas, tables, transitions) and the web
 * (filters, forms). Dependency-free on purpose: the web imports this file at run time.
 * 待取消审批 cancel_requested: the assignee asked to cancel; the issuer approves or declines.
 */
export const TASK_STATUSES = ['open', 'in_progress', 'cancel_requested', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
