/**
 * 申诉 appeals (docs/assessment.md, Appeals): the assessee disputes cases (evidence records) of one deducted
 * row of a published sheet — or a row without evidence as a whole — inside the window, once per row, with a
 * reason. The manager decides each case (upheld or rejected, with a reason): upheld cases leave the row and
 * its rule recomputes it from the metric values the sheet was published with; nobody types a new number.
 */
import { type Actor, requireRole } from '../../lib/actor.ts';
import { writeAudit, writeAudits } from '../../lib/audit.ts';
import { commonErrors, notFound } from '../../lib/errors.ts';
import { bindUseCases } from '../../lib/use-cases.ts';
import * as appealRepo from './assessment.appeal.repository.ts';
import { type AssessmentCore, auditSnapshot, showTime } from './assessment.core.ts';
import * as repo from './assessment.repository.ts';
import { assessmentErrors } from './assessment.rules.ts';
import type { TAppealDecision, TAppealInput } from './assessment.schemas.ts';
import { READERS, sheet } from './assessment.sheet.ts';
import type { DeductionRow, EngineResult, RecordRef } from './engine/engine.ts';

const invalid = (core: AssessmentCore, actor: Actor, field: string, zh: string, en: string) =>
  commonErrors.VALIDATION({}, [{ field, message: core.say(actor, { 'zh-CN': zh, 'en-US': en }) }]);

const refKey = (ref: { entity: string; id: number | string }) => `${ref.entity}:${String(ref.id)}`;

type CaseRow = Awaited<ReturnType<typeof appealRepo.listAppealCases>>[number];

/** A disputed case as people read it in the audit trail: the record's label. */
function caseLabel(c: CaseRow) {
  const ref = JSON.parse(c.ref_json) as RecordRef;
  return ref.label ?? `${c.entity} ${c.record_id}`;
}

/** A row is appealed case by case when the rule counted records; a manual row or one without records as a whole. */
export function appealsByCase(row: Pick<DeductionRow, 'source' | 'evidence'>) {
  return row.source === 'auto' && row.evidence.length > 0;
}

/** The row's evidence records the appeal names, checked: each one listed by the row, none twice. */
function disputedCases(core: AssessmentCore, actor: Actor, row: DeductionRow, input: TAppealInput) {
  const picked = input.cases ?? [];
  if (!appealsByCase(row)) {
    if (picked.length > 0)
      throw invalid(
        core,
        actor,
        'cases',
        '此行没有可选的案例，请对整行申诉',
        'This row lists no cases; appeal the row as a whole',
      );
    return [];
  }
  if (picked.length === 0)
    throw invalid(
      core,
      actor,
      'cases',
      '请勾选要申诉的案例（至少一项）',
      'Tick the cases you dispute (at least one)',
    );
  const byKey = new Map(row.evidence.map((ref) => [refKey(ref), ref]));
  const seen = new Set<string>();
  return picked.map((p) => {
    const ref = byKey.get(refKey(p));
    if (!ref || seen.has(refKey(p)))
      throw invalid(
        core,
        actor,
        'cases',
        '所选案例不在此行的扣分依据中，或重复选择',
        "A ticked case is not in this row's evidence, or is ticked twice",
      );
    seen.add(refKey(p));
    return ref;
  });
}

