import type { Kysely } from 'kysely';
import { officerSchemeTemplate, supervisorSchemeTemplate } from './assessment.templates.ts';
import type { SchemeTemplate } from './engine/types.ts';

/** The position (by code, as staff.positions.ts names them) each default template assesses. */
export const DEFAULT_SCHEMES: { template: SchemeTemplate; positionCode: string }[] = [
  { template: supervisorSchemeTemplate, positionCode: 'CS-SUPERVISOR' },
  { template: officerSchemeTemplate, positionCode: 'HOUSING-OFFICER' },
];

export const DEFAULT_SETTINGS = { periodStartDay: 1, appealDays: 3 };

/**
 * Installs the default schemes (version 1) and settings for a company that has none of them yet.
 * Idempotent: a template whose code the company already has is left alone, so an admin's edits stay.
 * Called by the migration for existing companies and by the service for a company created later.
 */
// biome-ignore lint/suspicious/noExplicitAny: runs inside the migration too, against any schema
export async function installDefaultSchemes(db: Kysely<any>, companyId: number, now: Date): Promise<void> {
  const at = now.toISOString();
  const existing = await db
    .selectFrom('assessment_scheme')
    .select('code')
    .where('company_id', '=', companyId)
    .execute();
  const have = new Set(existing.map((r: { code: string }) => r.code));
  for (const { template, positionCode } of DEFAULT_SCHEMES) {
    if (have.has(template.code)) continue;
    await db
      .insertInto('assessment_scheme')
      .values({
        company_id: companyId,
        code: template.code,
        name: template.name,
        position_code: positionCode,
        version: 1,
        items_json: JSON.stringify(template.items),
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  const setting = await db
    .selectFrom('assessment_setting')
    .select('company_id')
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  if (!setting) {
    await db
      .insertInto('assessment_setting')
      .values({
        company_id: companyId,
        period_start_day: DEFAULT_SETTINGS.periodStartDay,
        appeal_days: DEFAULT_SETTINGS.appealDays,
        updated_at: at,
      })
      .execute();
  }
}
