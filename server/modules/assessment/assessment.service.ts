/**
 * 考核 assessment service: schemes with versions, monthly periods, the sheet's lifecycle
 * (draft → published 公示 with an appeal window → finalized, locked), refresh from the registered metrics,
 * manual rows, appeals (申诉) per row, revisions. The pure engine computes; this file decides who may do
 * what, when, and keeps every change in one transaction with its audit row.
 */
import type { DB, Executor } from '../../db/database.ts';
import { type Actor, requireRole } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { commonErrors, defineErrors, notFound } from '../../lib/errors.ts';
import type { Text } from '../../lib/i18n.ts';
import type { MetricContext, MetricDefinition } from '../../lib/metrics.ts';
import { type Clock, dayjs, ZONE } from '../../lib/time.ts';
import { installDefaultSchemes } from './assessment.defaults.ts';
import { isPeriod, periodOf, periodRange, previousPeriods } from './assessment.periods.ts';
import * as repo from './assessment.repository.ts';
import type {
  TAppealDecision,
  TAppealInput,
  TAssessmentCreate,
  TAssessmentQuery,
  TManualEntryInput,
  TSchemeInput,
  TSettings,
} from './assessment.schemas.ts';
import type { AssessmentStatus, AssessmentTable } from './assessment.tables.ts';
import {
  computeAssessment,
  type EngineResult,
  type ManualEntry,
  type MetricValue,
  type RecordRef,
  requiredMetricKeys,
  type SchemeItem,
  validateScheme,
} from './engine/engine.ts';

export const assessmentErrors = defineErrors({
  ASSESSMENT_LOCKED: {
    status: 409,
    'zh-CN': '考核表已定稿锁定，不能再做任何修改；如需更正，请创建修订版并说明原因',
    'en-US':
      'The assessment is finalized and locked; nothing can change. Create a revision with a reason to correct it',
  },
  ASSESSMENT_EXISTS: {
    status: 409,
    'zh-CN': '{name} 在 {period} 已有考核表',
    'en-US': '{name} already has an assessment for {period}',
  },
  NOT_LATEST_REVISION: {
    status: 409,
    'zh-CN': '这是旧版本（第 {revision} 版），只能在最新版本上操作',
    'en-US': 'This is an old revision ({revision}); act on the latest one',
  },
  APPEAL_WINDOW_CLOSED: {
    status: 409,
    'zh-CN': '申诉期已于 {deadline} 结束，不能再申诉',
    'en-US': 'The appeal window closed at {deadline}',
  },
  APPEAL_EXISTS: {
    status: 409,
    'zh-CN': '该扣分项已申诉过，每项只能申诉一次',
    'en-US': 'This deduction has already been appealed; one appeal per row',
  },
  APPEAL_DECIDED: {
    status: 409,
    'zh-CN': '该申诉已处理，不能重复处理',
    'en-US': 'This appeal has already been decided',
  },
  APPEALS_PENDING: {
    status: 409,
    'zh-CN': '还有 {count} 条申诉未处理，处理完毕后才能定稿',
    'en-US': '{count} appeal(s) still pending; decide them before finalizing',
  },
  APPEAL_WINDOW_OPEN: {
    status: 409,
    'zh-CN': '申诉期至 {deadline} 才结束，届时方可定稿（经理可提前定稿）',
    'en-US': 'The appeal window runs until {deadline}; finalize after it (a manager may finalize earlier)',
  },
  SCHEME_NOT_LATEST: {
    status: 409,
    'zh-CN': '只能编辑考核方案的最新版本（当前最新为第 {version} 版）',
    'en-US': 'Only the latest version of a scheme can be edited (latest: version {version})',
  },
});

const STATUS_TEXT: Record<AssessmentStatus, Text> = {
  draft: { 'zh-CN': '草稿', 'en-US': 'draft' },
  published: { 'zh-CN': '公示中', 'en-US': 'published' },
  finalized: { 'zh-CN': '已定稿', 'en-US': 'finalized' },
};

export type SheetAction =
  | 'refresh'
  | 'addManual'
  | 'deleteManual'
  | 'publish'
  | 'appeal'
  | 'decide'
  | 'finalize'
  | 'revise';

