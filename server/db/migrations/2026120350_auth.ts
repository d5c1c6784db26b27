import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their day
export async function up(db: Kysely<any>): Promise<void> {
  // the per-address sign-in limit counts an address's failures for any username
  await db.schema
    .createIndex('login_failure_address')
    .on('login_failure')
    .columns(['address', 'at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('login_failure_address').execute();
}
