import type { Executor } from '../../db/database.ts';

/** The history of one record, newest first (the service has checked the caller may read the record). */
export function historyOf(db: Executor, entity: string, entityId: string, limit: number) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
