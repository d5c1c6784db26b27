import { type Compilable, CompiledQuery } from 'kysely';
import { type Executor, isPostgres } from './database.ts';

/**
 * Queries built and compiled once per shape, then run with new values: for the few read paths
 * that carry the load (the repair list and detail). Building and compiling a Kysely query costs
 * 20–50 µs a time on these machines; a list request built two
 * (docs/servicedesk.md, Performance).
 *
 *   const findThing = prepared(
 *     (shape: { withStatus: boolean }) => String(shape.withStatus),
 *     (db, p: { id: number; status: string }, shape) => {
 *       let q = db.selectFrom('thing').selectAll().where('id', '=', p.id);
 *       if (shape.withStatus) q = q.where('status', '=', p.status);
 *       return q;
 *     },
 *   );
 *   const rows = await findThing(db, { withStatus: true }, { id: 7, status: 'open' });
 *
 * `build` decides the query's structure from `shape` only (the cache key) and takes every value
 * from `p`, whose properties are placeholders while it runs. A value written into the query any
 * other way would be baked into the cached SQL for every later caller, so compiling refuses it.
 * IN lists: `listOf(p.ids, shape.idCount)` gives as many placeholders as the shape says.
 */
class Slot {
  readonly name: string;
  readonly index?: number;
  constructor(name: string, index?: number) {
    this.name = name;
    this.index = index;
  }
}

const placeholders = new Proxy(
  {},
  {
    get: (_target, name) => new Slot(String(name)),
  },
);

/**
 * `length` placeholders for the elements of the list `p.<name>` (its length belongs to the shape).
 * Given a real list (the same builder used unprepared), returns it.
 */
export function listOf<T>(list: readonly T[], length: number): T[] {
  const slot = list as unknown as Slot;
  if (!(slot instanceof Slot)) return [...list];
  return Array.from({ length }, (_, i) => new Slot(slot.name, i) as unknown as T);
}

interface Cached {
  sql: string;
  slots: Slot[];
}

export function prepared<S, P extends object, R>(
  keyOf: (shape: S) => string,
  build: (db: Executor, p: P, shape: S) => Compilable<R>,
): (db: Executor, shape: S, values: P) => Promise<R[]> {
  const cache = new Map<string, Cached>();
  return async (db, shape, values) => {
    const key = (isPostgres(db) ? 'pg ' : 'sqlite ') + keyOf(shape);
    let compiled = cache.get(key);
    if (!compiled) {
      const query = build(db, placeholders as P, shape).compile();
      const slots = query.parameters.map((value) => {
        if (value instanceof Slot) return value;
        throw new Error(`prepared query "${key}": a value (${String(value)}) is not a placeholder`);
      });
      compiled = { sql: query.sql, slots };
      if (cache.size >= 200) cache.delete(cache.keys().next().value as string);
      cache.set(key, compiled);
    }
    const given = values as Record<string, unknown>;
    const parameters = compiled.slots.map((slot) => {
      const value =
        slot.index === undefined
          ? given[slot.name]
          : (given[slot.name] as unknown[] | undefined)?.[slot.index];
      if (value === undefined) throw new Error(`prepared query "${key}": no value for ${slot.name}`);
      return value;
    });
    const result = await db.executeQuery<R>(CompiledQuery.raw(compiled.sql, parameters));
    return result.rows;
  };
}
