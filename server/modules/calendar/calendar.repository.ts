import type { Executor } from '../../db/database.ts';
import './calendar.tables.ts';

export function listDays(db: Executor, from?: string, to?: string) {
  let q = db.selectFrom('calendar_day').selectAll();
  if (from) q = q.where('date', '>=', from);
  if (to) q = q.where('date', '<', to);
  return q.orderBy('date').execute();
}
export function findDay(db: Executor, date: string) {
  return db.selectFrom('calendar_day').selectAll().where('date', '=', date).executeTakeFirst();
}
export async function upsertDay(
  db: Executor,
  row: { date: string; kind: 'holiday' | 'workday'; name: string; updated_at: string },
) {
  await db
    .insertInto('calendar_day')
    .values(row)
    .onConflict((oc) =>
      oc.column('date').doUpdateSet({ kind: row.kind, name: row.name, updated_at: row.updated_at }),
    )
    .execute();
}
export async function deleteDay(db: Executor, date: string) {
  await db.deleteFrom('calendar_day').where('date', '=', date).execute();
}
