/**
 * Units of a time limit, shared by the server (schemas, working-time arithmetic) and the web
 * (limit fields). Dependency-free on purpose: the web imports this file at run time.
 */
export const DUE_UNITS = ['working_hours', 'working_days', 'hours', 'days'] as const;
export type DueUnit = (typeof DUE_UNITS)[number];
