import type { Executor } from './db/database.ts';
import { isoNow } from './lib/time.ts';
import { installDefaultSchemes } from './modules/assessment/assessment.defaults.ts';
import { DEFAULT_POSITIONS } from './modules/staff/staff.positions.ts';

/**
 * What every company has from its first start, demo or not: the company row, the
 * document's positions (the 客服主管 岗位说明书 first) and the default assessment schemes and
 * settings. Idempotent: adds only what is missing, never overwrites an edited position or scheme.
 * This is the seed step for shipped data, so migrations carry no module data.
 */
export async function ensureCompanyDefaults(
  db: Executor,
  companyName = '物业公司',
): Promise<{ companyId: number; positions: Record<string, number> }> {
  const at = isoNow();
  let company = await db.selectFrom('company').select('id').orderBy('id').executeTakeFirst();
  if (!company) {
    company = await db
      .insertInto('company')
      .values({ name: companyName, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
  }
  const existing = await db.selectFrom('position').select(['id', 'code']).execute();
  const positions: Record<string, number> = Object.fromEntries(existing.map((p) => [p.code, p.id]));
  for (const p of DEFAULT_POSITIONS) {
    if (positions[p.code]) continue;
    const row = await db
      .insertInto('position')
      .values({
        company_id: company.id,
        code: p.code,
        name: p.name,
        level: p.level,
        superior: p.superior,
        job_family: p.jobFamily,
        characteristics: p.characteristics,
        authorities: p.authorities,
        qualifications: p.qualifications,
        responsibilities: p.responsibilities,
        work_norms: p.workNorms,
        workflow: p.workflow,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    positions[p.code] = row.id;
  }
  await installDefaultSchemes(db as never, company.id, new Date(at));
  return { companyId: company.id, positions };
}
