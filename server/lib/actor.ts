import { type Expression, type SqlBool, sql } from 'kysely';
import type { Role } from '../db/schema.ts';
import { commonErrors, notFound } from './errors.ts';
import type { Locale } from './i18n.ts';

/** Who is calling, and which projects they may see. Built by the auth plugin for every request. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  employeeId: number | null;
  /** Projects assigned to the user; ignored when allProjects */
  projectIds: number[];
  /** Admins see every project */
  allProjects: boolean;
  locale: Locale;
  requestId: string;
}

/** The one place that decides project visibility for a single record. */
export function canSeeProject(actor: Actor, projectId: number | null | undefined): boolean {
  if (projectId === null || projectId === undefined) return actor.allProjects;
  return actor.allProjects || actor.projectIds.includes(projectId);
}

/**
 * A WHERE condition limiting rows to the caller's projects — every repository list and
 * lookup of project-owned rows goes through it: `.where(projectScope(actor, 'employee.project_id'))`.
 */
export function projectScope(actor: Actor, column: string): Expression<SqlBool> {
  if (actor.allProjects) return sql<SqlBool>`1 = 1`;
  if (actor.projectIds.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(actor.projectIds)})`;
}

/** Throws FORBIDDEN unless the caller has one of the roles (admin always passes). */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (actor.role === 'admin' || roles.includes(actor.role)) return;
  throw commonErrors.FORBIDDEN();
}

/** Throws NOT_FOUND (not FORBIDDEN) for a project the caller cannot see: existence is not disclosed. */
export function assertProjectVisible(actor: Actor, projectId: number): void {
  if (!canSeeProject(actor, projectId)) throw notFound('项目', 'Project');
}

/** An actor for the system itself (CLI, scheduler, demo seed). */
export function systemActor(): Actor {
  return {
    userId: 0,
    username: 'system',
    displayName: '系统',
    role: 'admin',
    employeeId: null,
    projectIds: [],
    allProjects: true,
    locale: 'zh-CN',
    requestId: 'system',
  };
}
