import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'propdesk-config-'));

describe('loadConfig', () => {
  it('defaults to a SQLite file in the data folder, port 3000, demo on', () => {
    const d = dir();
    const config = loadConfig({ PROPDESK_DATA_DIR: d }, d);
    expect(config.database).toEqual({ kind: 'sqlite', file: join(d, 'propdesk.sqlite') });
    expect(config.port).toBe(3000);
    expect(config.demo).toBe(true);
  });

  it('takes a postgres:// URL as PostgreSQL', () => {
    const d = dir();
    const config = loadConfig({ PROPDESK_DATA_DIR: d, PROPDESK_DB: 'postgres://u@db.example:5432/pd' }, d);
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db.example:5432/pd' });
  });

  it('runs one server process unless PROPDESK_WORKERS asks for more; auto is one per core', () => {
    const d = dir();
    expect(loadConfig({ PROPDESK_DATA_DIR: d }, d).workers).toBe(1);
    expect(loadConfig({ PROPDESK_DATA_DIR: d, PROPDESK_WORKERS: '3' }, d).workers).toBe(3);
    expect(loadConfig({ PROPDESK_DATA_DIR: d, PROPDESK_WORKERS: 'auto' }, d).workers).toBe(
      availableParallelism(),
    );
    expect(() => loadConfig({ PROPDESK_DATA_DIR: d, PROPDESK_WORKERS: '0' }, d)).toThrow(
      /PROPDESK_WORKERS must be an integer between 1 and 64, got "0"/,
    );
    expect(() =>
      loadConfig({ PROPDESK_DATA_DIR: d, PROPDESK_WORKERS: '2', PROPDESK_DB: ':memory:' }, d),
    ).toThrow(/PROPDESK_WORKERS above 1 needs a database file or PostgreSQL/);
  });

  it('limits the time of a request (30 s) and of an upload (5 min), each configurable', () => {
    const d = dir();
    const config = loadConfig({ PROPDESK_DATA_DIR: d }, d);
    expect([config.requestTimeoutMs, config.uploadTimeoutMs]).toEqual([30_000, 300_000]);
    const set = loadConfig(
      { PROPDESK_DATA_DIR: d, PROPDESK_REQUEST_TIMEOUT_MS: '5000', PROPDESK_UPLOAD_TIMEOUT_MS: '60000' },
      d,
    );
    expect([set.requestTimeoutMs, set.uploadTimeoutMs]).toEqual([5000, 60_000]);
    expect(() => loadConfig({ PROPDESK_DATA_DIR: d, PROPDESK_REQUEST_TIMEOUT_MS: '0' }, d)).toThrow(
      /PROPDESK_REQUEST_TIMEOUT_MS must be an integer between 1000 and 3600000, got "0"/,
    );
  });

  it('lists every wrong value in one error', () => {
    const d = dir();
    try {
      loadConfig(
        {
          PROPDESK_DATA_DIR: d,
          PORT: 'eighty',
          LOG_LEVEL: 'loud',
          PROPDESK_DEMO: 'maybe',
          PROPDESK_DB: 'mysql://x',
          PROPDESK_SESSION_SECRET: 'short',
        },
        d,
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems;
      expect(problems).toHaveLength(5);
      expect(problems.join('\n')).toMatch(/PORT must be an integer between 0 and 65535, got "eighty"/);
      expect(problems.join('\n')).toMatch(/LOG_LEVEL must be one of/);
      expect(problems.join('\n')).toMatch(/PROPDESK_DEMO must be 0 or 1/);
      expect(problems.join('\n')).toMatch(/PROPDESK_DB must be a SQLite file path or a postgres:\/\/ URL/);
      expect(problems.join('\n')).toMatch(/PROPDESK_SESSION_SECRET must be at least 32 characters/);
    }
  });

  it('generates a session secret once and keeps it in the data folder', () => {
    const d = dir();
    const first = loadConfig({ PROPDESK_DATA_DIR: d }, d).sessionSecret;
    expect(first).toHaveLength(64);
    expect(readFileSync(join(d, 'session-secret'), 'utf8')).toBe(first);
    expect(loadConfig({ PROPDESK_DATA_DIR: d }, d).sessionSecret).toBe(first);
    expect(existsSync(join(d, 'session-secret'))).toBe(true);
  });
});
