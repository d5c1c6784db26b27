/**
 * 考核方案 schemes (company-wide, versioned), the registered metrics they may name, and the company's
 * assessment settings (period start day, appeal days).
 */
import type { Executor } from '../../db/database.ts';
import { type Actor, requireRole } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { commonErrors, notFound } from '../../lib/errors.ts';
import type { Text } from '../../lib/i18n.ts';
import { type MetricScope, scopesOf } from '../../lib/metrics.ts';
import { bindUseCases } from '../../lib/use-cases.ts';
import { assertVersion, staleEdit } from '../../lib/versioning.ts';
import { type AssessmentCore, parseItems } from './assessment.core.ts';
import { periodOf } from './assessment.periods.ts';
import * as repo from './assessment.repository.ts';
import { assessmentErrors } from './assessment.rules.ts';
import type { TSchemeInput, TSettings } from './assessment.schemas.ts';
import { READERS } from './assessment.sheet.ts';
import { type SchemeItem, validateScheme } from './engine/engine.ts';

type SchemeRow = NonNullable<Awaited<ReturnType<typeof repo.findScheme>>>;

const SCOPE_TEXT: Record<MetricScope, Text> = {
  own: { 'zh-CN': '本人', 'en-US': 'own' },
  team: { 'zh-CN': '本班组', 'en-US': 'own team' },
  project: { 'zh-CN': '本项目', 'en-US': 'own project' },
};

/** The engine's checks, then: a rule's scope must be one its registered metric can count by. */
function schemeIssues(core: AssessmentCore, actor: Actor, input: TSchemeInput) {
  const issues = validateScheme({ items: input.items as SchemeItem[] }).map((i) => ({
    field: i.path,
    message: i.message[actor.locale],
  }));
  input.items.forEach((item, i) => {
    item.rules.forEach((rule, j) => {
      const metric = rule.metricKey ? core.registry.get(rule.metricKey) : undefined;
      if (!metric || !rule.scope) return;
      const { scopes } = scopesOf(metric);
      if (scopes.includes(rule.scope)) return;
      const allowed = scopes
        .map((x) => SCOPE_TEXT[x][actor.locale])
        .join(actor.locale === 'zh-CN' ? '、' : ', ');
      issues.push({
        field: `items/${i}/rules/${j}/scope`,
        message: core.say(actor, {
          'zh-CN': `规则 ${rule.key} 的指标只能按${allowed}统计`,
          'en-US': `Rule ${rule.key}: its metric counts by ${allowed} only`,
        }),
      });
    });
  });
  if (issues.length) throw commonErrors.VALIDATION({}, issues);
}

async function toSchemeDto(trx: Executor, row: SchemeRow) {
  const latest = await repo.latestSchemeOfCode(trx, row.company_id, row.code);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    positionCode: row.position_code,
    version: row.version,
    editVersion: Number(row.edit_version),
    latest: latest?.id === row.id,
    inUse: await repo.schemeInUse(trx, row.id),
    items: parseItems(row.items_json),
    updatedAt: row.updated_at,
  };
}

/** A scheme of the caller's company, else not found. */
async function ownScheme(core: AssessmentCore, trx: Executor, actor: Actor, id: number) {
  const row = await repo.findScheme(trx, id);
  if (!row || row.company_id !== (await core.companyOf(trx, actor))) throw notFound('考核方案', 'Scheme');
  return row;
}

/** the registered metric keys (for the scheme editor and the docs) */
function listMetrics(core: AssessmentCore, actor: Actor) {
  requireRole(actor, ...READERS);
  return [...core.registry.values()]
    .map((m) => ({ key: m.key, label: m.label, description: m.description }))
    .sort((x, y) => (x.key < y.key ? -1 : 1));
}

async function listSchemes(core: AssessmentCore, actor: Actor) {
  const { transact } = core;
  requireRole(actor, ...READERS);
  return transact(async (trx) => {
    const companyId = await core.companyOf(trx, actor);
    await core.ensureDefaults(trx, companyId);
    const rows = await repo.listSchemes(trx, companyId);
    return Promise.all(rows.map((r) => toSchemeDto(trx, r)));
  });
}

async function getScheme(core: AssessmentCore, actor: Actor, id: number) {
  const { db } = core;
  requireRole(actor, ...READERS);
  return toSchemeDto(db, await ownScheme(core, db, actor, id));
}

