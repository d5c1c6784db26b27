import type { Generated } from 'kysely';
import type { ImportJobStatus, ImportMode, PersonKind, UnitStatus } from './property.constants.ts';

// the value lists live in property.constants.ts, which the web imports too
export {
  type ImportJobStatus,
  OCCUPIED_STATUSES,
  type PersonKind,
  UNIT_STATUSES,
  type UnitStatus,
} from './property.constants.ts';

export interface SectionTable {
  id: Generated<number>;
  project_id: number;
  /** 标段, e.g. 一期 / A区 */
  name: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
  /** optimistic locking (server/lib/versioning.ts) */
  version: Generated<number>;
}

export interface BuildingTable {
  id: Generated<number>;
  project_id: number;
  section_id: number;
  /** 楼栋, e.g. 1栋 */
  name: string;
  floors: number | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
  /** optimistic locking (server/lib/versioning.ts) */
  version: Generated<number>;
}

export interface UnitTable {
  id: Generated<number>;
  project_id: number;
  building_id: number;
  /** 房号, e.g. 1-502 or 502 (unique within its building) */
  room_no: string;
  floor: number;
  /** 建筑面积 in hundredths of a square metre (89.50 m² → 8950): exact */
  area_centi_m2: number;
  /** the status of the latest status-history row (kept here for fast lists) */
  status: UnitStatus;
  /** 交房日期 */
  handover_date: string | null;
  /** 入住日期 */
  move_in_date: string | null;
  created_at: string;
  updated_at: string;
  /** optimistic locking (server/lib/versioning.ts) */
  version: Generated<number>;
}

/** "From from_date on, the unit's status is status" — the unit's status on day D is its latest row with from_date ≤ D. */
export interface UnitStatusHistoryTable {
  id: Generated<number>;
  project_id: number;
  unit_id: number;
  status: UnitStatus;
  from_date: string;
  note: string | null;
  user_id: number | null;
  created_at: string;
}

/** Owners (业主) and residents (住户) of a unit, in one table, told apart by kind. */
export interface OwnerTable {
  id: Generated<number>;
  project_id: number;
  unit_id: number;
  kind: PersonKind;
  name: string;
  phone: string | null;
  /** 与业主关系, e.g. 本人 / 配偶 / 子女 / 租户 */
  relation: string | null;
  /** 主联系人 0/1 */
  is_main_contact: number;
  created_at: string;
  updated_at: string;
  /** optimistic locking (server/lib/versioning.ts) */
  version: Generated<number>;
}

/** 房管员区域划分: a building assigned to a housing officer from from_date until to_date (exclusive; null = still). */
export interface OfficerAreaTable {
  id: Generated<number>;
  project_id: number;
  building_id: number;
  employee_id: number;
  from_date: string;
  to_date: string | null;
  created_at: string;
}

/** An owner's login ↔ their units: the portal shows these, and only these. */
export interface OwnerUserUnitTable {
  user_id: number;
  unit_id: number;
  project_id: number;
  created_at: string;
}

export interface ImportJobTable {
  id: Generated<number>;
  project_id: number;
  user_id: number;
  file_name: string;
  mode: ImportMode;
  status: ImportJobStatus;
  total: number;
  processed: number;
  /** counts on success, the row errors when invalid */
  result_json: string | null;
  /** the error report workbook (the same sheets with an error column), base64 */
  report_base64: string | null;
  /** the random token the error report is downloaded by (job ids are sequential) */
  report_token: string | null;
  created_at: string;
  finished_at: string | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    section: SectionTable;
    building: BuildingTable;
    unit: UnitTable;
    unit_status_history: UnitStatusHistoryTable;
    owner: OwnerTable;
    officer_area: OfficerAreaTable;
    owner_user_unit: OwnerUserUnitTable;
    import_job: ImportJobTable;
  }
}
