import type { DB } from '../db/database.ts';
import type { MetricDefinition } from '../lib/metrics.ts';

/** What the foundation's demo data created, for the modules' demo seeders to build on. */
export interface DemoContext {
  db: DB;
  now: Date;
  companyId: number;
  /** Demo projects by key: 'a' 翠湖花园, 'b' 锦绣华庭 */
  projects: Record<'a' | 'b', number>;
  /** Demo users by username */
  users: Record<string, number>;
  /** Demo employees by username of their user, or by code */
  employees: Record<string, number>;
  positions: Record<string, number>;
  /** Every registered assessment metric (server/metrics.ts), for seeders that compute assessments */
  metrics: MetricDefinition[];
}

export type DemoSeeder = { name: string; run(ctx: DemoContext): Promise<void> };

export const DEMO_PASSWORD = 'demo1234';
