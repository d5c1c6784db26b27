import { expect, it } from 'vitest';
import type { ApiContext } from '../helpers/app.ts';
import { describeApi } from '../helpers/app.ts';
import { idsOf } from '../helpers/servicedesk.ts';

/**
 * References checked in the service (issue 11): a field naming another record is refused when the
 * record does not exist or is in a project the caller does not see (404, with the field), and when
 * it is of another project than the record written (400, with the field), even for a caller who sees
 * both projects. Nothing is stored by a refused request.
 */

const NONE = 2_000_000_000;

async function placesOf(ctx: ApiContext) {
  const db = ctx.database.db;
  const ids = await idsOf(ctx);
  const first = async (table: 'building' | 'unit' | 'team' | 'section' | 'employee', projectId: number) =>
    (await db.selectFrom(table).select('id').where('project_id', '=', projectId).orderBy('id').execute()).map(
      (r) => r.id,
    );
  const unitsOf = (buildingId: number) =>
    db.selectFrom('unit').select('id').where('building_id', '=', buildingId).orderBy('id').execute();
  const place = async (projectId: number) => {
    const buildings = await first('building', projectId);
    const withUnits = [];
    for (const b of buildings) if ((await unitsOf(b)).length) withUnits.push(b);
    return {
      buildings: withUnits,
      unitOf: async (b: number) => (await unitsOf(b))[0].id,
      teams: await first('team', projectId),
      sections: await first('section', projectId),
      employees: await first('employee', projectId),
    };
  };
  return { ...ids, a: await place(ids.projectA), b: await place(ids.projectB) };
}

/** the rows of a table: a refused request changes none */
async function count(ctx: ApiContext, table: 'repair_order' | 'complaint' | 'task' | 'employee' | 'team') {
  const r = await ctx.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

interface Answer {
  statusCode: number;
  body: string;
  json(): { code?: string; message?: string; fields?: { field: string; message: string }[] };
}
function refused(res: Answer, status: number, field: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().fields?.map((f) => f.field)).toEqual([field]);
  expect(res.json().fields?.[0].message).toBeTruthy();
}

