import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** Typed configuration read from the environment once, at start. */
export interface Config {
  /** A SQLite file path, ':memory:', or a postgres:// URL */
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  port: number;
  host: string;
  dataDir: string;
  sessionSecret: string;
  sessionHours: number;
  /** Seconds a server remembers who a session is (0: ask the database on every request) */
  sessionCacheSeconds: number;
  /** Seconds between reminder/overdue checks (0: no scheduler in this process) */
  schedulerSeconds: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  demo: boolean;
  /** Serve the built web app from this folder (absent in API-only tests) */
  webDist: string | null;
  /** Server processes sharing the port (PROPDESK_WORKERS; "auto" = one per CPU core) */
  workers: number;
  /** Sign-in throttling: failures allowed per account+address within the window */
  loginMaxFailures: number;
  /** failures allowed per address (any usernames) within the window */
  loginMaxFailuresPerAddress: number;
  loginWindowMinutes: number;
  /** the first wait once a limit is reached; it doubles with every further failure, up to the window */
  loginBackoffSeconds: number;
  /** Which proxies' X-Forwarded-* headers to believe (PROPDESK_TRUST_PROXY): none by default, a hop
   *  count, or the proxies' addresses/CIDRs */
  trustProxy: false | number | string[];
  /** Who may read the OpenAPI document and Swagger UI at /api/docs */
  apiDocs: 'staff' | 'public' | 'off';
  /** Milliseconds a request may take from arrival to answer (PROPDESK_REQUEST_TIMEOUT_MS); past it
   *  the client gets 503 REQUEST_TIMEOUT and the worker is free for the next request */
  requestTimeoutMs: number;
  /** The same for an upload (import workbook, repair photo), whose body may come over a slow line
   *  (PROPDESK_UPLOAD_TIMEOUT_MS) */
  uploadTimeoutMs: number;
  /** Message channels (消息通道): SMTP for e-mail, whether http://localhost robots are allowed, timeout */
  notify: { smtpUrl: string | null; smtpFrom: string; allowLocal: boolean; timeoutMs: number };
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.problems = problems;
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function parseIntVar(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

/** Reads and validates configuration; throws ConfigError listing every wrong value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const dataDir = resolve(cwd, env.PROPDESK_DATA_DIR || 'data');
  const dbRaw = env.PROPDESK_DB || join(dataDir, 'propdesk.sqlite');
  let database: Config['database'];
  if (/^postgres(ql)?:\/\//.test(dbRaw)) {
    try {
      new URL(dbRaw);
    } catch {
      problems.push(`PROPDESK_DB is not a valid PostgreSQL URL: "${dbRaw}"`);
    }
    database = { kind: 'postgres', url: dbRaw };
  } else if (/^[a-z]+:\/\//i.test(dbRaw)) {
    problems.push(`PROPDESK_DB must be a SQLite file path or a postgres:// URL, got "${dbRaw}"`);
    database = { kind: 'sqlite', file: ':memory:' };
  } else {
    database = { kind: 'sqlite', file: dbRaw === ':memory:' ? dbRaw : resolve(cwd, dbRaw) };
  }
  const port = parseIntVar(env, 'PORT', 3000, 0, 65535, problems);
  const sessionHours = parseIntVar(env, 'PROPDESK_SESSION_HOURS', 12, 1, 24 * 90, problems);
  const sessionCacheSeconds = parseIntVar(env, 'PROPDESK_SESSION_CACHE_SECONDS', 5, 0, 300, problems);
  const schedulerSeconds = parseIntVar(env, 'PROPDESK_SCHEDULER_SECONDS', 300, 0, 86_400, problems);
  const loginMaxFailures = parseIntVar(env, 'PROPDESK_LOGIN_MAX_FAILURES', 5, 1, 1000, problems);
  const loginMaxFailuresPerAddress = parseIntVar(
    env,
    'PROPDESK_LOGIN_MAX_FAILURES_PER_ADDRESS',
    20,
    1,
    100_000,
    problems,
  );
  const loginWindowMinutes = parseIntVar(env, 'PROPDESK_LOGIN_WINDOW_MINUTES', 15, 1, 1440, problems);
  const loginBackoffSeconds = parseIntVar(env, 'PROPDESK_LOGIN_BACKOFF_SECONDS', 30, 1, 86_400, problems);
  // warn by default: a terminal stays readable; LOG_LEVEL=info adds one line per request
  const logLevel = (env.LOG_LEVEL || 'warn') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const demoRaw = env.PROPDESK_DEMO ?? '1';
  if (!['0', '1', 'true', 'false'].includes(demoRaw)) {
    problems.push(`PROPDESK_DEMO must be 0 or 1, got "${demoRaw}"`);
  }
  let sessionSecret = env.PROPDESK_SESSION_SECRET ?? '';
  if (sessionSecret && sessionSecret.length < 32) {
    problems.push('PROPDESK_SESSION_SECRET must be at least 32 characters');
  }
  const workers =
    env.PROPDESK_WORKERS === 'auto'
      ? availableParallelism()
      : parseIntVar(env, 'PROPDESK_WORKERS', 1, 1, 64, problems);
  if (workers > 1 && database.kind === 'sqlite' && database.file === ':memory:') {
    problems.push('PROPDESK_WORKERS above 1 needs a database file or PostgreSQL, not :memory:');
  }
  const requestTimeoutMs = parseIntVar(env, 'PROPDESK_REQUEST_TIMEOUT_MS', 30_000, 1000, 3_600_000, problems);
  const uploadTimeoutMs = parseIntVar(env, 'PROPDESK_UPLOAD_TIMEOUT_MS', 300_000, 1000, 3_600_000, problems);
  const trustProxy = parseTrustProxy(env.PROPDESK_TRUST_PROXY, problems);
  const apiDocs = (env.PROPDESK_API_DOCS || 'staff') as Config['apiDocs'];
  if (!['staff', 'public', 'off'].includes(apiDocs)) {
    problems.push(`PROPDESK_API_DOCS must be staff, public or off, got "${env.PROPDESK_API_DOCS}"`);
  }
  const smtpUrl = env.PROPDESK_SMTP_URL || null;
  if (smtpUrl && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) {
    problems.push(
      `PROPDESK_SMTP_URL must look like smtp://user:pass@host:587 or smtps://…, got "${smtpUrl}"`,
    );
  }
  const notify = {
    smtpUrl,
    smtpFrom: env.PROPDESK_SMTP_FROM || 'PropDesk <propdesk@localhost>',
    allowLocal: env.PROPDESK_NOTIFY_ALLOW_LOCAL === '1',
    timeoutMs: parseIntVar(env, 'PROPDESK_NOTIFY_TIMEOUT_MS', 10_000, 100, 120_000, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  if (!sessionSecret) sessionSecret = readOrCreateSecret(join(dataDir, 'session-secret'));
  const webDist = resolve(cwd, 'web/dist');
  return {
    database,
    port,
    host: env.HOST || '0.0.0.0',
    dataDir,
    sessionSecret,
    sessionHours,
    sessionCacheSeconds,
    schedulerSeconds,
    logLevel,
    demo: demoRaw === '1' || demoRaw === 'true',
    webDist: existsSync(join(webDist, 'index.html')) ? webDist : null,
    workers,
    loginMaxFailures,
    loginMaxFailuresPerAddress,
    loginWindowMinutes,
    loginBackoffSeconds,
    trustProxy,
    apiDocs,
    requestTimeoutMs,
    uploadTimeoutMs: Math.max(uploadTimeoutMs, requestTimeoutMs),
    notify,
  };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/**
 * PROPDESK_TRUST_PROXY: unset or "false" — the client's own address counts (X-Forwarded-For is ignored,
 * so a client cannot pick its address to escape the sign-in limits); a number n — trust n proxies in
 * front; otherwise a comma-separated list of the proxies' addresses or CIDRs (e.g. "127.0.0.1,10.0.0.0/8").
 */
function parseTrustProxy(raw: string | undefined, problems: string[]): Config['trustProxy'] {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (/^\d+$/.test(raw)) {
    const n = Number(raw);
    if (n >= 1 && n <= 10) return n;
    problems.push(`PROPDESK_TRUST_PROXY as a hop count must be 1 to 10, got "${raw}"`);
    return false;
  }
  const list = raw.split(',').map((s) => s.trim());
  const bad = list.filter((entry) => {
    const [address, bits, ...rest] = entry.split('/');
    if (rest.length) return true;
    const v4 = IPV4.test(address);
    const v6 = !v4 && address.includes(':') && /^[0-9a-f:.]+$/i.test(address);
    if (!v4 && !v6) return true;
    if (bits === undefined) return false;
    const max = v4 ? 32 : 128;
    return !/^\d+$/.test(bits) || Number(bits) > max;
  });
  if (bad.length) {
    problems.push(
      `PROPDESK_TRUST_PROXY must be false, a hop count, or proxy addresses/CIDRs; cannot read "${bad.join('", "')}"`,
    );
    return false;
  }
  return list;
}

/** A secret generated once and kept in the data folder, so sessions survive restarts. */
function readOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
