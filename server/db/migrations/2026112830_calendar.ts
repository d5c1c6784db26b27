import type { Kysely } from 'kysely';

/**
 * The working calendar as it shipped on 2026-11-28: 2026 by the State Council's notice, 2027 provisional.
 * A frozen copy (a migration never imports module code, so changing the module cannot change history);
 * later years arrive as new migrations or as the admin's edits on 系统管理 → 工作日历.
 */
const SHIPPED: [date: string, kind: 'holiday' | 'workday', name: string][] = [
  ['2026-01-01', 'holiday', '元旦'],
  ['2026-01-02', 'holiday', '元旦'],
  ['2026-01-03', 'holiday', '元旦'],
  ['2026-01-04', 'workday', '元旦调休上班'],
  ['2026-02-15', 'holiday', '春节'],
  ['2026-02-16', 'holiday', '春节'],
  ['2026-02-17', 'holiday', '春节'],
  ['2026-02-18', 'holiday', '春节'],
  ['2026-02-19', 'holiday', '春节'],
  ['2026-02-20', 'holiday', '春节'],
  ['2026-02-21', 'holiday', '春节'],
  ['2026-02-22', 'holiday', '春节'],
  ['2026-02-23', 'holiday', '春节'],
  ['2026-02-14', 'workday', '春节调休上班'],
  ['2026-02-28', 'workday', '春节调休上班'],
  ['2026-04-04', 'holiday', '清明节'],
  ['2026-04-05', 'holiday', '清明节'],
  ['2026-04-06', 'holiday', '清明节'],
  ['2026-05-01', 'holiday', '劳动节'],
  ['2026-05-02', 'holiday', '劳动节'],
  ['2026-05-03', 'holiday', '劳动节'],
  ['2026-05-04', 'holiday', '劳动节'],
  ['2026-05-05', 'holiday', '劳动节'],
  ['2026-05-09', 'workday', '劳动节调休上班'],
  ['2026-06-19', 'holiday', '端午节'],
  ['2026-06-20', 'holiday', '端午节'],
  ['2026-06-21', 'holiday', '端午节'],
  ['2026-09-25', 'holiday', '中秋节'],
  ['2026-09-26', 'holiday', '中秋节'],
  ['2026-09-27', 'holiday', '中秋节'],
  ['2026-10-01', 'holiday', '国庆节'],
  ['2026-10-02', 'holiday', '国庆节'],
  ['2026-10-03', 'holiday', '国庆节'],
  ['2026-10-04', 'holiday', '国庆节'],
  ['2026-10-05', 'holiday', '国庆节'],
  ['2026-10-06', 'holiday', '国庆节'],
  ['2026-10-07', 'holiday', '国庆节'],
  ['2026-09-20', 'workday', '国庆节调休上班'],
  ['2026-10-10', 'workday', '国庆节调休上班'],
  ['2027-01-01', 'holiday', '元旦'],
  ['2027-01-02', 'holiday', '元旦'],
  ['2027-01-03', 'holiday', '元旦'],
  ['2027-02-05', 'holiday', '春节'],
  ['2027-02-06', 'holiday', '春节'],
  ['2027-02-07', 'holiday', '春节'],
  ['2027-02-08', 'holiday', '春节'],
  ['2027-02-09', 'holiday', '春节'],
  ['2027-02-10', 'holiday', '春节'],
  ['2027-02-11', 'holiday', '春节'],
  ['2027-02-12', 'holiday', '春节'],
  ['2027-02-13', 'holiday', '春节'],
  ['2027-02-14', 'workday', '春节调休上班'],
  ['2027-04-03', 'holiday', '清明节'],
  ['2027-04-04', 'holiday', '清明节'],
  ['2027-04-05', 'holiday', '清明节'],
  ['2027-05-01', 'holiday', '劳动节'],
  ['2027-05-02', 'holiday', '劳动节'],
  ['2027-05-03', 'holiday', '劳动节'],
  ['2027-05-04', 'holiday', '劳动节'],
  ['2027-05-05', 'holiday', '劳动节'],
  ['2027-04-25', 'workday', '劳动节调休上班'],
  ['2027-05-08', 'workday', '劳动节调休上班'],
  ['2027-06-09', 'holiday', '端午节'],
  ['2027-06-10', 'holiday', '端午节'],
  ['2027-06-11', 'holiday', '端午节'],
  ['2027-06-12', 'workday', '端午节调休上班'],
  ['2027-09-15', 'holiday', '中秋节'],
  ['2027-09-16', 'holiday', '中秋节'],
  ['2027-09-17', 'holiday', '中秋节'],
  ['2027-09-18', 'workday', '中秋节调休上班'],
  ['2027-10-01', 'holiday', '国庆节'],
  ['2027-10-02', 'holiday', '国庆节'],
  ['2027-10-03', 'holiday', '国庆节'],
  ['2027-10-04', 'holiday', '国庆节'],
  ['2027-10-05', 'holiday', '国庆节'],
  ['2027-10-06', 'holiday', '国庆节'],
  ['2027-10-07', 'holiday', '国庆节'],
  ['2027-09-26', 'workday', '国庆节调休上班'],
  ['2027-10-09', 'workday', '国庆节调休上班'],
];

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
    .values(SHIPPED.map(([date, kind, name]) => ({ date, kind, name, updated_at: at })))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_day').execute();
}