describeApi('references checked against the project', (ctx) => {
  it('repair orders: building and unit of the order project, the unit inside the building; assignee and team', async () => {
    const p = await placesOf(ctx);
    const cats = (await (await ctx.as('frontdesk'))({ method: 'GET', url: '/api/repair-categories' })).json();
    const base = {
      projectId: p.projectA,
      location: '3栋2单元501',
      reporterName: '吴先生',
      categoryId: cats[0].id,
      description: '厨房水龙头漏水',
    };
    const sup = await ctx.as('supervisor'); // project A only
    const manager = await ctx.as('manager'); // both projects
    const post = (as: typeof sup, extra: object) =>
      as({ method: 'POST', url: '/api/repairs', payload: { ...base, ...extra } });
    const before = await count(ctx, 'repair_order');
    const bB = p.b.buildings[0];
    const [bA1, bA2] = p.a.buildings;
    // a foreign project's building, seen by the caller as not existing
    refused(await post(sup, { buildingId: bB }), 404, 'buildingId');
    // nonexistent
    refused(await post(sup, { buildingId: NONE }), 404, 'buildingId');
    refused(await post(sup, { unitId: NONE }), 404, 'unitId');
    // a cross-project mix: the manager sees both, the unit is of project B
    const mixed = await post(manager, { buildingId: bA1, unitId: await p.b.unitOf(bB) });
    refused(mixed, 400, 'unitId');
    expect(mixed.json().message).toBe('所选房屋不属于该项目');
    refused(await post(manager, { buildingId: bB }), 400, 'buildingId');
    // a unit of the project, but of another building than the chosen one
    expect(bA2).toBeDefined();
    refused(await post(sup, { buildingId: bA1, unitId: await p.a.unitOf(bA2) }), 400, 'unitId');
    // in English
    const en = await sup({
      method: 'POST',
      url: '/api/repairs',
      payload: { ...base, buildingId: NONE },
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.statusCode).toBe(404);
    expect(en.json().code).toBe('REPAIR_REFERENCE_NOT_FOUND');
    expect(await count(ctx, 'repair_order')).toBe(before);

    // the right ones are taken
    const ok = await post(sup, { buildingId: bA1, unitId: await p.a.unitOf(bA1) });
    expect(ok.statusCode, ok.body).toBe(200);
    const id = ok.json().id;
    const dispatch = (payload: object) =>
      manager({ method: 'POST', url: `/api/repairs/${id}/actions/dispatch`, payload });
    refused(await dispatch({ assigneeEmployeeId: p.b.employees[0] }), 400, 'assigneeEmployeeId');
    refused(await dispatch({ assigneeEmployeeId: NONE }), 404, 'assigneeEmployeeId');
    refused(await dispatch({ teamId: p.b.teams[0] }), 400, 'teamId');
    refused(await dispatch({ teamId: NONE }), 404, 'teamId');
    refused(
      await sup({
        method: 'POST',
        url: `/api/repairs/${id}/actions/dispatch`,
        payload: { teamId: p.b.teams[0] },
      }),
      404,
      'teamId',
    );
    const detail = (await sup({ method: 'GET', url: `/api/repairs/${id}` })).json();
    expect(detail.status).toBe('submitted');
    expect(detail.teamId).toBeNull();
  });

  it('complaints: building and unit on creation, the handler on assignment', async () => {
    const p = await placesOf(ctx);
    const sup = await ctx.as('supervisor');
    const manager = await ctx.as('manager');
    const cats = (await sup({ method: 'GET', url: '/api/complaint-categories' })).json();
    const base = {
      projectId: p.projectA,
      complainantName: '吴先生',
      categoryId: cats[0].id,
      content: '夜间噪音',
    };
    const post = (as: typeof sup, extra: object) =>
      as({ method: 'POST', url: '/api/complaints', payload: { ...base, ...extra } });
    const before = await count(ctx, 'complaint');
    const bB = p.b.buildings[0];
    refused(await post(sup, { buildingId: bB }), 404, 'buildingId');
    refused(await post(sup, { unitId: NONE }), 404, 'unitId');
    refused(await post(manager, { unitId: await p.b.unitOf(bB) }), 400, 'unitId');
    expect(await count(ctx, 'complaint')).toBe(before);

    const ok = await post(sup, { buildingId: p.a.buildings[0] });
    expect(ok.statusCode, ok.body).toBe(200);
    const assign = (as: typeof sup, handlerEmployeeId: number) =>
      as({
        method: 'POST',
        url: `/api/complaints/${ok.json().id}/actions/assign`,
        payload: { handlerEmployeeId },
      });
    refused(await assign(manager, p.b.employees[0]), 400, 'handlerEmployeeId');
    refused(await assign(sup, p.b.employees[0]), 404, 'handlerEmployeeId');
    refused(await assign(manager, NONE), 404, 'handlerEmployeeId');
    const detail = (await sup({ method: 'GET', url: `/api/complaints/${ok.json().id}` })).json();
    expect(detail.handlerEmployeeId).toBeNull();
  });

  it('tasks: the assignee works in the task project', async () => {
    const p = await placesOf(ctx);
    const post = async (who: string, assigneeEmployeeId: number) =>
      (await ctx.as(who))({
        method: 'POST',
        url: '/api/tasks',
        payload: {
          projectId: p.projectA,
          title: '检查消防通道',
          category: 'inspection',
          assigneeEmployeeId,
          dueAt: '2030-01-01T00:00:00.000Z',
        },
      });
    const before = await count(ctx, 'task');
    refused(await post('manager', p.b.employees[0]), 400, 'assigneeEmployeeId');
    refused(await post('supervisor', p.b.employees[0]), 404, 'assigneeEmployeeId');
    refused(await post('supervisor', NONE), 404, 'assigneeEmployeeId');
    expect(await count(ctx, 'task')).toBe(before);
    expect((await post('supervisor', p.employee('officer'))).statusCode).toBe(200);
  });

  it("staff: an employee's team and position, a team's leader", async () => {
    const p = await placesOf(ctx);
    const manager = await ctx.as('manager');
    const sup = await ctx.as('supervisor');
    const employees = await count(ctx, 'employee');
    const employee = (as: typeof sup, extra: object) =>
      as({
        method: 'POST',
        url: '/api/employees',
        payload: { projectId: p.projectA, code: 'R9001', name: '引用', ...extra },
      });
    refused(await employee(manager, { teamId: p.b.teams[0] }), 400, 'teamId');
    refused(await employee(sup, { teamId: p.b.teams[0] }), 404, 'teamId');
    refused(await employee(manager, { teamId: NONE }), 404, 'teamId');
    refused(await employee(manager, { positionId: NONE }), 404, 'positionId');
    expect(await count(ctx, 'employee')).toBe(employees);

    const teams = await count(ctx, 'team');
    const team = (as: typeof sup, leaderEmployeeId: number) =>
      as({
        method: 'POST',
        url: '/api/teams',
        payload: { projectId: p.projectA, name: '引用组', kind: '维修', leaderEmployeeId },
      });
    refused(await team(manager, p.b.employees[0]), 400, 'leaderEmployeeId');
    refused(await team(sup, p.b.employees[0]), 404, 'leaderEmployeeId');
    refused(await team(manager, NONE), 404, 'leaderEmployeeId');
    expect(await count(ctx, 'team')).toBe(teams);
    expect((await team(sup, p.a.employees[0])).statusCode).toBe(200);
  });

  it("user accounts: the employee is one of the account's projects", async () => {
    const p = await placesOf(ctx);
    const admin = await ctx.as('admin');
    const create = (employeeId: number, projectIds: number[], role = 'officer') =>
      admin({
        method: 'POST',
        url: '/api/users',
        payload: {
          username: 'ref.user',
          password: 'pass-word-1',
          displayName: '引用',
          role,
          employeeId,
          projectIds,
        },
      });
    refused(await create(p.b.employees[0], [p.projectA]), 400, 'employeeId');
    refused(await create(NONE, [p.projectA]), 404, 'employeeId');
    refused(await create(p.employee('officer'), [p.projectA, NONE]), 404, 'projectIds');
    const users = (await admin({ method: 'GET', url: '/api/users?q=ref.user' })).json();
    expect(users.total).toBe(0);
  });

  it("the register: a building's section, a unit's building, a building's officer", async () => {
    const p = await placesOf(ctx);
    const manager = await ctx.as('manager');
    const sup = await ctx.as('supervisor');
    const building = (as: typeof sup, sectionId: number) =>
      as({
        method: 'POST',
        url: '/api/property/buildings',
        payload: { projectId: p.projectA, sectionId, name: '引用楼' },
      });
    refused(await building(manager, p.b.sections[0]), 400, 'sectionId');
    refused(await building(sup, p.b.sections[0]), 404, 'sectionId');
    refused(await building(manager, NONE), 404, 'sectionId');
    const tree = (await sup({ method: 'GET', url: `/api/property/tree?projectId=${p.projectA}` })).body;
    expect(tree).not.toContain('引用楼');

    // moving a unit of A into a building of B
    const bA = p.a.buildings[0];
    const unitId = await p.a.unitOf(bA);
    const unit = (await manager({ method: 'GET', url: `/api/units/${unitId}` })).json();
    const move = (buildingId: number) =>
      manager({
        method: 'PUT',
        url: `/api/units/${unitId}`,
        payload: {
          buildingId,
          roomNo: unit.roomNo,
          floor: unit.floor,
          areaCentiM2: unit.areaCentiM2,
          version: unit.version,
        },
      });
    refused(await move(p.b.buildings[0]), 400, 'buildingId');
    refused(await move(NONE), 404, 'buildingId');
    const after = (await manager({ method: 'GET', url: `/api/units/${unitId}` })).json();
    expect(after.buildingId).toBe(bA);
    expect(after.version).toBe(unit.version);

    const officer = (employeeId: number) =>
      manager({
        method: 'PUT',
        url: `/api/property/buildings/${bA}/officer`,
        payload: { employeeId, fromDate: '2030-01-01' },
      });
    refused(await officer(NONE), 404, 'employeeId');
    refused(await officer(p.employee('officer3')), 400, 'employeeId');
    const areas = (
      await manager({ method: 'GET', url: `/api/property/officer-areas?projectId=${p.projectA}` })
    ).json();
    expect(JSON.stringify(areas)).not.toContain('2030-01-01');
  });

  it("assessments: the assessee among the caller's people, the scheme an existing one", async () => {
    const p = await placesOf(ctx);
    const count = async () =>
      Number(
        (
          await ctx.database.db
            .selectFrom('assessment')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const create = async (assesseeUserId: number, schemeId?: number) =>
      (await ctx.as('supervisor'))({
        method: 'POST',
        url: '/api/assessments',
        payload: { assesseeUserId, period: '2027-01', ...(schemeId ? { schemeId } : {}) },
      });
    refused(await create(p.user('officer3').id), 404, 'assesseeUserId');
    refused(await create(NONE), 404, 'assesseeUserId');
    refused(await create(p.user('officer').id, NONE), 404, 'schemeId');
    expect(await count()).toBe(before);
  });

  it("weekly repair reviews: a conclusion names an unfinished order of the review's project and week", async () => {
    const p = await placesOf(ctx);
    const db = ctx.database.db;
    const orderOfB = await db
      .selectFrom('repair_order')
      .select('id')
      .where('project_id', '=', p.projectB)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const reviews = async () => (await db.selectFrom('repair_weekly_review').select('id').execute()).length;
    const before = await reviews();
    const res = await (await ctx.as('supervisor'))({
      method: 'POST',
      url: '/api/repair-reviews',
      payload: {
        projectId: p.projectA,
        weekStart: '2026-01-05',
        summary: '本周小结',
        conclusions: [{ repairOrderId: orderOfB.id, conclusion: '等配件' }],
      },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().fields?.map((f: { field: string }) => f.field)).toContain(`conclusions.${orderOfB.id}`);
    expect(await reviews()).toBe(before);
  });
});
