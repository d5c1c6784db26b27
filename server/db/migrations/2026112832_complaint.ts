import type { Kysely } from 'kysely';
import { withId } from '../database.ts';

const CATEGORIES = [
  ['service', '服务态度', 1, 'working_days'],
  ['repair-quality', '维修质量', 1, 'working_days'],
  ['environment', '环境卫生', 1, 'working_days'],
  ['security', '安全秩序', 4, 'working_hours'],
  ['fee', '收费问题', 2, 'working_days'],
  ['neighbour', '邻里纠纷', 1, 'working_days'],
  ['other', '其他', 2, 'working_days'],
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their day
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('complaint_category'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('response_amount', 'real', (c) => c.notNull())
    .addColumn('response_unit', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .insertInto('complaint_category')
    .values(
      CATEGORIES.map(([code, name, amount, unit], i) => ({
        code,
        name,
        response_amount: amount,
        response_unit: unit,
        sort: i,
      })),
    )
    .execute();

  await withId(db, db.schema.createTable('complaint'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
    .addColumn('building_id', 'integer')
    .addColumn('unit_id', 'integer')
    .addColumn('complainant_name', 'text', (c) => c.notNull())
    .addColumn('complainant_phone', 'text')
    .addColumn('owner_user_id', 'integer')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.notNull().references('complaint_category.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('handler_employee_id', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('response_due_at', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text')
    .addColumn('response_overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('resolution', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('visited_at', 'text')
    .addColumn('satisfaction', 'text')
    .addColumn('visit_comment', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('improper', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('improper_reason', 'text')
    .addColumn('improper_by', 'integer')
    .addColumn('improper_at', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_list')
    .on('complaint')
    .columns(['project_id', 'status', 'category_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('complaint_created')
    .on('complaint')
    .columns(['project_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('complaint_improper')
    .on('complaint')
    .columns(['project_id', 'improper_at'])
    .execute();
  await db.schema.createIndex('complaint_owner').on('complaint').columns(['owner_user_id']).execute();

  await withId(db, db.schema.createTable('complaint_record'))
    .addColumn('complaint_id', 'integer', (c) => c.notNull().references('complaint.id'))
    .addColumn('project_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_record_complaint')
    .on('complaint_record')
    .column('complaint_id')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['complaint_record', 'complaint', 'complaint_category'])
    await db.schema.dropTable(t).execute();
}
