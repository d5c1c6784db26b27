/**
 * Service desk benchmark (not a timed test).
 *
 *   node bench/servicedesk.ts            # generate (once) and measure
 *   BENCH_DURATION=20 BENCH_CONNECTIONS=50 node bench/servicedesk.ts
 *   BENCH_WORKERS=1,2 (default): each measured with that many server processes (PROPDESK_WORKERS)
 *   BENCH_ENCODING='br, gzip': the list, detail and /auth/me ask for compressed answers, as a browser does
 *
 * Generates one project with 200,000 repair orders, 20,000 complaints and 5,000 units into
 * bench/data/servicedesk.sqlite (kept between runs; delete it to regenerate), starts the real
 * server as a child process (`server/main.ts start`, demo users, scheduler off), logs in as the
 * supervisor and runs autocannon on the same machine against:
 *   - the paged repair list filtered by status and category, with the total the table shows
 *   - the repair detail (with photos, allowed actions and the audit timeline)
 *   - /api/auth/me (the session lookup alone) and /api/health (no session), for comparison
 * Targets (SQLite, 2 cores): list ≥ 2,000 req/s with p99 ≤ 50 ms; detail ≥ 4,000 req/s.
 * Each is measured with one server process and with PROPDESK_WORKERS=2 (see BENCH_WORKERS).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { seedDemo } from '../server/demo/index.ts';

const DIR = join(import.meta.dirname, 'data');
const FILE = join(DIR, 'servicedesk.sqlite');
const ORDERS = Number(process.env.BENCH_ORDERS ?? 200_000);
const COMPLAINTS = 20_000;
const UNITS = 5_000;
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const WORKERS = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const STATUSES = [
  'submitted',
  'dispatched',
  'in_progress',
  'completed',
  'visited',
  'closed',
  'cancelled',
  'reopened',
];
const STATUS_WEIGHTS = [3, 3, 3, 10, 10, 65, 4, 2];

function rand(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function generate() {
  mkdirSync(DIR, { recursive: true });
  const opened = openDatabase({ kind: 'sqlite', file: FILE });
  await migrateToLatest(opened.db);
  await seedDemo(opened.db, new Date('2026-11-28T02:00:00Z'));
  await opened.close();
  const db = new SQLite(FILE);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const r = rand(42);
  const started = Date.now();
  const projectId = 1;
  const at = '2026-01-01T00:00:00.000Z';
  db.transaction(() => {
    const section = db
      .prepare(
        'insert into section (project_id, name, sort_order, created_at, updated_at) values (?, ?, 0, ?, ?)',
      )
      .run(projectId, '压测标段', at, at).lastInsertRowid;
    const unitStmt = db.prepare(
      `insert into unit (project_id, building_id, room_no, floor, area_centi_m2, status, created_at, updated_at)
       values (?, ?, ?, ?, 9000, ?, ?, ?)`,
    );
    const histStmt = db.prepare(
      'insert into unit_status_history (project_id, unit_id, status, from_date, created_at) values (?, ?, ?, ?, ?)',
    );
    for (let b = 0; b < 20; b++) {
      const building = db
        .prepare(
          'insert into building (project_id, section_id, name, floors, sort_order, created_at, updated_at) values (?, ?, ?, 25, ?, ?, ?)',
        )
        .run(projectId, section, `压测${b + 1}栋`, b, at, at).lastInsertRowid;
      for (let u = 0; u < UNITS / 20; u++) {
        const status = r() < 0.85 ? 'occupied' : 'vacant';
        const unit = unitStmt.run(
          projectId,
          building,
          `${Math.floor(u / 10) + 1}${String((u % 10) + 1).padStart(2, '0')}`,
          Math.floor(u / 10) + 1,
          status,
          at,
          at,
        ).lastInsertRowid;
        histStmt.run(projectId, unit, status, '2025-01-01', at);
      }
    }
    const cats = db.prepare('select id from repair_category').all() as { id: number }[];
    const employees = db.prepare('select id from employee where project_id = ?').all(projectId) as {
      id: number;
    }[];
    const order = db.prepare(
      `insert into repair_order (project_id, building_id, location, reporter_name, channel, category_id, description, priority,
        status, assignee_employee_id, dispatch_due_at, complete_due_at, dispatched_at, completed_at, dispatch_overdue,
        complete_overdue, reopen_count, created_at, updated_at)
       values (?, ?, ?, ?, 'phone', ?, ?, 'normal', ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?)`,
    );
    const total = STATUS_WEIGHTS.reduce((a, b) => a + b, 0);
    const start = Date.parse('2024-12-01T00:00:00Z');
    const span = Date.parse('2026-11-27T00:00:00Z') - start;
    for (let i = 0; i < ORDERS; i++) {
      const created = start + Math.floor((span * i) / ORDERS);
      let x = r() * total;
      let s = 0;
      while (x >= STATUS_WEIGHTS[s]) x -= STATUS_WEIGHTS[s++];
      const status = STATUSES[s];
      const c = new Date(created).toISOString();
      const dispatched = status === 'submitted' ? null : new Date(created + 3_600_000).toISOString();
      const completed = ['completed', 'visited', 'closed'].includes(status)
        ? new Date(created + 20 * 3_600_000).toISOString()
        : null;
      order.run(
        projectId,
        1 + Math.floor(r() * 20),
        `${1 + Math.floor(r() * 20)}栋${1 + Math.floor(r() * 25)}0${1 + Math.floor(r() * 4)}`,
        '压测业主',
        cats[Math.floor(r() * cats.length)].id,
        '压测数据：水龙头漏水',
        status,
        dispatched ? employees[Math.floor(r() * employees.length)].id : null,
        new Date(created + 2 * 3_600_000).toISOString(),
        new Date(created + 24 * 3_600_000).toISOString(),
        dispatched,
        completed,
        c,
        c,
      );
    }
    const kcats = db.prepare('select id from complaint_category').all() as { id: number }[];
    const complaint = db.prepare(
      `insert into complaint (project_id, complainant_name, channel, category_id, content, status, response_due_at,
        response_overdue, improper, created_at, updated_at) values (?, '压测业主', 'phone', ?, '压测投诉', 'closed', ?, 0, 0, ?, ?)`,
    );
    for (let i = 0; i < COMPLAINTS; i++) {
      const c = new Date(start + Math.floor((span * i) / COMPLAINTS)).toISOString();
      complaint.run(projectId, kcats[Math.floor(r() * kcats.length)].id, c, c, c);
    }
  })();
  db.exec(`delete from repair_count; insert into repair_count (project_id, status, category_id, n)
    select project_id, status, category_id, count(*) from repair_order group by 1, 2, 3`);
  db.exec('analyze');
  db.close();
  console.log(
    `generated ${ORDERS} repair orders, ${COMPLAINTS} complaints, ${UNITS} units in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start at ${url}`);
}

function run(title: string, opts: autocannon.Options) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts }, (err, result) => {
      if (err) return reject(err);
      const bad = result.non2xx + result.errors;
      console.log(
        `${title.padEnd(44)} ${Math.round(result.requests.average).toString().padStart(6)} req/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   ${bad ? `${bad} errors/non-2xx` : 'all 2xx'}`,
      );
      resolve(result);
    });
  });
}

/**
 * Reads the database file once so it is in the OS page cache, as a serving database is. These VMs
 * reclaim idle file pages within minutes (DAMON), and a cold page read costs up to 100 ms here: the
 * detail of random orders then measured 266 req/s instead of thousands, which is the disk, not PropDesk.
 */
