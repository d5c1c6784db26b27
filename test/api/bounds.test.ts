import { type Kysely, sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '../../server/db/schema.ts';
import { MAX_ID } from '../../server/lib/schemas.ts';
import { describeApi } from '../helpers/app.ts';

/** The field names a 400 lists. */
const fieldsOf = (res: { json(): { fields?: { field: string }[] } }) =>
  (res.json().fields ?? []).map((f) => f.field);

/**
 * The named cases of issue 11 ("bounded, strict input everywhere"): each one answered 500, hung the
 * server or was stored changed before; now each is a 400 naming the field, in the user's language.
 */
describeApi('bounded input: the cases that broke', (ctx) => {
  it('refuses months=Infinity and 1e308 on the trend at once (Infinity passed maximum: 36 and never ended)', async () => {
    const manager = await ctx.as('manager');
    for (const months of [
      'Infinity',
      '-Infinity',
      'NaN',
      '1e308',
      '1e1',
      '0x10',
      '%2012',
      '12.0',
      '37',
      '0',
    ]) {
      const res = await manager({ method: 'GET', url: `/api/assessment/trend?months=${months}` });
      expect(res.statusCode, months).toBe(400);
      expect(fieldsOf(res), months).toEqual(['months']);
    }
    const plain = await manager({ method: 'GET', url: '/api/assessment/trend?months=12' });
    expect(plain.statusCode).toBe(200);
    expect(plain.json().points).toHaveLength(12);
  });

  it('refuses 20-digit, exponent and hex page and pageSize, naming the field in the user language', async () => {
    const manager = await ctx.as('manager');
    for (const [query, field] of [
      ['page=99999999999999999999', 'page'],
      ['pageSize=99999999999999999999', 'pageSize'],
      ['page=1e3', 'page'],
      ['pageSize=0x10', 'pageSize'],
      ['page=100001', 'page'],
      ['pageSize=201', 'pageSize'],
    ]) {
      const res = await manager({ method: 'GET', url: `/api/repairs?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(fieldsOf(res), query).toEqual([field]);
    }
    const en = await manager({
      method: 'GET',
      url: '/api/repairs?page=Infinity',
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.json().fields).toEqual([
      { field: 'page', message: 'must be a whole number written in decimal digits' },
    ]);
    expect((await manager({ method: 'GET', url: '/api/repairs?page=2&pageSize=200' })).statusCode).toBe(200);
  });

  it('refuses ids above 2^31-1 in the path, the query and the body (PostgreSQL answered 500)', async () => {
    const manager = await ctx.as('manager');
    for (const id of ['99999999999999999999', String(MAX_ID + 1), '1e308', '0', '-1', '1.5']) {
      const path = await manager({ method: 'GET', url: `/api/repairs/${id}` });
      expect(path.statusCode, id).toBe(400);
      expect(path.json().fields, id).toEqual([
        { field: 'id', message: `编号应为 1 至 ${MAX_ID} 之间的整数` },
      ]);
      const query = await manager({ method: 'GET', url: `/api/repairs?projectId=${id}` });
      expect(query.statusCode, id).toBe(400);
      expect(fieldsOf(query), id).toEqual(['projectId']);
    }
    // the largest id is a valid id of no record
    expect((await manager({ method: 'GET', url: `/api/repairs/${MAX_ID}` })).statusCode).toBe(404);
    const before = (await manager({ method: 'GET', url: '/api/repairs?pageSize=1' })).json().total;
    for (const projectId of [1e20, 2 ** 31, 1e308]) {
      const body = await manager({
        method: 'POST',
        url: '/api/repairs',
        payload: { projectId, categoryId: 1, location: '1-101', description: '水管漏水' },
      });
      expect(body.statusCode, String(projectId)).toBe(400);
      expect(fieldsOf(body)).toContain('projectId');
    }
    expect((await manager({ method: 'GET', url: '/api/repairs?pageSize=1' })).json().total).toBe(before);
  });

  it('refuses a %00 in text of the path, query and body (PostgreSQL cannot store it)', async () => {
    const manager = await ctx.as('manager');
    expect(fieldsOf(await manager({ method: 'GET', url: '/api/repairs?q=%00' }))).toEqual(['q']);
    expect(fieldsOf(await manager({ method: 'GET', url: '/api/repairs/1%00' }))).toEqual(['id']);
    const admin = await ctx.as('admin');
    const res = await admin({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'nul',
        password: 'a-long-password',
        displayName: 'a\u0000b',
        role: 'frontdesk',
        projectIds: [],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['displayName']);
  });

  it('keeps a user active when the body says {"active": null} (null used to become false)', async () => {
    const admin = await ctx.as('admin');
    const user = (await admin({ method: 'GET', url: '/api/users?q=officer3' })).json().items[0];
    const { id, username: _u, createdAt: _c, ...fields } = user;
    const res = await admin({ method: 'PUT', url: `/api/users/${id}`, payload: { ...fields, active: null } });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['active']);
    const after = (await admin({ method: 'GET', url: `/api/users/${id}` })).json();
    expect(after).toMatchObject({ active: true, version: user.version });
  });

  it('refuses a lone surrogate and stores nothing', async () => {
    const admin = await ctx.as('admin');
    const res = await admin({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'half',
        password: 'a-long-password',
        displayName: '张\ud83d',
        role: 'frontdesk',
        projectIds: [],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['displayName']);
    const found = (await admin({ method: 'GET', url: '/api/users?q=half' })).json();
    expect(found.total).toBe(0);
  });

  it('accepts 1.15, 0.29 and 2.3 where points are multiples of 0.01 (float division refused them)', async () => {
    const admin = await ctx.as('admin');
    const list = (await admin({ method: 'GET', url: '/api/assessment/schemes' })).json();
    const scheme = (await admin({ method: 'GET', url: `/api/assessment/schemes/${list[0].id}` })).json();
    const items = structuredClone(scheme.items);
    const rules = items.flatMap((i: { rules: { pointsPerUnit: number; cap: number }[] }) => i.rules);
    const changed = [1.15, 0.29, 2.3].map((p, n) => {
      const rule = rules.filter((r: { cap: number }) => r.cap >= 3)[n];
      rule.pointsPerUnit = p;
      return rule;
    });
    const res = await admin({
      method: 'PUT',
      url: `/api/assessment/schemes/${scheme.id}`,
      payload: {
        name: scheme.name,
        positionCode: scheme.positionCode,
        items,
        editVersion: scheme.editVersion,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res
      .json()
      .items.flatMap((i: { rules: { key: string; pointsPerUnit: number }[] }) => i.rules);
    for (const [n, rule] of changed.entries()) {
      expect(saved.find((r: { key: string }) => r.key === rule.key).pointsPerUnit).toBe([1.15, 0.29, 2.3][n]);
    }
    rules[0].pointsPerUnit = 1.155;
    const finer = await admin({
      method: 'PUT',
      url: `/api/assessment/schemes/${scheme.id}`,
      payload: {
        name: scheme.name,
        positionCode: scheme.positionCode,
        items,
        editVersion: res.json().editVersion,
      },
    });
    expect(finer.statusCode).toBe(400);
  });
});

/**
 * The database's own refusals (a unique name taken by a racing request, a reference gone meanwhile, a
 * number PostgreSQL cannot read) are the client's errors: real driver errors of both databases, through
 * routes that hit them on purpose, answer 409/400 in the user's language — never 500.
 */
let current: Kysely<Database>;
describeApi(
  'database constraint errors, mapped; time limits',
  (ctx) => {
    beforeAll(() => {
      current = ctx.database.db;
    });
    it('answers a unique violation 409 DB_DUPLICATE naming the column', async () => {
      const res = await (await ctx.as('admin'))({ method: 'POST', url: '/api/test-db/duplicate' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'DB_DUPLICATE',
        message: '已存在相同的记录（username），请修改后再提交',
        fields: [{ field: 'username', message: '已存在相同的记录（username），请修改后再提交' }],
      });
      const en = await (await ctx.as('admin'))({
        method: 'POST',
        url: '/api/test-db/duplicate',
        headers: { 'accept-language': 'en-US' },
      });
      expect(en.json().message).toBe('A record with the same value already exists (username)');
    });

    it('answers a foreign-key and a not-null violation 400', async () => {
      const fk = await (await ctx.as('admin'))({ method: 'POST', url: '/api/test-db/reference' });
      expect(fk.statusCode).toBe(400);
      expect(fk.json().code).toBe('DB_REFERENCE');
      const notNull = await (await ctx.as('admin'))({ method: 'POST', url: '/api/test-db/not-null' });
      expect(notNull.statusCode).toBe(400);
      expect(notNull.json()).toMatchObject({ code: 'DB_CONSTRAINT', fields: [{ field: 'username' }] });
      // nothing changed: every user still has the name it had
      const names = await ctx.database.db.selectFrom('app_user').select('username').execute();
      expect(names.map((n) => n.username)).toContain('supervisor');
    });

    it('answers a number PostgreSQL cannot read (22003, 22P02) 400 DB_VALUE', async () => {
      for (const value of ['99999999999999999999', 'abc']) {
        const res = await (await ctx.as('admin'))({ method: 'GET', url: `/api/test-db/value?v=${value}` });
        // SQLite compares the text and finds nothing; PostgreSQL refuses to read it as an integer
        if (ctx.kind === 'postgres') {
          expect(res.statusCode, value).toBe(400);
          expect(res.json().code).toBe('DB_VALUE');
        } else expect(res.statusCode).toBe(200);
      }
    });

    it('answers 503 REQUEST_TIMEOUT, in the user language, when a request outlives the time limit', async () => {
      const res = await (await ctx.as('admin'))({ method: 'GET', url: '/api/test-db/slow' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'REQUEST_TIMEOUT', message: '请求处理超时，请稍后再试' });
      // an upload (route config `upload: true`) has its own, longer limit
      const upload = await (await ctx.as('admin'))({ method: 'POST', url: '/api/test-db/slow-upload' });
      expect(upload.statusCode).toBe(200);
    });
  },
  {
    config: { PROPDESK_REQUEST_TIMEOUT_MS: '1000', PROPDESK_UPLOAD_TIMEOUT_MS: '20000' },
    extend(app) {
      // each runs a statement the database refuses, as a service would (the first inside a transaction)
      const db = () => current;
      app.post('/api/test-db/duplicate', async () => {
        await db()
          .transaction()
          .execute((trx) =>
            trx
              .updateTable('app_user')
              .set({ username: 'manager' })
              .where('username', '=', 'supervisor')
              .execute(),
          );
        return { ok: true };
      });
      app.post('/api/test-db/reference', async () => {
        await db()
          .updateTable('app_user')
          .set({ employee_id: MAX_ID })
          .where('username', '=', 'supervisor')
          .execute();
        return { ok: true };
      });
      app.post('/api/test-db/not-null', async () => {
        await db()
          .updateTable('app_user')
          .set({ username: null as unknown as string })
          .where('username', '=', 'supervisor')
          .execute();
        return { ok: true };
      });
      app.get('/api/test-db/value', async (req) => {
        const v = (req.query as { v: string }).v;
        await sql`select id from app_user where id = ${v}`.execute(db());
        return { ok: true };
      });
      app.post(
        '/api/test-db/slow-upload',
        { config: { upload: true } },
        () => new Promise((resolve) => setTimeout(() => resolve({ ok: true }), 1500)),
      );
      app.get(
        '/api/test-db/slow',
        () => new Promise((resolve) => setTimeout(() => resolve({ ok: true }), 3000)),
      );
    },
  },
);
