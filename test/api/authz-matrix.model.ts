/**
 * The shapes of the authorization matrix (issue 11): the personas, the outcomes a cell may expect, the
 * records a cell names and an entry of the table. The table itself is authz-matrix.expect.ts.
 */

export const PERSONAS = [
  'manager',
  'supervisor',
  'officer',
  'frontdesk',
  'hq',
  'owner',
  'anonymous',
] as const;
export type Who = (typeof PERSONAS)[number];
/** `refused`: 403 or 404 (a wrong role on a record the persona does not see: either answer refuses) */
export type Outcome = '2xx' | '401' | '403' | '404' | '409' | 'refused';
export type Scope = 'own' | 'foreign';

/** the records a cell's request names: of project A (own) or B (foreign), found in the demo data */
export interface Refs {
  project: number;
  repair: number;
  complaint: number;
  task: number;
  review: number;
  assessment: number;
  manualEntry: number;
  appeal: number;
  section: number;
  building: number;
  unit: number;
  person: number;
  employee: number;
  team: number;
  /** an officer's login of the project */
  user: number;
  importJob: number;
  importToken: string;
  photo: string;
  reminder: number;
  /** a message channel (通道) of the project, made by the manager */
  channel: number;
  ownerUser: number;
  repairCategory: number;
  complaintCategory: number;
  position: number;
  scheme: number;
  /** the items of a real assessment scheme (a valid scheme body) */
  schemeItems: unknown[];
  version: Record<string, number>;
}

export interface Entry {
  allow: 'public' | readonly Who[];
  /** `list`: a list filtered by `projectId` (B's filter is 404 to whoever does not see B; asked without
   *  the filter too, it must show nothing of B) */
  scope: 'project' | 'list' | 'company';
  cells?: Partial<Record<Who, [Outcome, Outcome]>>;
  query?: (r: Refs) => string;
  body?: (r: Refs) => unknown;
  /** the value of `{action}` in the path */
  action?: string;
  /** a multipart upload instead of JSON */
  upload?: 'photo' | 'import';
}

export const HQ_MANAGER: Who[] = ['hq', 'manager'];
export const LEADS: Who[] = ['hq', 'manager', 'supervisor'];
export const STAFF: Who[] = ['hq', 'manager', 'supervisor', 'officer', 'frontdesk'];
export const SIGNED_IN: Who[] = [...STAFF, 'owner'];
export const HQ: Who[] = ['hq'];
