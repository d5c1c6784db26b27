/**
 * A sheet's life (docs/assessment.md, Lifecycle): created as a draft from the assessee's scheme, refreshed
 * from the data, manual rows added or removed, published (公示) with an appeal window, finalized (定稿,
 * locked), and corrected only by a revision (修订). Each action is one transaction with its audit row.
 */

import type { Executor } from '../../db/database.ts';
import { type Actor, requireRole } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { commonErrors, notFound } from '../../lib/errors.ts';
import { formatLocal } from '../../lib/time.ts';
import { bindUseCases } from '../../lib/use-cases.ts';
import * as appealRepo from './assessment.appeal.repository.ts';
import {
  type AssessmentCore,
  type AssessmentRow,
  auditSnapshot,
  isManager,
  parseItems,
} from './assessment.core.ts';
import type { Assessee } from './assessment.directory.ts';
import { periodRange } from './assessment.periods.ts';
import { checkManualEntry } from './assessment.points.ts';
import * as repo from './assessment.repository.ts';
import { assessmentErrors, assessmentReferenceErrors } from './assessment.rules.ts';
import type { TAssessmentCreate, TManualEntryInput } from './assessment.schemas.ts';
import { sheet } from './assessment.sheet.ts';
import type { EngineResult } from './engine/engine.ts';

/**
 * The appeal window is counted in whole days from the publishing instant (published 10:30, three days:
 * until 10:30 three days later) — instants, not calendar dates, so it is plain instant arithmetic.
 */
const DAY_MS = 86_400_000;

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The scheme a new sheet uses: the one asked for, else the latest of the assessee's position. */
async function schemeFor(
  core: AssessmentCore,
  trx: Executor,
  actor: Actor,
  person: Assessee,
  schemeId: number | undefined,
) {
  const { say } = core;
  const chosen = schemeId ? await repo.findScheme(trx, schemeId) : undefined;
  if (schemeId && !chosen) {
    throw assessmentReferenceErrors.missing({ entity: { 'zh-CN': '考核方案', 'en-US': 'scheme' } }, [
      { field: 'schemeId', message: say(actor, { 'zh-CN': '考核方案不存在', 'en-US': 'No such scheme' }) },
    ]);
  }
  const scheme = schemeId
    ? chosen
    : person.positionCode
      ? await repo.latestSchemeForPosition(trx, person.companyId, person.positionCode)
      : undefined;
  if (!scheme || scheme.company_id !== person.companyId) {
    throw commonErrors.VALIDATION({}, [
      {
        field: schemeId ? 'schemeId' : 'assesseeUserId',
        message: say(actor, {
          'zh-CN': `${person.name}的岗位（${person.positionName ?? '未设岗位'}）没有考核方案`,
          'en-US': `No assessment scheme for ${person.name}'s position (${person.positionName ?? 'none'})`,
        }),
      },
    ]);
  }
  return scheme;
}

async function insertDraft(
  core: AssessmentCore,
  trx: Executor,
  actor: Actor,
  person: Assessee,
  schemeId: number,
  period: string,
  range: { periodStart: string; periodEnd: string },
) {
  const { nowIso } = core;
  const at = nowIso();
  const row = {
    company_id: person.companyId,
    project_id: person.projectId,
    scheme_id: schemeId,
    assessee_user_id: person.userId,
    assessee_employee_id: person.employeeId,
    assessor_user_id: actor.userId,
    period,
    period_start: range.periodStart,
    period_end: range.periodEnd,
    revision: 1,
    revision_of: null,
    revision_reason: null,
    status: 'draft' as const,
    total_centi: 0,
    full_marks_centi: 0,
    metrics_json: '{}',
    result_json: '{"rows":[],"items":[],"totalDeducted":0,"total":0,"fullMarks":0}',
    computed_at: null,
    published_at: null,
    published_by: null,
    appeal_deadline: null,
    finalized_at: null,
    finalized_by: null,
    created_by: actor.userId,
    created_at: at,
    updated_at: at,
  };
  return (await repo.insertAssessment(trx, row).catch((error: unknown) => {
    // two people creating the same sheet at once: the unique key decides, the loser hears why
    if (isUniqueViolation(error)) throw assessmentErrors.ASSESSMENT_EXISTS({ name: person.name, period });
    throw error;
  })) as AssessmentRow;
}

/** A changed draft: recomputed from the data, audited, shown again. */
async function recomputeAndAudit(
  core: AssessmentCore,
  trx: Executor,
  actor: Actor,
  a: AssessmentRow,
  action: string,
  extra: { before?: object; after?: object } = {},
) {
  const saved = await core.saveUnlocked(trx, a.id, await core.recompute(trx, a, true));
  await writeAudit(trx, actor, {
    entity: 'assessment',
    entityId: a.id,
    projectId: a.project_id,
    action,
    before: { ...auditSnapshot(a), ...extra.before },
    after: { ...auditSnapshot(saved), ...extra.after },
  });
  return sheet(core, trx, actor, a.id);
}

