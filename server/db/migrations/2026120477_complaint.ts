import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their day
export async function up(db: Kysely<any>): Promise<void> {
  // 重复投诉: a complaint closed as a duplicate names the one it repeats; the complaint rate leaves it out
  await db.schema.alterTable('complaint').addColumn('duplicate_of', 'integer').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('complaint').dropColumn('duplicate_of').execute();
}
