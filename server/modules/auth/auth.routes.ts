import { Type } from '@sinclair/typebox';
import type { Config } from '../../config.ts';
import { type App, actorOf } from '../../lib/http.ts';
import { SESSION_COOKIE, sessionToken } from '../../plugins/auth.ts';
import type { AuthService } from './auth.service.ts';

const Locale = Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')]);

export function authRoutes(app: App, auth: AuthService, config: Config): void {
  app.get(
    '/health',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Liveness' } },
    async () => ({
      status: 'ok',
    }),
  );

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '登录 Sign in',
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { token, expiresAt } = await auth.login(request.body.username, request.body.password, request.ip);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        signed: true,
        secure: request.protocol === 'https',
        expires: expiresAt,
      });
      const actor = await auth.actorFromToken(token, request.id);
      return { ok: true, role: actor?.role, expiresAt: expiresAt.toISOString() };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: '退出 Sign out' } },
    async (request, reply) => {
      const token = sessionToken(request);
      if (token) await auth.logout(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get('/auth/me', { schema: { tags: ['auth'], summary: '当前用户 Current user' } }, async (request) =>
    auth.me(actorOf(request)),
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码 Change password',
        body: Type.Object(
          {
            currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
            newPassword: Type.String({ minLength: 8, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      await auth.changePassword(
        actorOf(request),
        request.body.currentPassword,
        request.body.newPassword,
        sessionToken(request) ?? '',
      );
      return { ok: true };
    },
  );

  app.put(
    '/auth/locale',
    {
      schema: {
        tags: ['auth'],
        summary: '界面语言 Interface language',
        body: Type.Object({ locale: Locale }),
      },
    },
    async (request) => {
      await auth.setLocale(actorOf(request), request.body.locale);
      return { ok: true };
    },
  );
  void config;
}
