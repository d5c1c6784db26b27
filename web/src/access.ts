import { type Me, type Role, useMe } from './api/auth.ts';

/**
 * Every role and permission check of the web app, in one place (Ant Design Pro's `access.ts`):
 * menus, routes and buttons ask `useAccess()` by name, never compare roles themselves. The server
 * decides again on every request (its services call `requireRole`); these flags only keep the UI
 * from offering what the server would refuse. Admin may do everything.
 */
export interface Access {
  role: Role | undefined;
  /** 业主: uses the owner portal under /portal, not the staff app */
  isOwner: boolean;
  /** any staff role (admin included): the staff app's default */
  isStaff: boolean;
  /** officers may narrow the register to their own area (片区) */
  isOfficer: boolean;
  /** where the user lands after signing in */
  homePath: string;

  // service desk
  canCreateRepair: boolean;
  canCreateComplaint: boolean;
  canCreateTask: boolean;
  /** 每周报修审核: the page itself (supervisors submit, managers acknowledge) */
  canOpenRepairReview: boolean;
  canSubmitRepairReview: boolean;
  canAcknowledgeRepairReview: boolean;
  canManageRepairCategories: boolean;
  canManageCalendar: boolean;

  // property
  canImportProperty: boolean;
  canEditUnit: boolean;
  canChangeUnitStatus: boolean;
  /** residents, tenants, contacts of a unit */
  canEditUnitPeople: boolean;
  /** link owner-portal accounts to a unit */
  canLinkOwnerAccounts: boolean;
  canEditOfficerAreas: boolean;

  // staff
  canEditEmployees: boolean;
  canEditTeams: boolean;
  canEditPositions: boolean;

  // assessment
  canCreateSheet: boolean;
  /** see another person's score trend, not only one's own */
  canViewOthersTrend: boolean;
  canViewRanking: boolean;
  canViewSchemes: boolean;
  canEditScheme: boolean;
  canEditAssessmentSettings: boolean;

  // administration
  canManageUsers: boolean;
  canManageProjects: boolean;
  /** 开始使用 the first-start checklist (ticking its hand-checked steps: the admin) */
  canViewSetupChecklist: boolean;
  /** 消息通道 WeCom robots and e-mail lists of the manager's projects */
  canManageChannels: boolean;
}

/** A name of one of the boolean flags above: what a route or menu entry asks for. */
export type AccessFlag = {
  [K in keyof Access]: Access[K] extends boolean ? K : never;
}[keyof Access];

const LEADS: Role[] = ['manager', 'supervisor'];

/** The flags of a signed-in user (all false for nobody). */
export function accessOf(me: Pick<Me, 'role'> | null | undefined): Access {
  const role = me?.role;
  const admin = role === 'admin';
  const is = (...roles: Role[]) => role !== undefined && (admin || roles.includes(role));
  const isStaff = role !== undefined && role !== 'owner';
  return {
    role,
    isOwner: role === 'owner',
    isStaff,
    isOfficer: role === 'officer',
    homePath: role === 'owner' ? '/portal' : '/',

    canCreateRepair: isStaff,
    canCreateComplaint: isStaff,
    canCreateTask: is(...LEADS),
    canOpenRepairReview: is(...LEADS),
    canSubmitRepairReview: is('supervisor'),
    canAcknowledgeRepairReview: is('manager'),
    canManageRepairCategories: is('manager'),
    canManageCalendar: admin,

    canImportProperty: is(...LEADS),
    canEditUnit: is(...LEADS),
    canChangeUnitStatus: is(...LEADS, 'officer'),
    canEditUnitPeople: isStaff,
    canLinkOwnerAccounts: admin,
    canEditOfficerAreas: is(...LEADS),

    canEditEmployees: is(...LEADS),
    canEditTeams: is(...LEADS),
    canEditPositions: admin,

    canCreateSheet: is(...LEADS),
    canViewOthersTrend: is(...LEADS),
    canViewRanking: is(...LEADS),
    canViewSchemes: is(...LEADS),
    canEditScheme: admin,
    canEditAssessmentSettings: admin,

    canManageUsers: admin,
    canManageProjects: admin,
    canViewSetupChecklist: is('manager'),
    canManageChannels: is('manager'),
  };
}

/** The current user's access flags; all false while `/auth/me` is loading. */
export function useAccess(): Access {
  const me = useMe();
  return accessOf(me.data);
}
