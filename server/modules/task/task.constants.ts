/**
 * The task's value lists, shared by the server (schemas, tables, transitions) and the web
 * (filters, forms). Dependency-free on purpose: the web imports this file at run time.
 */
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
