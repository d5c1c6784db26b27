import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Database } from './schema.ts';

export type DB = Kysely<Database>;
/** Repositories take either the database or a transaction: the service decides the boundary. */
export type Executor = Kysely<Database> | Transaction<Database>;

// PostgreSQL returns bigint/numeric as strings; counts are converted in repositories with toNumber.
// int8 (count(*)) parsed to number here: our counts never reach 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export interface OpenedDatabase {
  db: DB;
  dialect: 'sqlite' | 'postgres';
  /** The raw better-sqlite3 handle (SQLite only): online backup */
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export function openDatabase(database: Config['database']): OpenedDatabase {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process:
    // the pool discards it and the next query opens a new one.
    pool.on('error', (err) => console.error(`PostgreSQL idle connection error: ${err.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  if (database.file !== ':memory:') mkdirSync(dirname(database.file), { recursive: true });
  const sqlite = new SQLite(database.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  cachePreparedStatements(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

/**
 * What Kysely's SQLite driver calls on a statement: `reader`, `all`, `run`, `iterate`.
 * Rows of a reading statement are built here from better-sqlite3's raw arrays: objects filled
 * in JavaScript, always in the same order, share one V8 shape, where better-sqlite3's own row
 * objects are made property by property from C++ (docs/servicedesk.md, Performance: a 20-row
 * page of 17 columns 200 → 110 µs). Same keys, same values, same "last duplicate wins" as better-sqlite3.
 */
interface DriverStatement {
  readonly reader: boolean;
  all(params: readonly unknown[]): unknown[];
  run(params: readonly unknown[]): SQLite.RunResult;
  iterate(params: readonly unknown[]): IterableIterator<unknown>;
}

function driverStatement(stmt: SQLite.Statement): DriverStatement {
  if (!stmt.reader) return stmt as unknown as DriverStatement;
  const names = stmt.columns().map((c) => c.name);
  // a column named __proto__ would set the prototype of a plain object: leave such a query alone
  if (names.includes('__proto__')) return stmt as unknown as DriverStatement;
  stmt.raw(true);
  const toRow = (values: unknown[]) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) row[names[i]] = values[i];
    return row;
  };
  return {
    reader: true,
    all: (params) => (stmt.all(...params) as unknown[][]).map(toRow),
    run: (params) => stmt.run(...params),
    *iterate(params) {
      for (const values of stmt.iterate(...params) as IterableIterator<unknown[]>) yield toRow(values);
    },
  };
}

/**
 * Kysely's SQLite driver prepares every query anew (~0.1 ms each); a request runs several.
 * Reusing prepared statements by SQL text (bounded) removes that cost. Safe because Kysely runs
 * one statement at a time on the single connection and never leaves one iterating.
 */
function cachePreparedStatements(sqlite: SQLite.Database, max = 500) {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, DriverStatement>();
  sqlite.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (!stmt) {
      // Kysely opens transactions with a plain (deferred) BEGIN. With several server processes
      // on one file (PROPDESK_WORKERS), a transaction that read first and writes second would
      // then fail at once with SQLITE_BUSY when another process wrote in between; BEGIN
      // IMMEDIATE takes the write lock at the start and waits for it (busy_timeout) instead.
      stmt = driverStatement(prepare(source === 'begin' ? 'begin immediate' : source));
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      cache.set(source, stmt);
    }
    return stmt;
  }) as unknown as typeof sqlite.prepare;
  // a schema change (migration) invalidates statements: start afresh
  const exec = sqlite.exec.bind(sqlite);
  sqlite.exec = ((source: string) => {
    cache.clear();
    return exec(source);
  }) as typeof sqlite.exec;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Adds an auto-increment integer primary key `id`, the way each dialect spells it. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run against any schema
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? table.addColumn('id', 'serial', (c: ColumnDefinitionBuilder) => c.primaryKey())
    : table.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
}

/** PostgreSQL returns sum()/count() of some types as strings; SQLite as numbers. */
export function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}
