/**
 * 首次启动 first start: one row (id 1) once the company was set up from the browser. Its primary key is
 * the lock: of two setups sent at once only one can insert it. `confirmed_steps` are the checklist steps
 * an administrator ticked by hand (the working calendar and the assessment scheme, which exist from the
 * start and need a look rather than data), as a JSON array of step keys.
 */
export interface SetupStateTable {
  id: number;
  completed_at: string;
  admin_user_id: number | null;
  confirmed_steps: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    setup_state: SetupStateTable;
  }
}
