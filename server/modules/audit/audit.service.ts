import type { DB } from '../../db/database.ts';
import { type Actor, requireRole } from '../../lib/actor.ts';
import * as repo from './audit.repository.ts';

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService({ db }: { db: DB }) {
  return {
    async history(actor: Actor, entity: string, entityId: string, limit = 100) {
      requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
      const rows = await repo.historyOf(db, actor, entity, entityId, limit);
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
