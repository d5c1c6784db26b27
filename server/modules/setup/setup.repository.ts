import type { Executor } from '../../db/database.ts';
import './setup.tables.ts';

export function findState(db: Executor) {
  return db.selectFrom('setup_state').selectAll().where('id', '=', 1).executeTakeFirst();
}

/** Inserts the one row; a second setup at the same moment fails on the primary key. */
export async function insertState(db: Executor, at: string, adminUserId: number): Promise<void> {
  await db
    .insertInto('setup_state')
    .values({ id: 1, completed_at: at, admin_user_id: adminUserId, confirmed_steps: '[]' })
    .execute();
}

/** The row for an install set up before this table (CLI or demo): made on the first tick. */
export async function ensureState(db: Executor, at: string): Promise<void> {
  await db
    .insertInto('setup_state')
    .values({ id: 1, completed_at: at, admin_user_id: null, confirmed_steps: '[]' })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function updateConfirmedSteps(db: Executor, steps: string[]): Promise<void> {
  await db
    .updateTable('setup_state')
    .set({ confirmed_steps: JSON.stringify(steps) })
    .where('id', '=', 1)
    .execute();
}
