import { expect, it } from 'vitest';
import type { ApiContext } from '../helpers/app.ts';
import { describeApi } from '../helpers/app.ts';
import { multipartFile } from '../helpers/excel.ts';
import { idsOf, multipart, PNG } from '../helpers/servicedesk.ts';

/** Leaks between people (issue 11, point 8): downloads and histories only to whoever may read the record. */

async function projectOf(ctx: ApiContext, username: string): Promise<number> {
  const as = await ctx.as(username);
  return (await as({ method: 'GET', url: '/api/auth/me' })).json().projectIds[0];
}

describeApi('leaks between people', (ctx) => {
  it('gives an import and its error report only to staff of the project who may import, by a random token', async () => {
    const projectA = await projectOf(ctx, 'supervisor');
    const sup = await ctx.as('supervisor');
    const { payload, headers } = multipartFile(Buffer.from('姓名,电话\n王伟,13800000000\n'));
    const job = await sup({
      method: 'POST',
      url: `/api/property/imports?projectId=${projectA}&mode=create&wait=true`,
      payload,
      headers,
    });
    expect(job.json().status).toBe('invalid');
    const { id, reportToken } = job.json();
    expect(reportToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const report = `/api/property/import-reports/${reportToken}`;
    expect((await sup({ method: 'GET', url: report })).statusCode).toBe(200);

    // an owner of the same project: neither the job (its errors) nor the report
    const owner = await ctx.as('owner');
    expect(await projectOf(ctx, 'owner')).toBe(projectA);
    expect((await owner({ method: 'GET', url: `/api/property/imports/${id}` })).statusCode).toBe(403);
    expect((await owner({ method: 'GET', url: report })).statusCode).toBe(403);
    // staff of the project who may not import (front desk), and the sequential id of the old address
    const frontdesk = await ctx.as('frontdesk');
    expect((await frontdesk({ method: 'GET', url: report })).statusCode).toBe(403);
    expect((await owner({ method: 'GET', url: `/api/property/imports/${id}/report` })).statusCode).toBe(404);
    // a supervisor of another project, even with the token
    const sup2 = await ctx.as('supervisor2');
    expect((await sup2({ method: 'GET', url: report })).statusCode).toBe(404);
    // a guessed token
    expect(
      (await sup({ method: 'GET', url: `/api/property/import-reports/${'A'.repeat(32)}` })).statusCode,
    ).toBe(404);
  });

  it("shows a user's history to the admin only, not to any member of staff", async () => {
    const admin = await ctx.as('admin');
    const users = (await admin({ method: 'GET', url: '/api/users?q=officer2' })).json().items;
    const user = users[0];
    const changed = await admin({
      method: 'PUT',
      url: `/api/users/${user.id}`,
      payload: {
        displayName: `${user.displayName}乙`,
        role: user.role,
        phone: user.phone,
        employeeId: user.employeeId,
        projectIds: user.projectIds,
        active: true,
        ...(user.version === undefined ? {} : { version: user.version }),
      },
    });
    expect(changed.statusCode).toBe(200);
    const url = `/api/audit/user/${user.id}`;
    expect((await admin({ method: 'GET', url })).json().length).toBeGreaterThan(0);
    for (const who of ['manager', 'supervisor', 'frontdesk', 'frontdesk2']) {
      const as = await ctx.as(who);
      const res = await as({ method: 'GET', url });
      expect(res.statusCode, who).toBe(404);
      expect(res.body).not.toContain(user.displayName);
    }
  });

  it("shows a record's history only to whoever may read the record", async () => {
    const projectA = await projectOf(ctx, 'supervisor');
    const sup = await ctx.as('supervisor');
    const created = await sup({
      method: 'POST',
      url: '/api/employees',
      payload: { projectId: projectA, code: 'E9101', name: '钱多多', phone: '13912340000' },
    });
    expect(created.statusCode).toBe(200);
    const url = `/api/audit/employee/${created.json().id}`;
    const own = await sup({ method: 'GET', url });
    expect(own.statusCode).toBe(200);
    expect(own.json().map((h: { action: string }) => h.action)).toEqual(['create']);
    const sup2 = await ctx.as('supervisor2');
    const other = await sup2({ method: 'GET', url });
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('钱多多');
    // an entity no module vouches for, and a record that does not exist: not found alike
    expect((await sup({ method: 'GET', url: '/api/audit/login_failure/1' })).statusCode).toBe(404);
    expect((await sup({ method: 'GET', url: '/api/audit/employee/999999' })).statusCode).toBe(404);
    const owner = await ctx.as('owner');
    expect((await owner({ method: 'GET', url })).statusCode).toBe(403);
  });

  it('names no team leader, and no team, of another project', async () => {
    const projectA = await projectOf(ctx, 'supervisor');
    const projectB = await projectOf(ctx, 'supervisor2');
    const db = ctx.database.db;
    const outsider = await db
      .selectFrom('employee')
      .select(['id', 'name', 'team_id'])
      .where('project_id', '=', projectB)
      .where('team_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const teamA = await db
      .selectFrom('team')
      .select('id')
      .where('project_id', '=', projectA)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const insider = await db
      .selectFrom('employee')
      .select('id')
      .where('project_id', '=', projectA)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const teamB = await db
      .selectFrom('team')
      .select('name')
      .where('id', '=', outsider.team_id as number)
      .executeTakeFirstOrThrow();
    // as an old row, or a write that slipped past the checks, could have it
    await db
      .updateTable('team')
      .set({ leader_employee_id: outsider.id })
      .where('id', '=', teamA.id)
      .execute();
    await db
      .updateTable('employee')
      .set({ team_id: outsider.team_id })
      .where('id', '=', insider.id)
      .execute();
    const sup = await ctx.as('supervisor');
    const teams = await sup({ method: 'GET', url: `/api/teams?projectId=${projectA}` });
    expect(teams.statusCode).toBe(200);
    const team = teams.json().find((t: { id: number }) => t.id === teamA.id);
    expect(team.leaderName).toBeNull();
    expect(teams.body).not.toContain(outsider.name);
    const employee = await sup({ method: 'GET', url: `/api/employees/${insider.id}` });
    expect(employee.json().teamName).toBeNull();
    const list = await sup({ method: 'GET', url: `/api/employees?projectId=${projectA}&pageSize=200` });
    expect(list.json().items.find((e: { id: number }) => e.id === insider.id).teamName).toBeNull();
    expect(teamB.name.length).toBeGreaterThan(0);
  });

  it('serves a repair photo by its random name, with its order, to whoever may see the order', async () => {
    const { projectA } = await idsOf(ctx);
    const fd = await ctx.as('frontdesk');
    const categories = (await fd({ method: 'GET', url: '/api/repair-categories' })).json();
    const order = await fd({
      method: 'POST',
      url: '/api/repairs',
      payload: {
        projectId: projectA,
        location: '1栋101',
        reporterName: '吴先生',
        categoryId: categories[0].id,
        description: '门锁坏了',
      },
    });
    expect(order.statusCode, order.body).toBe(200);
    const id = order.json().id;
    const photo = await fd({
      method: 'POST',
      url: `/api/repairs/${id}/photos`,
      ...multipart('door.png', PNG),
    });
    expect(photo.statusCode, photo.body).toBe(200);
    const { id: photoId, url } = photo.json();
    expect(url).toMatch(
      /^\/api\/repairs\/\d+\/photos\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect((await fd({ method: 'GET', url })).statusCode).toBe(200);
    const detail = (await fd({ method: 'GET', url: `/api/repairs/${id}` })).json();
    expect(detail.photos.map((p: { url: string }) => p.url)).toEqual([url]);
    // the sequential id no longer opens it; another project's staff do not get it with the address
    expect((await fd({ method: 'GET', url: `/api/repairs/${id}/photos/${photoId}` })).statusCode).toBe(400);
    const fd2 = await ctx.as('frontdesk2');
    expect((await fd2({ method: 'GET', url })).statusCode).toBe(404);
  });
});
