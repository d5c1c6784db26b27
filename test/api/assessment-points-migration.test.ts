import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Migration, Migrator } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../helpers/databases.ts';

/**
 * Issue 12, finding 4: the migration that makes points exact turns the REAL points of existing manual rows
 * and appeals into integer hundredths without a float's noise (1.15 → 115, 0.29 → 29), on both databases.
 */
const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../server/db/migrations');
const provider = {
  async getMigrations() {
    const out: Record<string, Migration> = {};
    for (const file of readdirSync(folder)
      .filter((f) => /^\d{10}_[\w-]+\.ts$/.test(f))
      .sort()) {
      out[file.replace(/\.ts$/, '')] = await import(pathToFileURL(path.join(folder, file)).href);
    }
    return out;
  },
};
const BEFORE = '2026120461_notify';

for (const testDb of testDatabases) {
  describe(`exact points migration [${testDb.kind}]`, () => {
    it('converts REAL points of manual rows and appeals to integer hundredths, exactly', async () => {
      const opened = await testDb.open();
      try {
        // biome-ignore lint/suspicious/noExplicitAny: the schema of the day before the migration
        const db = opened.db as any;
        const migrator = new Migrator({ db, provider });
        const before = await migrator.migrateTo(BEFORE);
        expect(before.error).toBeUndefined();
        const at = '2027-01-01T00:00:00.000Z';
        const company = await db
          .insertInto('company')
          .values({ name: 'c', created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        const project = await db
          .insertInto('project')
          .values({
            company_id: company.id,
            code: 'P',
            name: 'p',
            status: 'active',
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const user = await db
          .insertInto('app_user')
          .values({
            username: 'u',
            display_name: 'u',
            role: 'manager',
            password_hash: 'x',
            active: 1,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const scheme = await db
          .insertInto('assessment_scheme')
          .values({
            company_id: company.id,
            code: 'customer-service-supervisor',
            name: 's',
            position_code: 'CS',
            version: 1,
            items_json: JSON.stringify([
              {
                key: '2',
                rules: [
                  { key: '2.1', metricKey: 'task.overdue' },
                  { key: '2.2', metricKey: null },
                ],
              },
            ]),
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const sheet = await db
          .insertInto('assessment')
          .values({
            company_id: company.id,
            project_id: project.id,
            scheme_id: scheme.id,
            assessee_user_id: user.id,
            assessor_user_id: user.id,
            period: '2026-12',
            period_start: '2026-12-01',
            period_end: '2027-01-01',
            revision: 1,
            status: 'draft',
            total_centi: 0,
            full_marks_centi: 10000,
            metrics_json: '{}',
            result_json: '{}',
            created_by: user.id,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('assessment_manual_entry')
          .values([
            {
              assessment_id: sheet.id,
              rule_key: '2.2',
              quantity: 1.15,
              points: 0.29,
              reason: 'r',
              evidence_json: '[]',
              by_user_id: user.id,
              by_name: 'u',
              created_at: at,
            },
            {
              assessment_id: sheet.id,
              rule_key: '2.2',
              quantity: 3,
              points: null,
              reason: 'r',
              evidence_json: '[]',
              by_user_id: user.id,
              by_name: 'u',
              created_at: at,
            },
          ])
          .execute();
        await db
          .insertInto('assessment_appeal')
          .values({
            assessment_id: sheet.id,
            project_id: project.id,
            row_key: '2.2:manual:1',
            row_points: 2.3,
            reason: 'r',
            status: 'upheld',
            new_points: 1.15,
            created_by: user.id,
            created_at: at,
          })
          .execute();

        const after = await migrator.migrateToLatest();
        expect(after.error).toBeUndefined();
        const manual = await db
          .selectFrom('assessment_manual_entry')
          .select(['quantity_centi', 'points_centi'])
          .orderBy('id')
          .execute();
        expect(
          manual.map((m: { quantity_centi: unknown; points_centi: unknown }) => [
            Number(m.quantity_centi),
            m.points_centi === null ? null : Number(m.points_centi),
          ]),
        ).toEqual([
          [115, 29],
          [300, null],
        ]);
        const appeal = await db
          .selectFrom('assessment_appeal')
          .select(['row_points_centi', 'new_points_centi'])
          .executeTakeFirstOrThrow();
        expect([Number(appeal.row_points_centi), Number(appeal.new_points_centi)]).toEqual([230, 115]);
        // the installed 客服主管 scheme now says its task rules count the project's tasks
        const items = JSON.parse(
          (await db.selectFrom('assessment_scheme').select('items_json').executeTakeFirstOrThrow())
            .items_json,
        );
        expect(items[0].rules.map((r: { scope?: string }) => r.scope ?? null)).toEqual(['project', null]);
      } finally {
        await opened.drop();
      }
    });
  });
}
