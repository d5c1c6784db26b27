import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { describeApi } from '../helpers/app.ts';
import { idsOf } from '../helpers/servicedesk.ts';

type Json = Record<string, unknown> & { id: number; version: number };

/**
 * Issue 11, "edits are lost" and "state changes race": every editable record has a version; two edits
 * from the same version give one 200 and one 409 STALE_EDIT with the current record; parallel moves
 * of the same record through real concurrent HTTP requests have exactly one winner, and the repair
 * module's maintained counts stay equal to a fresh count.
 */
describeApi('concurrent edits and transitions', (ctx) => {
  /** Each editable kind: who edits it, where, the record as read, and the body of an edit from it. */
  const KINDS: {
    kind: string;
    user: string;
    url: (id: number) => string;
    read: () => Promise<Json>;
    body: (r: Json, n: number) => Record<string, unknown>;
    /** the record in an answer (an owner's edit answers with the whole unit) */
    pick?: (answer: { people: Json[] }, id: number) => Json;
  }[] = [
    {
      kind: 'employee',
      user: 'manager',
      url: (id) => `/api/employees/${id}`,
      read: async () =>
        (await get('manager', `/api/employees/${(await idsOf(ctx)).employee('officer')}`)) as Json,
      body: (r, n) => ({
        projectId: r.projectId,
        code: r.code,
        name: `员工${n}`,
        phone: r.phone,
        positionId: r.positionId,
        teamId: r.teamId,
        hiredOn: r.hiredOn,
        status: r.status,
      }),
    },
    {
      kind: 'team',
      user: 'manager',
      url: (id) => `/api/teams/${id}`,
      read: async () => ((await get('manager', '/api/teams')) as Json[])[0],
      body: (r, n) => ({
        projectId: r.projectId,
        name: `班组${n}`,
        kind: r.kind,
        leaderEmployeeId: r.leaderEmployeeId,
      }),
    },
    {
      kind: 'position',
      user: 'admin',
      url: (id) => `/api/positions/${id}`,
      read: async () => ((await get('admin', '/api/positions')) as Json[])[0],
      body: (r, n) => ({ code: r.code, name: `岗位${n}` }),
    },
    {
      kind: 'project',
      user: 'admin',
      url: (id) => `/api/projects/${id}`,
      read: async () => ((await get('admin', '/api/projects')) as Json[])[0],
      body: (r, n) => ({
        code: r.code,
        name: `项目${n}`,
        address: r.address,
        phone: r.phone,
        status: r.status,
      }),
    },
    {
      kind: 'user',
      user: 'admin',
      url: (id) => `/api/users/${id}`,
      read: async () => (await get('admin', `/api/users/${(await idsOf(ctx)).user('officer3').id}`)) as Json,
      body: (r, n) => ({
        displayName: `用户${n}`,
        role: r.role,
        phone: r.phone,
        employeeId: r.employeeId,
        projectIds: r.projectIds,
        active: r.active,
      }),
    },
    {
      kind: 'unit',
      user: 'manager',
      url: (id) => `/api/units/${id}`,
      read: async () => {
        const page = (await get('manager', '/api/units?pageSize=1')) as { items: Json[] };
        return (await get('manager', `/api/units/${page.items[0].id}`)) as Json;
      },
      body: (r, n) => ({ buildingId: r.buildingId, roomNo: r.roomNo, floor: r.floor, areaCentiM2: 9000 + n }),
    },
    {
      kind: 'owner',
      user: 'manager',
      url: (id) => `/api/owners/${id}`,
      read: async () => {
        const page = (await get('manager', '/api/owners?pageSize=1')) as { items: Json[] };
        const unit = (await get('manager', `/api/units/${page.items[0].unitId}`)) as { people: Json[] };
        return unit.people.find((p) => p.id === page.items[0].id)!;
      },
      body: (r, n) => ({ kind: r.kind, name: `业主${n}`, phone: r.phone, relation: r.relation }),
      pick: (unit, id) => unit.people.find((p) => p.id === id)!,
    },
    {
      kind: 'section',
      user: 'manager',
      url: (id) => `/api/property/sections/${id}`,
      read: async () => {
        const row = await ctx.database.db
          .selectFrom('section')
          .selectAll()
          .orderBy('id')
          .executeTakeFirstOrThrow();
        return { ...row, projectId: row.project_id } as unknown as Json;
      },
      body: (r, n) => ({ projectId: r.projectId, name: `标段${n}` }),
    },
    {
      kind: 'building',
      user: 'manager',
      url: (id) => `/api/property/buildings/${id}`,
      read: async () => {
        const row = await ctx.database.db
          .selectFrom('building')
          .selectAll()
          .orderBy('id')
          .executeTakeFirstOrThrow();
        return { ...row, projectId: row.project_id, sectionId: row.section_id } as unknown as Json;
      },
      body: (r, n) => ({ projectId: r.projectId, sectionId: r.sectionId, name: `楼${n}`, floors: r.floors }),
    },
    {
      kind: 'repair category',
      user: 'manager',
      url: (id) => `/api/repair-categories/${id}`,
      read: async () => ((await get('manager', '/api/repair-categories')) as Json[])[0],
      body: (r, n) => ({
        name: `类别${n}`,
        dispatchAmount: r.dispatchAmount,
        dispatchUnit: r.dispatchUnit,
        completeAmount: r.completeAmount,
        completeUnit: r.completeUnit,
        responsible: r.responsible,
        active: r.active,
      }),
    },
  ];

  async function get(user: string, url: string): Promise<unknown> {
    const res = await (await ctx.as(user))({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  }

  for (const k of KINDS) {
    it(`refuses the second of two edits of a ${k.kind} opened at the same version with 409 and the current record`, async () => {
      const as = await ctx.as(k.user);
      const record = await k.read();
      expect(record.version).toBeGreaterThanOrEqual(1);
      const first = await as({
        method: 'PUT',
        url: k.url(record.id),
        payload: { ...k.body(record, 1), version: record.version },
      });
      expect(first.statusCode, first.body).toBe(200);
      const pick = (answer: unknown) => (k.pick ? k.pick(answer as never, record.id) : (answer as Json));
      expect(pick(first.json()).version).toBe(record.version + 1);

      const second = await as({
        method: 'PUT',
        url: k.url(record.id),
        payload: { ...k.body(record, 2), version: record.version },
        headers: { 'accept-language': 'en-US' },
      });
      expect(second.statusCode, second.body).toBe(409);
      const refusal = second.json();
      expect(refusal.code).toBe('STALE_EDIT');
      expect(pick(refusal.current).version).toBe(record.version + 1);
      expect(refusal.changedBy).toBeTruthy();
      expect(refusal.message).toContain(String(refusal.changedBy));
      // the first edit stays: nothing of the refused one was written
      const again = await k.read();
      expect(again.version).toBe(record.version + 1);
      expect(JSON.stringify(again)).not.toContain(String(k.body(record, 2).name ?? 9002));

      // an edit without a version is refused with the field named
      const bare = await as({ method: 'PUT', url: k.url(record.id), payload: k.body(record, 3) });
      expect(bare.statusCode).toBe(400);
      expect(JSON.stringify(bare.json().fields)).toContain('version');

      // from the current version the edit goes through
      const retry = await as({
        method: 'PUT',
        url: k.url(record.id),
        payload: { ...k.body(record, 4), version: again.version },
      });
      expect(retry.statusCode, retry.body).toBe(200);
    });
  }

  /** The real server on a free port, and fetch with a user's cookie: requests that really run in parallel. */
  async function http() {
    if (!ctx.app.server.listening) await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx.app.server.address() as AddressInfo;
    return async (user: string) => {
      const cookie = await ctx.login(user);
      return (url: string, payload: unknown) =>
        fetch(`http://127.0.0.1:${port}${url}`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify(payload),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { code?: string } }));
    };
  }

  async function countsMatch() {
    const db = ctx.database.db;
    const kept = await db
      .selectFrom('repair_count')
      .select(['project_id', 'status', 'category_id', 'n'])
      .execute();
    const fresh = await db
      .selectFrom('repair_order')
      .select((eb) => ['project_id', 'status', 'category_id', eb.fn.countAll<number>().as('n')])
      .groupBy(['project_id', 'status', 'category_id'])
      .execute();
    const key = (r: { project_id: number; status: string; category_id: number }) =>
      `${r.project_id}/${r.status}/${r.category_id}`;
    const keptMap = Object.fromEntries(
      kept.filter((r) => Number(r.n) !== 0).map((r) => [key(r), Number(r.n)]),
    );
    const freshMap = Object.fromEntries(fresh.map((r) => [key(r), Number(r.n)]));
    expect(keptMap).toEqual(freshMap);
    expect(kept.every((r) => Number(r.n) >= 0)).toBe(true);
  }

  const ROUNDS = 20;

  /** Both answers of a round: exactly one 200, the other a 409 ILLEGAL_TRANSITION. */
  function oneWinner(answers: { status: number; body: { code?: string } }[]) {
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.code).toBe('ILLEGAL_TRANSITION');
  }

  it('lets exactly one of two simultaneous moves of a repair order win, and repair_count stays exact', async () => {
    const { projectA, employee } = await idsOf(ctx);
    const post = await (await http())('supervisor');
    const categories = (await get('frontdesk', '/api/repair-categories')) as Json[];
    for (let round = 0; round < ROUNDS; round++) {
      const created = await post('/api/repairs', {
        projectId: projectA,
        location: `3栋${round}`,
        reporterName: '吴先生',
        categoryId: categories[1].id,
        description: '漏水',
      });
      expect(created.status).toBe(200);
      const id = (created.body as unknown as Json).id;
      const dispatched = await post(`/api/repairs/${id}/actions/dispatch`, {
        assigneeEmployeeId: employee('officer'),
      });
      expect(dispatched.status).toBe(200);
      // a move and a cancellation at once; every third round the same move twice (a double click)
      const move = round % 2 === 0 ? 'start' : 'complete';
      const other = round % 3 === 0 ? move : 'cancel';
      oneWinner(
        await Promise.all([
          post(`/api/repairs/${id}/actions/${move}`, { result: '已修好' }),
          post(`/api/repairs/${id}/actions/${other}`, { result: '已修好', comment: '业主取消' }),
        ]),
      );
    }
    await countsMatch();
  });

  it('lets exactly one of two simultaneous moves of a complaint win', async () => {
    const { projectA, employee } = await idsOf(ctx);
    const post = await (await http())('supervisor');
    const cats = (await get('frontdesk', '/api/complaint-categories')) as Json[];
    for (let round = 0; round < ROUNDS; round++) {
      const created = await post('/api/complaints', {
        projectId: projectA,
        complainantName: '吴先生',
        categoryId: cats[0].id,
        content: '保安态度不好',
      });
      expect(created.status).toBe(200);
      const id = (created.body as unknown as Json).id;
      const assigned = await post(`/api/complaints/${id}/actions/assign`, {
        handlerEmployeeId: employee('officer'),
      });
      expect(assigned.status).toBe(200);
      oneWinner(
        await Promise.all([
          post(`/api/complaints/${id}/actions/resolve`, { resolution: '已整改' }),
          post(`/api/complaints/${id}/actions/resolve`, { resolution: '已道歉' }),
        ]),
      );
    }
  });

  it('lets exactly one of two simultaneous moves of a task win', async () => {
    const { projectA, employee } = await idsOf(ctx);
    const post = await (await http())('supervisor');
    for (let round = 0; round < ROUNDS; round++) {
      const created = await post('/api/tasks', {
        projectId: projectA,
        title: `检查${round}`,
        category: 'inspection',
        assigneeEmployeeId: employee('officer'),
        dueIn: { amount: 1, unit: 'days' },
      });
      expect(created.status).toBe(200);
      const id = (created.body as unknown as Json).id;
      oneWinner(
        await Promise.all([
          post(`/api/tasks/${id}/actions/complete`, { result: '好' }),
          post(`/api/tasks/${id}/actions/cancel`, { reason: '不再需要' }),
        ]),
      );
    }
  });

  it('lets exactly one of two simultaneous publications of an assessment sheet win', async () => {
    const { user } = await idsOf(ctx);
    const post = await (await http())('manager');
    for (let round = 0; round < ROUNDS; round++) {
      const period = `20${24 + Math.floor(round / 12)}-${String((round % 12) + 1).padStart(2, '0')}`;
      const created = await post('/api/assessments', { assesseeUserId: user('supervisor').id, period });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      const id = (created.body as unknown as { assessment: Json }).assessment.id;
      oneWinner(
        await Promise.all([
          post(`/api/assessments/${id}/publish`, {}),
          post(`/api/assessments/${id}/publish`, {}),
        ]),
      );
    }
  });
});
