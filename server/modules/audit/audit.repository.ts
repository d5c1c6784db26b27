import type { Executor } from '../../db/database.ts';
import { type Actor, projectScope } from '../../lib/actor.ts';

/** The history of one record, newest first, limited to what the caller's projects allow. */
export function historyOf(db: Executor, actor: Actor, entity: string, entityId: string, limit: number) {
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id', 'desc')
    .limit(limit);
  // Company-wide rows (no project) are visible to staff; project rows only within scope.
  if (!actor.allProjects)
    q = q.where((eb) => eb.or([eb('project_id', 'is', null), projectScope(actor, 'project_id')]));
  return q.execute();
}
