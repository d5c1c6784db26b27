import type { Kysely } from 'kysely';
import { withId } from '../database.ts';

/**
 * The weekly repair review as a real review (docs/servicedesk.md, "Weekly review"): its due time on the
 * working calendar and whether it came late, and a conclusion stored per unfinished order. An order's
 * facts keep their recording time beside the business time, and a 补录 flag with the manager's reason
 * (docs/assessment.md, "Facts and their times"). Frozen: no module code.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('repair_weekly_review').addColumn('due_at', 'text').execute();
  await db.schema
    .alterTable('repair_weekly_review')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('repair_order').addColumn('recorded_at', 'text').execute();
  await db.schema
    .alterTable('repair_order')
    .addColumn('backfilled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('repair_order').addColumn('backfill_reason', 'text').execute();
  await db
    .updateTable('repair_order')
    .set((eb) => ({ recorded_at: eb.ref('created_at') }))
    .execute();
  await withId(db, db.schema.createTable('repair_review_conclusion'))
    .addColumn('review_id', 'integer', (c) => c.notNull().references('repair_weekly_review.id'))
    .addColumn('project_id', 'integer', (c) => c.notNull())
    .addColumn('repair_order_id', 'integer', (c) => c.notNull().references('repair_order.id'))
    .addColumn('conclusion', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('repair_review_conclusion_once', ['review_id', 'repair_order_id'])
    .execute();
  await db.schema
    .createIndex('repair_review_conclusion_order')
    .on('repair_review_conclusion')
    .columns(['repair_order_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('repair_review_conclusion').execute();
  for (const c of ['backfill_reason', 'backfilled', 'recorded_at'])
    await db.schema.alterTable('repair_order').dropColumn(c).execute();
  await db.schema.alterTable('repair_weekly_review').dropColumn('late').execute();
  await db.schema.alterTable('repair_weekly_review').dropColumn('due_at').execute();
}
