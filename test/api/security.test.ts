import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { isSameOrigin } from '../../server/plugins/security.ts';
import { describeApi } from '../helpers/app.ts';

describeApi('security headers, cross-site requests, API docs, proxies', (ctx) => {
  it('sends a CSP without inline script, frame-ancestors none, nosniff and a referrer policy', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('refuses a state change a page of another site asks for, and changes nothing', async () => {
    const cookie = await ctx.login('manager');
    for (const headers of [
      { origin: 'http://evil.example' },
      { origin: 'http://localhost:4000' }, // another port of the same host is another origin
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ]) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie, host: 'localhost:3000', ...headers },
      });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().code).toBe('CROSS_SITE_REQUEST');
    }
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200); // the session was not ended
    const same = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: {
        cookie,
        host: 'localhost:3000',
        origin: 'http://localhost:3000',
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(same.statusCode).toBe(200);
  });

  it('shows the API documentation to signed-in staff only', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(403);
    const owner = await ctx.as('owner');
    expect((await owner({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(403);
    const staff = await ctx.as('frontdesk');
    const doc = await staff({ method: 'GET', url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toMatch(/^3\./);
  });

  it('believes no X-Forwarded-For by default: rotating it does not escape the sign-in limit', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
        payload: { username: 'frontdesk2', password: 'wrong-password' },
      });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': '203.0.113.99' },
      payload: { username: 'frontdesk2', password: 'demo1234' },
    });
    expect(blocked.statusCode).toBe(429);
  });

  it('refuses a body of the wrong type instead of coercing it, and changes nothing', async () => {
    const admin = await ctx.as('admin');
    const list = await admin({ method: 'GET', url: '/api/users?q=officer2' });
    const user = list.json().items[0];
    const body = {
      displayName: user.displayName,
      role: user.role,
      phone: user.phone,
      employeeId: user.employeeId,
      projectIds: user.projectIds,
      active: true,
      version: user.version,
    };
    for (const bad of [
      { active: null },
      { active: 'false' },
      { active: 0 },
      { projectIds: String(user.projectIds[0]) },
    ]) {
      const res = await admin({ method: 'PUT', url: `/api/users/${user.id}`, payload: { ...body, ...bad } });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual([Object.keys(bad)[0]]);
    }
    const after = await admin({ method: 'GET', url: `/api/users/${user.id}` });
    expect(after.json()).toMatchObject({ active: true, projectIds: user.projectIds });
    // query strings are text: their numbers are still read from it
    expect((await admin({ method: 'GET', url: '/api/users?page=1&pageSize=5' })).json().pageSize).toBe(5);
  });

  it('refuses NUL bytes and lone surrogates in bodies, queries and paths, storing nothing', async () => {
    const admin = await ctx.as('admin');
    const user = (name: string, username: string) => ({
      username,
      password: 'a-long-password',
      displayName: name,
      role: 'frontdesk',
      projectIds: [],
    });
    for (const [name, username] of [
      ['张\u0000三', 'nul-user'],
      ['张\ud800三', 'half-user'],
      ['李四', 'tail\udc00'],
    ]) {
      const res = await admin({ method: 'POST', url: '/api/users', payload: user(name, username) });
      expect(res.statusCode, username).toBe(400);
      expect(res.json().fields[0].field).toBe(name === '李四' ? 'username' : 'displayName');
    }
    const found = await admin({ method: 'GET', url: '/api/users?pageSize=200' });
    expect(found.json().items.filter((u: { username: string }) => /user|tail/.test(u.username))).toEqual([]);
    const query = await admin({ method: 'GET', url: '/api/users?q=%00' });
    expect(query.statusCode).toBe(400);
    expect(query.json().fields).toEqual([{ field: 'q', message: expect.stringContaining('无效字符') }]);
    expect((await admin({ method: 'GET', url: '/api/users/1%00' })).statusCode).toBe(400);
  });

  it('compresses JSON with Brotli when the client accepts it', async () => {
    const staff = await ctx.as('supervisor');
    const plain = await staff({ method: 'GET', url: '/api/repairs?pageSize=50' });
    const packed = await staff({
      method: 'GET',
      url: '/api/repairs?pageSize=50',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(packed.headers['content-encoding']).toBe('br');
    const body = brotliDecompressSync(packed.rawPayload).toString('utf8');
    expect(JSON.parse(body)).toEqual(plain.json());
    expect(packed.rawPayload.length).toBeGreaterThan(0);
    expect(plain.rawPayload.length).toBeGreaterThan(16384);
    expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    // a page of 20 (~8 KiB) goes plain: compressing it would cost more server time than it saves on the line
    const small = await staff({
      method: 'GET',
      url: '/api/repairs?pageSize=20',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(small.rawPayload.length).toBeLessThan(16384);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});

describeApi(
  'the web app over the wire (needs the web build: npm test makes it)',
  (ctx) => {
    it('caches hashed assets for a year, asks again for index.html, answers 304 to a known ETag, compresses', async () => {
      const page = await ctx.app.inject({ method: 'GET', url: '/repairs' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-cache');
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
      expect(asset).toBeTruthy();
      const js = await ctx.app.inject({
        method: 'GET',
        url: asset as string,
        headers: { 'accept-encoding': 'br' },
      });
      expect(js.statusCode).toBe(200);
      expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(js.headers['content-encoding']).toBe('br');
      const again = await ctx.app.inject({
        method: 'GET',
        url: asset as string,
        headers: { 'if-none-match': String(js.headers.etag) },
      });
      expect(again.statusCode).toBe(304);
    });
  },
  { demo: false },
);

describeApi(
  'API documentation made public by configuration',
  (ctx) => {
    it('serves the OpenAPI document without a session when PROPDESK_API_DOCS=public', async () => {
      expect((await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(200);
    });
  },
  { config: { PROPDESK_API_DOCS: 'public' }, demo: false },
);

describe('same-origin test', () => {
  const req = (headers: Record<string, string>, host = 'pd.example.com') =>
    ({ headers, host }) as unknown as Parameters<typeof isSameOrigin>[0];
  it('trusts what the browser says, and lets non-browser clients through', () => {
    expect(isSameOrigin(req({ 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(isSameOrigin(req({ 'sec-fetch-site': 'none' }))).toBe(true);
    expect(isSameOrigin(req({ 'sec-fetch-site': 'cross-site', origin: 'https://pd.example.com' }))).toBe(
      false,
    );
    expect(isSameOrigin(req({ origin: 'https://pd.example.com' }))).toBe(true);
    expect(isSameOrigin(req({ origin: 'https://pd.example.com.evil.example' }))).toBe(false);
    expect(isSameOrigin(req({}))).toBe(true);
  });
});

describe('PROPDESK_TRUST_PROXY', () => {
  const trust = (value?: string) =>
    loadConfig({
      PROPDESK_DB: ':memory:',
      PROPDESK_SESSION_SECRET: 'x'.repeat(32),
      PROPDESK_TRUST_PROXY: value,
    }).trustProxy;
  it('is off by default, or a hop count, or a list of proxy addresses', () => {
    expect(trust(undefined)).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('1')).toBe(1);
    expect(trust('127.0.0.1, 10.0.0.0/8, ::1')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
  });
  it('refuses what it cannot read, naming the variable', () => {
    for (const bad of ['yes', '0', '11', '10.0.0.0/33', '300.1.1.1', 'proxy.local'])
      expect(() => trust(bad), bad).toThrow(/PROPDESK_TRUST_PROXY/);
  });
});
