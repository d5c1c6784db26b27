import { type Kysely, sql } from 'kysely';

/**
 * Exact points (issue 12, finding 4): the manual rows' quantity and points and the appeals' points were
 * REAL columns; they become integer hundredths (0.29 → 29), so 1.15 is stored as 115 and never as
 * 1.149999…. The company settings get an edit version and the 装修中 switch of the complaint rate; a
 * scheme gets an edit version of its own (its `version` numbers the scheme's content versions).
 * Frozen: no module code.
 */
const CONVERTED = [
  ['assessment_manual_entry', 'quantity', 'quantity_centi', true],
  ['assessment_manual_entry', 'points', 'points_centi', false],
  ['assessment_appeal', 'row_points', 'row_points_centi', true],
  ['assessment_appeal', 'new_points', 'new_points_centi', false],
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their day
export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, from, to, required] of CONVERTED) {
    await db.schema
      .alterTable(table)
      .addColumn(to, 'integer', (c) => (required ? c.notNull().defaultTo(0) : c))
      .execute();
    await sql`update ${sql.table(table)} set ${sql.ref(to)} = cast(round(${sql.ref(from)} * 100) as integer) where ${sql.ref(from)} is not null`.execute(
      db,
    );
    await db.schema.alterTable(table).dropColumn(from).execute();
  }
  await db.schema
    .alterTable('assessment_setting')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('assessment_setting')
    .addColumn('count_renovating', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('assessment_scheme')
    .addColumn('edit_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Rules now say whose facts count; a task metric's default is the assessee's own tasks. The installed
  // 客服主管 schemes counted the project's tasks under 2.1 and 2.3 (the department's work): they say so now.
  const schemes = await db
    .selectFrom('assessment_scheme')
    .select(['id', 'items_json'])
    .where('code', '=', 'customer-service-supervisor')
    .execute();
  for (const scheme of schemes as { id: number; items_json: string }[]) {
    const items = JSON.parse(scheme.items_json) as {
      rules: { metricKey?: string | null; scope?: string }[];
    }[];
    let changed = false;
    for (const rule of items.flatMap((item) => item.rules ?? [])) {
      if (
        (rule.metricKey === 'task.overdue' || rule.metricKey === 'task.categoryCompletion') &&
        !rule.scope
      ) {
        rule.scope = 'project';
        changed = true;
      }
    }
    if (changed) {
      await db
        .updateTable('assessment_scheme')
        .set({ items_json: JSON.stringify(items) })
        .where('id', '=', scheme.id)
        .execute();
    }
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assessment_scheme').dropColumn('edit_version').execute();
  await db.schema.alterTable('assessment_setting').dropColumn('count_renovating').execute();
  await db.schema.alterTable('assessment_setting').dropColumn('version').execute();
  for (const [table, from, to] of CONVERTED) {
    await db.schema.alterTable(table).addColumn(from, 'double precision').execute();
    await sql`update ${sql.table(table)} set ${sql.ref(from)} = ${sql.ref(to)} / 100.0`.execute(db);
    await db.schema.alterTable(table).dropColumn(to).execute();
  }
}
