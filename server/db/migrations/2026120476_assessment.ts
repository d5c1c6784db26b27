import type { Kysely } from 'kysely';
import { withId } from '../database.ts';

/**
 * 申诉 per case: an appeal names the cases (evidence records) of its row it disputes; the manager decides
 * each one. An appeal without cases disputes a row that has no evidence (a manual row) as a whole.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their day
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('assessment_appeal_case'))
    .addColumn('appeal_id', 'integer', (c) => c.notNull().references('assessment_appeal.id'))
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessment.id'))
    .addColumn('entity', 'text', (c) => c.notNull())
    /** the record's id as text; ref_json keeps the reference as the row listed it (id type, label) */
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('ref_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'text')
    .addUniqueConstraint('assessment_appeal_case_record', ['appeal_id', 'entity', 'record_id'])
    .execute();
  await db.schema
    .createIndex('assessment_appeal_case_assessment')
    .on('assessment_appeal_case')
    .column('assessment_id')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assessment_appeal_case').execute();
}
