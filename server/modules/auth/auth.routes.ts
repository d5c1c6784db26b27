import type { FastifyReply } from 'fastify';
import type { Config } from '../../config.ts';
import { type App, actorOf } from '../../lib/http.ts';
import { ZOk } from '../../lib/schemas.ts';
import { SESSION_COOKIE, sessionToken } from '../../plugins/auth.ts';
import { ZHealth, ZLocaleInput, ZLoginInput, ZLoginResult, ZMe, ZPasswordChange } from './auth.schemas.ts';
import { type AuthService, retryAfterOf } from './auth.service.ts';

/** A throttled attempt's answer says when to try again (Retry-After); the error goes on to the handler. */
function withRetryAfter(reply: FastifyReply) {
  return (error: unknown): never => {
    const seconds = retryAfterOf(error);
    if (seconds !== null) reply.header('retry-after', String(seconds));
    throw error;
  };
}

export function authRoutes(app: App, auth: AuthService, config: Config): void {
  app.get(
    '/health',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Liveness', response: { 200: ZHealth } } },
    async () => ({ status: 'ok' as const }),
  );

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '登录 Sign in',
        body: ZLoginInput,
        response: { 200: ZLoginResult },
      },
    },
    async (request, reply) => {
      const { token, expiresAt } = await auth
        .login(request.body.username, request.body.password, request.ip)
        .catch(withRetryAfter(reply));
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        signed: true,
        secure: request.protocol === 'https',
        expires: expiresAt,
      });
      // the session was made a moment ago, so it names its user
      const actor = (await auth.actorFromToken(token, request.id))!;
      return { ok: true, role: actor.role, expiresAt: expiresAt.toISOString() };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: '退出 Sign out', response: { 200: ZOk } } },
    async (request, reply) => {
      const token = sessionToken(request);
      if (token) await auth.logout(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: ZMe } } },
    async (request) => auth.me(actorOf(request)),
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码 Change password',
        body: ZPasswordChange,
        response: { 200: ZOk },
      },
    },
    async (request, reply) => {
      await auth
        .changePassword(
          actorOf(request),
          request.body.currentPassword,
          request.body.newPassword,
          sessionToken(request) ?? '',
          request.ip,
        )
        .catch(withRetryAfter(reply));
      return { ok: true };
    },
  );

  app.put(
    '/auth/locale',
    {
      schema: {
        tags: ['auth'],
        summary: '界面语言 Interface language',
        body: ZLocaleInput,
        response: { 200: ZOk },
      },
    },
    async (request) => {
      await auth.setLocale(actorOf(request), request.body.locale);
      return { ok: true };
    },
  );
  void config;
}
