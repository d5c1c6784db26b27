import type { Kysely } from 'kysely';
import { withId } from '../database.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their day
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('assessment_scheme'))
    .addColumn('company_id', 'integer', (c) => c.notNull().references('company.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position_code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('items_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_scheme_version', ['company_id', 'code', 'version'])
    .execute();

  await db.schema
    .createTable('assessment_setting')
    .addColumn('company_id', 'integer', (c) => c.primaryKey().references('company.id'))
    .addColumn('period_start_day', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('appeal_days', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('assessment'))
    .addColumn('company_id', 'integer', (c) => c.notNull().references('company.id'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
    .addColumn('scheme_id', 'integer', (c) => c.notNull().references('assessment_scheme.id'))
    .addColumn('assessee_user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('assessee_employee_id', 'integer', (c) => c.references('employee.id'))
    .addColumn('assessor_user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('revision_of', 'integer', (c) => c.references('assessment.id'))
    .addColumn('revision_reason', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total_centi', 'integer', (c) => c.notNull())
    .addColumn('full_marks_centi', 'integer', (c) => c.notNull())
    .addColumn('metrics_json', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'integer')
    .addColumn('appeal_deadline', 'text')
    .addColumn('finalized_at', 'text')
    .addColumn('finalized_by', 'integer')
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // one assessment per assessee and period; a correction is the next revision
    .addUniqueConstraint('assessment_assessee_period', ['assessee_user_id', 'period', 'revision'])
    .execute();
  await db.schema
    .createIndex('assessment_project_period')
    .on('assessment')
    .columns(['project_id', 'period'])
    .execute();
  await db.schema
    .createIndex('assessment_assessor')
    .on('assessment')
    .columns(['assessor_user_id', 'project_id'])
    .execute();

  await withId(db, db.schema.createTable('assessment_manual_entry'))
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessment.id'))
    .addColumn('rule_key', 'text', (c) => c.notNull())
    .addColumn('quantity', 'double precision', (c) => c.notNull())
    .addColumn('points', 'double precision')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'integer', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_manual_entry_assessment')
    .on('assessment_manual_entry')
    .column('assessment_id')
    .execute();

  await withId(db, db.schema.createTable('assessment_appeal'))
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessment.id'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('project.id'))
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('row_points', 'double precision', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('new_points', 'double precision')
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_appeal_assessment')
    .on('assessment_appeal')
    .column('assessment_id')
    .execute();
  await db.schema
    .createIndex('assessment_appeal_project_status')
    .on('assessment_appeal')
    .columns(['project_id', 'status', 'decided_at'])
    .execute();
  // The default schemes are data, not schema: server/bootstrap.ts installs them (idempotently) at every start,
  // so this migration stays frozen when the shipped templates change.
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'assessment_appeal',
    'assessment_manual_entry',
    'assessment',
    'assessment_setting',
    'assessment_scheme',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