/** 申诉: the assessee disputes cases of one row (or a row without cases), inside the window, once per row. */
async function appeal(core: AssessmentCore, actor: Actor, id: number, input: TAppealInput) {
  const { transact, nowIso } = core;
  return transact(async (trx) => {
    const a = await core.loadForAction(trx, actor, id, 'appeal');
    if (!core.appealOpen(a))
      throw assessmentErrors.APPEAL_WINDOW_CLOSED({ deadline: showTime(a.appeal_deadline) });
    const result = JSON.parse(a.result_json) as EngineResult;
    const row = result.rows.find((r) => r.rowKey === input.rowKey);
    if (!row || row.points <= 0) {
      throw invalid(
        core,
        actor,
        'rowKey',
        '只能对有扣分的行申诉',
        'Only a row with a deduction can be appealed',
      );
    }
    const refs: RecordRef[] = disputedCases(core, actor, row, input);
    if ((await appealRepo.listAppeals(trx, id)).some((ap) => ap.row_key === input.rowKey)) {
      throw assessmentErrors.APPEAL_EXISTS();
    }
    const appeal = await appealRepo.insertAppeal(trx, {
      assessment_id: id,
      project_id: a.project_id,
      row_key: input.rowKey,
      row_points: row.points,
      reason: input.reason.trim(),
      status: 'pending',
      new_points: null,
      decision_reason: null,
      decided_by: null,
      decided_at: null,
      created_by: actor.userId,
      created_at: nowIso(),
    });
    const cases = await appealRepo.insertAppealCases(
      trx,
      refs.map((ref) => ({
        appeal_id: appeal.id,
        assessment_id: id,
        entity: ref.entity,
        record_id: String(ref.id),
        ref_json: JSON.stringify(ref),
        status: 'pending' as const,
        decision_reason: null,
        decided_by: null,
        decided_at: null,
      })),
    );
    const disputed = cases.map((c) => ({ caseId: c.id, record: caseLabel(c) }));
    await writeAudit(trx, actor, {
      entity: 'assessment_appeal',
      entityId: appeal.id,
      projectId: a.project_id,
      action: 'create',
      after: { ...appeal, cases: disputed },
    });
    await writeAudit(trx, actor, {
      entity: 'assessment',
      entityId: id,
      projectId: a.project_id,
      action: 'appeal',
      after: { appealId: appeal.id, rowKey: input.rowKey, reason: appeal.reason, cases: disputed },
    });
    return sheet(core, trx, actor, id);
  });
}

/** The decisions as given, checked: an appeal of cases decides every case once; a whole row, one decision. */
function decisionsOf(core: AssessmentCore, actor: Actor, cases: CaseRow[], input: TAppealDecision) {
  if (cases.length === 0) {
    if (input.cases?.length)
      throw invalid(core, actor, 'cases', '此申诉针对整行，无需逐项裁定', 'This appeal is of the whole row');
    if (!input.decision)
      throw invalid(core, actor, 'decision', '请选择申诉成立或驳回', 'Choose upheld or rejected');
    if (!input.reason) throw invalid(core, actor, 'reason', '请填写原因', 'Please give a reason');
    return [];
  }
  const given = input.cases ?? [];
  const ids = new Set(cases.map((c) => c.id));
  const decided = new Set<number>();
  for (const d of given) {
    if (!ids.has(d.caseId) || decided.has(d.caseId))
      throw invalid(
        core,
        actor,
        'cases',
        '裁定的案例不属于此申诉，或重复裁定',
        'A decided case is not part of this appeal, or is decided twice',
      );
    decided.add(d.caseId);
  }
  if (decided.size !== ids.size)
    throw invalid(
      core,
      actor,
      'cases',
      `请逐项裁定全部 ${ids.size} 个申诉案例`,
      `Decide each of the ${ids.size} disputed cases`,
    );
  return given.map((d) => ({ ...d, reason: d.reason.trim() }));
}

/**
 * The manager decides each disputed case (or the whole row) with a reason; upheld cases leave the row and
 * the rule recomputes it. The appeal is upheld when any case is.
 */
