import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/helpers/databases.ts';
import type { Actor } from '../lib/actor.ts';
import { projectScope } from '../lib/actor.ts';
import { type OpenedDatabase, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { listOf, prepared } from './prepared.ts';

for (const kind of testDatabases) {
  describe(`prepared queries [${kind.kind}]`, () => {
    let opened: OpenedDatabase & { drop(): Promise<void> };
    beforeAll(async () => {
      opened = await kind.open();
      await migrateToLatest(opened.db);
      const at = '2026-12-01T00:00:00.000Z';
      const company = await opened.db
        .insertInto('company')
        .values({ name: '测试物业', created_at: at } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [code, name] of [
        ['P1', '一号项目'],
        ['P2', '二号项目'],
        ['P3', '三号项目'],
      ]) {
        await opened.db
          .insertInto('project')
          .values({ company_id: company.id, code, name, created_at: at, updated_at: at } as never)
          .execute();
      }
    });
    afterAll(() => opened.drop());

    // projects visible to a caller, optionally with one code, through the one scoping rule
    const visibleProjects = prepared(
      (shape: { all: boolean; projects: number; withCode: boolean }) =>
        `${shape.all} ${shape.projects} ${shape.withCode}`,
      (db, p: { projectIds: number[]; code?: string }, shape) => {
        const actor = { allProjects: shape.all, projectIds: listOf(p.projectIds, shape.projects) } as Actor;
        let q = db.selectFrom('project').select(['id', 'code']).where(projectScope(actor, 'id'));
        if (shape.withCode) q = q.where('code', '=', p.code as string);
        return q.orderBy('id');
      },
    );
    const ids = async () =>
      (await opened.db.selectFrom('project').select('id').orderBy('id').execute()).map((r) => r.id);

    it('runs one compiled shape with each caller’s own values, never the first caller’s', async () => {
      const [a, b, c] = await ids();
      const shape = { all: false, projects: 1, withCode: false };
      expect(await visibleProjects(opened.db, shape, { projectIds: [a] })).toEqual([{ id: a, code: 'P1' }]);
      // same shape, another caller: their project only
      expect(await visibleProjects(opened.db, shape, { projectIds: [c] })).toEqual([{ id: c, code: 'P3' }]);
      const two = { all: false, projects: 2, withCode: false };
      expect((await visibleProjects(opened.db, two, { projectIds: [a, b] })).map((r) => r.code)).toEqual([
        'P1',
        'P2',
      ]);
      const filtered = { all: false, projects: 2, withCode: true };
      expect(await visibleProjects(opened.db, filtered, { projectIds: [a, b], code: 'P2' })).toEqual([
        { id: b, code: 'P2' },
      ]);
      expect(await visibleProjects(opened.db, filtered, { projectIds: [a, b], code: 'P3' })).toEqual([]);
      expect(
        await visibleProjects(opened.db, { all: false, projects: 0, withCode: false }, { projectIds: [] }),
      ).toEqual([]);
      expect(
        (await visibleProjects(opened.db, { all: true, projects: 0, withCode: false }, { projectIds: [] }))
          .length,
      ).toBe(3);
    });

    it('refuses a query with a value written in instead of a placeholder', async () => {
      const baked = prepared(
        () => '',
        (db, _p: { code: string }) => db.selectFrom('project').select('id').where('code', '=', 'P1'),
      );
      await expect(baked(opened.db, null, { code: 'P1' })).rejects.toThrow(/not a placeholder/);
      const literal = prepared(
        () => '',
        (db, p: { code: string }) =>
          db
            .selectFrom('project')
            .select('id')
            .where(sql<boolean>`${sql.lit(1)} = 1`)
            .where('code', '=', p.code),
      );
      expect(await literal(opened.db, null, { code: 'P2' })).toHaveLength(1);
    });

    it('refuses to run without a value for each placeholder', async () => {
      const byCode = prepared(
        () => '',
        (db, p: { code: string }) => db.selectFrom('project').select('id').where('code', '=', p.code),
      );
      await expect(byCode(opened.db, null, {} as { code: string })).rejects.toThrow(/no value for code/);
    });
  });
}

describe('SQLite rows built from raw arrays', () => {
  it('gives the same rows as better-sqlite3’s own objects, last duplicate name winning', async () => {
    const opened = openDatabase({ kind: 'sqlite', file: ':memory:' });
    const raw = opened.sqlite as NonNullable<typeof opened.sqlite>;
    raw.exec(
      "create table t (a integer, b text, c real); insert into t values (1, '一', 1.5), (2, null, null)",
    );
    const source = 'select a, b, c, a as b from t order by a';
    // the statement better-sqlite3 itself makes, outside the cache that Kysely is given
    const own = Object.getPrototypeOf(raw).prepare.call(raw, source).all();
    const viaKysely = (await sql.raw(source).execute(opened.db)).rows;
    expect(viaKysely).toEqual(own);
    expect(viaKysely).toEqual([
      { a: 1, b: 1, c: 1.5 },
      { a: 2, b: 2, c: null },
    ]);
    // writes through the same wrapper still report their changes
    const res = await sql`insert into t (a, b) values (${3}, ${'三'})`.execute(opened.db);
    expect(res.numAffectedRows).toBe(1n);
    expect((await sql<{ n: number }>`select count(*) as n from t`.execute(opened.db)).rows[0].n).toBe(3);
    await opened.close();
  });
});
