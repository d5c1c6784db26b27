import type { Kysely } from 'kysely';
import { withId } from '../database.ts';

export const DEFAULT_REPAIR_CATEGORIES = [
  {
    code: 'water-electric',
    name: '水电维修',
    dispatch: [2, 'working_hours'],
    complete: [1, 'working_days'],
    responsible: '工程部',
  },
  {
    code: 'leak',
    name: '渗漏水',
    dispatch: [2, 'working_hours'],
    complete: [5, 'working_days'],
    responsible: '工程部',
  },
  {
    code: 'door-window',
    name: '门窗五金',
    dispatch: [4, 'working_hours'],
    complete: [3, 'working_days'],
    responsible: '工程部',
  },
  {
    code: 'elevator',
    name: '电梯故障',
    dispatch: [1, 'hours'],
    complete: [24, 'hours'],
    responsible: '电梯维保单位',
  },
  {
    code: 'public',
    name: '公共设施',
    dispatch: [4, 'working_hours'],
    complete: [3, 'working_days'],
    responsible: '工程部',
  },
  {
    code: 'environment',
    name: '绿化保洁',
    dispatch: [4, 'working_hours'],
    complete: [2, 'working_days'],
    responsible: '环境部',
  },
  {
    code: 'other',
    name: '其他',
    dispatch: [4, 'working_hours'],
    complete: [3, 'working_days'],
    responsible: '客服部',
  },
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their day
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('repair_category'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('dispatch_amount', 'real', (c) => c.notNull())
    .addColumn('dispatch_unit', 'text', (c) => c.notNull())
    .addColumn('complete_amount', 'real', (c) => c.notNull())
    .addColumn('complete_unit', 'text', (c) => c.notNull())
    .addColumn('responsible', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db
    .insertInto('repair_category')
    .values(
      DEFAULT_REPAIR_CATEGORIES.map((c, i) => ({
        code: c.code,
        name: c.name,
        dispatch_amount: c.dispatch[0],
        dispatch_unit: c.dispatch[1],
        complete_amount: c.complete[0],
        complete_unit: c.complete[1],
        responsible: c.responsible,
        sort: i,
      })),
    )
    .execute();

  await withId(db, db.schema.createTable('repair_order'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
    .addColumn('building_id', 'integer')
    .addColumn('unit_id', 'integer')
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('reporter_name', 'text', (c) => c.notNull())
    .addColumn('reporter_phone', 'text')
    .addColumn('owner_user_id', 'integer')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.notNull().references('repair_category.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('team_id', 'integer')
    .addColumn('department', 'text')
    .addColumn('assignee_employee_id', 'integer')
    .addColumn('dispatch_due_at', 'text', (c) => c.notNull())
    .addColumn('complete_due_at', 'text', (c) => c.notNull())
    .addColumn('dispatched_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('visited_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('result', 'text')
    .addColumn('rating', 'integer')
    .addColumn('visit_comment', 'text')
    .addColumn('dispatch_overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('complete_overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The list's filters and its total are answered from these indexes, without reading the rows.
  await db.schema
    .createIndex('repair_order_list')
    .on('repair_order')
    .columns(['project_id', 'status', 'category_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('repair_order_created')
    .on('repair_order')
    .columns(['project_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('repair_order_owner')
    .on('repair_order')
    .columns(['owner_user_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('repair_order_assignee')
    .on('repair_order')
    .columns(['assignee_employee_id', 'status'])
    .execute();

  // the list's total for the common filters (project, status, category), maintained by the repository
  await db.schema
    .createTable('repair_count')
    .addColumn('project_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('repair_count_pk', ['project_id', 'status', 'category_id'])
    .execute();

  await withId(db, db.schema.createTable('repair_photo'))
    .addColumn('repair_order_id', 'integer', (c) => c.notNull().references('repair_order.id'))
    .addColumn('project_id', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('repair_photo_order').on('repair_photo').column('repair_order_id').execute();

  await withId(db, db.schema.createTable('repair_weekly_review'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('week_end', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_by', 'integer')
    .addColumn('acknowledged_at', 'text')
    .addColumn('manager_comment', 'text')
    .addUniqueConstraint('repair_weekly_review_week', ['project_id', 'week_start'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'repair_weekly_review',
    'repair_photo',
    'repair_count',
    'repair_order',
    'repair_category',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