async function decideAppeal(core: AssessmentCore, actor: Actor, appealId: number, input: TAppealDecision) {
  const { transact, nowIso } = core;
  return transact(async (trx) => {
    const appeal = await appealRepo.findAppeal(trx, actor, appealId);
    if (!appeal) throw notFound('申诉', 'Appeal');
    const a = await core.loadForAction(trx, actor, appeal.assessment_id, 'decide');
    if (appeal.status !== 'pending') throw assessmentErrors.APPEAL_DECIDED();
    const cases = (await appealRepo.listAppealCases(trx, a.id)).filter((c) => c.appeal_id === appealId);
    const perCase = decisionsOf(core, actor, cases, input);
    const at = nowIso();
    const decidedCases: CaseRow[] = [];
    for (const d of perCase) {
      const done = await appealRepo.updatePendingCase(trx, d.caseId, {
        status: d.decision,
        decision_reason: d.reason,
        decided_by: actor.userId,
        decided_at: at,
      });
      if (!done) throw assessmentErrors.APPEAL_DECIDED();
      decidedCases.push(done);
    }
    const upheldCount = perCase.filter((d) => d.decision === 'upheld').length;
    const status = cases.length
      ? upheldCount > 0
        ? 'upheld'
        : 'rejected'
      : (input.decision as 'upheld' | 'rejected');
    const summary = core.say(actor, {
      'zh-CN': `成立 ${upheldCount} 项，驳回 ${perCase.length - upheldCount} 项`,
      'en-US': `${upheldCount} upheld, ${perCase.length - upheldCount} rejected`,
    });
    const decided = await appealRepo.updatePendingAppeal(trx, appealId, {
      status,
      new_points: null,
      decision_reason: cases.length ? (input.reason?.trim() ?? summary) : input.reason!.trim(),
      decided_by: actor.userId,
      decided_at: at,
    });
    if (!decided) throw assessmentErrors.APPEAL_DECIDED();
    const saved = await core.saveUnlocked(trx, a.id, await core.recompute(trx, a, false));
    await writeAudits(
      trx,
      actor,
      decidedCases.map((c) => ({
        entity: 'assessment_appeal',
        entityId: appealId,
        projectId: a.project_id,
        action: c.status === 'upheld' ? 'uphold_case' : 'reject_case',
        before: { caseId: c.id, record: caseLabel(c), status: 'pending' },
        after: { caseId: c.id, status: c.status, reason: c.decision_reason },
      })),
    );
    await writeAudit(trx, actor, {
      entity: 'assessment_appeal',
      entityId: appealId,
      projectId: a.project_id,
      action: status === 'upheld' ? 'uphold' : 'reject',
      before: appeal,
      after: decided,
    });
    await writeAudit(trx, actor, {
      entity: 'assessment',
      entityId: a.id,
      projectId: a.project_id,
      action: 'decide_appeal',
      before: auditSnapshot(a),
      after: { ...auditSnapshot(saved), appealId, decision: status, reason: decided.decision_reason },
    });
    const out = await sheet(core, trx, actor, a.id);
    await core.events(trx, {
      projectId: a.project_id,
      event: 'assessment_appeal.decided',
      entity: 'assessment_appeal',
      entityId: appealId,
      text: `申诉已处理：${out.assessment.assesseeName} ${out.assessment.period} 第 ${appeal.row_key.split(':')[0]} 项，${status === 'upheld' ? '成立' : '驳回'}（${decided.decision_reason ?? ''}），现得分 ${out.assessment.total}`,
    });
    return out;
  });
}

/** The appeals the caller may see across sheets (the manager's inbox), newest first. */
async function listAppeals(core: AssessmentCore, actor: Actor, status?: string) {
  const { db, directory } = core;
  requireRole(actor, ...READERS);
  const rows = await appealRepo.listVisibleAppeals(db, actor, status);
  return (await directory.withNames(db, rows)).map(
    ({ assesseeUserId: _e, assessorUserId: _r, ...row }) => row,
  );
}

/** Where an appeal lives: the evidence link of rule 1.4 opens the appealed sheet. */
async function findAppeal(core: AssessmentCore, actor: Actor, appealId: number) {
  const { db } = core;
  requireRole(actor, ...READERS);
  const appeal = await appealRepo.findAppeal(db, actor, appealId);
  if (!appeal || !(await repo.findAssessment(db, actor, appeal.assessment_id)))
    throw notFound('申诉', 'Appeal');
  return { id: appeal.id, assessmentId: appeal.assessment_id, rowKey: appeal.row_key };
}

export function createAppeals(core: AssessmentCore) {
  return bindUseCases(core, { appeal, decideAppeal, listAppeals, findAppeal });
}
