/** Property value lists, as data both the server and the web import (this file imports nothing). */

/** 空置 vacant / 入住 occupied / 装修中 renovating */
export const UNIT_STATUSES = ['vacant', 'occupied', 'renovating'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
/** 装修中 counts as an occupied household: the owner has taken the unit and lives in or is fitting it out. */
export const OCCUPIED_STATUSES: readonly UnitStatus[] = ['occupied', 'renovating'];

/** 业主 owner / 住户 resident (tenant, family member living there) */
export const PERSON_KINDS = ['owner', 'resident'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const IMPORT_JOB_STATUSES = ['running', 'invalid', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/** create: every room is new; update: rooms that exist are updated */
export const IMPORT_MODES = ['create', 'update'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
