/**
 * 申诉 appeals (docs/assessment.md, Appeals): the assessee disputes one deducted row of a published sheet,
 * inside the window, once per row; the manager upholds (the row is removed or lowered) or rejects, with a
 * reason, and the sheet is recomputed from the metric values it was published with.
 */
import { type Actor, requireRole } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { commonErrors, notFound } from '../../lib/errors.ts';
import { bindUseCases } from '../../lib/use-cases.ts';
import * as appealRepo from './assessment.appeal.repository.ts';
import { type AssessmentCore, auditSnapshot, showTime } from './assessment.core.ts';
import * as repo from './assessment.repository.ts';
import { assessmentErrors } from './assessment.rules.ts';
import type { TAppealDecision, TAppealInput } from './assessment.schemas.ts';
import { READERS, sheet } from './assessment.sheet.ts';
import type { EngineResult } from './engine/engine.ts';
import { hasAtMostTwoDecimals } from './engine/exact.ts';

const invalid = (core: AssessmentCore, actor: Actor, field: string, zh: string, en: string) =>
  commonErrors.VALIDATION({}, [{ field, message: core.say(actor, { 'zh-CN': zh, 'en-US': en }) }]);

/** 申诉: the assessee disputes one row, inside the window, once per row. */
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
    await writeAudit(trx, actor, {
      entity: 'assessment_appeal',
      entityId: appeal.id,
      projectId: a.project_id,
      action: 'create',
      after: appeal,
    });
    await writeAudit(trx, actor, {
      entity: 'assessment',
      entityId: id,
      projectId: a.project_id,
      action: 'appeal',
      after: { appealId: appeal.id, rowKey: input.rowKey, reason: appeal.reason },
    });
    return sheet(core, trx, actor, id);
  });
}

/** The manager upholds (row removed or reduced) or rejects, with a reason; the score is recomputed. */
async function decideAppeal(core: AssessmentCore, actor: Actor, appealId: number, input: TAppealDecision) {
  const { transact, nowIso } = core;
  return transact(async (trx) => {
    const appeal = await appealRepo.findAppeal(trx, actor, appealId);
    if (!appeal) throw notFound('申诉', 'Appeal');
    const a = await core.loadForAction(trx, actor, appeal.assessment_id, 'decide');
    if (appeal.status !== 'pending') throw assessmentErrors.APPEAL_DECIDED();
    const newPoints = input.decision === 'upheld' ? (input.newPoints ?? 0) : null;
    const rowPoints = Number(appeal.row_points);
    if (newPoints !== null && !hasAtMostTwoDecimals(newPoints)) {
      // exact points: refused, never rounded (assessment.points.ts)
      throw invalid(core, actor, 'newPoints', '扣分最多保留两位小数', 'Points allow at most two decimals');
    }
    if (newPoints !== null && newPoints >= rowPoints) {
      throw invalid(
        core,
        actor,
        'newPoints',
        `申诉成立时，调整后的扣分须小于原扣分 ${rowPoints} 分（0 表示撤销）`,
        `An upheld appeal lowers the row below its ${rowPoints} points (0 removes it)`,
      );
    }
    const decided = await appealRepo.updatePendingAppeal(trx, appealId, {
      status: input.decision,
      new_points: newPoints,
      decision_reason: input.reason.trim(),
      decided_by: actor.userId,
      decided_at: nowIso(),
    });
    if (!decided) throw assessmentErrors.APPEAL_DECIDED();
    const saved = await core.saveUnlocked(trx, a.id, await core.recompute(trx, a, false));
    await writeAudit(trx, actor, {
      entity: 'assessment_appeal',
      entityId: appealId,
      projectId: a.project_id,
      action: input.decision === 'upheld' ? 'uphold' : 'reject',
      before: appeal,
      after: decided,
    });
    await writeAudit(trx, actor, {
      entity: 'assessment',
      entityId: a.id,
      projectId: a.project_id,
      action: 'decide_appeal',
      before: auditSnapshot(a),
      after: { ...auditSnapshot(saved), appealId, decision: input.decision },
    });
    return sheet(core, trx, actor, a.id);
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
