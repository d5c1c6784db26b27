import type { Executor } from '../../db/database.ts';

export function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Executor, id: number) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function projectIdsOfUser(db: Executor, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('user_project')
    .select('project_id')
    .where('user_id', '=', userId)
    .orderBy('project_id')
    .execute();
  return rows.map((r) => r.project_id);
}

export async function insertSession(
  db: Executor,
  row: { id: string; user_id: number; created_at: string; expires_at: string },
): Promise<void> {
  await db
    .insertInto('user_session')
    .values({ ...row, last_seen_at: row.created_at })
    .execute();
}

/** The session with its user, if the session exists, is unexpired and the user active. */
export function findLiveSession(db: Executor, sessionId: string, nowIso: string) {
  return db
    .selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .select([
      'user_session.id as session_id',
      'user_session.expires_at',
      'app_user.id',
      'app_user.username',
      'app_user.display_name',
      'app_user.role',
      'app_user.locale',
      'app_user.employee_id',
    ])
    .where('user_session.id', '=', sessionId)
    .where('user_session.expires_at', '>', nowIso)
    .where('app_user.active', '=', 1)
    .executeTakeFirst();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: number, exceptId?: string): Promise<void> {
  let q = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Executor, nowIso: string): Promise<void> {
  await db.deleteFrom('user_session').where('expires_at', '<=', nowIso).execute();
}

/** Failed (or still running) sign-ins within the window: how many and the latest, for one key. */
export interface FailureTally {
  count: number;
  lastAt: string | null;
}

/**
 * The sign-in failures since `sinceIso` of this account from this address, and of this address for
 * any account; `exceptId` leaves out the caller's own attempt row.
 */
export async function recentFailures(
  db: Executor,
  username: string,
  address: string,
  sinceIso: string,
  exceptId: number | null,
): Promise<{ account: FailureTally; address: FailureTally }> {
  const tally = (account: boolean) => {
    let q = db
      .selectFrom('login_failure')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('last')])
      .where('address', '=', address)
      .where('at', '>', sinceIso);
    if (account) q = q.where('username', '=', username);
    if (exceptId !== null) q = q.where('id', '!=', exceptId);
    return q.executeTakeFirstOrThrow();
  };
  const [a, b] = await Promise.all([tally(true), tally(false)]);
  return {
    account: { count: Number(a.n), lastAt: (a.last as string | null) ?? null },
    address: { count: Number(b.n), lastAt: (b.last as string | null) ?? null },
  };
}

/** Records an attempt before its password is checked, so parallel attempts see each other. */
export async function insertFailure(
  db: Executor,
  username: string,
  address: string,
  at: string,
): Promise<number> {
  const row = await db
    .insertInto('login_failure')
    .values({ username, address, at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Takes back one attempt row (an attempt refused by the throttle does not count as a failure). */
export async function deleteFailure(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('login_failure').where('id', '=', id).execute();
}

/** A success forgets this account's failures from this address (not the address's other accounts). */
export async function clearFailures(db: Executor, username: string, address: string): Promise<void> {
  await db
    .deleteFrom('login_failure')
    .where('username', '=', username)
    .where('address', '=', address)
    .execute();
}

/** Failures older than the window count for nothing: dropped now and then. */
export async function deleteOldFailures(db: Executor, beforeIso: string): Promise<void> {
  await db.deleteFrom('login_failure').where('at', '<=', beforeIso).execute();
}

export async function updatePassword(db: Executor, userId: number, hash: string, at: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ password_hash: hash, password_changed_at: at, updated_at: at })
    .where('id', '=', userId)
    .execute();
}

export async function updateLocale(db: Executor, userId: number, locale: 'zh-CN' | 'en-US', at: string) {
  await db.updateTable('app_user').set({ locale, updated_at: at }).where('id', '=', userId).execute();
}
