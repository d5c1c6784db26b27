import type { Generated } from 'kysely';

/**
 * The database's tables. Each module adds its own tables by augmenting this interface
 * from its `<noun>.tables.ts`:
 *
 *   declare module '../../db/schema.ts' { interface Database { repair_order: RepairOrderTable } }
 *
 * Conventions: snake_case; ids are integers; times are UTC ISO-8601 text; dates 'YYYY-MM-DD';
 * booleans are 0/1 integers; money is integer fen (分). Same columns on SQLite and PostgreSQL.
 */
export interface Database extends FoundationTables {}

// the role list lives with the user module's constants, which the web imports too
export { ROLES, type Role } from '../modules/user/user.constants.ts';

import type { Role } from '../modules/user/user.constants.ts';

export interface FoundationTables {
  company: { id: Generated<number>; name: string; created_at: string };
  project: {
    id: Generated<number>;
    company_id: number;
    code: string;
    name: string;
    address: string | null;
    phone: string | null;
    status: 'active' | 'archived';
    /** 'YYYY-MM-DD' the project began (接管日期): the assessment counts nothing before it; null unknown */
    started_on: string | null;
    created_at: string;
    updated_at: string;
    /** optimistic locking (server/lib/versioning.ts) */
    version: Generated<number>;
  };
  app_user: {
    id: Generated<number>;
    username: string;
    display_name: string;
    role: Role;
    password_hash: string;
    phone: string | null;
    locale: 'zh-CN' | 'en-US' | null;
    active: number;
    employee_id: number | null;
    created_at: string;
    updated_at: string;
    /** optimistic locking (server/lib/versioning.ts) */
    version: Generated<number>;
    password_changed_at: string | null;
  };
  user_project: { user_id: number; project_id: number };
  user_session: {
    id: string;
    user_id: number;
    created_at: string;
    expires_at: string;
    last_seen_at: string;
  };
  login_failure: { id: Generated<number>; username: string; address: string; at: string };
  audit_log: {
    id: Generated<number>;
    at: string;
    user_id: number | null;
    user_name: string | null;
    project_id: number | null;
    entity: string;
    entity_id: string;
    action: string;
    before_json: string | null;
    after_json: string | null;
    request_id: string | null;
  };
  position: {
    id: Generated<number>;
    company_id: number;
    code: string;
    name: string;
    level: string | null;
    superior: string | null;
    job_family: string | null;
    characteristics: string | null;
    authorities: string | null;
    qualifications: string | null;
    responsibilities: string | null;
    work_norms: string | null;
    workflow: string | null;
    created_at: string;
    updated_at: string;
    /** optimistic locking (server/lib/versioning.ts) */
    version: Generated<number>;
  };
  employee: {
    id: Generated<number>;
    project_id: number;
    code: string;
    name: string;
    gender: 'M' | 'F' | null;
    phone: string | null;
    position_id: number | null;
    team_id: number | null;
    hired_on: string | null;
    /** 'YYYY-MM-DD' the last day in the post (离岗日期); null: still in it */
    left_on: string | null;
    status: 'active' | 'left' | 'dismissed';
    created_at: string;
    updated_at: string;
    /** optimistic locking (server/lib/versioning.ts) */
    version: Generated<number>;
  };
  team: {
    id: Generated<number>;
    project_id: number;
    name: string;
    kind: string;
    leader_employee_id: number | null;
    created_at: string;
    updated_at: string;
    /** optimistic locking (server/lib/versioning.ts) */
    version: Generated<number>;
  };
}
