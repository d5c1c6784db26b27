/**
 * Occupancy (入住): a unit's status is a dated history, so "how many households were occupied on
 * day D" has one answer for the complaint rate, the survey and the register (docs/property.md).
 */
import type { Executor } from '../../db/database.ts';
import { type Actor, requireRole } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { isoNow } from '../../lib/time.ts';
import { bindUseCases } from '../../lib/use-cases.ts';
import { OCCUPIED_STATUSES } from './property.constants.ts';
import * as repo from './property.repository.ts';
import type { TStatusChange } from './property.schemas.ts';
import { type PropertyCore, propertyErrors, STATUS_WRITERS } from './property.shared.ts';

/**
 * Occupied households (入住户数) of a project on a day, from the units' dated status history:
 * units whose status on that day was 入住 occupied or 装修中 renovating — a unit being fitted
 * out has been taken by its owner, so it is an occupied household too. The complaint rate and
 * the satisfaction survey divide by this. `onDate` is 'YYYY-MM-DD' (Asia/Shanghai).
 */
export function countOccupiedHouseholds(
  db: Executor,
  projectId: number,
  onDate: string,
  /** the assessment's complaint rate: 入住 only unless the company counts 装修中 too (default: both) */
  options: { includeRenovating?: boolean } = {},
): Promise<number> {
  const statuses = options.includeRenovating === false ? (['occupied'] as const) : OCCUPIED_STATUSES;
  return repo.countOccupiedOn(db, projectId, onDate, statuses);
}

/** A change must differ from the current status and may not be dated before the last change. */
async function checkChange(
  core: PropertyCore,
  trx: Executor,
  actor: Actor,
  id: number,
  input: TStatusChange,
  current: string,
) {
  const { t } = core;
  if (input.status === current) {
    throw propertyErrors.PROPERTY_STATUS_UNCHANGED({}, [
      { field: 'status', message: t(actor, '与当前状态相同', 'Same as the current status') },
    ]);
  }
  const last = await repo.latestStatusRow(trx, id);
  if (last && input.fromDate < last.from_date) {
    throw propertyErrors.PROPERTY_STATUS_BEFORE_LAST({ date: last.from_date }, [
      {
        field: 'fromDate',
        message: t(actor, `不能早于 ${last.from_date}`, `Not before ${last.from_date}`),
      },
    ]);
  }
}

/** Records a dated status change (空置 → 入住 …): the history answers "occupied on day D". */
async function changeStatus(core: PropertyCore, actor: Actor, id: number, input: TStatusChange) {
  const { db, clock } = core;
  requireRole(actor, ...STATUS_WRITERS);
  return db.transaction().execute(async (trx) => {
    await core.visibleUnit(trx, actor, id);
    const before = (await repo.findUnitRow(trx, id))!;
    await checkChange(core, trx, actor, id, input, before.status);
    const at = isoNow(clock);
    await repo.insertStatus(trx, {
      project_id: before.project_id,
      unit_id: id,
      status: input.status,
      from_date: input.fromDate,
      note: input.note ?? null,
      user_id: actor.userId || null,
      created_at: at,
    });
    const moveIn =
      input.status !== 'vacant' && before.status === 'vacant' && !before.move_in_date
        ? input.fromDate
        : before.move_in_date;
    const after = await repo.updateUnit(trx, id, {
      status: input.status,
      move_in_date: moveIn,
      updated_at: at,
    });
    await writeAudit(trx, actor, {
      entity: 'unit',
      entityId: id,
      projectId: before.project_id,
      action: 'status_change',
      before: { status: before.status },
      after: { status: after.status, fromDate: input.fromDate, note: input.note ?? null },
    });
    return core.unitDetail(trx, actor, id);
  });
}

export function createOccupancy(core: PropertyCore) {
  return bindUseCases(core, { changeStatus });
}
