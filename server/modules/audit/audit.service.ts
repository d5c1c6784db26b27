import type { DB } from '../../db/database.ts';
import { type Actor, requireRole } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import * as repo from './audit.repository.ts';

/**
 * Whether the caller may read one record of an entity: the rule of the module that owns it (its own
 * scoped read), passed in from app.ts. The audit module reads no other module's tables.
 */
export type RecordReadable = (actor: Actor, entityId: string) => Promise<boolean>;

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService({ db, readable }: { db: DB; readable: Record<string, RecordReadable> }) {
  return {
    /**
     * A record's history, only if the caller may read the record itself; an entity without a rule
     * is the admin's only. Otherwise "not found", as for the record.
     */
    async history(actor: Actor, entity: string, entityId: string, limit = 100) {
      requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
      const rule = Object.hasOwn(readable, entity) ? readable[entity] : undefined;
      const may = actor.role === 'admin' || (rule ? await rule(actor, entityId) : false);
      if (!may) throw notFound('记录', 'Record');
      const rows = await repo.historyOf(db, entity, entityId, limit);
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        userName: r.user_name,
        action: r.action,
        before: r.before_json ? JSON.parse(r.before_json) : null,
        after: r.after_json ? JSON.parse(r.after_json) : null,
      }));
    },
  };
}
