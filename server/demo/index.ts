import type { DB } from '../db/database.ts';
import { allMetrics } from '../metrics.ts';
import { assessmentDemo } from '../modules/assessment/assessment.demo.ts';
import { propertyDemo } from '../modules/property/property.demo.ts';
import { servicedeskDemo } from '../modules/repair/servicedesk.demo.ts';
import type { DemoSeeder } from './context.ts';
import { seedFoundation } from './foundation.demo.ts';

/**
 * Each module that has demo data adds its seeder here, in dependency order
 * (the register before repairs, repairs before the assessment that counts them).
 */
const seeders: DemoSeeder[] = [propertyDemo, servicedeskDemo, assessmentDemo];

export async function isEmpty(db: DB): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  return !row;
}

/** Loads the demo company into an empty database. Returns false when it was not empty. */
export async function seedDemo(db: DB, now = new Date()): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  const ctx = { ...(await seedFoundation(db, now)), metrics: allMetrics };
  for (const seeder of seeders) await seeder.run(ctx);
  return true;
}
