import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { commonErrors } from '../lib/errors.ts';
import type { App } from '../lib/http.ts';
import { resolveLocale } from '../lib/i18n.ts';
import type { AuthService } from '../modules/auth/auth.service.ts';

export const SESSION_COOKIE = 'pd_session';

/**
 * Resolves the session cookie to `request.actor` before anything else runs (so validation
 * errors already speak the user's language), and refuses anonymous calls to /api routes
 * that are not marked `config: { public: true }`.
 */
export function registerAuth(app: App, auth: AuthService, _config: Config): void {
  // A signed cookie's check (an HMAC) gives the same answer every time: the last few thousand
  // genuine cookies are remembered, so a busy session is verified once, not on every request.
  const verified = new Map<string, string>();
  const unsign = (request: FastifyRequest, raw: string): string | null => {
    const known = verified.get(raw);
    if (known) return known;
    const u = request.unsignCookie(raw);
    if (!u.valid || !u.value) return null;
    if (verified.size >= 5000) verified.delete(verified.keys().next().value as string);
    verified.set(raw, u.value);
    return u.value;
  };
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (request) => {
    request.locale = resolveLocale(null, request.headers['accept-language']);
    const raw = request.cookies[SESSION_COOKIE];
    const token = raw ? unsign(request, raw) : null;
    if (token) {
      const found = await auth.actorFromToken(token, request.id);
      if (found) {
        const locale = resolveLocale(found.locale, request.headers['accept-language']);
        request.actor = { ...found, locale };
        request.locale = locale;
      }
    }
    const isApi = request.url.startsWith('/api/') && !request.url.startsWith('/api/docs');
    if (isApi && !request.routeOptions.config?.public && !request.actor && request.routeOptions.url) {
      throw commonErrors.UNAUTHENTICATED();
    }
  });
}

/** The raw session token from the signed cookie (for logout and password change). */
export function sessionToken(request: {
  cookies: Record<string, string | undefined>;
  unsignCookie(v: string): { valid: boolean; value: string | null };
}): string | null {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return null;
  const u = request.unsignCookie(raw);
  return u.valid ? u.value : null;
}