/** A revision's copies: manual rows get new ids; an appeal decision follows its row to the new key. */
async function carryOver(trx: Executor, old: AssessmentRow, createdId: number) {
  const manualMap = new Map<string, string>();
  for (const m of await repo.listManualEntries(trx, old.id)) {
    const { id: oldId, ...entry } = m;
    const copied = await repo.insertManualEntry(trx, { ...entry, assessment_id: createdId });
    manualMap.set(`${m.rule_key}:manual:${oldId}`, `${m.rule_key}:manual:${copied.id}`);
  }
  const oldResult = JSON.parse(old.result_json) as EngineResult;
  const cases = await appealRepo.listAppealCases(trx, old.id);
  for (const ap of await appealRepo.listAppeals(trx, old.id)) {
    if (ap.status === 'pending') continue;
    const { id: oldAppealId, ...rest } = ap;
    const rowKey = manualMap.get(ap.row_key) ?? ap.row_key;
    if (!oldResult.rows.some((r) => r.rowKey === ap.row_key)) continue;
    const copied = await appealRepo.insertAppeal(trx, { ...rest, row_key: rowKey, assessment_id: createdId });
    // the decided cases follow their appeal, so the upheld ones stay out of the revision's row
    await appealRepo.insertAppealCases(
      trx,
      cases
        .filter((c) => c.appeal_id === oldAppealId)
        .map(({ id: _c, ...c }) => ({ ...c, appeal_id: copied.id, assessment_id: createdId })),
    );
  }
}

// ---- whom the caller may assess ----

async function listAssessees(core: AssessmentCore, actor: Actor, projectId?: number) {
  const { transact, directory } = core;
  requireRole(actor, 'manager', 'supervisor');
  return transact(async (trx) => {
    const companyId = await core.companyOf(trx, actor);
    await core.ensureDefaults(trx, companyId);
    const people = (await directory.assessees(trx, actor, { projectId })).filter(
      (p) => p.userId !== actor.userId && (isManager(actor) || p.role === 'officer'),
    );
    const out = [];
    for (const p of people) {
      const scheme = p.positionCode
        ? await repo.latestSchemeForPosition(trx, p.companyId, p.positionCode)
        : undefined;
      const { companyId: _c, ...rest } = p;
      out.push({ ...rest, schemeId: scheme?.id ?? null, schemeName: scheme?.name ?? null });
    }
    return out;
  });
}

async function create(core: AssessmentCore, actor: Actor, input: TAssessmentCreate) {
  const { transact, directory } = core;
  requireRole(actor, 'manager', 'supervisor');
  return transact(async (trx) => {
    const [person] = await directory.assessees(trx, actor, { userId: input.assesseeUserId });
    if (!person) {
      throw assessmentReferenceErrors.missing({ entity: { 'zh-CN': '被考核人', 'en-US': 'assessee' } }, [
        {
          field: 'assesseeUserId',
          message: core.say(actor, { 'zh-CN': '被考核人不存在', 'en-US': 'No such assessee' }),
        },
      ]);
    }
    // a supervisor assesses the officers of their project; managers assess anyone in theirs; nobody themselves
    if (person.userId === actor.userId || (!isManager(actor) && person.role !== 'officer')) {
      throw commonErrors.FORBIDDEN();
    }
    await core.ensureDefaults(trx, person.companyId);
    const scheme = await schemeFor(core, trx, actor, person, input.schemeId);
    if (await repo.findLatestRevision(trx, person.userId, input.period)) {
      throw assessmentErrors.ASSESSMENT_EXISTS({ name: person.name, period: input.period });
    }
    const settings = await core.settingsOf(trx, person.companyId);
    const range = periodRange(input.period, settings.periodStartDay);
    const created = await insertDraft(core, trx, actor, person, scheme.id, input.period, range);
    const saved = await core.saveUnlocked(trx, created.id, await core.recompute(trx, created, true));
    await writeAudit(trx, actor, {
      entity: 'assessment',
      entityId: saved.id,
      projectId: saved.project_id,
      action: 'create',
      after: auditSnapshot(saved),
    });
    return sheet(core, trx, actor, saved.id);
  });
}

/** 重新计算: a draft's auto rows re-read from the data. */
async function refresh(core: AssessmentCore, actor: Actor, id: number) {
  const { transact } = core;
  return transact(async (trx) => {
    const a = await core.loadForAction(trx, actor, id, 'refresh');
    return recomputeAndAudit(core, trx, actor, a, 'refresh');
  });
}

