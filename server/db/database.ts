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
 * Kysely's SQLite driver prepares every query anew (~0.1 ms each); a request runs several.
 * Reusing prepared statements by SQL text (bounded) removes that cost. Safe because Kysely runs
 * one statement at a time on the single connection and never leaves one iterating.
 */
function cachePreparedStatements(sqlite: SQLite.Database, max = 500) {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SQLite.Statement>();
  sqlite.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (!stmt) {
      stmt = prepare(source);
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      cache.set(source, stmt);
    }
    return stmt;
  }) as typeof sqlite.prepare;
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
