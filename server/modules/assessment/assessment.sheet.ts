/**
 * Reading sheets: the list of current sheets and one sheet as the page shows it — its rows with their
 * evidence, the appeals, the revisions and the actions the caller may take now.
 */
import type { Executor } from '../../db/database.ts';
import { type Actor, requireRole } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import type { Text } from '../../lib/i18n.ts';
import { bindUseCases } from '../../lib/use-cases.ts';
import * as appealRepo from './assessment.appeal.repository.ts';
import {
  type AssessmentCore,
  type AssessmentRow,
  fromCenti,
  parseItems,
  toSummary,
} from './assessment.core.ts';
import { compareText } from './assessment.directory.ts';
import { explainRow, NO_DATA_SOURCE } from './assessment.explain.ts';
import * as repo from './assessment.repository.ts';
import { ALLOWED_IN, type SheetAction } from './assessment.rules.ts';
import type { TAssessmentQuery } from './assessment.schemas.ts';
import { type EngineResult, type RecordRef, requiredMetricKeys } from './engine/engine.ts';

export const READERS = ['manager', 'supervisor', 'officer', 'frontdesk'] as const;

type AppealRow = Awaited<ReturnType<typeof appealRepo.listAppeals>>[number];

async function summaryOf(core: AssessmentCore, trx: Executor, actor: Actor, id: number) {
  const row = await repo.findAssessmentSummary(trx, actor, id);
  return row ? toSummary((await core.directory.withNames(trx, [row]))[0]) : undefined;
}

type CaseRow = Awaited<ReturnType<typeof appealRepo.listAppealCases>>[number];

/** The appeals with their cases, each decision with its reason and who made it. */
async function appealsOf(core: AssessmentCore, trx: Executor, appeals: AppealRow[], cases: CaseRow[]) {
  const names = await core.directory.userNames(trx, [
    ...appeals.flatMap((ap) => (ap.decided_by === null ? [ap.created_by] : [ap.created_by, ap.decided_by])),
    ...cases.flatMap((c) => (c.decided_by === null ? [] : [c.decided_by])),
  ]);
  const nameOf = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  return appeals.map((ap) => ({
    id: ap.id,
    rowKey: ap.row_key,
    cases: cases
      .filter((c) => c.appeal_id === ap.id)
      .map((c) => ({
        id: c.id,
        ref: JSON.parse(c.ref_json) as RecordRef,
        status: c.status,
        decisionReason: c.decision_reason,
        decidedByName: nameOf(c.decided_by),
        decidedAt: c.decided_at,
      })),
    rowPoints: Number(ap.row_points),
    reason: ap.reason,
    status: ap.status,
    newPoints: ap.new_points === null ? null : Number(ap.new_points),
    decisionReason: ap.decision_reason,
    decidedByName: nameOf(ap.decided_by),
    decidedAt: ap.decided_at,
    createdByName: names.get(ap.created_by) ?? '',
    createdAt: ap.created_at,
  }));
}

/** The actions the caller may take on this sheet now: the buttons the page shows. */
function actionsFor(core: AssessmentCore, actor: Actor, a: AssessmentRow, isLatest: boolean) {
  return (Object.keys(ALLOWED_IN) as SheetAction[]).filter(
    (action) =>
      isLatest &&
      ALLOWED_IN[action].includes(a.status) &&
      core.permitted(actor, a, action) &&
      (action !== 'appeal' || core.appealOpen(a)),
  );
}

