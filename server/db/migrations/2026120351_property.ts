import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their day
export async function up(db: Kysely<any>): Promise<void> {
  // an import's error report (residents' names and phones) is downloaded by an unguessable token, not its job id
  await db.schema.alterTable('import_job').addColumn('report_token', 'text').execute();
  await db.schema
    .createIndex('import_job_report_token')
    .unique()
    .on('import_job')
    .column('report_token')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('import_job_report_token').execute();
  await db.schema.alterTable('import_job').dropColumn('report_token').execute();
}
