/**
 * The complaint's value lists, shared by the server (schemas, tables, transitions) and the web
 * (filters, forms). Dependency-free on purpose: the web imports this file at run time.
 */
export const COMPLAINT_STATUSES = [
  'received',
  'handling',
  'resolved',
  'visited',
  'closed',
  'cancelled',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_CHANNELS = ['frontdesk', 'portal', 'phone'] as const;
/** the channels the front desk takes a complaint through (the portal is the owner's own) */
export const COMPLAINT_STAFF_CHANNELS = ['frontdesk', 'phone'] as const;

export const SATISFACTIONS = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
