import type { Generated } from 'kysely';

import type { TaskStatus } from './task.constants.ts';

export type { TaskStatus };
export type TaskSource = 'manager' | 'plan' | 'meeting' | 'ad_hoc';

/** 工作任务/交办事项 */
export interface TaskTable {
  id: Generated<number>;
  project_id: number;
  title: string;
  description: string | null;
  category: string;
  source: TaskSource;
  assignee_employee_id: number;
  status: TaskStatus;
  due_at: string;
  started_at: string | null;
  completed_at: string | null;
  result: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    task: TaskTable;
  }
}
