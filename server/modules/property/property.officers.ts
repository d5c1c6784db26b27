/** 房管员区域划分: which housing officer is in charge of which building, dated, one at a time. */
import type { Executor } from '../../db/database.ts';
import { type Actor, assertProjectVisible, canSeeProject, requireRole } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { commonErrors, notFound } from '../../lib/errors.ts';
import { isoNow } from '../../lib/time.ts';
import { bindUseCases } from '../../lib/use-cases.ts';
import * as repo from './property.repository.ts';
import type { TOfficerAssign } from './property.schemas.ts';
import { type PropertyCore, propertyErrors, propertyReferenceErrors, STAFF } from './property.shared.ts';

async function history(core: PropertyCore, exec: Executor, buildingId: number) {
  const rows = await repo.officerHistory(exec, buildingId);
  const names = await core.employeeNames(
    exec,
    rows.map((r) => r.employee_id),
  );
  return rows.map((r) => ({
    id: r.id,
    employeeId: r.employee_id,
    employeeName: names.get(r.employee_id) ?? '',
    fromDate: r.from_date,
    toDate: r.to_date,
  }));
}

/** The assignment must not start before the current one, and must name an active employee of the project. */
async function checkAssignment(
  core: PropertyCore,
  trx: Executor,
  actor: Actor,
  input: TOfficerAssign,
  projectId: number,
  current: { from_date: string } | undefined,
) {
  const { t } = core;
  if (current && input.fromDate < current.from_date) {
    throw commonErrors.VALIDATION({}, [
      {
        field: 'fromDate',
        message: t(
          actor,
          `不能早于当前分配的开始日期 ${current.from_date}`,
          `Not before ${current.from_date}`,
        ),
      },
    ]);
  }
  if (!input.employeeId) return;
  const [employee] = await core.staff.employeesByIds(trx, [input.employeeId]);
  if (!employee || !canSeeProject(actor, employee.projectId)) {
    throw propertyReferenceErrors.missing({ entity: { 'zh-CN': '员工', 'en-US': 'employee' } }, [
      { field: 'employeeId', message: t(actor, '员工不存在', 'No such employee') },
    ]);
  }
  if (employee.projectId !== projectId || employee.status !== 'active') {
    throw propertyErrors.PROPERTY_OFFICER_NOT_OFFICER({}, [
      {
        field: 'employeeId',
        message: t(actor, '该员工不是本项目在职员工', 'Not an active employee of this project'),
      },
    ]);
  }
}

async function officerAreas(core: PropertyCore, actor: Actor, projectId: number) {
  const { db } = core;
  requireRole(actor, ...STAFF);
  assertProjectVisible(actor, projectId);
  const [buildings, officers] = await Promise.all([
    repo.listBuildings(db, projectId),
    repo.currentOfficers(db, projectId),
  ]);
  const names = await core.employeeNames(
    db,
    officers.map((o) => o.employee_id),
  );
  return buildings.map((b) => {
    const o = officers.find((x) => x.building_id === b.id);
    return {
      buildingId: b.id,
      buildingName: b.name,
      sectionName: b.section_name,
      employeeId: o?.employee_id ?? null,
      employeeName: o ? (names.get(o.employee_id) ?? null) : null,
      fromDate: o?.from_date ?? null,
    };
  });
}

async function officerHistory(core: PropertyCore, actor: Actor, buildingId: number) {
  const { db } = core;
  requireRole(actor, ...STAFF);
  const building = await repo.findBuilding(db, actor, buildingId);
  if (!building) throw notFound('楼栋', 'Building');
  return history(core, db, buildingId);
}

/** One officer per building at a time: assigning closes the previous assignment on fromDate. */
async function assignOfficer(core: PropertyCore, actor: Actor, buildingId: number, input: TOfficerAssign) {
  const { db, clock } = core;
  requireRole(actor, 'manager', 'supervisor');
  return db.transaction().execute(async (trx) => {
    const building = await repo.findBuilding(trx, actor, buildingId);
    if (!building) throw notFound('楼栋', 'Building');
    const current = await repo.currentOfficerOf(trx, buildingId);
    await checkAssignment(core, trx, actor, input, building.project_id, current);
    // the same officer again: nothing changes
    if (input.employeeId && current?.employee_id === input.employeeId) {
      return history(core, trx, buildingId);
    }
    if (current) await repo.closeOfficerArea(trx, current.id, input.fromDate);
    const after = input.employeeId
      ? await repo.insertOfficerArea(trx, {
          project_id: building.project_id,
          building_id: buildingId,
          employee_id: input.employeeId,
          from_date: input.fromDate,
          to_date: null,
          created_at: isoNow(clock),
        })
      : null;
    await writeAudit(trx, actor, {
      entity: 'building',
      entityId: buildingId,
      projectId: building.project_id,
      action: 'officer_assign',
      before: current ?? null,
      after,
    });
    return history(core, trx, buildingId);
  });
}

export function createOfficers(core: PropertyCore) {
  return bindUseCases(core, { officerAreas, officerHistory, assignOfficer });
}
