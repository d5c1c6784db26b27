import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

function cli(args: string[], env: Record<string, string>) {
  return run(process.execPath, ['server/main.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    timeout: 60_000,
  });
}

function count(file: string, table: string): number {
  const db = new SQLite(file, { readonly: true });
  const row = db.prepare(`select count(*) as n from ${table}`).get() as { n: number };
  db.close();
  return row.n;
}

describe('CLI', () => {
  it('migrate is idempotent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'propdesk-cli-'));
    const env = { PROPDESK_DATA_DIR: dir };
    const first = await cli(['migrate'], env);
    expect(first.stdout).toMatch(/Applied: 2026112801_foundation/);
    const second = await cli(['migrate'], env);
    expect(second.stdout).toContain('Database is up to date.');
  });

  it('creates the first admin of a clean company, refusing a duplicate and a short password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'propdesk-cli-'));
    const env = { PROPDESK_DATA_DIR: dir, PROPDESK_DEMO: '0' };
    await expect(cli(['create-admin', 'boss', '--password', 'short'], env)).rejects.toMatchObject({
      code: 1,
    });
    const ok = await cli(['create-admin', 'boss', '--password', 'a-long-password', '--name', '张总'], env);
    expect(ok.stdout).toContain('Administrator "boss" created.');
    await expect(cli(['create-admin', 'boss', '--password', 'a-long-password'], env)).rejects.toMatchObject({
      code: 1,
    });
    const file = join(dir, 'propdesk.sqlite');
    expect(count(file, 'app_user')).toBe(1);
    // created through the user service: the account has its audit entry, like one made on the users page
    expect(count(file, 'audit_log')).toBe(1);
    expect(count(file, 'project')).toBe(0);
    // a clean company still has the document's positions
    expect(count(file, 'position')).toBe(4);
  });

  it('seeds demo data only into an empty database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'propdesk-cli-'));
    const env = { PROPDESK_DATA_DIR: dir };
    expect((await cli(['seed-demo'], env)).stdout).toContain('Demo data loaded.');
    const users = count(join(dir, 'propdesk.sqlite'), 'app_user');
    expect(users).toBeGreaterThanOrEqual(6);
    await expect(cli(['seed-demo'], env)).rejects.toMatchObject({ code: 1 });
    expect(count(join(dir, 'propdesk.sqlite'), 'app_user')).toBe(users);
  });

  it('backs up online while the server runs, and restores the backup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'propdesk-cli-'));
    const env = { ...process.env, PROPDESK_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
    const server = spawn(process.execPath, ['server/main.ts', 'start'], { env });
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 45_000);
      server.stdout.on('data', () => {
        if (out.includes('demo1234')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    expect(out).toMatch(/is running: {2}http:\/\/localhost:\d+/);
    const backup = join(dir, 'backup.sqlite');
    try {
      const res = await cli(['backup', backup], { PROPDESK_DATA_DIR: dir });
      expect(res.stdout).toContain('Backup written');
      // a restore under the running server would corrupt the database: refused (after it stops, it works below)
      await expect(cli(['restore', backup], { PROPDESK_DATA_DIR: dir })).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining(`(process ${server.pid}) is using`),
      });
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.on('exit', r));
    }
    const file = join(dir, 'propdesk.sqlite');
    const users = count(backup, 'app_user');
    expect(users).toBe(count(file, 'app_user'));
    // damage the live database, then restore
    const live = new SQLite(file);
    // other modules' rows (assessments, repairs …) reference users: damage without the foreign keys
    live.pragma('foreign_keys = OFF');
    live.prepare('delete from user_project').run();
    live.prepare('delete from user_session').run();
    live.prepare("delete from app_user where username != 'admin'").run();
    live.close();
    expect(count(file, 'app_user')).toBe(1);
    const restored = await cli(['restore', backup], { PROPDESK_DATA_DIR: dir });
    expect(restored.stdout).toContain('Restored');
    expect(count(file, 'app_user')).toBe(users);
  });
});
