/**
 * What the sheet's use cases share: the metric registry, one transaction per action, the company's
 * settings, the one permission check ("may this actor do this action on this sheet now?") and the
 * recompute through the pure engine.
 */
import type { DB, Executor } from '../../db/database.ts';
import type { Actor } from '../../lib/actor.ts';
import { commonErrors, notFound } from '../../lib/errors.ts';
import { type EmitEvent, noEvents } from '../../lib/events.ts';
import type { Text } from '../../lib/i18n.ts';
import type { MetricDefinition } from '../../lib/metrics.ts';
import { type Clock, formatLocal } from '../../lib/time.ts';
import { bindUseCases } from '../../lib/use-cases.ts';
import * as appealRepo from './assessment.appeal.repository.ts';
import { metricContext, sheetReach } from './assessment.context.ts';
import { installDefaultSchemes } from './assessment.defaults.ts';
import { createDirectory, type Directory, type DirectoryDeps } from './assessment.directory.ts';
import * as repo from './assessment.repository.ts';
import {
  ACTION_TEXT,
  ALLOWED_IN,
  assessmentErrors,
  type SheetAction,
  STATUS_TEXT,
} from './assessment.rules.ts';
import type { AssessmentTable } from './assessment.tables.ts';
import {
  computeAssessment,
  type ManualEntry,
  type MetricValue,
  type RecordRef,
  requiredMetricSlots,
  type SchemeItem,
} from './engine/engine.ts';

export type AssessmentRow = AssessmentTable & { id: number };

export interface AssessmentDeps extends DirectoryDeps {
  db: DB;
  clock: Clock;
  /** every metric the data modules register (app.ts hands them in) */
  metrics: MetricDefinition[];
  /** tells the message channels of a publication or an appeal's decision (server/lib/events.ts) */
  events?: EmitEvent;
}

export const centi = (points: number) => Math.round(points * 100);
export const fromCenti = (value: number) => value / 100;

export function parseItems(json: string): SchemeItem[] {
  return JSON.parse(json) as SchemeItem[];
}

export function toSummary<T extends { totalCenti: number; fullMarksCenti: number }>(row: T) {
  const { totalCenti, fullMarksCenti, ...rest } = row;
  return { ...rest, total: fromCenti(totalCenti), fullMarks: fromCenti(fullMarksCenti) };
}

export function auditSnapshot(a: AssessmentRow) {
  return {
    status: a.status,
    total: fromCenti(a.total_centi),
    revision: a.revision,
    appealDeadline: a.appeal_deadline,
    schemeId: a.scheme_id,
  };
}

/** An instant as people read it on the sheet, Asia/Shanghai. */
export function showTime(iso: string | null) {
  return iso ? formatLocal(iso) : '—';
}

export function isManager(actor: Actor) {
  return actor.role === 'admin' || actor.role === 'manager';
}

/** What every shared step reads: the database, the clock, the metric registry, the directory. */
interface CoreBase {
  db: DB;
  clock: Clock;
  registry: Map<string, MetricDefinition>;
  /** the data module's own words name its rows on the sheet */
  metricLabels: Record<string, Text>;
  directory: Directory;
  events: EmitEvent;
}

const nowIsoOf = (base: CoreBase) => base.clock.now().toISOString();

async function companyOf(base: CoreBase, trx: Executor, actor: Actor): Promise<number> {
  const id = await base.directory.companyIdOf(trx, actor.projectIds[0]);
  if (!id) throw notFound('公司', 'Company');
  return id;
}

/** A company created after the migration gets the default schemes on first use. */
async function ensureDefaults(base: CoreBase, trx: Executor, companyId: number) {
  await installDefaultSchemes(trx as never, companyId, base.clock.now());
}

async function settingsOf(base: CoreBase, trx: Executor, companyId: number) {
  await ensureDefaults(base, trx, companyId);
  const row = await repo.findSettings(trx, companyId);
  return {
    periodStartDay: row?.period_start_day ?? 1,
    appealDays: row?.appeal_days ?? 3,
    countRenovating: Number(row?.count_renovating ?? 0) === 1,
    version: Number(row?.version ?? 1),
  };
}

