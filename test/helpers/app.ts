import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response as InjectResponse } from 'light-my-request';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { OpenedDatabase } from '../../server/db/database.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { DEMO_PASSWORD } from '../../server/demo/context.ts';
import { seedDemo } from '../../server/demo/index.ts';
import type { MetricDefinition } from '../../server/lib/metrics.ts';
import type { Clock } from '../../server/lib/time.ts';
import { type TestDatabase, testDatabases } from './databases.ts';

export function testConfig(overrides: Record<string, string> = {}) {
  return loadConfig({
    PROPDESK_DB: ':memory:',
    PROPDESK_DATA_DIR: mkdtempSync(join(tmpdir(), 'propdesk-test-')),
    PROPDESK_SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    LOG_LEVEL: 'silent',
    ...overrides,
  });
}

type Built = Awaited<ReturnType<typeof buildApp>>;

export interface ApiContext {
  kind: TestDatabase['kind'];
  app: Built['app'];
  services: Built['services'];
  database: OpenedDatabase;
  /** Logs in and returns the cookie header value */
  login(username: string, password?: string): Promise<string>;
  /** An inject() with the cookie of the given demo user */
  as(username: string): Promise<(opts: InjectOptions) => Promise<InjectResponse>>;
}

export interface InjectOptions {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

export interface ApiSuiteOptions {
  /** Load the demo company (default true) */
  demo?: boolean;
  clock?: Clock;
  config?: Record<string, string>;
  /** Assessment metrics the app registers (default: all of server/metrics.ts) */
  metrics?: MetricDefinition[];
  /** Add routes before the app is ready (e.g. one that fails on purpose) */
  extend?: (app: Built['app']) => void;
}

/**
 * Runs a suite once per test database (SQLite, and PostgreSQL when configured), each on a
 * fresh database with the demo company loaded, through the real app via inject().
 */
export function describeApi(
  title: string,
  fn: (ctx: ApiContext) => void,
  options: ApiSuiteOptions = {},
): void {
  for (const testDb of testDatabases) {
    describe(`${title} [${testDb.kind}]`, () => {
      const ctx = { kind: testDb.kind } as ApiContext;
      let drop: () => Promise<void> = async () => {};
      const cookies = new Map<string, string>();
      beforeAll(async () => {
        const opened = await testDb.open();
        drop = opened.drop;
        await migrateToLatest(opened.db);
        if (options.demo !== false) await seedDemo(opened.db);
        const built = await buildApp(testConfig(options.config), {
          database: opened,
          clock: options.clock,
          metrics: options.metrics,
        });
        options.extend?.(built.app);
        ctx.app = built.app;
        ctx.services = built.services;
        ctx.database = opened;
        ctx.login = async (username, password = DEMO_PASSWORD) => {
          const res = await built.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username, password },
          });
          if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
          const cookie = res.cookies.find((c) => c.name === 'pd_session');
          return `pd_session=${cookie?.value}`;
        };
        ctx.as = async (username) => {
          let cookie = cookies.get(username);
          if (!cookie) {
            cookie = await ctx.login(username);
            cookies.set(username, cookie);
          }
          const c = cookie;
          return (opts) =>
            built.app.inject({
              method: opts.method,
              url: opts.url,
              payload: opts.payload as never,
              headers: { cookie: c, ...(opts.headers ?? {}) },
            });
        };
      });
      afterAll(async () => {
        await ctx.app?.close();
        await drop();
      });
      fn(ctx);
    });
  }
}
