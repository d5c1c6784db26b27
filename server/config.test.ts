import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