async function createScheme(core: AssessmentCore, actor: Actor, input: TSchemeInput) {
  const { transact, nowIso } = core;
  requireRole(actor);
  schemeIssues(core, actor, input);
  return transact(async (trx) => {
    const companyId = await core.companyOf(trx, actor);
    const code = input.code ?? `scheme-${Date.now().toString(36)}`;
    if (await repo.latestSchemeOfCode(trx, companyId, code)) {
      throw commonErrors.DUPLICATE({ field: '方案编码', value: code });
    }
    const at = nowIso();
    const row = await repo.insertScheme(trx, {
      company_id: companyId,
      code,
      name: input.name,
      position_code: input.positionCode,
      version: 1,
      items_json: JSON.stringify(input.items),
      created_by: actor.userId || null,
      created_at: at,
      updated_at: at,
    });
    await writeAudit(trx, actor, {
      entity: 'assessment_scheme',
      entityId: row.id,
      action: 'create',
      after: row,
    });
    return toSchemeDto(trx, row);
  });
}

/** Editing a version no assessment uses changes it; editing a used one makes the next version. */
async function updateScheme(core: AssessmentCore, actor: Actor, id: number, input: TSchemeInput) {
  const { transact, nowIso } = core;
  requireRole(actor);
  schemeIssues(core, actor, input);
  return transact(async (trx) => {
    const before = await ownScheme(core, trx, actor, id);
    const latest = await repo.latestSchemeOfCode(trx, before.company_id, before.code);
    if (latest && latest.id !== before.id)
      throw assessmentErrors.SCHEME_NOT_LATEST({ version: latest.version });
    // optimistic locking: the edit is conditional on the edit version the form was opened with
    const editVersion = await assertVersion(
      trx,
      actor,
      'assessment_scheme',
      id,
      { version: before.edit_version },
      input.editVersion,
    );
    if (!(await repo.bumpSchemeEditVersion(trx, id, editVersion))) {
      throw await staleEdit(
        trx,
        'assessment_scheme',
        id,
        await toSchemeDto(trx, (await repo.findScheme(trx, id))!),
      );
    }
    const at = nowIso();
    const content = {
      name: input.name,
      position_code: input.positionCode,
      items_json: JSON.stringify(input.items),
      updated_at: at,
    };
    const used = await repo.schemeInUse(trx, id);
    const row = used
      ? await repo.insertScheme(trx, {
          ...content,
          company_id: before.company_id,
          code: before.code,
          version: before.version + 1,
          created_by: actor.userId || null,
          created_at: at,
        })
      : await repo.updateScheme(trx, id, content);
    await writeAudit(trx, actor, {
      entity: 'assessment_scheme',
      entityId: row.id,
      action: used ? 'new_version' : 'update',
      before,
      after: row,
    });
    return toSchemeDto(trx, row);
  });
}

// ---- settings ----

async function getSettings(core: AssessmentCore, actor: Actor) {
  const { clock, transact } = core;
  requireRole(actor, ...READERS);
  return transact(async (trx) => {
    const settings = await core.settingsOf(trx, await core.companyOf(trx, actor));
    return { ...settings, currentPeriod: periodOf(clock.now(), settings.periodStartDay) };
  });
}

async function updateSettings(core: AssessmentCore, actor: Actor, input: TSettings) {
  const { clock, transact, nowIso } = core;
  requireRole(actor);
  return transact(async (trx) => {
    const companyId = await core.companyOf(trx, actor);
    const before = await core.settingsOf(trx, companyId);
    const out = (s: typeof before) => ({ ...s, currentPeriod: periodOf(clock.now(), s.periodStartDay) });
    const version = await assertVersion(
      trx,
      actor,
      'assessment_setting',
      companyId,
      out(before),
      input.version,
    );
    const countRenovating = input.countRenovating ?? before.countRenovating;
    const saved = await repo.updateSettings(trx, companyId, version, {
      period_start_day: input.periodStartDay,
      appeal_days: input.appealDays,
      count_renovating: countRenovating ? 1 : 0,
      updated_at: nowIso(),
    });
    if (!saved) {
      throw await staleEdit(trx, 'assessment_setting', companyId, out(await core.settingsOf(trx, companyId)));
    }
    const after = {
      periodStartDay: input.periodStartDay,
      appealDays: input.appealDays,
      countRenovating,
      version: Number(saved.version),
    };
    await writeAudit(trx, actor, {
      entity: 'assessment_setting',
      entityId: companyId,
      action: 'update',
      before,
      after,
    });
    return out(after);
  });
}

export function createSchemes(core: AssessmentCore) {
  return bindUseCases(core, {
    listMetrics,
    listSchemes,
    getScheme,
    createScheme,
    updateScheme,
    getSettings,
    updateSettings,
  });
}
