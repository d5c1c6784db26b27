import type { Kysely } from 'kysely';

/**
 * A project's start date (接管日期, 'YYYY-MM-DD'): the assessment counts nothing before it (issue 12,
 * finding 7). Existing projects keep null, "no start date known", which counts every record as before.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('project').addColumn('started_on', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('project').dropColumn('started_on').execute();
}