// ---- permissions: one function answers "may this actor do this action on this sheet now?" ----
function mayEdit(actor: Actor, a: AssessmentRow) {
  return isManager(actor) || a.assessor_user_id === actor.userId;
}
function appealOpen(base: CoreBase, a: AssessmentRow) {
  return a.status === 'published' && !!a.appeal_deadline && nowIsoOf(base) < a.appeal_deadline;
}
function permitted(base: CoreBase, actor: Actor, a: AssessmentRow, action: SheetAction): boolean {
  switch (action) {
    case 'refresh':
    case 'addManual':
    case 'deleteManual':
    case 'publish':
    case 'revise':
      return mayEdit(actor, a);
    case 'appeal':
      return a.assessee_user_id === actor.userId;
    case 'decide':
      // the manager decides (a supervisor never decides appeals against their own assessment)
      return isManager(actor);
    case 'finalize':
      return isManager(actor) || (a.assessor_user_id === actor.userId && !appealOpen(base, a));
  }
}

/** Role, then lock, then state: the order of the answers a caller gets. */
async function guard(base: CoreBase, trx: Executor, actor: Actor, a: AssessmentRow, action: SheetAction) {
  if (!permitted(base, actor, a, action)) {
    if (action === 'finalize' && mayEdit(actor, a) && appealOpen(base, a)) {
      throw assessmentErrors.APPEAL_WINDOW_OPEN({ deadline: showTime(a.appeal_deadline) });
    }
    throw commonErrors.FORBIDDEN();
  }
  if (a.status === 'finalized' && action !== 'revise') throw assessmentErrors.ASSESSMENT_LOCKED();
  if (!ALLOWED_IN[action].includes(a.status)) {
    throw commonErrors.ILLEGAL_TRANSITION({ from: STATUS_TEXT[a.status], action: ACTION_TEXT[action] });
  }
  const latest = await repo.findLatestRevision(trx, a.assessee_user_id, a.period);
  if (latest && latest.id !== a.id) throw assessmentErrors.NOT_LATEST_REVISION({ revision: a.revision });
}

async function loadForAction(base: CoreBase, trx: Executor, actor: Actor, id: number, action: SheetAction) {
  const a = await repo.findAssessment(trx, actor, id);
  if (!a) throw notFound('考核表', 'Assessment');
  await guard(base, trx, actor, a as AssessmentRow, action);
  return a as AssessmentRow;
}

// ---- computing ----
async function readMetrics(base: CoreBase, trx: Executor, a: AssessmentRow, items: SchemeItem[]) {
  const values: Record<string, MetricValue> = {};
  const slots = requiredMetricSlots({ items });
  if (slots.length === 0) return values;
  // whose facts count and the window that counts (the period cut to the beginnings): assessment.context.ts
  const reach = await sheetReach(trx, base.directory, a);
  const companyId = await base.directory.companyIdOf(trx, a.project_id);
  const row = companyId ? await repo.findSettings(trx, companyId) : undefined;
  const countRenovating = Number(row?.count_renovating ?? 0) === 1;
  for (const { metricKey, scope } of slots) {
    const metric = base.registry.get(metricKey);
    // an unregistered metric stays absent: the engine marks its rule metricMissing (behaves as manual)
    if (!metric) continue;
    const ctx = metricContext(trx, base.clock, a, reach, metric, scope, countRenovating);
    values[metricKey] = (await metric.compute(ctx)) as MetricValue;
  }
  return values;
}

async function manualEntries(trx: Executor, assessmentId: number): Promise<ManualEntry[]> {
  return (await repo.listManualEntries(trx, assessmentId)).map((m) => ({
    id: m.id,
    ruleKey: m.rule_key,
    quantity: Number(m.quantity),
    points: m.points === null ? undefined : Number(m.points),
    reason: m.reason,
    evidence: JSON.parse(m.evidence_json) as RecordRef[],
    by: m.by_name,
  }));
}

/**
 * What decided appeals change: an upheld case leaves its rule's row (the rule recomputes it); an upheld
 * appeal of a whole row (a row without evidence) removes that row.
 */