const ACTION_TEXT: Record<SheetAction, Text> = {
  refresh: { 'zh-CN': '重新计算', 'en-US': 'refresh' },
  addManual: { 'zh-CN': '添加人工扣分', 'en-US': 'add a manual deduction' },
  deleteManual: { 'zh-CN': '删除人工扣分', 'en-US': 'delete a manual deduction' },
  publish: { 'zh-CN': '发布公示', 'en-US': 'publish' },
  appeal: { 'zh-CN': '申诉', 'en-US': 'appeal' },
  decide: { 'zh-CN': '处理申诉', 'en-US': 'decide an appeal' },
  finalize: { 'zh-CN': '定稿', 'en-US': 'finalize' },
  revise: { 'zh-CN': '创建修订版', 'en-US': 'create a revision' },
};

/**
 * The state machine, written once: in which states each action is allowed. A finalized sheet allows only
 * a revision (a new row); everything else on it is ASSESSMENT_LOCKED.
 */
export const ALLOWED_IN: Record<SheetAction, readonly AssessmentStatus[]> = {
  refresh: ['draft'],
  addManual: ['draft'],
  deleteManual: ['draft'],
  publish: ['draft'],
  appeal: ['published'],
  decide: ['published'],
  finalize: ['published'],
  revise: ['finalized'],
};

type AssessmentRow = AssessmentTable & { id: number };

export interface AssessmentDeps {
  db: DB;
  clock: Clock;
  /** every metric the data modules register (app.ts hands them in) */
  metrics: MetricDefinition[];
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

const centi = (points: number) => Math.round(points * 100);
const fromCenti = (value: number) => value / 100;

export function createAssessmentService({ db, clock, metrics }: AssessmentDeps) {
  const registry = new Map<string, MetricDefinition>();
  for (const metric of metrics) {
    if (registry.has(metric.key)) throw new Error(`assessment metric "${metric.key}" is registered twice`);
    registry.set(metric.key, metric);
  }
  // the data module's own words name its rows on the sheet
  const metricLabels = Object.fromEntries([...registry.values()].map((m) => [m.key, m.label]));
  const nowIso = () => clock.now().toISOString();
  /**
   * One transaction per user action. Given a transaction as its db (the demo seeder builds four months of
   * sheets in one), the service runs inside it instead of opening its own.
   */
  const transact = <T>(fn: (trx: Executor) => Promise<T>): Promise<T> =>
    db.isTransaction ? fn(db) : db.transaction().execute(fn);
  const say = (actor: Actor, text: Text) => text[actor.locale];

  async function companyOf(trx: Executor, actor: Actor): Promise<number> {
    const fromProject = actor.projectIds[0] ? await repo.companyIdOfProject(trx, actor.projectIds[0]) : null;
    const id = fromProject ?? (await repo.firstCompanyId(trx));
    if (!id) throw notFound('公司', 'Company');
    return id;
  }

  /** A company created after the migration gets the default schemes on first use. */
  async function ensureDefaults(trx: Executor, companyId: number) {
    await installDefaultSchemes(trx as never, companyId, clock.now());
  }

  async function settingsOf(trx: Executor, companyId: number) {
    await ensureDefaults(trx, companyId);
    const row = await repo.findSettings(trx, companyId);
    return { periodStartDay: row?.period_start_day ?? 1, appealDays: row?.appeal_days ?? 3 };
  }

  function parseItems(json: string): SchemeItem[] {
    return JSON.parse(json) as SchemeItem[];
  }

  // ---- permissions: one function answers "may this actor do this action on this sheet now?" ----
  function isManager(actor: Actor) {
    return actor.role === 'admin' || actor.role === 'manager';
  }
  function mayEdit(actor: Actor, a: AssessmentRow) {
    return isManager(actor) || a.assessor_user_id === actor.userId;
  }
  function appealOpen(a: AssessmentRow) {
    return a.status === 'published' && !!a.appeal_deadline && clock.now().toISOString() < a.appeal_deadline;
  }
  function permitted(actor: Actor, a: AssessmentRow, action: SheetAction): boolean {
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
        return isManager(actor) || (a.assessor_user_id === actor.userId && !appealOpen(a));
    }
  }

