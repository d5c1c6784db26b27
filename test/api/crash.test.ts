import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Crash test (issue 11): the real server on a SQLite file, a burst of writes over HTTP, `kill -9`
 * in the middle, a restart on the same file. The file must pass `pragma integrity_check` and hold
 * every write the server acknowledged with a 2xx (WAL: a committed transaction survives the process).
 */
describe('kill -9 during a burst of writes (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'propdesk-crash-'));
  const file = join(dir, 'propdesk.sqlite');
  const ROUNDS = 3;
  /** the server is killed once this many writes were acknowledged (or after KILL_AFTER_MS) */
  const KILL_AT_ACKS = 40;
  const KILL_AFTER_MS = 4000;
  const PARALLEL = 8;
  let server: ChildProcessWithoutNullStreams | null = null;

  async function start(): Promise<string> {
    const child = spawn(process.execPath, ['server/main.ts', 'start'], {
      env: {
        ...process.env,
        PROPDESK_DATA_DIR: dir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        PROPDESK_WORKERS: '1',
        PROPDESK_SCHEDULER_SECONDS: '0',
      },
    });
    server = child;
    let out = '';
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
      const onData = (d: Buffer) => {
        out += d;
        const m = out.match(/is running: {2}(http:\/\/localhost:\d+)/);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code}) before it ran: ${out}`));
      });
    });
  }

  async function kill9(): Promise<void> {
    const child = server;
    server = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  afterAll(async () => {
    await kill9();
  });

  async function signIn(base: string) {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'supervisor', password: 'demo1234' }),
    });
    expect(res.status).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${base}${path}`, {
        ...init,
        headers: { cookie, 'content-type': 'application/json', ...(init.headers ?? {}) },
      });
    const me = await (await call('/api/auth/me')).json();
    const projectId = me.projectIds[0] as number;
    const employees = await (await call(`/api/employees?projectId=${projectId}&pageSize=1`)).json();
    return { call, projectId, assigneeEmployeeId: employees.items[0].id as number };
  }

  function inspect(): { integrity: string; titles: Set<string> } {
    const db = new SQLite(file);
    try {
      const integrity = db.pragma('integrity_check', { simple: true }) as string;
      const rows = db.prepare("select title from task where title like 'crash-%'").all() as {
        title: string;
      }[];
      return { integrity, titles: new Set(rows.map((r) => r.title)) };
    } finally {
      db.close();
    }
  }

  it(`keeps every acknowledged write and an intact file over ${ROUNDS} rounds`, async () => {
    const acknowledged: string[] = [];
    let lastId = 0;
    const perRound: { acked: number; sent: number }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const base = await start();
      const { call, projectId, assigneeEmployeeId } = await signIn(base);
      let acked = 0;
      let sent = 0;
      let stop = false;
      let killing: Promise<void> | null = null;
      const killNow = () => {
        if (!killing) killing = kill9();
        return killing;
      };
      const timer = setTimeout(killNow, KILL_AFTER_MS);
      const writer = async (w: number) => {
        for (let i = 0; !stop; i++) {
          const title = `crash-r${round}-w${w}-${i}`;
          sent++;
          try {
            const res = await call('/api/tasks', {
              method: 'POST',
              body: JSON.stringify({
                projectId,
                title,
                category: 'inspection',
                assigneeEmployeeId,
                dueIn: { amount: 1, unit: 'days' },
              }),
            });
            if (res.status >= 200 && res.status < 300) {
              lastId = Math.max(lastId, (await res.json()).id);
              acknowledged.push(title);
              if (++acked >= KILL_AT_ACKS) void killNow();
            } else {
              throw new Error(`write answered ${res.status}: ${await res.text()}`);
            }
          } catch (error) {
            // after the kill a request fails on the wire; before it, a failure is a bug
            if (!killing) throw error;
            stop = true;
          }
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, (_, w) => writer(w)));
      clearTimeout(timer);
      await killNow();
      perRound.push({ acked, sent });
      const { integrity, titles } = inspect();
      expect(integrity).toBe('ok');
      expect(acknowledged.filter((t) => !titles.has(t))).toEqual([]);
    }
    // every round killed the server mid-burst: some writes were sent and never answered
    expect(perRound.every((r) => r.acked > 0 && r.sent > r.acked)).toBe(true);
    // and the server starts again on the file and serves what it acknowledged
    const base = await start();
    const { call } = await signIn(base);
    const latest = await call(`/api/tasks/${lastId}`);
    expect(latest.status).toBe(200);
    expect(acknowledged).toContain((await latest.json()).title);
    await kill9();
  }, 240_000);
});