async function appealOutcomes(trx: Executor, assessmentId: number) {
  const appeals = await appealRepo.listAppeals(trx, assessmentId);
  const cases = await appealRepo.listAppealCases(trx, assessmentId);
  const withCases = new Set(cases.map((c) => c.appeal_id));
  const adjustments = appeals
    .filter((ap) => ap.status === 'upheld' && !withCases.has(ap.id))
    .map((ap) => ({
      rowKey: ap.row_key,
      newPoints: Number(ap.new_points ?? 0),
      reason: ap.decision_reason ?? '',
    }));
  const ruleOf = new Map(appeals.map((ap) => [ap.id, ap.row_key.replace(/:auto$/, '')]));
  const exclusions = cases
    .filter((c) => c.status === 'upheld' && ruleOf.has(c.appeal_id))
    .map((c) => ({
      ruleKey: ruleOf.get(c.appeal_id)!,
      ref: JSON.parse(c.ref_json) as RecordRef,
      reason: c.decision_reason ?? '',
    }));
  return { adjustments, exclusions };
}

/**
 * Recomputes a sheet. `fromData` re-reads the metrics (a draft's refresh); otherwise the metric values of
 * the last refresh are reused, so deciding an appeal on a published sheet changes only that row.
 */
async function recompute(base: CoreBase, trx: Executor, a: AssessmentRow, fromData: boolean) {
  const scheme = await repo.findScheme(trx, a.scheme_id);
  if (!scheme) throw notFound('考核方案', 'Scheme');
  const items = parseItems(scheme.items_json);
  const metricValues = fromData ? await readMetrics(base, trx, a, items) : JSON.parse(a.metrics_json);
  const { adjustments, exclusions } = await appealOutcomes(trx, a.id);
  const result = computeAssessment({
    scheme: { items },
    metrics: metricValues,
    manual: await manualEntries(trx, a.id),
    adjustments,
    exclusions,
    metricLabels: base.metricLabels,
  });
  const at = nowIsoOf(base);
  return {
    metrics_json: JSON.stringify(metricValues),
    result_json: JSON.stringify(result),
    total_centi: centi(result.total),
    full_marks_centi: centi(result.fullMarks),
    computed_at: at,
    updated_at: at,
  };
}

async function saveUnlocked(
  _base: CoreBase,
  trx: Executor,
  id: number,
  patch: Parameters<typeof repo.updateUnlockedAssessment>[2],
  /** for a move: the status it was checked in and the action, so a lost race is a 409 that says so */
  move?: { from: AssessmentRow['status']; action: SheetAction },
) {
  const row = await repo.updateUnlockedAssessment(trx, id, patch, move?.from);
  if (!row && move) {
    const now = await repo.findAssessmentById(trx, id);
    if (now && now.status !== 'finalized')
      throw commonErrors.ILLEGAL_TRANSITION({
        from: STATUS_TEXT[now.status],
        action: ACTION_TEXT[move.action],
      });
  }
  if (!row) throw assessmentErrors.ASSESSMENT_LOCKED();
  return row as AssessmentRow;
}

export type AssessmentCore = ReturnType<typeof createAssessmentCore>;

export function createAssessmentCore({
  db,
  clock,
  metrics,
  events = noEvents,
  ...directoryDeps
}: AssessmentDeps) {
  const registry = new Map<string, MetricDefinition>();
  for (const metric of metrics) {
    if (registry.has(metric.key)) throw new Error(`assessment metric "${metric.key}" is registered twice`);
    registry.set(metric.key, metric);
  }
  const metricLabels = Object.fromEntries([...registry.values()].map((m) => [m.key, m.label]));
  const base: CoreBase = {
    db,
    clock,
    registry,
    metricLabels,
    directory: createDirectory(directoryDeps),
    events,
  };
  return {
    ...base,
    nowIso: () => nowIsoOf(base),
    /**
     * One transaction per user action. Given a transaction as its db (the demo seeder builds four months
     * of sheets in one), the service runs inside it instead of opening its own.
     */
    transact: <T>(fn: (trx: Executor) => Promise<T>): Promise<T> =>
      db.isTransaction ? fn(db) : db.transaction().execute(fn),
    say: (actor: Actor, text: Text) => text[actor.locale],
    ...bindUseCases(base, {
      companyOf,
      ensureDefaults,
      settingsOf,
      permitted,
      appealOpen,
      loadForAction,
      recompute,
      saveUnlocked,
    }),
  };
}
