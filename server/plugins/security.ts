import fastifyCompress from '@fastify/compress';
import type { FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { Config } from '../config.ts';
import { defineErrors } from '../lib/errors.ts';
import type { App } from '../lib/http.ts';

export const securityErrors = defineErrors({
  CROSS_SITE_REQUEST: {
    status: 403,
    'zh-CN': '拒绝来自其他网站的请求，请在 PropDesk 页面内操作',
    'en-US': 'Requests from another site are refused; please act from the PropDesk page itself',
  },
  API_DOCS_STAFF_ONLY: {
    status: 403,
    'zh-CN': '接口文档仅对已登录的员工开放',
    'en-US': 'The API documentation is open to signed-in staff only',
  },
});

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a state-changing request comes from a page of this same site. Browsers say where a request
 * comes from (`Sec-Fetch-Site`, and `Origin` on every cross-origin and every POST request), and a page
 * of another site cannot forge either. A client that sends neither (curl, a script with the session
 * cookie) is not a browser being tricked, and is let through.
 */
export function isSameOrigin(request: Pick<FastifyRequest, 'headers' | 'host'>): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false; // "null" (a sandboxed frame, a file) and anything unreadable
  }
}

/**
 * The security headers, as helmet computes them from our policy — once, at start: the policy does not
 * depend on the request. A CSP the built app runs under: no inline or foreign script; antd writes its
 * component styles into <style> elements at run time (CSS-in-JS), so styles may be inline. Headers only
 * old browsers read (X-XSS-Protection, X-Download-Options, …) are left out; HSTS belongs to the TLS proxy.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const collect = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  })({} as never, collect as never, () => {});
  return headers;
}

/**
 * Security headers (helmet's, with a CSP the built app runs under: no inline script, antd's inline
 * styles allowed), Brotli/gzip compression, refusal of cross-site writes, and the API documentation
 * kept to signed-in staff unless `PROPDESK_API_DOCS=public`.
 */
export async function registerSecurity(app: App, config: Config): Promise<void> {
  const headers = securityHeaders();
  // the same precomputed headers on every answer: helmet's middleware per request cost ~20 µs
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers);
  });

  // Brotli or gzip for assets and for JSON above 16 KiB; Excel files are zip archives already. A list page
  // (~8–12 KiB) goes plain: compressing it cost ~45% of the list's throughput on 2 cores (npm run bench with
  // BENCH_ENCODING=br,gzip) to save ~40 ms on a 1.6 Mbit/s line. Up to 64 KiB one synchronous call compresses
  // (the plugin's default on 2 cores, 8 KiB, sends larger answers through a zlib stream each).
  await app.register(fastifyCompress, {
    global: true,
    threshold: 16384,
    syncThreshold: 65536,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [(await import('node:zlib')).constants.BROTLI_PARAM_QUALITY]: 4 } },
    customTypes: /^(text\/|application\/json|application\/javascript|image\/svg\+xml)/,
  });

  app.addHook('onRequest', async (request) => {
    if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request)) {
      throw securityErrors.CROSS_SITE_REQUEST();
    }
  });

  if (config.apiDocs !== 'public') {
    // after the auth hook (registered later, hooks run in order): the actor is known here
    app.addHook('preHandler', async (request) => {
      if (!request.url.startsWith('/api/docs')) return;
      if (config.apiDocs === 'off' || !request.actor || request.actor.role === 'owner') {
        throw securityErrors.API_DOCS_STAFF_ONLY();
      }
    });
  }
}
