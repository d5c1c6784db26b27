import type { Response as InjectResponse } from 'light-my-request';
import { expect, it } from 'vitest';
import type { OpenedDatabase } from '../../server/db/database.ts';
import { commonErrors } from '../../server/lib/errors.ts';
import { type ApiContext, describeApi } from '../helpers/app.ts';
import { changedTables, tableChecksums, watchChanges } from '../helpers/checksum.ts';
import {
  badRequests,
  baseRequest,
  type FuzzRequest,
  type Known,
  type Operation,
  type Param,
  urlOf,
} from '../helpers/fuzz-inputs.ts';

/**
 * Every route and method of the OpenAPI document, fed bad input made from its own schema
 * (test/helpers/fuzz-inputs.ts) as a signed-in manager of the demo company — and as an owner, and as the
 * admin where the manager may not — with a fixed seed. No answer may be a 5xx; every 4xx has the error
 * shape; a refused request changes no row of any table (count and hash of every table before and after).
 */
/** fixed, so every run sends the same requests; PROPDESK_FUZZ_SEED / PROPDESK_FUZZ_RUNS dig further by hand */
const SEED = Number(process.env.PROPDESK_FUZZ_SEED || 20261204);
/** bad requests per route and actor */
const RUNS = Number(process.env.PROPDESK_FUZZ_RUNS || 24);
/** Routes not fuzzed: signing out would end the session the fuzzer works with. */
const SKIP = new Set(['POST /api/auth/logout']);
/** Written by a refused request on purpose: a failed sign-in is counted; a session notes its last use. */
const MAY_CHANGE = ['login_failure', 'user_session', 'fz_changes'];
/** Writes only the admin may make: fuzzed as the admin too, so the bad input reaches the service. */
const ADMIN_ONLY =
  /^\/api\/(users|calendar|projects|positions|repair-categories|assessment\/(schemes|settings))/;

function operationsOf(doc: {
  // biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document
  paths: Record<string, Record<string, any>>;
}): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const m = method.toUpperCase() as Operation['method'];
      if (SKIP.has(`${m} ${path}`) || path.startsWith('/api/docs')) continue;
      const params = ((op.parameters ?? []) as Param[]).filter((p) => p.in === 'path' || p.in === 'query');
      out.push({ method: m, path, params, body: op.requestBody?.content?.['application/json']?.schema });
    }
  }
  return out;
}

type Send = (r: FuzzRequest) => Promise<InjectResponse>;

