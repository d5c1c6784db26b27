import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/context.ts';
import { DUMMY_HASH, scryptHasher } from '../../server/lib/password.ts';
import { createAuthService } from '../../server/modules/auth/auth.service.ts';
import { waitSeconds } from '../../server/modules/auth/auth.throttle.ts';
import { describeApi, testConfig } from '../helpers/app.ts';

/** Sign-in abuse (issue 11, point 5): limits per account+address and per address, back-off, no enumeration. */

describe('sign-in back-off', () => {
  it('waits the back-off after the limit, doubling per further failure, never beyond the window', () => {
    const at = '2026-12-01T00:00:00.000Z';
    const t0 = Date.parse(at);
    expect(waitSeconds({ count: 4, lastAt: at }, 5, 30, 900, t0)).toBe(0);
    expect(waitSeconds({ count: 5, lastAt: at }, 5, 30, 900, t0)).toBe(30);
    expect(waitSeconds({ count: 5, lastAt: at }, 5, 30, 900, t0 + 30_000)).toBe(0);
    expect(waitSeconds({ count: 6, lastAt: at }, 5, 30, 900, t0)).toBe(60);
    expect(waitSeconds({ count: 50, lastAt: at }, 5, 30, 900, t0)).toBe(900);
  });
});

let now = Date.parse('2026-12-01T02:00:00.000Z');
const clock = { now: () => new Date(now) };

describeApi(
  'sign-in abuse',
  (ctx) => {
    const attempt = (username: string, password: string, ip: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: ip,
        payload: { username, password },
      });

    it('backs off instead of locking: after the limit one more try every 30 s, then 60 s, …', async () => {
      for (let i = 0; i < 5; i++)
        expect((await attempt('officer', 'wrong', '10.1.0.1')).statusCode).toBe(401);
      const blocked = await attempt('officer', DEMO_PASSWORD, '10.1.0.1');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['retry-after']).toBe('30');
      expect(blocked.json().message).toBe('登录尝试过于频繁，请 30 秒后再试');
      now += 31_000;
      expect((await attempt('officer', 'wrong', '10.1.0.1')).statusCode).toBe(401);
      const again = await attempt('officer', DEMO_PASSWORD, '10.1.0.1');
      expect(again.statusCode).toBe(429);
      expect(again.headers['retry-after']).toBe('60');
      now += 61_000;
      expect((await attempt('officer', DEMO_PASSWORD, '10.1.0.1')).statusCode).toBe(200);
      // the success forgot this account's failures from this address
      expect((await attempt('officer', 'wrong', '10.1.0.1')).statusCode).toBe(401);
    });

    it('cannot be used to lock a colleague out: their sign-in from another address still works', async () => {
      for (let i = 0; i < 12; i++) await attempt('frontdesk', 'wrong', '10.2.0.66');
      expect((await attempt('frontdesk', DEMO_PASSWORD, '10.2.0.66')).statusCode).toBe(429);
      expect((await attempt('frontdesk', DEMO_PASSWORD, '10.2.0.7')).statusCode).toBe(200);
    });

    it('slows an address that rotates usernames, without touching other addresses', async () => {
      for (let i = 0; i < 20; i++) {
        expect((await attempt(`guess${i}`, 'wrong', '10.3.0.9')).statusCode).toBe(401);
      }
      // a 21st name from the same address, even the right password of a real account, waits
      const blocked = await attempt('supervisor', DEMO_PASSWORD, '10.3.0.9');
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await attempt('supervisor', DEMO_PASSWORD, '10.3.0.10')).statusCode).toBe(200);
      now += 31_000;
      expect((await attempt('supervisor', DEMO_PASSWORD, '10.3.0.9')).statusCode).toBe(200);
    });

    it('lets no more than the limit through a burst of parallel attempts', async () => {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => attempt('officer2', 'wrong', '10.4.0.4')),
      );
      const codes = answers.map((a) => a.statusCode);
      expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
      expect(codes.filter((c) => c !== 401 && c !== 429)).toEqual([]);
      // a refused attempt counts for nothing, a checked one as a failure: the limit is exactly 5 checks
      let checked = codes.filter((c) => c === 401).length;
      for (let i = 0; i < 10; i++) {
        const code = (await attempt('officer2', 'wrong', '10.4.0.4')).statusCode;
        if (code === 429) break;
        checked++;
      }
      expect(checked).toBe(5);
      expect((await attempt('officer2', DEMO_PASSWORD, '10.4.0.4')).statusCode).toBe(429);
    });

    it('throttles guesses of the current password on a password change, like sign-ins', async () => {
      const signedIn = await attempt('supervisor2', DEMO_PASSWORD, '10.6.0.1');
      const cookie = String(signedIn.headers['set-cookie']).split(';')[0];
      const change = (currentPassword: string) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/auth/password',
          remoteAddress: '10.6.0.1',
          headers: { cookie },
          payload: { currentPassword, newPassword: 'changed-pass-1' },
        });
      for (let i = 0; i < 5; i++) expect((await change(`guess-${i}`)).statusCode).toBe(400);
      // the right current password now waits too: a stolen session cannot keep guessing
      const blocked = await change(DEMO_PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['retry-after']).toBe('30');
      expect(blocked.json().message).toBe('当前密码错误次数过多，请 30 秒后再试');
      // sign-ins of the account are counted apart: the owner can still sign in
      expect((await attempt('supervisor2', DEMO_PASSWORD, '10.6.0.1')).statusCode).toBe(200);
      now += 31_000;
      expect((await change(DEMO_PASSWORD)).statusCode).toBe(200);
      expect((await attempt('supervisor2', 'changed-pass-1', '10.6.0.2')).statusCode).toBe(200);
    });

    it('answers an unknown user exactly as a wrong password, after the same scrypt', async () => {
      let calls = 0;
      const hashes: string[] = [];
      const auth = createAuthService({
        db: ctx.database.db,
        config: testConfig(),
        clock,
        passwords: {
          verify: (password, stored) => {
            calls++;
            hashes.push(stored);
            return scryptHasher.verify(password, stored);
          },
        },
      });
      const refusal = async (username: string, ip: string) => {
        const before = calls;
        const error = await auth.login(username, 'wrong-password', ip).then(
          () => null,
          (e) => e,
        );
        return { code: error?.code, status: error?.status, calls: calls - before };
      };
      const unknown = await refusal('nobody-here', '10.5.0.1');
      const wrong = await refusal('manager', '10.5.0.2');
      expect(unknown).toEqual({ code: 'AUTH_BAD_CREDENTIALS', status: 401, calls: 1 });
      expect(wrong).toEqual(unknown);
      expect(hashes[0]).toBe(DUMMY_HASH);
      expect(hashes[1]).not.toBe(DUMMY_HASH);
      // and over HTTP the two answers are the same but for the request id
      const body = async (username: string) => {
        const { requestId: _, ...rest } = (await attempt(username, 'wrong-password', '10.5.0.3')).json();
        return rest;
      };
      expect(await body('nobody-either')).toEqual(await body('manager'));
    });
  },
  { clock },
);
