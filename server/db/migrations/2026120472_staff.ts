import type { Kysely } from 'kysely';

/**
 * An employee's last day in the post ('YYYY-MM-DD', 离岗日期): with hired_on it bounds what the
 * assessment counts for that person (issue 12, finding 7). Null: still in the post.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('employee').addColumn('left_on', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('employee').dropColumn('left_on').execute();
}
