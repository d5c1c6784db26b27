import { expect, it } from 'vitest';
import { describeApi } from '../helpers/app.ts';

/** First start without a terminal (issue 18, point 2): setup once, then a checklist. */

const good = {
  companyName: '安居物业',
  projectName: '锦绣花园',
  projectCode: 'JXHY',
  adminUsername: 'boss',
  adminDisplayName: '王经理',
  adminPassword: 'Spring2026go',
};

describeApi(
  'first start on an empty database',
  (ctx) => {
    const post = (payload: object) => ctx.app.inject({ method: 'POST', url: '/api/setup', payload });
    const status = async () =>
      (await ctx.app.inject({ method: 'GET', url: '/api/setup/status' })).json().needed as boolean;
    const projectCount = async () =>
      Number(
        (
          await ctx.database.db
            .selectFrom('project')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n,
      );

    it('asks for setup while there is no administrator; the checklist needs a session', async () => {
      expect(await status()).toBe(true);
      expect((await ctx.app.inject({ method: 'GET', url: '/api/setup/checklist' })).statusCode).toBe(401);
    });

    it('refuses a weak password with the field and changes nothing', async () => {
      const noDigit = await post({ ...good, adminPassword: 'onlyletters' });
      expect(noDigit.statusCode).toBe(400);
      expect(noDigit.json().fields).toEqual([
        { field: 'adminPassword', message: '密码须同时包含字母和数字' },
      ]);
      const short = await post({ ...good, adminPassword: 'abc123' });
      expect(short.statusCode).toBe(400);
      expect(short.json().fields[0]).toMatchObject({ field: 'adminPassword' });
      expect(short.json().fields[0].message).toContain('至少 10 位');
      const withName = await post({ ...good, adminPassword: 'Boss12345678' });
      expect(withName.statusCode).toBe(400);
      expect(withName.json().fields[0].message).toBe('密码不能包含用户名');
      const missing = await post({ ...good, projectCode: undefined });
      expect(missing.statusCode).toBe(400);
      expect(await status()).toBe(true);
      expect(await projectCount()).toBe(0);
    });

    it('sets up once: of two simultaneous setups one wins, the other is told to sign in', async () => {
      const [a, b] = await Promise.all([post(good), post({ ...good, adminUsername: 'boss2' })]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const lost = a.statusCode === 409 ? a : b;
      expect(lost.json().code).toBe('SETUP_DONE');
      expect(await status()).toBe(false);
      expect(await projectCount()).toBe(1);
      const won = (a.statusCode === 200 ? a : b).json();
      const cookie = await ctx.login(won.username, good.adminPassword);
      const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(me.json()).toMatchObject({ role: 'admin', displayName: '王经理', allProjects: true });
      expect(won.projectId).toBeGreaterThan(0);
      const company = await ctx.database.db.selectFrom('company').select('name').executeTakeFirstOrThrow();
      expect(company.name).toBe('安居物业');
      // the route has closed for good
      const again = await post({ ...good, adminUsername: 'intruder' });
      expect(again.statusCode).toBe(409);
      expect(
        await ctx.database.db
          .selectFrom('app_user')
          .select('id')
          .where('username', '=', 'intruder')
          .execute(),
      ).toEqual([]);
    });

    it('ticks each checklist step when its data exists, the calendar and the scheme by hand', async () => {
      const login = await ctx.app.inject({ method: 'GET', url: '/api/setup/status' });
      expect(login.json().needed).toBe(false);
      const username = (
        await ctx.database.db
          .selectFrom('app_user')
          .select('username')
          .where('role', '=', 'admin')
          .executeTakeFirstOrThrow()
      ).username;
      const cookie = await ctx.login(username, good.adminPassword);
      const get = async () =>
        (await ctx.app.inject({ method: 'GET', url: '/api/setup/checklist', headers: { cookie } })).json();
      const byKey = (list: { steps: { key: string; done: boolean; count: number | null }[] }) =>
        Object.fromEntries(list.steps.map((s) => [s.key, s.done]));
      const first = await get();
      expect(first.companyName).toBe('安居物业');
      expect(byKey(first)).toEqual({
        project: true,
        buildings: false,
        units: false,
        staff: false,
        accounts: false,
        officers: false,
        calendar: false,
        scheme: false,
      });
      expect(first).toMatchObject({ done: 1, total: 8 });

      const projectId = (await ctx.database.db.selectFrom('project').select('id').executeTakeFirstOrThrow())
        .id;
      const section = await ctx.app.inject({
        method: 'POST',
        url: '/api/property/sections',
        headers: { cookie },
        payload: { projectId, name: '一期' },
      });
      expect(section.statusCode).toBe(200);
      const building = await ctx.app.inject({
        method: 'POST',
        url: '/api/property/buildings',
        headers: { cookie },
        payload: { projectId, sectionId: section.json().id, name: '1栋', floors: 18 },
      });
      expect(building.statusCode).toBe(200);
      const tick = await ctx.app.inject({
        method: 'PUT',
        url: '/api/setup/checklist/calendar',
        headers: { cookie },
        payload: { confirmed: true },
      });
      expect(tick.statusCode).toBe(200);
      expect(byKey(tick.json())).toMatchObject({
        buildings: true,
        units: false,
        calendar: true,
        scheme: false,
      });
      expect(tick.json().steps.find((s: { key: string }) => s.key === 'buildings').count).toBe(1);
      // a counted step cannot be ticked by hand
      const counted = await ctx.app.inject({
        method: 'PUT',
        url: '/api/setup/checklist/units',
        headers: { cookie },
        payload: { confirmed: true },
      });
      expect(counted.statusCode).toBe(400);
      const untick = await ctx.app.inject({
        method: 'PUT',
        url: '/api/setup/checklist/calendar',
        headers: { cookie },
        payload: { confirmed: false },
      });
      expect(byKey(untick.json()).calendar).toBe(false);
    });
  },
  { demo: false },
);

describeApi('first start on the demo company', (ctx) => {
  it('needs no setup and refuses one; the checklist is for managers', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/setup/status' })).json()).toEqual({
      needed: false,
    });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...good, adminUsername: 'newadmin' },
    });
    expect(res.statusCode).toBe(409);
    const asManager = await ctx.as('manager');
    const list = await asManager({ method: 'GET', url: '/api/setup/checklist' });
    expect(list.statusCode).toBe(200);
    expect(list.json().steps.find((s: { key: string }) => s.key === 'units').count).toBeGreaterThan(100);
    const asOfficer = await ctx.as('officer');
    expect((await asOfficer({ method: 'GET', url: '/api/setup/checklist' })).statusCode).toBe(403);
    // ticking is the administrator's
    const tick = await asManager({
      method: 'PUT',
      url: '/api/setup/checklist/scheme',
      payload: { confirmed: true },
    });
    expect(tick.statusCode).toBe(403);
  });
});
