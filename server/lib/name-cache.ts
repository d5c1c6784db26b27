import type { Executor } from '../db/database.ts';
import type { NamesOf } from './directory.ts';

/**
 * Names other modules show on every list and detail page (an assignee, a team, a project), kept
 * per database for a few seconds: the service-desk pages read them through the owning module's
 * function (server/lib/directory.ts) and would otherwise pay one query more per page. A renamed
 * record shows its new name within `ttlMs`; an id not seen yet is read at once.
 */
export function cachedNames(
  load: (db: Executor, ids: number[]) => Promise<{ id: number; name: string }[]>,
  ttlMs = 10_000,
): NamesOf {
  const caches = new WeakMap<Executor, Map<number, { name: string; at: number }>>();
  return async (db, ids) => {
    let cache = caches.get(db);
    if (!cache) {
      cache = new Map();
      caches.set(db, cache);
    }
    const now = Date.now();
    const out = new Map<number, string>();
    const missing: number[] = [];
    for (const id of ids) {
      if (typeof id !== 'number' || out.has(id)) continue;
      const hit = cache.get(id);
      if (hit && now - hit.at < ttlMs) out.set(id, hit.name);
      else if (!missing.includes(id)) missing.push(id);
    }
    if (missing.length) {
      if (cache.size > 10_000) cache.clear();
      for (const r of await load(
        db,
        missing.sort((a, b) => a - b),
      )) {
        cache.set(r.id, { name: r.name, at: now });
        out.set(r.id, r.name);
      }
    }
    return out;
  };
}