async function addManualEntry(core: AssessmentCore, actor: Actor, id: number, input: TManualEntryInput) {
  const { transact, nowIso } = core;
  return transact(async (trx) => {
    const a = await core.loadForAction(trx, actor, id, 'addManual');
    const scheme = await repo.findScheme(trx, a.scheme_id);
    checkManualEntry(actor, parseItems(scheme!.items_json), input);
    const entry = await repo.insertManualEntry(trx, {
      assessment_id: id,
      rule_key: input.ruleKey,
      quantity: input.quantity,
      points: input.points ?? null,
      reason: input.reason.trim(),
      evidence_json: JSON.stringify(input.evidence ?? []),
      by_user_id: actor.userId,
      by_name: actor.displayName,
      created_at: nowIso(),
    });
    return recomputeAndAudit(core, trx, actor, a, 'add_manual', { after: { manualEntry: entry } });
  });
}

async function deleteManualEntry(core: AssessmentCore, actor: Actor, id: number, entryId: number) {
  const { transact } = core;
  return transact(async (trx) => {
    const a = await core.loadForAction(trx, actor, id, 'deleteManual');
    const entry = await repo.findManualEntry(trx, id, entryId);
    if (!entry) throw notFound('人工扣分', 'Manual deduction');
    await repo.deleteManualEntry(trx, entryId);
    return recomputeAndAudit(core, trx, actor, a, 'delete_manual', { before: { manualEntry: entry } });
  });
}

/** 公示: recomputed from the data one last time, shown to the assessee, appeal window opens. */
async function publish(core: AssessmentCore, actor: Actor, id: number) {
  const { transact } = core;
  return transact(async (trx) => {
    const a = await core.loadForAction(trx, actor, id, 'publish');
    const settings = await core.settingsOf(trx, a.company_id);
    const now = core.clock.now();
    const computed = await core.recompute(trx, a, true);
    const saved = await core.saveUnlocked(
      trx,
      id,
      {
        ...computed,
        status: 'published',
        published_at: now.toISOString(),
        published_by: actor.userId,
        appeal_deadline: new Date(now.getTime() + settings.appealDays * DAY_MS).toISOString(),
      },
      { from: a.status, action: 'publish' },
    );
    await writeAudit(trx, actor, {
      entity: 'assessment',
      entityId: id,
      projectId: a.project_id,
      action: 'publish',
      before: auditSnapshot(a),
      after: auditSnapshot(saved),
    });
    const out = await sheet(core, trx, actor, id);
    const s = out.assessment;
    await core.events(trx, {
      projectId: a.project_id,
      event: 'assessment.published',
      entity: 'assessment',
      entityId: id,
      text: `考核表已公示：${s.assesseeName} ${s.period}，得分 ${s.total}，申诉截止 ${formatLocal(s.appealDeadline)}`,
    });
    return out;
  });
}

/** 定稿: locked from here on. */
async function finalize(core: AssessmentCore, actor: Actor, id: number) {
  const { transact, nowIso } = core;
  return transact(async (trx) => {
    const a = await core.loadForAction(trx, actor, id, 'finalize');
    const pending = await appealRepo.countPendingAppeals(trx, id);
    if (pending > 0) throw assessmentErrors.APPEALS_PENDING({ count: pending });
    const at = nowIso();
    const saved = await core.saveUnlocked(
      trx,
      id,
      {
        status: 'finalized',
        finalized_at: at,
        finalized_by: actor.userId,
        updated_at: at,
      },
      { from: a.status, action: 'finalize' },
    );
    await writeAudit(trx, actor, {
      entity: 'assessment',
      entityId: id,
      projectId: a.project_id,
      action: 'finalize',
      before: auditSnapshot(a),
      after: auditSnapshot(saved),
    });
    return sheet(core, trx, actor, id);
  });
}

/**
 * 修订: a correction of a finalized sheet is the next revision, a new draft with the reason; the
 * finalized one stays as it was and visible. Manual rows and appeal decisions carry over.
 */
async function revise(core: AssessmentCore, actor: Actor, id: number, reason: string) {
  const { transact, nowIso } = core;
  return transact(async (trx) => {
    const old = await core.loadForAction(trx, actor, id, 'revise');
    const at = nowIso();
    const { id: _id, ...copy } = old;
    const created = (await repo.insertAssessment(trx, {
      ...copy,
      revision: old.revision + 1,
      revision_of: old.id,
      revision_reason: reason.trim(),
      status: 'draft',
      published_at: null,
      published_by: null,
      appeal_deadline: null,
      finalized_at: null,
      finalized_by: null,
      assessor_user_id: old.assessor_user_id,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    })) as AssessmentRow;
    await carryOver(trx, old, created.id);
    const saved = await core.saveUnlocked(trx, created.id, await core.recompute(trx, created, true));
    await writeAudit(trx, actor, {
      entity: 'assessment',
      entityId: saved.id,
      projectId: saved.project_id,
      action: 'revise',
      before: { revisionOf: old.id, ...auditSnapshot(old) },
      after: { reason: saved.revision_reason, ...auditSnapshot(saved) },
    });
    return sheet(core, trx, actor, saved.id);
  });
}

export function createLifecycle(core: AssessmentCore) {
  return bindUseCases(core, {
    listAssessees,
    create,
    refresh,
    addManualEntry,
    deleteManualEntry,
    publish,
    finalize,
    revise,
  });
}
