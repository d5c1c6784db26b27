import { Type } from '@sinclair/typebox';
import type { Executor } from '../db/database.ts';
import type { Actor } from './actor.ts';
import { lastChange } from './audit.ts';
import { type AppError, defineErrors, fieldError } from './errors.ts';
import { formatLocal } from './time.ts';

/**
 * Optimistic locking (乐观锁). Every editable record has a `version` that starts at 1; a form sends
 * back the version it was opened with, the update is conditional (`where id = ? and version = ?`,
 * `version = version + 1`), and a stale write is refused with 409 STALE_EDIT, who changed the record
 * and when, and the current record (`current`), so the form can keep what the user typed.
 */
export const ZVersion = Type.Integer({ minimum: 1, maximum: 2147483647 });

export const versionErrors = defineErrors({
  STALE_EDIT: {
    status: 409,
    'zh-CN': '{by}已于 {at} 修改了这条记录，您的修改未保存。可加载最新内容后再修改。',
    'en-US':
      '{by} changed this record at {at}; your changes were not saved. Load the current values and edit again.',
  },
});

/** The version the update body must carry (the schema has it optional where create and update share it). */
export function requireVersion(actor: Actor, version: number | undefined): number {
  if (version === undefined)
    throw fieldError(
      'version',
      {
        'zh-CN': '缺少记录版本，请刷新后再修改',
        'en-US': 'The record version is missing; reload and edit again',
      },
      actor.locale,
    );
  return version;
}

/** The 409 of a stale edit: who changed it last and when (from the audit), with the current record. */
export async function staleEdit(
  db: Executor,
  entity: string,
  entityId: number | string,
  current: unknown,
): Promise<AppError> {
  const last = await lastChange(db, entity, entityId);
  const error = versionErrors.STALE_EDIT({
    by: last?.user_name ?? { 'zh-CN': '其他用户', 'en-US': 'Someone else' },
    at: last ? formatLocal(last.at) : '—',
  });
  error.extra = { current, changedBy: last?.user_name ?? null, changedAt: last?.at ?? null };
  return error;
}

/**
 * The usual shape: the record as read in the transaction has `version`; if it is not the one the form
 * was opened with, refuse before doing any work. The conditional update is the guard under races.
 */
export async function assertVersion(
  db: Executor,
  actor: Actor,
  entity: string,
  entityId: number | string,
  current: { version: number | string },
  sent: number | undefined,
): Promise<number> {
  const expected = requireVersion(actor, sent);
  if (Number(current.version) !== expected) throw await staleEdit(db, entity, entityId, current);
  return expected;
}
