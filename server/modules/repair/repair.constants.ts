/**
 * The repair order's value lists, shared by the server (schemas, tables, transitions) and the
 * web (filters, forms). Dependency-free on purpose: the web imports this file at run time, so it
 * must never import server code.
 */
export const REPAIR_STATUSES = [
  'submitted',
  'dispatched',
  'in_progress',
  'completed',
  'visited',
  'closed',
  'cancelled',
  'reopened',
] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

export const REPAIR_CHANNELS = ['phone', 'frontdesk', 'portal', 'patrol'] as const;
export type RepairChannel = (typeof REPAIR_CHANNELS)[number];
/** the channels a staff member registers a repair through (the portal is the owner's own) */
export const REPAIR_STAFF_CHANNELS = [
  'phone',
  'frontdesk',
  'patrol',
] as const satisfies readonly RepairChannel[];

export const REPAIR_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type RepairPriority = (typeof REPAIR_PRIORITIES)[number];
