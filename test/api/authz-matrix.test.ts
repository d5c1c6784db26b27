import { beforeAll, expect, it } from 'vitest';
import type { ApiContext, InjectOptions } from '../helpers/app.ts';
import { describeApi } from '../helpers/app.ts';
import { multipartFile, readXlsx } from '../helpers/excel.ts';
import { multipart, PNG } from '../helpers/servicedesk.ts';
import { EXPECT } from './authz-matrix.expect.ts';
import { type Entry, type Outcome, PERSONAS, type Scope, type Who } from './authz-matrix.model.ts';
import { buildRefs, fillPath, USERNAMES } from './authz-matrix.refs.ts';

/**
 * The authorization matrix (issue 11): every route of the OpenAPI document × every persona × a
 * record of the own / the other project → the expected status class (authz-matrix.expect.ts),
 * never a 5xx, and no record of the other project in a 2xx body.
 */

/** who sees project B (the manager is assigned both projects, headquarters sees all) */
const SEES_B = new Set<Who>(['manager', 'hq']);
const SCOPES: Scope[] = ['own', 'foreign'];
const CELLS = Object.keys(EXPECT).length * PERSONAS.length * SCOPES.length;

export function expected(entry: Entry, who: Who, scope: Scope): Outcome {
  const cell = entry.cells?.[who];
  if (cell) return cell[scope === 'own' ? 0 : 1];
  if (entry.allow === 'public') return '2xx';
  if (who === 'anonymous') return '401';
  const hidden = entry.scope !== 'company' && scope === 'foreign' && !SEES_B.has(who);
  if (!entry.allow.includes(who)) return hidden ? 'refused' : '403';
  return hidden ? '404' : '2xx';
}

const classOf = (status: number): string => (status < 300 ? '2xx' : String(status));
const matches = (got: string, want: Outcome) =>
  got === want || (want === 'refused' && (got === '403' || got === '404'));

/** every `projectId`/`project_id` of the body, and whether a name only project B has is in it */
function projectsIn(value: unknown, out = new Set<number>()): Set<number> {
  if (Array.isArray(value)) for (const v of value) projectsIn(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'projectId' || k === 'project_id') && typeof v === 'number') out.add(v);
      else projectsIn(v, out);
    }
  return out;
}

