import type { Executor } from '../db/database.ts';
import { prepared } from '../db/prepared.ts';
import type { Actor } from './actor.ts';
import { isoNow } from './time.ts';

export interface AuditEntry {
  entity: string;
  entityId: number | string;
  action: string;
  projectId?: number | null;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = new Set(['password_hash', 'password', 'passwordHash']);

function serialize(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v) => (SECRET_KEYS.has(key) ? undefined : v));
}

/**
 * Writes one audit row: who, when, what, before and after. Call it with the same
 * transaction as the change, so a change is never without its history (and vice versa).
 */
export async function writeAudit(trx: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values(auditRow(actor, entry, isoNow()))
    .execute();
}

/** Rows per INSERT: under SQLite's and PostgreSQL's limits on bound parameters (10 columns each). */
const AUDIT_CHUNK = 400;

/**
 * Writes many audit rows at once (an import's one row per unit), in chunks, with the same time.
 * Same transaction rule as writeAudit.
 */
export async function writeAudits(
  trx: Executor,
  actor: Actor,
  entries: readonly AuditEntry[],
): Promise<void> {
  const at = isoNow();
  for (let i = 0; i < entries.length; i += AUDIT_CHUNK) {
    const chunk = entries.slice(i, i + AUDIT_CHUNK).map((entry) => auditRow(actor, entry, at));
    await trx.insertInto('audit_log').values(chunk).execute();
  }
}

function auditRow(actor: Actor, entry: AuditEntry, at: string) {
  return {
    at,
    user_id: actor.userId || null,
    user_name: actor.displayName,
    project_id: entry.projectId ?? null,
    entity: entry.entity,
    entity_id: String(entry.entityId),
    action: entry.action,
    before_json: serialize(entry.before),
    after_json: serialize(entry.after),
    request_id: actor.requestId,
  };
}

/**
 * A record's history, oldest first, for the timelines on detail pages. The caller has already
 * checked that the record is visible to the user (its own scoped lookup).
 */
const timeline = prepared(
  () => '',
  (db, p: { entity: string; entityId: string; limit: number }) =>
    db
      .selectFrom('audit_log')
      .select(['at', 'user_name', 'action', 'after_json'])
      .where('entity', '=', p.entity)
      .where('entity_id', '=', p.entityId)
      .orderBy('id')
      .limit(p.limit),
);
export function readTimeline(db: Executor, entity: string, entityId: number | string, limit = 200) {
  return timeline(db, null, { entity, entityId: String(entityId), limit });
}

/** Who last changed a record and when (the newest audit row), for the 409 of a stale edit. */
export function lastChange(db: Executor, entity: string, entityId: number | string) {
  return db
    .selectFrom('audit_log')
    .select(['at', 'user_name'])
    .where('entity', '=', entity)
    .where('entity_id', '=', String(entityId))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
