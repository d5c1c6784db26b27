import type { Kysely } from 'kysely';
import { withId } from '../database.ts';

/**
 * The property register (房产档案): sections 标段 → buildings 楼栋 → units 房屋 → owners and
 * residents, the dated status history that answers "occupied households on a day", officers'
 * areas with history, owner accounts ↔ units, and Excel import jobs.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their day
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('section'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('section_project_name', ['project_id', 'name'])
    .execute();

  await withId(db, db.schema.createTable('building'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('section.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('floors', 'integer')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('building_project_name', ['project_id', 'name'])
    .execute();
  await db.schema.createIndex('building_section').on('building').column('section_id').execute();

  await withId(db, db.schema.createTable('unit'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
    .addColumn('building_id', 'integer', (c) => c.notNull().references('building.id'))
    .addColumn('room_no', 'text', (c) => c.notNull())
    .addColumn('floor', 'integer', (c) => c.notNull())
    .addColumn('area_centi_m2', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('handover_date', 'text')
    .addColumn('move_in_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('unit_building_room', ['building_id', 'room_no'])
    .execute();
  await db.schema.createIndex('unit_project_status').on('unit').columns(['project_id', 'status']).execute();
  await db.schema.createIndex('unit_project_room').on('unit').columns(['project_id', 'room_no']).execute();

  await withId(db, db.schema.createTable('unit_status_history'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('user_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('unit_status_history_unit')
    .on('unit_status_history')
    .columns(['unit_id', 'from_date', 'id'])
    .execute();
  await db.schema
    .createIndex('unit_status_history_project')
    .on('unit_status_history')
    .columns(['project_id', 'from_date'])
    .execute();

  // owners (业主) and residents (住户) of a unit, told apart by `kind`
  await withId(db, db.schema.createTable('owner'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('relation', 'text')
    .addColumn('is_main_contact', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('owner_unit').on('owner').column('unit_id').execute();
  await db.schema.createIndex('owner_project_name').on('owner').columns(['project_id', 'name']).execute();
  await db.schema.createIndex('owner_project_phone').on('owner').columns(['project_id', 'phone']).execute();

  // 房管员区域划分: to_date null = current; one current officer per building
  await withId(db, db.schema.createTable('officer_area'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
    .addColumn('building_id', 'integer', (c) => c.notNull().references('building.id'))
    .addColumn('employee_id', 'integer', (c) => c.notNull().references('employee.id'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('officer_area_building')
    .on('officer_area')
    .columns(['building_id', 'to_date'])
    .execute();
  await db.schema
    .createIndex('officer_area_employee')
    .on('officer_area')
    .columns(['employee_id', 'to_date'])
    .execute();

  await db.schema
    .createTable('owner_user_unit')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('owner_user_unit_pk', ['user_id', 'unit_id'])
    .execute();

  await withId(db, db.schema.createTable('import_job'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('result_json', 'text')
    .addColumn('report_base64', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'import_job',
    'owner_user_unit',
    'officer_area',
    'owner',
    'unit_status_history',
    'unit',
    'building',
    'section',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
