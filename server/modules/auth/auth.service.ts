import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/database.ts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { defineErrors } from '../../lib/errors.ts';
import { DUMMY_HASH, hashPassword, type PasswordHasher, scryptHasher } from '../../lib/password.ts';
import { type Clock, systemClock } from '../../lib/time.ts';
import * as repo from './auth.repository.ts';
import { throttleWait, waitText } from './auth.throttle.ts';

export const authErrors = defineErrors({
  AUTH_BAD_CREDENTIALS: { status: 401, 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  AUTH_WRONG_CURRENT_PASSWORD: {
    status: 400,
    'zh-CN': '当前密码不正确',
    'en-US': 'The current password is wrong',
  },
  AUTH_THROTTLED: {
    status: 429,
    'zh-CN': '登录尝试过于频繁，请 {wait}后再试',
    'en-US': 'Too many failed sign-ins; try again in {wait}',
  },
  AUTH_PASSWORD_THROTTLED: {
    status: 429,
    'zh-CN': '当前密码错误次数过多，请 {wait}后再试',
    'en-US': 'Too many wrong current passwords; try again in {wait}',
  },
});

/** The throttle's key of password changes: their failures are counted apart from sign-ins of the account. */
const passwordChangeKey = (username: string) => `password-change:${username}`;

/** Seconds to wait before the next sign-in attempt (the route sends them as Retry-After). */
export function retryAfterOf(error: unknown): number | null {
  const params = (error as { code?: string; params?: Record<string, unknown> })?.params;
  const code = (error as { code?: string })?.code;
  return (code === 'AUTH_THROTTLED' || code === 'AUTH_PASSWORD_THROTTLED') &&
    typeof params?.seconds === 'number'
    ? params.seconds
    : null;
}

/** Session ids are random; the database keeps only their hash, so a leaked table opens no session. */
function hashSessionId(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export type AuthService = ReturnType<typeof createAuthService>;

type CachedActor = Omit<Actor, 'locale' | 'requestId'> & { locale: string | null };

export function createAuthService(deps: {
  db: DB;
  config: Config;
  clock?: Clock;
  /** how passwords are checked (tests count the calls) */
  passwords?: PasswordHasher;
}) {
  const { db, config } = deps;
  const clock = deps.clock ?? systemClock;
  const passwords = deps.passwords ?? scryptHasher;
  const throttled = (seconds: number) => authErrors.AUTH_THROTTLED({ seconds, wait: waitText(seconds) });

  /**
   * Who a session is, remembered for a few seconds (PROPDESK_SESSION_CACHE_SECONDS): the two
   * lookups would otherwise be most of the cost of a small request. This process forgets at once
   * on logout, password change and any change to the user; another server behind the same
   * database may accept a just-ended session for at most those seconds.
   */
  const cacheMs = config.sessionCacheSeconds * 1000;
  const cache = new Map<string, { actor: CachedActor; until: number; expiresAt: number }>();
  const MAX_CACHED = 10_000;
  /** Forgets the cached sessions of a user whose account, role, projects or password changed. */
  function forgetUser(userId: number): void {
    for (const [key, entry] of cache) if (entry.actor.userId === userId) cache.delete(key);
  }

  /**
   * Counts an attempt before its password is checked (a burst of parallel attempts sees itself, and no
   * more than the limit get through) and refuses it while this key from this address, or this address,
   * must wait. The attempt stays as a failure unless the caller clears it on success.
   */
  async function guardAttempt(key: string, address: string, refuse: (seconds: number) => Error) {
    const now = clock.now();
    const since = new Date(now.getTime() - config.loginWindowMinutes * 60_000).toISOString();
    const tally = (exceptId: number | null) => repo.recentFailures(db, key, address, since, exceptId);
    let wait = throttleWait(config, await tally(null), now.getTime());
    if (wait > 0) throw refuse(wait);
    const attemptId = await repo.insertFailure(db, key, address, now.toISOString());
    wait = throttleWait(config, await tally(attemptId), now.getTime());
    if (wait > 0) {
      await repo.deleteFailure(db, attemptId);
      throw refuse(wait);
    }
    return { now, since };
  }

  return {
    /**
     * Checks the password, throttled per account+address and per address with back-off (a colleague
     * elsewhere is never locked out); returns a new session token. An unknown or inactive user costs
     * the same scrypt and gets the same answer as a wrong password.
     */
    async login(username: string, password: string, address: string) {
      const { now, since } = await guardAttempt(username, address, throttled);
      const user = await repo.findUserByUsername(db, username);
      const matches = await passwords.verify(password, user?.password_hash ?? DUMMY_HASH);
      if (user?.active !== 1 || !matches) throw authErrors.AUTH_BAD_CREDENTIALS();
      const token = randomBytes(32).toString('base64url');
      const expires = new Date(now.getTime() + config.sessionHours * 3600_000);
      await db.transaction().execute(async (trx) => {
        await repo.clearFailures(trx, username, address);
        await repo.deleteOldFailures(trx, since);
        await repo.deleteExpiredSessions(trx, now.toISOString());
        await repo.insertSession(trx, {
          id: hashSessionId(token),
          user_id: user.id,
          created_at: now.toISOString(),
          expires_at: expires.toISOString(),
        });
      });
      return { token, expiresAt: expires };
    },

    async logout(token: string): Promise<void> {
      cache.delete(token);
      await repo.deleteSession(db, hashSessionId(token));
    },

    forgetUser,

    /** Resolves a session token to the caller, or null when absent, expired or the user is inactive. */
    async actorFromToken(
      token: string,
      requestId: string,
    ): Promise<(Omit<Actor, 'locale'> & { locale: string | null }) | null> {
      // the cache is keyed by the token itself: a hit costs no hashing
      const now = clock.now();
      const hit = cache.get(token);
      if (hit && hit.until > now.getTime() && hit.expiresAt > now.getTime())
        return { ...hit.actor, requestId };
      const row = await repo.findLiveSession(db, hashSessionId(token), now.toISOString());
      if (!row) {
        cache.delete(token);
        return null;
      }
      const projectIds = row.role === 'admin' ? [] : await repo.projectIdsOfUser(db, row.id);
      const actor: CachedActor = {
        userId: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        employeeId: row.employee_id,
        projectIds,
        allProjects: row.role === 'admin',
        locale: row.locale,
      };
      if (cacheMs > 0) {
        if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
        cache.set(token, { actor, until: now.getTime() + cacheMs, expiresAt: Date.parse(row.expires_at) });
      }
      return { ...actor, requestId };
    },

    /**
     * Changes the caller's password. Wrong current passwords are throttled like sign-ins (per account and
     * address, and per address), so a stolen session cannot guess its way to the account.
     */
    async changePassword(
      actor: Actor,
      current: string,
      next: string,
      token: string,
      address: string,
    ): Promise<void> {
      const key = passwordChangeKey(actor.username);
      await guardAttempt(key, address, (seconds) =>
        authErrors.AUTH_PASSWORD_THROTTLED({ seconds, wait: waitText(seconds) }),
      );
      const user = await repo.findUserById(db, actor.userId);
      if (!user || !(await passwords.verify(current, user.password_hash))) {
        throw authErrors.AUTH_WRONG_CURRENT_PASSWORD({}, [
          {
            field: 'currentPassword',
            message: actor.locale === 'zh-CN' ? '当前密码不正确' : 'The current password is wrong',
          },
        ]);
      }
      const hash = await hashPassword(next);
      const at = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await repo.clearFailures(trx, key, address);
        await repo.updatePassword(trx, actor.userId, hash, at);
        // Other sessions of the user end: a changed password must lock out whoever knew the old one.
        await repo.deleteSessionsOfUser(trx, actor.userId, hashSessionId(token));
        await writeAudit(trx, actor, { entity: 'user', entityId: actor.userId, action: 'change_password' });
      });
      forgetUser(actor.userId);
    },

    async setLocale(actor: Actor, locale: 'zh-CN' | 'en-US'): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await repo.updateLocale(trx, actor.userId, locale, clock.now().toISOString());
        await writeAudit(trx, actor, {
          entity: 'user',
          entityId: actor.userId,
          action: 'set_locale',
          after: { locale },
        });
      });
      forgetUser(actor.userId);
    },

    async me(actor: Actor) {
      const user = await repo.findUserById(db, actor.userId);
      return {
        id: actor.userId,
        username: actor.username,
        displayName: actor.displayName,
        role: actor.role,
        employeeId: actor.employeeId,
        projectIds: actor.projectIds,
        allProjects: actor.allProjects,
        locale: actor.locale,
        passwordChangedAt: user?.password_changed_at ?? null,
      };
    },
  };
}
