import type { Kysely } from 'kysely';
import { SHIPPED_CALENDAR } from '../../modules/calendar/calendar.holidays.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_day')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const at = '2026-11-28T00:00:00.000Z';
  await db
    .insertInto('calendar_day')
    .values(SHIPPED_CALENDAR.map((d) => ({ ...d, updated_at: at })))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_day').execute();
}
