import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { systemActor } from './actor.ts';
import { readTimeline, writeAudit, writeAudits } from './audit.ts';

describe('audit rows', () => {
  it('writes many rows in chunks, each like writeAudit would, and keeps secrets out', async () => {
    const { db, close } = openDatabase({ kind: 'sqlite', file: ':memory:' });
    try {
      await migrateToLatest(db);
      const actor = systemActor();
      const entries = Array.from({ length: 901 }, (_, i) => ({
        entity: 'unit',
        entityId: i + 1,
        projectId: 1,
        action: 'import',
        after: { row: i + 2, password_hash: 'x' },
      }));
      await db.transaction().execute((trx) => writeAudits(trx, actor, entries));
      await writeAudit(db, actor, { entity: 'unit', entityId: 901, action: 'update', before: { row: 1 } });
      const count = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(902);
      const timeline = await readTimeline(db, 'unit', 901);
      expect(timeline.map((r) => [r.action, r.user_name, r.after_json])).toEqual([
        ['import', '系统', '{"row":902}'],
        ['update', '系统', null],
      ]);
    } finally {
      await close();
    }
  });
});