async function warmFileCache() {
  const started = Date.now();
  let bytes = 0;
  for await (const chunk of createReadStream(FILE)) bytes += (chunk as Buffer).length;
  console.log(
    `read ${(bytes / 1e6).toFixed(0)} MB of ${FILE} into the OS page cache in ${Date.now() - started} ms`,
  );
}

async function measure(workers: number) {
  await warmFileCache();
  const server: ChildProcess = spawn(process.execPath, ['server/main.ts', 'start'], {
    env: {
      ...process.env,
      PROPDESK_DB: FILE,
      PROPDESK_DEMO: '0',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PROPDESK_SCHEDULER_SECONDS: '0',
      PROPDESK_DATA_DIR: DIR,
      PROPDESK_SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-01',
      PROPDESK_WORKERS: String(workers),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${PORT}`;
  try {
    await waitFor(`${base}/api/health`);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'supervisor', password: 'demo1234' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    // BENCH_ENCODING='br, gzip' asks for compressed answers, as a browser does (the default measures plain JSON)
    const encoding = process.env.BENCH_ENCODING;
    const headers: Record<string, string> = encoding ? { cookie, 'accept-encoding': encoding } : { cookie };
    const sample = await (
      await fetch(`${base}/api/repairs?projectId=1&status=closed&categoryId=1&pageSize=20`, { headers })
    ).json();
    console.log(
      `closed + category 1: total ${sample.total} shown over ${Math.ceil(sample.total / 20)} pages`,
    );
    // the generated orders follow the demo's; pick detail ids among them (all in the supervisor's project)
    const ro = new SQLite(FILE, { readonly: true });
    const firstId = (
      ro.prepare(`select min(id) as id from repair_order where reporter_name = '压测业主'`).get() as {
        id: number;
      }
    ).id;
    ro.close();
    const r = rand(7);
    const list = () => {
      const status = STATUSES[Math.floor(r() * STATUSES.length)];
      const category = 1 + Math.floor(r() * 7);
      const page = 1 + Math.floor(r() * 5);
      return `/api/repairs?projectId=1&status=${status}&categoryId=${category}&page=${page}&pageSize=20`;
    };
    console.log(
      `\nPROPDESK_WORKERS=${workers}, autocannon: ${CONNECTIONS} connections, ${DURATION} s each, SQLite, server and load generator on this machine (${availableParallelism()} cores)${encoding ? `, accept-encoding: ${encoding}` : ''}`,
    );
    await run('GET /api/health (no session)', { url: `${base}/api/health` });
    await run('GET /api/auth/me (session lookup only)', { url: `${base}/api/auth/me`, headers });
    await run('GET /api/repairs (status+category, with total)', {
      url: base,
      headers,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: list() }) }],
    });
    await run('GET /api/repairs/:id (detail)', {
      url: base,
      headers,
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => ({ ...req, path: `/api/repairs/${firstId + Math.floor(r() * ORDERS)}` }),
        },
      ],
    });
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
}

async function main() {
  if (!existsSync(FILE)) await generate();
  for (const workers of WORKERS) await measure(workers);
}

await main();
