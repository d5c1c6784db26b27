import type { Kysely } from 'kysely';

/**
 * A complaint's facts keep their recording time beside the business time, and a 补录 flag with the
 * manager's reason (docs/assessment.md, "Facts and their times"). Frozen: no module code.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('complaint').addColumn('recorded_at', 'text').execute();
  await db.schema
    .alterTable('complaint')
    .addColumn('backfilled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('complaint').addColumn('backfill_reason', 'text').execute();
  await db
    .updateTable('complaint')
    .set((eb) => ({ recorded_at: eb.ref('created_at') }))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const c of ['backfill_reason', 'backfilled', 'recorded_at'])
    await db.schema.alterTable('complaint').dropColumn(c).execute();
}
