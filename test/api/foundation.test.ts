import { expect, it } from 'vitest';
import type { Clock } from '../../server/lib/time.ts';
import { describeApi } from '../helpers/app.ts';

/** A clock the tests move forward. */
const clock: Clock & { offsetMs: number } = {
  offsetMs: 0,
  now() {
    return new Date(Date.now() + this.offsetMs);
  },
};

describeApi(
  'foundation',
  (ctx) => {
    it('answers /api/health without login', async () => {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok' });
    });

    it('refuses an anonymous API call with 401 in Chinese by default', async () => {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/employees' });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
    });

    it('logs in with an httpOnly SameSite session cookie and knows the user', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'supervisor', password: 'demo1234' },
      });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'pd_session');
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe('Lax');
      const me = await ctx.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: `pd_session=${cookie?.value}` },
      });
      expect(me.json()).toMatchObject({ username: 'supervisor', role: 'supervisor', displayName: '李晓梅' });
      expect(me.json().projectIds).toHaveLength(1);
    });

    it('refuses a session cookie whose signature was changed, however often the real one was used', async () => {
      const cookie = await ctx.login('supervisor');
      const me = () => ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect((await me()).statusCode).toBe(200);
      expect((await me()).statusCode).toBe(200);
      const [name, value] = cookie.split('=');
      const signed = decodeURIComponent(value);
      const dot = signed.lastIndexOf('.');
      const other = (c: string) => (c === 'A' ? 'B' : 'A'); // always a different character
      const forgedSignature = `${signed.slice(0, dot + 1)}${other(signed[dot + 1])}${signed.slice(dot + 2)}`;
      const forgedToken = `${other(signed[0])}${signed.slice(1)}`;
      expect(new Set([signed, forgedSignature, forgedToken]).size).toBe(3);
      for (const forged of [forgedSignature, forgedToken]) {
        const res = await ctx.app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { cookie: `${name}=${encodeURIComponent(forged)}` },
        });
        expect(res.statusCode).toBe(401);
      }
      expect((await me()).statusCode).toBe(200);
    });

    it('rejects a wrong password with 401 and a message in the caller language', async () => {
      const zh = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'officer', password: 'nope' },
      });
      expect(zh.statusCode).toBe(401);
      expect(zh.json().message).toBe('用户名或密码错误');
      const en = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'accept-language': 'en-US,en;q=0.9' },
        payload: { username: 'officer', password: 'nope' },
      });
      expect(en.json().message).toBe('Wrong username or password');
    });

    it('rate-limits failed logins per account and address, without blocking other addresses', async () => {
      const attempt = (password: string, ip: string) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: ip,
          payload: { username: 'frontdesk', password },
        });
      for (let i = 0; i < 5; i++) expect((await attempt('wrong', '10.0.0.7')).statusCode).toBe(401);
      const blocked = await attempt('demo1234', '10.0.0.7');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().message).toContain('30 秒');
      expect(blocked.headers['retry-after']).toBe('30');
      expect((await attempt('demo1234', '10.0.0.8')).statusCode).toBe(200);
    });

    it('ends the session on logout', async () => {
      const cookie = await ctx.login('officer2');
      expect(
        (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode,
      ).toBe(200);
      await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
      expect(
        (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode,
      ).toBe(401);
    });

    it('changes the password: the old one stops working, the new one works', async () => {
      const cookie = await ctx.login('frontdesk2');
      const bad = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie },
        payload: { currentPassword: 'wrong-one', newPassword: 'newpass123' },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields[0].field).toBe('currentPassword');
      const ok = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie },
        payload: { currentPassword: 'demo1234', newPassword: 'newpass123' },
      });
      expect(ok.statusCode).toBe(200);
      await expect(ctx.login('frontdesk2')).rejects.toThrow();
      await expect(ctx.login('frontdesk2', 'newpass123')).resolves.toContain('pd_session=');
    });

    it("answers 404, not 403, for another project's employee", async () => {
      const asSupervisor2 = await ctx.as('supervisor2'); // project B
      const own = await asSupervisor2({ method: 'GET', url: '/api/employees?pageSize=200' });
      expect(own.statusCode).toBe(200);
      const ownIds = own.json().items.map((e: { id: number }) => e.id);
      const asSupervisor = await ctx.as('supervisor'); // project A
      const listA = await asSupervisor({ method: 'GET', url: '/api/employees?pageSize=200' });
      const idsA: number[] = listA.json().items.map((e: { id: number }) => e.id);
      expect(idsA.length).toBeGreaterThan(0);
      expect(idsA.some((id) => ownIds.includes(id))).toBe(false);
      const other = await asSupervisor2({ method: 'GET', url: `/api/employees/${idsA[0]}` });
      expect(other.statusCode).toBe(404);
      expect(other.json().code).toBe('NOT_FOUND');
      const update = await asSupervisor2({
        method: 'PUT',
        url: `/api/employees/${idsA[0]}`,
        payload: { projectId: 2, code: 'HACK1', name: '越权', version: 1 },
      });
      expect(update.statusCode).toBe(404);
    });

    it('lists only the projects a manager is assigned, and all of them for admin', async () => {
      const asManager = await ctx.as('manager');
      expect((await asManager({ method: 'GET', url: '/api/projects' })).json()).toHaveLength(2);
      const asSupervisor = await ctx.as('supervisor');
      const mine = (await asSupervisor({ method: 'GET', url: '/api/projects' })).json();
      expect(mine.map((p: { name: string }) => p.name)).toEqual(['翠湖花园']);
    });

    it('refuses a bad payload with 400, every bad field named, and writes nothing', async () => {
      const asSupervisor = await ctx.as('supervisor');
      const before = (await asSupervisor({ method: 'GET', url: '/api/employees?pageSize=1' })).json().total;
      const res = await asSupervisor({
        method: 'POST',
        url: '/api/employees',
        payload: { projectId: 1, code: 'bad code!', name: '', phone: '12345', hiredOn: '2024-13-45' },
      });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.code).toBe('VALIDATION');
      const fields = Object.fromEntries(
        body.fields.map((f: { field: string; message: string }) => [f.field, f.message]),
      );
      expect(fields).toEqual({
        code: '只能包含字母、数字、下划线和短横线',
        name: '不应少于 1 个字符',
        phone: '手机号格式不正确，应为 11 位数字并以 1 开头',
        hiredOn: '日期格式应为 YYYY-MM-DD',
      });
      const after = (await asSupervisor({ method: 'GET', url: '/api/employees?pageSize=1' })).json().total;
      expect(after).toBe(before);
    });

    it('names a missing required field', async () => {
      const asSupervisor = await ctx.as('supervisor');
      const res = await asSupervisor({
        method: 'POST',
        url: '/api/employees',
        payload: { code: 'E9', name: '新员工' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields).toEqual([{ field: 'projectId', message: '此项必填' }]);
    });

    it('refuses a team of another project for an employee, writing nothing', async () => {
      const asManager = await ctx.as('manager');
      const teams = (await asManager({ method: 'GET', url: '/api/teams?projectId=2' })).json();
      const res = await asManager({
        method: 'POST',
        url: '/api/employees',
        payload: { projectId: 1, code: 'E7001', name: '错组', teamId: teams[0].id },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().fields[0].field).toBe('teamId');
      const check = await asManager({ method: 'GET', url: '/api/employees?q=E7001' });
      expect(check.json().total).toBe(0);
    });

    it('writes an audit row with before and after for an update, visible in the history', async () => {
      const asSupervisor = await ctx.as('supervisor');
      const created = await asSupervisor({
        method: 'POST',
        url: '/api/employees',
        payload: { projectId: 1, code: 'E8001', name: '王小二', phone: '13912345678' },
      });
      expect(created.statusCode).toBe(200);
      const id = created.json().id;
      const updated = await asSupervisor({
        method: 'PUT',
        url: `/api/employees/${id}`,
        payload: {
          projectId: 1,
          code: 'E8001',
          name: '王小三',
          phone: '13912345678',
          version: created.json().version,
        },
      });
      expect(updated.json().name).toBe('王小三');
      const history = (await asSupervisor({ method: 'GET', url: `/api/audit/employee/${id}` })).json();
      expect(history.map((h: { action: string }) => h.action)).toEqual(['update', 'create']);
      expect(history[0]).toMatchObject({
        userName: '李晓梅',
        before: { name: '王小二' },
        after: { name: '王小三' },
      });
      const asSupervisor2 = await ctx.as('supervisor2');
      expect((await asSupervisor2({ method: 'GET', url: `/api/audit/employee/${id}` })).statusCode).toBe(404);
    });

    it('pages, filters and sorts employees on the server', async () => {
      const asManager = await ctx.as('manager');
      const page1 = (
        await asManager({ method: 'GET', url: '/api/employees?pageSize=3&page=1&sort=name&order=desc' })
      ).json();
      const page2 = (
        await asManager({ method: 'GET', url: '/api/employees?pageSize=3&page=2&sort=name&order=desc' })
      ).json();
      expect(page1.items).toHaveLength(3);
      expect(page1.total).toBeGreaterThan(6);
      const names = [...page1.items, ...page2.items].map((e: { name: string }) => e.name);
      expect(names).toEqual([...names].sort().reverse());
      const filtered = (
        await asManager({ method: 'GET', url: '/api/employees?projectId=2&status=active' })
      ).json();
      expect(filtered.items.every((e: { projectId: number }) => e.projectId === 2)).toBe(true);
    });

    it("ships the seed's 客服主管 position description complete", async () => {
      const asSupervisor = await ctx.as('supervisor');
      const positions = (await asSupervisor({ method: 'GET', url: '/api/positions' })).json();
      const p = positions.find((x: { name: string }) => x.name === '客服主管');
      expect(p).toMatchObject({ level: '干事级', superior: '各业务处经理', jobFamily: '部门主管' });
      expect(p.characteristics).toContain('公司管理体系的执行者');
      expect(p.authorities.split('\n')).toHaveLength(3);
      expect(p.qualifications.split('\n')).toHaveLength(5);
      expect(p.responsibilities.split('\n')).toHaveLength(10);
      expect(p.workNorms.split('\n')).toHaveLength(11);
    });

    it('lets only admins manage users; a new user logs in with the given projects', async () => {
      const asManager = await ctx.as('manager');
      const denied = await asManager({ method: 'GET', url: '/api/users' });
      expect(denied.statusCode).toBe(403);
      const asAdmin = await ctx.as('admin');
      const created = await asAdmin({
        method: 'POST',
        url: '/api/users',
        payload: {
          username: 'newofficer',
          password: 'password1',
          displayName: '新房管',
          role: 'officer',
          projectIds: [2],
        },
      });
      expect(created.statusCode).toBe(200);
      const cookie = await ctx.login('newofficer', 'password1');
      const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      expect(me.json().projectIds).toEqual([2]);
      const dup = await asAdmin({
        method: 'POST',
        url: '/api/users',
        payload: {
          username: 'newofficer',
          password: 'password1',
          displayName: 'x',
          role: 'officer',
          projectIds: [],
        },
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().fields[0].field).toBe('username');
    });

    it('deactivating a user ends their sessions', async () => {
      const asAdmin = await ctx.as('admin');
      const cookie = await ctx.login('officer3');
      // the session is in use (and so remembered by this server) before the account is stopped
      expect(
        (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode,
      ).toBe(200);
      const users = (await asAdmin({ method: 'GET', url: '/api/users?q=officer3' })).json().items;
      const u = users[0];
      const res = await asAdmin({
        method: 'PUT',
        url: `/api/users/${u.id}`,
        payload: {
          displayName: u.displayName,
          role: u.role,
          projectIds: u.projectIds,
          active: false,
          version: u.version,
        },
      });
      expect(res.statusCode).toBe(200);
      expect(
        (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode,
      ).toBe(401);
    });

    it('speaks English to a user who chose it', async () => {
      const cookie = await ctx.login('officer');
      await ctx.app.inject({
        method: 'PUT',
        url: '/api/auth/locale',
        headers: { cookie },
        payload: { locale: 'en-US' },
      });
      const res = await ctx.app.inject({ method: 'GET', url: '/api/employees/999999', headers: { cookie } });
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toBe('Employee not found');
    });

    it('expires a session after its lifetime (12 hours by default)', async () => {
      const cookie = await ctx.login('officer2');
      clock.offsetMs = 11 * 3600_000;
      expect(
        (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode,
      ).toBe(200);
      clock.offsetMs = 12 * 3600_000 + 60_000;
      expect(
        (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode,
      ).toBe(401);
      clock.offsetMs = 0;
    });

    it('a session ended by another server (row deleted) is accepted here for at most the cache seconds', async () => {
      const cookie = await ctx.login('officer');
      expect(
        (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode,
      ).toBe(200);
      const userId = (
        await ctx.database.db
          .selectFrom('app_user')
          .select('id')
          .where('username', '=', 'officer')
          .executeTakeFirstOrThrow()
      ).id;
      await ctx.database.db.deleteFrom('user_session').where('user_id', '=', userId).execute();
      expect(
        (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode,
      ).toBe(200);
      clock.offsetMs = 6_000; // PROPDESK_SESSION_CACHE_SECONDS defaults to 5
      expect(
        (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode,
      ).toBe(401);
      clock.offsetMs = 0;
    });

    it('shows an unexpected error as a generic message with the request id, in the caller language', async () => {
      const res = await ctx.app.inject({
        method: 'GET',
        url: '/api/test-boom',
        headers: { 'accept-language': 'zh-CN' },
      });
      expect(res.statusCode).toBe(500);
      const body = res.json();
      expect(body.code).toBe('INTERNAL');
      expect(body.message).toBe(`系统出现意外错误，请稍后再试（请求编号 ${body.requestId}）`);
      expect(body.message).not.toContain('secret detail');
    });

    it('serves the OpenAPI document generated from the route schemas', async () => {
      const admin = await ctx.as('admin');
      const res = await admin({ method: 'GET', url: '/api/docs/json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/auth/login', '/api/employees', '/api/positions/{id}']),
      );
    });
  },
  {
    clock,
    // a route that fails the way a bug would, to see what the user is shown
    extend: (app) =>
      app.get('/api/test-boom', { config: { public: true } }, async () => {
        throw new Error('secret detail of a bug');
      }),
  },
);
