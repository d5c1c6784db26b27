/** Staff value lists, as data both the server and the web import (this file imports nothing). */

/** 在职 active / 离职 left / 辞退 dismissed */
export const EMPLOYEE_STATUSES = ['active', 'left', 'dismissed'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

export const GENDERS = ['M', 'F'] as const;
export type Gender = (typeof GENDERS)[number];
