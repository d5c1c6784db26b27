import type { Kysely } from 'kysely';

/**
 * Trust in the task's facts (docs/servicedesk.md, "Cancelling a task"; docs/assessment.md, "Facts and their
 * times"): a cancellation is a decision with its reason and who made it, an assignee's cancellation is a
 * request the issuer decides; each fact keeps its business time and its recording time, and a fact entered
 * for a published or finalized period is flagged 补录 with the manager's reason. Frozen: no module code.
 */
const COLUMNS: [string, 'text' | 'integer'][] = [
  ['recorded_at', 'text'],
  ['completed_recorded_at', 'text'],
  ['backfill_reason', 'text'],
  ['cancel_requested_by', 'integer'],
  ['cancel_requested_at', 'text'],
  ['cancel_request_reason', 'text'],
  ['cancel_from_status', 'text'],
  ['cancelled_by', 'integer'],
  ['cancelled_at', 'text'],
  ['cancel_reason', 'text'],
];

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their day
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, type] of COLUMNS) await db.schema.alterTable('task').addColumn(name, type).execute();
  await db.schema
    .alterTable('task')
    .addColumn('backfilled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('task')
    .addColumn('late_excused', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // the tasks recorded so far were recorded when they were created, and completed when recorded
  await db
    .updateTable('task')
    .set((eb) => ({ recorded_at: eb.ref('created_at'), completed_recorded_at: eb.ref('completed_at') }))
    .execute();
  // a task cancelled before this change: its last update was the cancellation
  await db
    .updateTable('task')
    .set((eb) => ({ cancelled_at: eb.ref('updated_at') }))
    .where('status', '=', 'cancelled')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['late_excused', 'backfilled', ...COLUMNS.map(([n]) => n).reverse()])
    await db.schema.alterTable('task').dropColumn(name).execute();
}