/** One sheet as the caller sees it. */
export async function sheet(core: AssessmentCore, trx: Executor, actor: Actor, id: number) {
  const { registry } = core;
  const summary = await summaryOf(core, trx, actor, id);
  const a = (await repo.findAssessment(trx, actor, id)) as AssessmentRow | undefined;
  if (!summary || !a) throw notFound('考核表', 'Assessment');
  const scheme = await repo.findScheme(trx, a.scheme_id);
  const items = parseItems(scheme!.items_json);
  const result = JSON.parse(a.result_json) as EngineResult;
  const manual = await repo.listManualEntries(trx, a.id);
  const manualByRow = new Map(manual.map((m) => [`${m.rule_key}:manual:${m.id}`, m]));
  const appeals = await appealRepo.listAppeals(trx, a.id);
  const cases = await appealRepo.listAppealCases(trx, a.id);
  const ruleOf = new Map(items.flatMap((item) => item.rules.map((rule) => [rule.key, rule] as const)));
  const revisions = await repo.listRevisions(trx, actor, a.assessee_user_id, a.period);
  const latest = await repo.findLatestRevision(trx, a.assessee_user_id, a.period);
  const metricLabels: Record<string, Text> = {};
  for (const key of requiredMetricKeys({ items })) {
    const metric = registry.get(key);
    if (metric) metricLabels[key] = metric.label;
  }
  return {
    assessment: summary,
    scheme: { id: scheme!.id, name: scheme!.name, version: scheme!.version, items },
    missingMetrics: requiredMetricKeys({ items }).filter((key) => !registry.has(key)),
    metricLabels,
    rows: result.rows.map((row) => {
      const entry = manualByRow.get(row.rowKey);
      const explanation = core.say(
        actor,
        explainRow(row, {
          rule: ruleOf.get(row.ruleKey),
          metricLabels: core.metricLabels,
          manual: entry ? { reason: entry.reason, pointsGiven: entry.points !== null } : undefined,
        }),
      );
      // the engine's own words name an unregistered metric by its key: people read the plain words
      const shown = row.metricMissing
        ? { ...row, detail: NO_DATA_SOURCE['zh-CN'], explanation }
        : { ...row, explanation };
      return entry ? { ...shown, manualEntryId: entry.id, createdAt: entry.created_at } : shown;
    }),
    items: result.items,
    totalDeducted: result.totalDeducted,
    total: result.total,
    fullMarks: result.fullMarks,
    warnings: (result.warnings ?? []).map((w) => ({
      code: w.code,
      subject: w.subject,
      message: core.say(actor, w.message),
    })),
    appeals: await appealsOf(core, trx, appeals, cases),
    revisions: revisions.map((r) => ({
      id: r.id,
      revision: r.revision,
      status: r.status,
      total: fromCenti(r.totalCenti),
      revisionReason: r.revisionReason,
      createdAt: r.createdAt,
      finalizedAt: r.finalizedAt,
    })),
    actions: actionsFor(core, actor, a, latest?.id === a.id),
    appealWindowOpen: core.appealOpen(a),
  };
}

/** Sorting by the assessee's name: the names live in the user module, so this page is cut here. */
async function pageByAssesseeName(core: AssessmentCore, actor: Actor, query: TAssessmentQuery) {
  const { db, directory } = core;
  const keys = await repo.listAssessmentKeys(db, actor, query);
  const names = await directory.userNames(
    db,
    keys.map((k) => k.assesseeUserId),
  );
  const nameOf = (k: (typeof keys)[number]) => names.get(k.assesseeUserId) ?? '';
  const sign = query.order === 'desc' ? -1 : 1;
  keys.sort((x, y) => sign * compareText(nameOf(x), nameOf(y)) || x.id - y.id);
  const ids = keys.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map((k) => k.id);
  const rows = await repo.findAssessmentSummaries(db, actor, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  return { items, total: keys.length, page: query.page, pageSize: query.pageSize };
}

async function list(core: AssessmentCore, actor: Actor, query: TAssessmentQuery) {
  requireRole(actor, ...READERS);
  const { db, directory } = core;
  const page =
    query.sort === 'assesseeName'
      ? await pageByAssesseeName(core, actor, query)
      : await repo.listAssessments(db, actor, query);
  return { ...page, items: (await directory.withNames(db, page.items)).map(toSummary) };
}

async function get(core: AssessmentCore, actor: Actor, id: number) {
  requireRole(actor, ...READERS);
  return sheet(core, core.db, actor, id);
}

export function createSheets(core: AssessmentCore) {
  return bindUseCases(core, { list, get });
}
