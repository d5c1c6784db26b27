import type { Actor } from './lib/actor.ts';
import { AppError } from './lib/errors.ts';
import type { RecordReadable } from './modules/audit/audit.service.ts';

/** A module's own read of one record by id; it throws "not found"/"forbidden" for a record the caller may not read. */
type ReadById = (actor: Actor, id: number) => Promise<unknown>;

/** The record is readable when the owning module's scoped read of it succeeds (its 403/404: not readable). */
function through(read: ReadById): RecordReadable {
  return async (actor, entityId) => {
    if (!/^[1-9]\d{0,9}$/.test(entityId) || Number(entityId) > 2_147_483_647) return false;
    try {
      await read(actor, Number(entityId));
      return true;
    } catch (error) {
      if (error instanceof AppError && (error.status === 403 || error.status === 404)) return false;
      throw error;
    }
  };
}

/** Company-wide lists every member of staff reads (repair categories, the working calendar). */
const staffWide: RecordReadable = async (actor) => actor.role !== 'owner';

interface Readers {
  users: { get: ReadById };
  projects: { get: ReadById };
  staff: { getEmployee: ReadById; getPosition: ReadById; getTeam: ReadById };
  repairs: { get: ReadById };
  complaints: { get: ReadById };
  tasks: { get: ReadById };
  property: { getUnit: ReadById; getImport: ReadById };
  assessment: { get: ReadById; getScheme: ReadById; findAppeal: ReadById };
}

/**
 * 修改历史 who may read a record's history: whoever may read the record, by the rule of the module
 * that owns it. An entity missing here (buildings, sections, weekly reviews, settings) is shown to
 * the admin only; add a line when a page shows its history.
 */
export function auditReaders(s: Readers): Record<string, RecordReadable> {
  return {
    user: through((a, id) => s.users.get(a, id)),
    project: through((a, id) => s.projects.get(a, id)),
    employee: through((a, id) => s.staff.getEmployee(a, id)),
    position: through((a, id) => s.staff.getPosition(a, id)),
    team: through((a, id) => s.staff.getTeam(a, id)),
    repair_order: through((a, id) => s.repairs.get(a, id)),
    repair_category: staffWide,
    calendar_day: staffWide,
    complaint: through((a, id) => s.complaints.get(a, id)),
    task: through((a, id) => s.tasks.get(a, id)),
    unit: through((a, id) => s.property.getUnit(a, id)),
    import_job: through((a, id) => s.property.getImport(a, id)),
    assessment: through((a, id) => s.assessment.get(a, id)),
    assessment_scheme: through((a, id) => s.assessment.getScheme(a, id)),
    assessment_appeal: through((a, id) => s.assessment.findAppeal(a, id)),
  };
}
