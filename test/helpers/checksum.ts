import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { OpenedDatabase } from '../../server/db/database.ts';

/**
 * A fingerprint of every table: its row count and a hash of all its rows, so a test can tell that a
 * request changed nothing. `except` names tables a refused request may rightly write (a failed sign-in
 * is recorded; a session remembers when it was last seen).
 */
export async function tableChecksums(
  database: OpenedDatabase,
  except: readonly string[] = [],
): Promise<Map<string, string>> {
  const tables = await tableNames(database);
  const out = new Map<string, string>();
  for (const table of tables) {
    if (except.includes(table)) continue;
    if (database.sqlite) {
      // rowid order is the order rows were written in; an update keeps it
      // (the app's handle hands out its own statements, which take their parameters as one array)
      const statement = database.sqlite.prepare(`select * from "${table}" order by rowid`) as unknown as {
        all(params: unknown[]): Record<string, unknown>[];
      };
      const rows = statement.all([]);
      const hash = createHash('sha1');
      for (const row of rows) hash.update(JSON.stringify(Object.values(row), bigints));
      out.set(table, `${rows.length}:${hash.digest('hex')}`);
    } else {
      const { rows } = await sql<{ n: number; h: string | null }>`
        select count(*) as n, md5(string_agg(t::text, '|' order by t::text)) as h from ${sql.table(table)} t
      `.execute(database.db);
      out.set(table, `${rows[0].n}:${rows[0].h ?? ''}`);
    }
  }
  return out;
}

/** The tables whose fingerprints differ, as "table (before → after)". */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .filter((n) => before.get(n) !== after.get(n))
    .map((n) => `${n} (${before.get(n)?.split(':')[0]} → ${after.get(n)?.split(':')[0]} rows)`);
}

const bigints = (_key: string, value: unknown) => (typeof value === 'bigint' ? String(value) : value);

const cache = new WeakMap<OpenedDatabase, string[]>();
async function tableNames(database: OpenedDatabase): Promise<string[]> {
  const known = cache.get(database);
  if (known) return known;
  const names =
    database.dialect === 'sqlite'
      ? (
          await sql<{ name: string }>`
            select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name
          `.execute(database.db)
        ).rows.map((r) => r.name)
      : (
          await sql<{ name: string }>`
          select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name
        `.execute(database.db)
        ).rows.map((r) => r.name);
  cache.set(database, names);
  return names;
}

/**
 * A cheap exact signal that rows changed: a trigger on every table counts each inserted, updated and
 * deleted row in `fz_changes` (rolled back with its transaction, like the change). While the count
 * stands still, every table's checksum does too; when it moves, the caller compares checksums.
 * For tests only: it adds the triggers to the test database.
 */
const watchers = new WeakMap<OpenedDatabase, () => Promise<number>>();
export async function watchChanges(database: OpenedDatabase): Promise<() => Promise<number>> {
  const watching = watchers.get(database);
  if (watching) return watching;
  const tables = await tableNames(database);
  await sql`create table fz_changes (n integer not null)`.execute(database.db);
  await sql`insert into fz_changes (n) values (0)`.execute(database.db);
  if (database.dialect === 'postgres') {
    await sql`
      create function fz_bump() returns trigger language plpgsql as $$
      begin update fz_changes set n = n + 1; return null; end $$
    `.execute(database.db);
  }
  for (const table of tables) {
    if (database.dialect === 'postgres') {
      await sql`
        create trigger ${sql.raw(`fz_${table}`)} after insert or update or delete on ${sql.table(table)}
        for each row execute function fz_bump()
      `.execute(database.db);
    } else {
      for (const [suffix, event] of [
        ['i', 'insert'],
        ['u', 'update'],
        ['d', 'delete'],
      ]) {
        await sql`
          create trigger ${sql.raw(`fz_${table}_${suffix}`)} after ${sql.raw(event)} on ${sql.table(table)}
          begin update fz_changes set n = n + 1; end
        `.execute(database.db);
      }
    }
  }
  cache.set(database, tables);
  const count = async () => {
    const { rows } = await sql<{ n: number | string }>`select n from fz_changes`.execute(database.db);
    return Number(rows[0].n);
  };
  watchers.set(database, count);
  return count;
}
