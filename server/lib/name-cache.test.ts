import { describe, expect, it, vi } from 'vitest';
import type { Executor } from '../db/database.ts';
import { cachedNames } from './name-cache.ts';

describe('cachedNames', () => {
  const db = {} as Executor;
  it('reads each id once within the time, an unseen id at once, and again after the time', async () => {
    vi.useFakeTimers({ now: 0 });
    const names: Record<number, string> = { 1: '张三', 2: '李四', 3: '王五' };
    const load = vi.fn(async (_db: Executor, ids: number[]) => ids.map((id) => ({ id, name: names[id] })));
    const lookup = cachedNames(load, 1000);
    expect(await lookup(db, [1, null, 2, 1])).toEqual(
      new Map([
        [1, '张三'],
        [2, '李四'],
      ]),
    );
    expect(load).toHaveBeenLastCalledWith(db, [1, 2]);
    expect(await lookup(db, [2, 3])).toEqual(
      new Map([
        [2, '李四'],
        [3, '王五'],
      ]),
    );
    expect(load).toHaveBeenLastCalledWith(db, [3]);
    names[1] = '张三丰';
    expect((await lookup(db, [1])).get(1)).toBe('张三');
    vi.setSystemTime(1000);
    expect((await lookup(db, [1])).get(1)).toBe('张三丰');
    expect(load).toHaveBeenCalledTimes(3);
    expect(await lookup(db, [])).toEqual(new Map());
    expect(load).toHaveBeenCalledTimes(3);
    vi.useRealTimers();
  });
});