  /** Role, then lock, then state: the order of the answers a caller gets. */
  async function guard(trx: Executor, actor: Actor, a: AssessmentRow, action: SheetAction) {
    if (!permitted(actor, a, action)) {
      if (action === 'finalize' && mayEdit(actor, a) && appealOpen(a)) {
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

  async function loadForAction(trx: Executor, actor: Actor, id: number, action: SheetAction) {
    const a = await repo.findAssessment(trx, actor, id);
    if (!a) throw notFound('考核表', 'Assessment');
    await guard(trx, actor, a as AssessmentRow, action);
    return a as AssessmentRow;
  }

  // ---- computing ----
  async function readMetrics(trx: Executor, a: AssessmentRow, items: SchemeItem[]) {
    const values: Record<string, MetricValue> = {};
    const ctx: MetricContext = {
      db: trx,
      projectId: a.project_id,
      assesseeUserId: a.assessee_user_id,
      assesseeEmployeeId: a.assessee_employee_id,
      periodStart: a.period_start,
      periodEnd: a.period_end,
      periodStartAt: dayjs.tz(`${a.period_start} 00:00:00`, ZONE).toISOString(),
      periodEndAt: dayjs.tz(`${a.period_end} 00:00:00`, ZONE).toISOString(),
      now: clock.now(),
    };
    for (const key of requiredMetricKeys({ items })) {
      const metric = registry.get(key);
      // an unregistered metric stays absent: the engine marks its rule metricMissing (behaves as manual)
      if (metric) values[key] = (await metric.compute(ctx)) as MetricValue;
    }
    return values;
  }

  /**
   * Recomputes a sheet. `fromData` re-reads the metrics (a draft's refresh); otherwise the metric values of
   * the last refresh are reused, so deciding an appeal on a published sheet changes only that row.
   */
  async function recompute(trx: Executor, a: AssessmentRow, fromData: boolean) {
    const scheme = await repo.findScheme(trx, a.scheme_id);
    if (!scheme) throw notFound('考核方案', 'Scheme');
    const items = parseItems(scheme.items_json);
    const metricValues = fromData ? await readMetrics(trx, a, items) : JSON.parse(a.metrics_json);
    const manual: ManualEntry[] = (await repo.listManualEntries(trx, a.id)).map((m) => ({
      id: m.id,
      ruleKey: m.rule_key,
      quantity: Number(m.quantity),
      points: m.points === null ? undefined : Number(m.points),
      reason: m.reason,
      evidence: JSON.parse(m.evidence_json) as RecordRef[],
      by: m.by_name,
    }));
    const adjustments = (await repo.listAppeals(trx, a.id))
      .filter((ap) => ap.status === 'upheld')
      .map((ap) => ({
        rowKey: ap.row_key,
        newPoints: Number(ap.new_points ?? 0),
        reason: ap.decision_reason ?? '',
      }));
    const result = computeAssessment({
      scheme: { items },
      metrics: metricValues,
      manual,
      adjustments,
      metricLabels,
    });
    const at = nowIso();
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
    trx: Executor,
    id: number,
    patch: Parameters<typeof repo.updateUnlockedAssessment>[2],
  ) {
    const row = await repo.updateUnlockedAssessment(trx, id, patch);
    if (!row) throw assessmentErrors.ASSESSMENT_LOCKED();
    return row as AssessmentRow;
  }

  function auditSnapshot(a: AssessmentRow) {
    return {
      status: a.status,
      total: fromCenti(a.total_centi),
      revision: a.revision,
      appealDeadline: a.appeal_deadline,
      schemeId: a.scheme_id,
    };
  }

  function showTime(iso: string | null) {
    return iso ? dayjs(iso).tz(ZONE).format('YYYY-MM-DD HH:mm') : '—';
  }

  // ---- reading a sheet ----
  async function sheet(trx: Executor, actor: Actor, id: number) {
    const summary = await repo.findAssessmentSummary(trx, actor, id);
    const a = (await repo.findAssessment(trx, actor, id)) as AssessmentRow | undefined;
    if (!summary || !a) throw notFound('考核表', 'Assessment');
    const scheme = await repo.findScheme(trx, a.scheme_id);
    const items = parseItems(scheme!.items_json);
    const result = JSON.parse(a.result_json) as EngineResult;
    const manual = await repo.listManualEntries(trx, a.id);
    const manualByRow = new Map(manual.map((m) => [`${m.rule_key}:manual:${m.id}`, m]));
    const appeals = await repo.listAppeals(trx, a.id);
    const revisions = await repo.listRevisions(trx, actor, a.assessee_user_id, a.period);
    const latest = await repo.findLatestRevision(trx, a.assessee_user_id, a.period);
    const isLatest = latest?.id === a.id;
    const actions = (Object.keys(ALLOWED_IN) as SheetAction[]).filter(
      (action) =>
        isLatest &&
        ALLOWED_IN[action].includes(a.status) &&
        permitted(actor, a, action) &&
        (action !== 'appeal' || appealOpen(a)),
    );
    const metricLabels: Record<string, Text> = {};
    for (const key of requiredMetricKeys({ items })) {
      const metric = registry.get(key);
      if (metric) metricLabels[key] = metric.label;
    }
    return {
      assessment: toSummary(summary),
      scheme: { id: scheme!.id, name: scheme!.name, version: scheme!.version, items },
      missingMetrics: requiredMetricKeys({ items }).filter((key) => !registry.has(key)),
      metricLabels,
      rows: result.rows.map((row) => {
        const entry = manualByRow.get(row.rowKey);
        return entry ? { ...row, manualEntryId: entry.id, createdAt: entry.created_at } : row;
      }),
      items: result.items,
      totalDeducted: result.totalDeducted,
      total: result.total,
      fullMarks: result.fullMarks,
      warnings: (result.warnings ?? []).map((w) => ({
        code: w.code,
        subject: w.subject,
        message: say(actor, w.message),
      })),
      appeals: appeals.map((ap) => ({
        id: ap.id,
        rowKey: ap.row_key,
        rowPoints: Number(ap.row_points),
        reason: ap.reason,
        status: ap.status,
        newPoints: ap.new_points === null ? null : Number(ap.new_points),
        decisionReason: ap.decision_reason,
        decidedByName: ap.decided_by_name ?? null,
        decidedAt: ap.decided_at,
        createdByName: ap.created_by_name,
        createdAt: ap.created_at,
      })),
      revisions: revisions.map((r) => ({
        id: r.id,
        revision: r.revision,
        status: r.status,
        total: fromCenti(r.totalCenti),
        revisionReason: r.revisionReason,
        createdAt: r.createdAt,
        finalizedAt: r.finalizedAt,
      })),
      actions,
      appealWindowOpen: appealOpen(a),
    };
  }

  function toSummary<T extends { totalCenti: number; fullMarksCenti: number }>(row: T) {
    const { totalCenti, fullMarksCenti, ...rest } = row;
    return { ...rest, total: fromCenti(totalCenti), fullMarks: fromCenti(fullMarksCenti) };
  }

  function schemeIssues(actor: Actor, input: TSchemeInput) {
    const issues = validateScheme({ items: input.items as SchemeItem[] });
    if (issues.length) {
      throw commonErrors.VALIDATION(
        {},
        issues.map((i) => ({ field: i.path, message: i.message[actor.locale] })),
      );
    }
  }

  async function toSchemeDto(trx: Executor, row: NonNullable<Awaited<ReturnType<typeof repo.findScheme>>>) {
    const latest = await repo.latestSchemeOfCode(trx, row.company_id, row.code);
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      positionCode: row.position_code,
      version: row.version,
      latest: latest?.id === row.id,
      inUse: await repo.schemeInUse(trx, row.id),
      items: parseItems(row.items_json),
      updatedAt: row.updated_at,
    };
  }

  return {
    /** the registered metric keys (for the scheme editor and the docs) */
    listMetrics(actor: Actor) {
      requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
      return [...registry.values()]
        .map((m) => ({ key: m.key, label: m.label, description: m.description }))
        .sort((x, y) => (x.key < y.key ? -1 : 1));
    },

    // ---- schemes 考核方案 ----
    async listSchemes(actor: Actor) {
      requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
      return transact(async (trx) => {
        const companyId = await companyOf(trx, actor);
        await ensureDefaults(trx, companyId);
        const rows = await repo.listSchemes(trx, companyId);
        return Promise.all(rows.map((r) => toSchemeDto(trx, r)));
      });
    },
    async getScheme(actor: Actor, id: number) {
      requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
      const row = await repo.findScheme(db, id);
      if (!row || row.company_id !== (await companyOf(db, actor))) throw notFound('考核方案', 'Scheme');
      return toSchemeDto(db, row);
    },
    async createScheme(actor: Actor, input: TSchemeInput) {
      requireRole(actor);
      schemeIssues(actor, input);
      return transact(async (trx) => {
        const companyId = await companyOf(trx, actor);
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
    },
    /** Editing a version no assessment uses changes it; editing a used one makes the next version. */
    async updateScheme(actor: Actor, id: number, input: TSchemeInput) {
      requireRole(actor);
      schemeIssues(actor, input);
      return transact(async (trx) => {
        const before = await repo.findScheme(trx, id);
        if (!before || before.company_id !== (await companyOf(trx, actor)))
          throw notFound('考核方案', 'Scheme');
        const latest = await repo.latestSchemeOfCode(trx, before.company_id, before.code);
        if (latest && latest.id !== before.id)
          throw assessmentErrors.SCHEME_NOT_LATEST({ version: latest.version });
        const at = nowIso();
        const content = {
          name: input.name,
          position_code: input.positionCode,
          items_json: JSON.stringify(input.items),
          updated_at: at,
        };
        if (await repo.schemeInUse(trx, id)) {
          const row = await repo.insertScheme(trx, {
            ...content,
            company_id: before.company_id,
            code: before.code,
            version: before.version + 1,
            created_by: actor.userId || null,
            created_at: at,
          });
          await writeAudit(trx, actor, {
            entity: 'assessment_scheme',
            entityId: row.id,
            action: 'new_version',
            before,
            after: row,
          });
          return toSchemeDto(trx, row);
        }
        const row = await repo.updateScheme(trx, id, content);
        await writeAudit(trx, actor, {
          entity: 'assessment_scheme',
          entityId: id,
          action: 'update',
          before,
          after: row,
        });
        return toSchemeDto(trx, row);
      });
    },

    // ---- settings ----
    async getSettings(actor: Actor) {
      requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
      return transact(async (trx) => {
        const companyId = await companyOf(trx, actor);
        const settings = await settingsOf(trx, companyId);
        return { ...settings, currentPeriod: periodOf(clock.now(), settings.periodStartDay) };
      });
    },
    async updateSettings(actor: Actor, input: TSettings) {
      requireRole(actor);
      return transact(async (trx) => {
        const companyId = await companyOf(trx, actor);
        const before = await settingsOf(trx, companyId);
        await repo.updateSettings(trx, companyId, {
          period_start_day: input.periodStartDay,
          appeal_days: input.appealDays,
          updated_at: nowIso(),
        });
        await writeAudit(trx, actor, {
          entity: 'assessment_setting',
          entityId: companyId,
          action: 'update',
          before,
          after: input,
        });
        return { ...input, currentPeriod: periodOf(clock.now(), input.periodStartDay) };
      });
    },

    // ---- whom the caller may assess ----
    async listAssessees(actor: Actor, projectId?: number) {
      requireRole(actor, 'manager', 'supervisor');
      return transact(async (trx) => {
        const companyId = await companyOf(trx, actor);
        await ensureDefaults(trx, companyId);
        const people = (await repo.listAssessees(trx, actor, projectId)).filter(
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
    },

    // ---- assessments ----
    async list(actor: Actor, query: TAssessmentQuery) {
      requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
      const page = await repo.listAssessments(db, actor, query);
      return { ...page, items: page.items.map(toSummary) };
    },
    async get(actor: Actor, id: number) {
      requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
      return sheet(db, actor, id);
    },

    async create(actor: Actor, input: TAssessmentCreate) {
      requireRole(actor, 'manager', 'supervisor');
      return transact(async (trx) => {
        const person = await repo.findAssessee(trx, actor, input.assesseeUserId);
        if (!person) throw notFound('被考核人', 'Assessee');
        // a supervisor assesses the officers of their project; managers assess anyone in theirs; nobody themselves
        if (person.userId === actor.userId || (!isManager(actor) && person.role !== 'officer')) {
          throw commonErrors.FORBIDDEN();
        }
        await ensureDefaults(trx, person.companyId);
        const scheme = input.schemeId
          ? await repo.findScheme(trx, input.schemeId)
          : person.positionCode
            ? await repo.latestSchemeForPosition(trx, person.companyId, person.positionCode)
            : undefined;
        if (!scheme || scheme.company_id !== person.companyId) {
          throw commonErrors.VALIDATION({}, [
            {
              field: input.schemeId ? 'schemeId' : 'assesseeUserId',
              message: say(actor, {
                'zh-CN': `${person.name}的岗位（${person.positionName ?? '未设岗位'}）没有考核方案`,
                'en-US': `No assessment scheme for ${person.name}'s position (${person.positionName ?? 'none'})`,
              }),
            },
          ]);
        }
        if (await repo.findLatestRevision(trx, person.userId, input.period)) {
          throw assessmentErrors.ASSESSMENT_EXISTS({ name: person.name, period: input.period });
        }
        const settings = await settingsOf(trx, person.companyId);
        const range = periodRange(input.period, settings.periodStartDay);
        const at = nowIso();
        const created = (await repo
          .insertAssessment(trx, {
            company_id: person.companyId,
            project_id: person.projectId,
            scheme_id: scheme.id,
            assessee_user_id: person.userId,
            assessee_employee_id: person.employeeId,
            assessor_user_id: actor.userId,
            period: input.period,
            period_start: range.periodStart,
            period_end: range.periodEnd,
            revision: 1,
            revision_of: null,
            revision_reason: null,
            status: 'draft',
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
          })
          .catch((error: unknown) => {
            // two people creating the same sheet at once: the unique key decides, the loser hears why
            if (isUniqueViolation(error)) {
              throw assessmentErrors.ASSESSMENT_EXISTS({ name: person.name, period: input.period });
            }
            throw error;
          })) as AssessmentRow;
        const saved = await saveUnlocked(trx, created.id, await recompute(trx, created, true));
        await writeAudit(trx, actor, {
          entity: 'assessment',
          entityId: saved.id,
          projectId: saved.project_id,
          action: 'create',
          after: auditSnapshot(saved),
        });
        return sheet(trx, actor, saved.id);
      });
    },

    /** 重新计算: a draft's auto rows re-read from the data. */
    async refresh(actor: Actor, id: number) {
      return transact(async (trx) => {
        const a = await loadForAction(trx, actor, id, 'refresh');
        const saved = await saveUnlocked(trx, id, await recompute(trx, a, true));
        await writeAudit(trx, actor, {
          entity: 'assessment',
          entityId: id,
          projectId: a.project_id,
          action: 'refresh',
          before: auditSnapshot(a),
          after: auditSnapshot(saved),
        });
        return sheet(trx, actor, id);
      });
    },

    async addManualEntry(actor: Actor, id: number, input: TManualEntryInput) {
      return transact(async (trx) => {
        const a = await loadForAction(trx, actor, id, 'addManual');
        const scheme = await repo.findScheme(trx, a.scheme_id);
        const rules = parseItems(scheme!.items_json).flatMap((item) => item.rules);
        const rule = rules.find((r) => r.key === input.ruleKey);
        if (!rule) {
          throw commonErrors.VALIDATION({}, [
            {
              field: 'ruleKey',
              message: say(actor, {
                'zh-CN': '方案中没有这条考核办法',
                'en-US': 'No such rule in the scheme',
              }),
            },
          ]);
        }
        if ((input.points === undefined || input.points === null) && rule.pointsPerUnit === 0) {
          throw commonErrors.VALIDATION({}, [
            {
              field: 'points',
              message: say(actor, {
                'zh-CN': `第 ${rule.key} 条没有单位扣分，请填写扣分分值`,
                'en-US': `Rule ${rule.key} has no points per case: give the points`,
              }),
            },
          ]);
        }
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
        const saved = await saveUnlocked(trx, id, await recompute(trx, a, true));
        await writeAudit(trx, actor, {
          entity: 'assessment',
          entityId: id,
          projectId: a.project_id,
          action: 'add_manual',
          before: auditSnapshot(a),
          after: { ...auditSnapshot(saved), manualEntry: entry },
        });
        return sheet(trx, actor, id);
      });
    },

    async deleteManualEntry(actor: Actor, id: number, entryId: number) {
      return transact(async (trx) => {
        const a = await loadForAction(trx, actor, id, 'deleteManual');
        const entry = await repo.findManualEntry(trx, id, entryId);
        if (!entry) throw notFound('人工扣分', 'Manual deduction');
        await repo.deleteManualEntry(trx, entryId);
        const saved = await saveUnlocked(trx, id, await recompute(trx, a, true));
        await writeAudit(trx, actor, {
          entity: 'assessment',
          entityId: id,
          projectId: a.project_id,
          action: 'delete_manual',
          before: { ...auditSnapshot(a), manualEntry: entry },
          after: auditSnapshot(saved),
        });
        return sheet(trx, actor, id);
      });
    },

    /** 公示: recomputed from the data one last time, shown to the assessee, appeal window opens. */
    async publish(actor: Actor, id: number) {
      return transact(async (trx) => {
        const a = await loadForAction(trx, actor, id, 'publish');
        const settings = await settingsOf(trx, a.company_id);
        const now = clock.now();
        const computed = await recompute(trx, a, true);
        const saved = await saveUnlocked(trx, id, {
          ...computed,
          status: 'published',
          published_at: now.toISOString(),
          published_by: actor.userId,
          appeal_deadline: new Date(now.getTime() + settings.appealDays * 86_400_000).toISOString(),
        });
        await writeAudit(trx, actor, {
          entity: 'assessment',
          entityId: id,
          projectId: a.project_id,
          action: 'publish',
          before: auditSnapshot(a),
          after: auditSnapshot(saved),
        });
        return sheet(trx, actor, id);
      });
    },

    /** 申诉: the assessee disputes one row, inside the window, once per row. */
    async appeal(actor: Actor, id: number, input: TAppealInput) {
      return transact(async (trx) => {
        const a = await loadForAction(trx, actor, id, 'appeal');
        if (!appealOpen(a))
          throw assessmentErrors.APPEAL_WINDOW_CLOSED({ deadline: showTime(a.appeal_deadline) });
        const result = JSON.parse(a.result_json) as EngineResult;
        const row = result.rows.find((r) => r.rowKey === input.rowKey);
        if (!row || row.points <= 0) {
          throw commonErrors.VALIDATION({}, [
            {
              field: 'rowKey',
              message: say(actor, {
                'zh-CN': '只能对有扣分的行申诉',
                'en-US': 'Only a row with a deduction can be appealed',
              }),
            },
          ]);
        }
        if ((await repo.listAppeals(trx, id)).some((ap) => ap.row_key === input.rowKey)) {
          throw assessmentErrors.APPEAL_EXISTS();
        }
        const appeal = await repo.insertAppeal(trx, {
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
        return sheet(trx, actor, id);
      });
    },

    /** The manager upholds (row removed or reduced) or rejects, with a reason; the score is recomputed. */
    async decideAppeal(actor: Actor, appealId: number, input: TAppealDecision) {
      return transact(async (trx) => {
        const appeal = await repo.findAppeal(trx, actor, appealId);
        if (!appeal) throw notFound('申诉', 'Appeal');
        const a = await loadForAction(trx, actor, appeal.assessment_id, 'decide');
        if (appeal.status !== 'pending') throw assessmentErrors.APPEAL_DECIDED();
        const newPoints = input.decision === 'upheld' ? (input.newPoints ?? 0) : null;
        if (newPoints !== null && newPoints >= Number(appeal.row_points)) {
          throw commonErrors.VALIDATION({}, [
            {
              field: 'newPoints',
              message: say(actor, {
                'zh-CN': `申诉成立时，调整后的扣分须小于原扣分 ${Number(appeal.row_points)} 分（0 表示撤销）`,
                'en-US': `An upheld appeal lowers the row below its ${Number(appeal.row_points)} points (0 removes it)`,
              }),
            },
          ]);
        }
        const decided = await repo.updatePendingAppeal(trx, appealId, {
          status: input.decision,
          new_points: newPoints,
          decision_reason: input.reason.trim(),
          decided_by: actor.userId,
          decided_at: nowIso(),
        });
        if (!decided) throw assessmentErrors.APPEAL_DECIDED();
        const saved = await saveUnlocked(trx, a.id, await recompute(trx, a, false));
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
        return sheet(trx, actor, a.id);
      });
    },

    /** 定稿: locked from here on. */
    async finalize(actor: Actor, id: number) {
      return transact(async (trx) => {
        const a = await loadForAction(trx, actor, id, 'finalize');
        const pending = await repo.countPendingAppeals(trx, id);
        if (pending > 0) throw assessmentErrors.APPEALS_PENDING({ count: pending });
        const at = nowIso();
        const saved = await saveUnlocked(trx, id, {
          status: 'finalized',
          finalized_at: at,
          finalized_by: actor.userId,
          updated_at: at,
        });
        await writeAudit(trx, actor, {
          entity: 'assessment',
          entityId: id,
          projectId: a.project_id,
          action: 'finalize',
          before: auditSnapshot(a),
          after: auditSnapshot(saved),
        });
        return sheet(trx, actor, id);
      });
    },

    /**
     * 修订: a correction of a finalized sheet is the next revision, a new draft with the reason; the
     * finalized one stays as it was and visible. Manual rows and appeal decisions carry over.
     */
    async revise(actor: Actor, id: number, reason: string) {
      return transact(async (trx) => {
        const old = await loadForAction(trx, actor, id, 'revise');
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
        // manual rows are copied with new ids; an appeal decision follows its row to the new key
        const manualMap = new Map<string, string>();
        for (const m of await repo.listManualEntries(trx, old.id)) {
          const { id: oldId, ...entry } = m;
          const copied = await repo.insertManualEntry(trx, { ...entry, assessment_id: created.id });
          manualMap.set(`${m.rule_key}:manual:${oldId}`, `${m.rule_key}:manual:${copied.id}`);
        }
        const oldResult = JSON.parse(old.result_json) as EngineResult;
        for (const ap of await repo.listAppeals(trx, old.id)) {
          if (ap.status === 'pending') continue;
          const { id: _a, decided_by_name: _d, created_by_name: _c, ...rest } = ap;
          const rowKey = manualMap.get(ap.row_key) ?? ap.row_key;
          if (!oldResult.rows.some((r) => r.rowKey === ap.row_key)) continue;
          await repo.insertAppeal(trx, { ...rest, row_key: rowKey, assessment_id: created.id });
        }
        const saved = await saveUnlocked(trx, created.id, await recompute(trx, created, true));
        await writeAudit(trx, actor, {
          entity: 'assessment',
          entityId: saved.id,
          projectId: saved.project_id,
          action: 'revise',
          before: { revisionOf: old.id, ...auditSnapshot(old) },
          after: { reason: saved.revision_reason, ...auditSnapshot(saved) },
        });
        return sheet(trx, actor, saved.id);
      });
    },

    listAppeals(actor: Actor, status?: string) {
      requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
      return repo.listVisibleAppeals(db, actor, status);
    },
    /** Where an appeal lives: the evidence link of rule 1.4 opens the appealed sheet. */
    async findAppeal(actor: Actor, appealId: number) {
      requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
      const appeal = await repo.findAppeal(db, actor, appealId);
      if (!appeal || !(await repo.findAssessment(db, actor, appeal.assessment_id)))
        throw notFound('申诉', 'Appeal');
      return { id: appeal.id, assessmentId: appeal.assessment_id, rowKey: appeal.row_key };
    },

    // ---- outputs ----
    async ranking(actor: Actor, args: { period: string; positionCode: string; projectId?: number }) {
      requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
      const rows = await repo.ranking(db, actor, args);
      let rank = 0;
      let previous: number | null = null;
      return rows.map((row, i) => {
        // equal scores share a rank (1, 2, 2, 4)
        if (row.totalCenti !== previous) rank = i + 1;
        previous = row.totalCenti;
        return { rank, ...toSummary(row) };
      });
    },
    async trend(actor: Actor, args: { userId?: number; to?: string; months?: number }) {
      requireRole(actor, 'manager', 'supervisor', 'officer', 'frontdesk');
      const settings = await db
        .transaction()
        .execute(async (trx) => settingsOf(trx, await companyOf(trx, actor)));
      const to = args.to && isPeriod(args.to) ? args.to : periodOf(clock.now(), settings.periodStartDay);
      const periods = previousPeriods(to, args.months ?? 12);
      const userId = args.userId ?? actor.userId;
      const rows = await repo.trend(db, actor, userId, periods[0], to);
      const byPeriod = new Map(rows.map((r) => [r.period, toSummary(r)]));
      return {
        userId,
        name: rows[0]?.assesseeName ?? null,
        points: periods.map((period) => {
          const row = byPeriod.get(period);
          return {
            period,
            total: row?.total ?? null,
            status: row?.status ?? null,
            assessmentId: row?.id ?? null,
          };
        }),
      };
    },
  };
}
