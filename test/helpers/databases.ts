import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type OpenedDatabase, openDatabase } from '../../server/db/database.ts';

/** CI sets this: a PostgreSQL or browser test that cannot run is then a failure, not a skip. */
export const REQUIRE_ALL = process.env.PROPDESK_TEST_REQUIRE_ALL === '1';
export const PG_URL = process.env.PROPDESK_TEST_PG_URL;

if (REQUIRE_ALL && !PG_URL) {
  throw new Error(
    'PROPDESK_TEST_REQUIRE_ALL=1 but PROPDESK_TEST_PG_URL is not set: the PostgreSQL tests must run',
  );
}

export interface TestDatabase {
  kind: 'sqlite' | 'postgres';
  open(): Promise<OpenedDatabase & { drop(): Promise<void> }>;
}

/** A fresh in-memory SQLite database per call. */
const sqlite: TestDatabase = {
  kind: 'sqlite',
  async open() {
    const db = openDatabase({ kind: 'sqlite', file: ':memory:' });
    return { ...db, drop: () => db.close() };
  },
};

/** A fresh PostgreSQL database per call, created beside the one in PROPDESK_TEST_PG_URL and dropped after. */
function postgres(url: string): TestDatabase {
  return {
    kind: 'postgres',
    async open() {
      const name = `pd_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const target = new URL(url);
      target.pathname = `/${name}`;
      const db = openDatabase({ kind: 'postgres', url: target.toString() });
      return {
        ...db,
        async drop() {
          await db.close();
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(`drop database if exists ${name} with (force)`);
          await c.end();
        },
      };
    },
  };
}

/** SQLite always; PostgreSQL too when PROPDESK_TEST_PG_URL is set. */
export const testDatabases: TestDatabase[] = PG_URL ? [sqlite, postgres(PG_URL)] : [sqlite];
