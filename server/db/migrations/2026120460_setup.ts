import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their day
export async function up(db: Kysely<any>): Promise<void> {
  // first start from the browser: one row once done; its primary key keeps a second setup out
  await db.schema
    .createTable('setup_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('completed_at', 'text', (c) => c.notNull())
    .addColumn('admin_user_id', 'integer')
    .addColumn('confirmed_steps', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('setup_state').execute();
}
