import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The real CLI with PROPDESK_WORKERS=2 on one SQLite file: two processes behind one port. */
describe('several server processes on one SQLite file (PROPDESK_WORKERS=2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'propdesk-cluster-'));
  let server: ChildProcessWithoutNullStreams;
  let base = '';
  let out = '';

  beforeAll(async () => {
    server = spawn(process.execPath, ['server/main.ts', 'start'], {
      env: {
        ...process.env,
        PROPDESK_DATA_DIR: dir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        PROPDESK_WORKERS: '2',
        PROPDESK_SCHEDULER_SECONDS: '0',
      },
    });
    server.stdout.on('data', (d) => {
      out += d;
    });
    server.stderr.on('data', (d) => {
      out += d;
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
      server.stdout.on('data', () => {
        const m = out.match(/is running: {2}(http:\/\/localhost:\d+)/);
        if (m && out.includes('demo1234')) {
          clearTimeout(timer);
          base = m[1];
          resolve();
        }
      });
    });
  }, 90_000);

  afterAll(async () => {
    if (server.exitCode === null) {
      server.kill('SIGKILL');
      await new Promise((r) => server.once('exit', r));
    }
  });

  // the primary's children that run PropDesk (the cluster primary forks them with the same entry file)
  const workerPids = () =>
    execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(server.pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.includes('server/main.ts'))
      .map((line) => line.split(/\s+/)[0]);

  async function login(username: string) {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo1234' }),
    });
    expect(res.status).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    return (path: string, init: RequestInit = {}) =>
      fetch(`${base}${path}`, {
        ...init,
        headers: { cookie, 'content-type': 'application/json', ...(init.headers ?? {}) },
      });
  }

  it('prints one address for the demo database and serves it from two worker processes', async () => {
    expect(out).toContain('2 个服务进程 / server processes');
    expect(workerPids()).toHaveLength(2);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('takes concurrent changes through both processes, each exactly once, none refused as busy', async () => {
    const desk = await login('frontdesk');
    const me = await (await desk('/api/auth/me')).json();
    const projectId = me.projectIds[0] as number;
    const category = (await (await desk('/api/repair-categories')).json())[0];
    const before = (await (await desk(`/api/repairs?projectId=${projectId}&status=dispatched`)).json()).total;
    const created: number[] = [];
    for (let i = 0; i < 24; i++) {
      const res = await desk('/api/repairs', {
        method: 'POST',
        body: JSON.stringify({
          projectId,
          location: `集群测试${i}`,
          reporterName: '测试业主',
          categoryId: category.id,
          description: '并发派工测试',
        }),
      });
      expect(res.status, await res.clone().text()).toBe(200);
      created.push((await res.json()).id);
    }
    // each dispatch reads the order, then writes it: in two processes at once, a deferred
    // transaction would be refused with SQLITE_BUSY; every one must succeed
    const dispatches = await Promise.all(
      created.map(async (id) => {
        const res = await desk(`/api/repairs/${id}/actions/dispatch`, {
          method: 'POST',
          body: JSON.stringify({ department: '工程部' }),
          // a new connection per call, so the port hands the calls to both workers
          headers: { connection: 'close' },
        });
        return { status: res.status, body: await res.text() };
      }),
    );
    for (const d of dispatches) expect(d.status, d.body).toBe(200);
    const after = (await (await desk(`/api/repairs?projectId=${projectId}&status=dispatched`)).json()).total;
    expect(after).toBe(before + 24);
    // the audit trail holds each dispatch once
    const db = new SQLite(join(dir, 'propdesk.sqlite'), { readonly: true });
    const audits = db
      .prepare(
        `select count(*) as n from audit_log where entity = 'repair_order' and action = 'dispatch' and entity_id in (${created.map(() => '?').join(',')})`,
      )
      .get(...created.map(String)) as { n: number };
    db.close();
    expect(audits.n).toBe(24);
  }, 60_000);

  it('stops every worker on SIGTERM', async () => {
    const pids = workerPids();
    expect(pids).toHaveLength(2);
    server.kill('SIGTERM');
    const code = await new Promise((r) => server.once('exit', r));
    expect(code).toBe(0);
    for (const pid of pids) expect(() => process.kill(Number(pid), 0)).toThrow();
  }, 30_000);
});
