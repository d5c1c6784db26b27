import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/context.ts';
import type { ApiContext } from './app.ts';

type Inject = Awaited<ReturnType<ApiContext['as']>>;
// biome-ignore lint/suspicious/noExplicitAny: response bodies
type Json = any;

/** A call that must succeed: its JSON body. */
export async function ok(call: Promise<{ statusCode: number; body: string; json(): Json }>): Promise<Json> {
  const r = await call;
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

/** Beijing local time 'YYYY-MM-DDTHH:mm' as a UTC ISO instant */
export const utc = (local: string) => new Date(`${local}:00+08:00`).toISOString();

export interface FreshProject {
  projectId: number;
  employees: { supervisor: number; officer: number; frontdesk: number };
  users: { manager: number; supervisor: number; officer: number; frontdesk: number };
  manager: Inject;
  supervisor: Inject;
  officer: Inject;
  frontdesk: Inject;
  unitIds: number[];
}

/**
 * A new project built as an admin would, through the API only: the project with its start date, a
 * supervisor, an officer and a front-desk employee with their accounts, a manager of the project, and a
 * building of `occupied` 入住 units and `renovating` 装修中 units (both since `since`).
 */
export async function freshProject(
  ctx: ApiContext,
  key: string,
  opts: {
    startedOn: string;
    since: string;
    occupied: number;
    renovating: number;
    hired?: { supervisor?: string; officer?: string };
  },
): Promise<FreshProject> {
  const admin = await ctx.as('admin');
  const project = await ok(
    admin({
      method: 'POST',
      url: '/api/projects',
      payload: { code: `T-${key}`, name: `测试项目${key}`, startedOn: opts.startedOn },
    }),
  );
  expect(project.startedOn).toBe(opts.startedOn);
  const positions: { id: number; code: string }[] = await ok(admin({ method: 'GET', url: '/api/positions' }));
  const position = (code: string) => positions.find((p) => p.code === code)!.id;
  const employee = async (code: string, name: string, positionCode: string, hiredOn?: string) =>
    (
      await ok(
        admin({
          method: 'POST',
          url: '/api/employees',
          payload: {
            projectId: project.id,
            code: `${key}-${code}`,
            name,
            positionId: position(positionCode),
            hiredOn: hiredOn ?? opts.startedOn,
          },
        }),
      )
    ).id as number;
  const employees = {
    supervisor: await employee('S', `主管${key}`, 'CS-SUPERVISOR', opts.hired?.supervisor),
    officer: await employee('O', `房管员${key}`, 'HOUSING-OFFICER', opts.hired?.officer),
    frontdesk: await employee('F', `前台${key}`, 'FRONT-DESK'),
  };
  const user = async (username: string, role: string, employeeId: number | null) =>
    (
      await ok(
        admin({
          method: 'POST',
          url: '/api/users',
          payload: {
            username,
            password: DEMO_PASSWORD,
            displayName: `${role}${key}`,
            role,
            employeeId,
            projectIds: [project.id],
          },
        }),
      )
    ).id as number;
  const k = key.toLowerCase();
  const users = {
    manager: await user(`mgr_${k}`, 'manager', null),
    supervisor: await user(`sup_${k}`, 'supervisor', employees.supervisor),
    officer: await user(`off_${k}`, 'officer', employees.officer),
    frontdesk: await user(`fd_${k}`, 'frontdesk', employees.frontdesk),
  };
  const section = await ok(
    admin({
      method: 'POST',
      url: '/api/property/sections',
      payload: { projectId: project.id, name: '一区' },
    }),
  );
  const building = await ok(
    admin({
      method: 'POST',
      url: '/api/property/buildings',
      payload: { projectId: project.id, sectionId: section.id, name: '1栋', floors: 10 },
    }),
  );
  const unitIds: number[] = [];
  const statuses = [
    ...Array(opts.occupied).fill('occupied'),
    ...Array(opts.renovating).fill('renovating'),
  ] as string[];
  for (const [i, status] of statuses.entries()) {
    const unit = await ok(
      admin({
        method: 'POST',
        url: '/api/units',
        payload: {
          buildingId: building.id,
          roomNo: `${101 + i}`,
          floor: 1,
          areaCentiM2: 8950,
          status,
          handoverDate: opts.since,
          moveInDate: status === 'occupied' ? opts.since : null,
        },
      }),
    );
    unitIds.push(unit.id);
  }
  return {
    projectId: project.id,
    employees,
    users,
    manager: await ctx.as(`mgr_${k}`),
    supervisor: await ctx.as(`sup_${k}`),
    officer: await ctx.as(`off_${k}`),
    frontdesk: await ctx.as(`fd_${k}`),
    unitIds,
  };
}

export interface SheetRow {
  rowKey: string;
  ruleKey: string;
  source: string;
  points: number;
  detail: string;
  evidence: { entity: string; id: number | string; label?: string }[];
  notCounted?: { entity: string; id: number | string; label?: string }[];
  metricMissing?: boolean;
}

/** The auto row of a rule */
export const autoRow = (sheet: { rows: SheetRow[] }, ruleKey: string) =>
  sheet.rows.find((r) => r.ruleKey === ruleKey && r.source === 'auto')!;
export const idsOfRow = (row: SheetRow) => row.evidence.map((e) => e.id);