/** A request that gets no answer at all (the server dropped it) counts as a 5xx. */
function sender(ctx: ApiContext, cookie: string): Send {
  return (r) =>
    ctx.app
      .inject({
        method: r.method,
        url: r.url,
        headers: {
          cookie,
          ...(r.payload !== undefined || r.raw !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        payload: r.raw ?? (r.payload === undefined ? undefined : JSON.stringify(r.payload)),
      })
      .catch(
        (error: Error) =>
          ({ statusCode: 599, headers: {}, body: `no answer: ${error.message}`, json: () => null }) as never,
      );
}

/** Ids of the demo company's records by the list route they come from, and the records themselves. */
async function explore(senders: Send[], ops: Operation[], projectId: number): Promise<Known> {
  const known: Known = { projectId, idsByPrefix: new Map(), records: new Map() };
  for (const op of ops) {
    if (op.method !== 'GET' || op.params.some((p) => p.in === 'path')) continue;
    const query: [string, string][] = op.params.some((p) => p.name === 'projectId')
      ? [['projectId', String(projectId)]]
      : [];
    if (op.params.some((p) => p.name === 'pageSize')) query.push(['pageSize', '200']);
    let res = await senders[0]({ method: 'GET', url: urlOf(op, {}, query), label: 'explore' });
    for (const send of senders.slice(1)) {
      if (res.statusCode === 403)
        res = await send({ method: 'GET', url: urlOf(op, {}, query), label: 'explore' });
    }
    if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('json')) continue;
    const body = res.json();
    const items: Record<string, unknown>[] = Array.isArray(body) ? body : (body?.items ?? []);
    const ids = items.map((i) => i?.id).filter((id): id is number => typeof id === 'number');
    if (!ids.length) continue;
    known.idsByPrefix.set(op.path, ids);
    for (const item of items) known.records.set(`${op.path}/${item.id}`, item);
  }
  return known;
}

interface Tally {
  sent: number;
  accepted: number;
  serverErrors: string[];
  badShape: string[];
  changed: string[];
  /** answers "please sign in" to a signed-in actor: a request must not end the session it came with */
  signedOut: string[];
}

const describe = (r: FuzzRequest, res: InjectResponse) =>
  `${res.statusCode} ${r.method} ${r.url.slice(0, 120)} [${r.label}] ${res.body.slice(0, 160)}`;

function checkAnswer(r: FuzzRequest, res: InjectResponse, tally: Tally): void {
  tally.sent++;
  if (res.statusCode >= 500) tally.serverErrors.push(describe(r, res));
  else if (res.statusCode === 401 && res.json()?.code === 'UNAUTHENTICATED')
    tally.signedOut.push(describe(r, res));
  else if (res.statusCode >= 400) {
    let body: { code?: unknown; message?: unknown; fields?: unknown } | null = null;
    try {
      body = res.json();
    } catch {}
    const fieldsOk =
      body?.fields === undefined ||
      (Array.isArray(body.fields) &&
        body.fields.every((f) => typeof f?.field === 'string' && typeof f?.message === 'string'));
    if (typeof body?.code !== 'string' || typeof body?.message !== 'string' || !fieldsOk)
      tally.badShape.push(describe(r, res));
  } else tally.accepted++;
}

async function fuzzOperation(
  ctx: ApiContext,
  op: Operation,
  send: Send,
  known: Known,
  seed: number,
  tally: Tally,
  state: DataState,
): Promise<void> {
  const idParam = op.params.find((p) => p.in === 'path');
  const prefix = idParam ? op.path.slice(0, op.path.indexOf(`/{${idParam.name}}`)) : op.path;
  const ids = known.idsByPrefix.get(prefix);
  // an edit is fuzzed around the record as it is now, its version included
  const record = ids?.length ? known.records.get(`${prefix}/${ids[ids.length - 1]}`) : undefined;
  const base = baseRequest(op, known, record);
  for (const r of badRequests(op, base, RUNS, seed)) {
    const changesBefore = await state.changes();
    const res = await send(r);
    checkAnswer(r, res, tally);
    if ((await state.changes()) === changesBefore) continue; // no row written: every checksum stands
    const after = await tableChecksums(ctx.database, MAY_CHANGE);
    if (res.statusCode >= 400 || op.method === 'GET') {
      const changed = changedTables(state.checksums, after);
      if (changed.length) tally.changed.push(`${describe(r, res)} changed ${changed.join(', ')}`);
    }
    state.checksums = after;
  }
}

let current: OpenedDatabase;

/** The tables as they are now, and the count of rows written so far. */
interface DataState {
  checksums: Map<string, string>;
  changes: () => Promise<number>;
}

describeApi(
  'fuzz: every route from its OpenAPI schema',
  (ctx) => {
    it(
      `answers no bad request with a 5xx, every refusal in the error shape, and a refusal changes no row`,
      async () => {
        await ctx.app.ready();
        const ops = operationsOf(ctx.app.swagger() as never);
        expect(ops.length).toBeGreaterThan(100);
        const cookies = {
          manager: await ctx.login('manager'),
          owner: await ctx.login('owner'),
          admin: await ctx.login('admin'),
        };
        const send = {
          manager: sender(ctx, cookies.manager),
          owner: sender(ctx, cookies.owner),
          admin: sender(ctx, cookies.admin),
        };
        const me = (await send.manager({ method: 'GET', url: '/api/auth/me', label: 'me' })).json();
        const known = await explore([send.manager, send.admin], ops, me.projectIds[0]);
        // the fuzzer's own accounts are not edited: a password reset would end the session it works with
        const actorIds: number[] = [];
        for (const actor of Object.values(send)) {
          actorIds.push((await actor({ method: 'GET', url: '/api/auth/me', label: 'me' })).json().id);
        }
        const users = known.idsByPrefix.get('/api/users') ?? [];
        known.idsByPrefix.set(
          '/api/users',
          users.filter((id) => !actorIds.includes(id)),
        );
        const state: DataState = { changes: await watchChanges(ctx.database), checksums: new Map() };
        state.checksums = await tableChecksums(ctx.database, MAY_CHANGE);
        const tally: Tally = {
          sent: 0,
          accepted: 0,
          serverErrors: [],
          badShape: [],
          changed: [],
          signedOut: [],
        };
        for (const [n, op] of ops.entries()) {
          // the manager; the admin where the manager may not; the owner where an owner may
          const probe = baseRequest(op, known, undefined);
          const probeRequest: FuzzRequest = {
            method: op.method,
            url: urlOf(op, probe.path, Object.entries(probe.query)),
            payload: op.body ? probe.body : undefined,
            label: 'probe',
          };
          const actors: (keyof typeof send)[] = ['manager'];
          if (op.method === 'GET') {
            const written = await state.changes();
            const asManager = await send.manager(probeRequest);
            checkAnswer(probeRequest, asManager, tally);
            if (asManager.statusCode === 403) actors.push('admin');
            const asOwner = await send.owner(probeRequest);
            checkAnswer(probeRequest, asOwner, tally);
            if (asOwner.statusCode !== 403) actors.push('owner');
            // a reading route writes nothing, whoever asks
            if ((await state.changes()) !== written) tally.changed.push(`GET ${op.path} wrote rows`);
          } else {
            actors.push('owner');
            if (ADMIN_ONLY.test(op.path)) actors.push('admin');
          }
          for (const actor of actors)
            await fuzzOperation(ctx, op, send[actor], known, SEED + n, tally, state);
        }
        console.log(
          `fuzz [${ctx.kind}]: ${tally.sent} requests over ${ops.length} routes, ${tally.serverErrors.length} answered 5xx, ` +
            `${tally.accepted} accepted (a value that was valid after all), ${tally.changed.length} refusals changed data`,
        );
        expect(tally.serverErrors).toEqual([]);
        expect(tally.badShape).toEqual([]);
        expect(tally.changed).toEqual([]);
        expect(tally.signedOut).toEqual([]);
        expect(tally.sent).toBeGreaterThan(ops.length * RUNS);
        expect(ops.some((op) => op.path.startsWith('/api/test-fuzz'))).toBe(false);
      },
      Math.max(120_000, RUNS * 5000),
    );

    it('catches a refusal that wrote a row (the checks themselves work)', async () => {
      current = ctx.database;
      const state: DataState = {
        changes: await watchChanges(ctx.database),
        checksums: await tableChecksums(ctx.database, MAY_CHANGE),
      };
      const tally: Tally = {
        sent: 0,
        accepted: 0,
        serverErrors: [],
        badShape: [],
        changed: [],
        signedOut: [],
      };
      const op: Operation = {
        method: 'POST',
        path: '/api/test-fuzz/refuse-but-write',
        params: [],
        body: undefined,
      };
      const known: Known = { projectId: 1, idsByPrefix: new Map(), records: new Map() };
      await fuzzOperation(ctx, op, sender(ctx, await ctx.login('admin')), known, SEED, tally, state);
      expect(tally.sent).toBe(RUNS);
      expect(tally.changed).toHaveLength(RUNS);
      expect(tally.changed[0]).toMatch(/changed app_user \(\d+ → \d+ rows\)$/);
    });
  },
  {
    // a request that takes more than 5 s is a finding too (503)
    config: { PROPDESK_REQUEST_TIMEOUT_MS: '5000' },
    // a route that refuses but writes first (hidden from the document): the harness must catch it
    extend(app) {
      app.post('/api/test-fuzz/refuse-but-write', { schema: { hide: true } }, async () => {
        await current.db
          .updateTable('app_user')
          .set((eb) => ({ display_name: eb('display_name', '||', 'x') }))
          .where('username', '=', 'frontdesk2')
          .execute();
        throw commonErrors.VALIDATION({}, [{ field: 'x', message: 'refused' }]);
      });
    },
  },
);