describeApi('authorization matrix', (ctx) => {
  let routes: string[] = [];
  let refs: Awaited<ReturnType<typeof buildRefs>>;
  let namesOfB: string[] = [];
  beforeAll(async () => {
    await ctx.app.ready();
    // biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document
    const doc = ctx.app.swagger() as any;
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${path}`),
    );
    refs = await buildRefs(ctx);
    const db = ctx.database.db;
    const b = refs.foreign.project;
    const project = await db
      .selectFrom('project')
      .select('name')
      .where('id', '=', b)
      .executeTakeFirstOrThrow();
    // names that are only B's (a resident of A may share a name with an employee of B)
    const nameRows = [
      ...(await db.selectFrom('employee').select('name').where('project_id', '!=', b).execute()),
      ...(await db.selectFrom('owner').select('name').where('project_id', '!=', b).execute()),
    ];
    const namesA = new Set(nameRows.map((e) => e.name));
    const employeesB = await db.selectFrom('employee').select('name').where('project_id', '=', b).execute();
    namesOfB = [project.name, ...employeesB.map((e) => e.name).filter((n) => !namesA.has(n))];
    expect(namesOfB.length).toBeGreaterThan(2);
  });

  let bodiesChecked = 0;
  /** project B's records in a 2xx body (JSON, or the cells of an Excel download) */
  async function leaksIn(res: Awaited<ReturnType<ApiContext['app']['inject']>>): Promise<string[]> {
    const type = String(res.headers['content-type'] ?? '');
    let text: string;
    let ids = new Set<number>();
    if (type.includes('json')) {
      text = res.body;
      ids = projectsIn(res.json());
    } else if (type.includes('spreadsheetml')) {
      text = JSON.stringify(await readXlsx(res.rawPayload));
    } else return [];
    bodiesChecked++;
    const b = refs.foreign.project;
    const out = ids.has(b) ? [`a record of project ${b} in the body`] : [];
    for (const name of namesOfB) if (text.includes(name)) out.push(`"${name}" in the body`);
    return out;
  }

  it('has an authorization entry for every route of the OpenAPI document, and none for a route that is gone', () => {
    const missing = routes
      .filter((r) => !EXPECT[r])
      .map((r) => `new route without an authorization entry: ${r}`);
    const stale = Object.keys(EXPECT)
      .filter((r) => !routes.includes(r))
      .map((r) => `authorization entry of no route: ${r}`);
    expect([...missing, ...stale]).toEqual([]);
  });

  it(`answers every cell as the table says, never 5xx, never another project's data: ${Object.keys(EXPECT).length} routes × ${PERSONAS.length} roles × 2 scopes = ${CELLS} cells`, async () => {
    const wrong: string[] = [];
    let sent = 0;
    type Call = Awaited<ReturnType<ApiContext['as']>>;
    const callers = new Map<Who, Call>();
    for (const who of PERSONAS) {
      if (who === 'anonymous') {
        callers.set(who, (o) =>
          ctx.app.inject({ method: o.method, url: o.url, payload: o.payload as never, headers: o.headers }),
        );
      } else callers.set(who, await ctx.as(USERNAMES[who]));
    }
    // reads first, then the refused writes (a refusal changes nothing, so the order does not matter)
    const ordered = [...routes].sort((x, y) => Number(!x.startsWith('GET ')) - Number(!y.startsWith('GET ')));
    for (const route of ordered) {
      const entry = EXPECT[route];
      if (!entry) continue;
      const [method, path] = route.split(' ') as [InjectOptions['method'], string];
      for (const who of PERSONAS)
        for (const scope of SCOPES) {
          const want = expected(entry, who, scope);
          if (method !== 'GET' && want === '2xx') continue; // writes: only where they must be refused
          const r = refs[scope];
          const reminder = scope === 'own' && who !== 'anonymous' ? refs.reminderOf.get(who)! : r.reminder;
          let url = fillPath(path, entry, r, refs.own, reminder);
          if (entry.query) url += `?${entry.query(r)}`;
          const opts: InjectOptions = { method, url };
          if (entry.upload === 'photo') Object.assign(opts, multipart('m.png', PNG));
          else if (entry.upload === 'import') {
            const { payload, headers } = multipartFile(Buffer.from('姓名,电话\n王伟,13800000000\n'));
            Object.assign(opts, { payload, headers });
          } else if (entry.body) opts.payload = entry.body(r);
          const res = await callers.get(who)!(opts);
          sent++;
          const got = classOf(res.statusCode);
          const cell = `${route} as ${who} on ${scope}`;
          if (!matches(got, want))
            wrong.push(`${cell}: ${res.statusCode}, expected ${want} ${res.body.slice(0, 160)}`);
          if (got !== '2xx' || SEES_B.has(who)) continue;
          wrong.push(...(await leaksIn(res)).map((leak) => `${cell}: ${leak}`));
          // a list asked without its project filter shows only the persona's projects too
          const unfiltered = url.replace(/([?&])projectId=\d+&?/, '$1').replace(/[?&]$/, '');
          if (entry.scope === 'list' && scope === 'own' && unfiltered !== url) {
            const all = await callers.get(who)!({ method, url: unfiltered });
            sent++;
            if (all.statusCode >= 500) wrong.push(`${cell} without projectId: ${all.statusCode}`);
            if (all.statusCode < 300)
              wrong.push(...(await leaksIn(all)).map((leak) => `${cell} without projectId: ${leak}`));
          }
        }
    }
    expect(wrong, `${wrong.length} cells wrong:\n${wrong.join('\n')}`).toEqual([]);
    expect(sent).toBeGreaterThan(Object.keys(EXPECT).length * 4);
    expect(bodiesChecked).toBeGreaterThan(100);
  });
});
