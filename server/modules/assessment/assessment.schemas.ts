import { type Static, Type } from '@sinclair/typebox';
import { PageOf, PageQuery } from '../../lib/paging.ts';
import { Id, LiteralUnion, StringEnum, withMessage } from '../../lib/schemas.ts';
import { ZVersion } from '../../lib/versioning.ts';
import {
  APPEAL_STATUSES,
  ASSESSMENT_STATUSES,
  ROW_SOURCES,
  RULE_KINDS,
  RULE_SCOPES,
  SHEET_ACTIONS,
} from './assessment.constants.ts';

const Nullable = <T extends import('@sinclair/typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Period = () =>
  Type.String(
    withMessage(
      { pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: '考核周期 YYYY-MM' },
      {
        'zh-CN': '考核周期格式应为 YYYY-MM，如 2026-11',
        'en-US': 'A period is written YYYY-MM, e.g. 2026-11',
      },
    ),
  );

/**
 * Points and weights: 0 to 100. "At most two decimals" is checked exactly on the digits by the service
 * (engine/exact.ts hasAtMostTwoDecimals), not with JSON Schema's floating-point multipleOf, which refuses
 * 1.15 and 0.29.
 */
const Points = (options = {}) =>
  Type.Number({
    minimum: 0,
    maximum: 100,
    'x-message': {
      'zh-CN': '分值应在 0 至 100 之间（不能为负数）',
      'en-US': 'Points lie between 0 and 100 (never negative)',
    },
    ...options,
  });

export const ZRecordRef = Type.Object(
  {
    entity: Type.String({ minLength: 1, maxLength: 50 }),
    id: Type.Union([Id(), Type.String({ minLength: 1, maxLength: 100 })]),
    label: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

// ---- schemes ----
const ZBand = Type.Object(
  {
    op: Type.Union([Type.Literal('gte'), Type.Literal('gt'), Type.Literal('lt'), Type.Literal('lte')]),
    thresholdBp: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    points: Points(),
  },
  { additionalProperties: false },
);
export const ZSchemeRule = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 50 }),
    seq: Type.Integer({ minimum: 0, maximum: 1000 }),
    text: Type.String({ minLength: 1, maxLength: 2000 }),
    kind: LiteralUnion(RULE_KINDS),
    pointsPerUnit: Points(),
    bands: Type.Optional(Type.Array(ZBand, { maxItems: 10 })),
    targetBp: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
    cap: Points(),
    metricKey: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    /** whose facts count; unset: the metric's default */
    scope: Type.Optional(LiteralUnion(RULE_SCOPES)),
  },
  { additionalProperties: false },
);
export const ZSchemeItem = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 50 }),
    seq: Type.Integer({ minimum: 0, maximum: 1000 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    requirements: Type.String({ maxLength: 4000 }),
    weight: Points(),
    rules: Type.Array(ZSchemeRule, { maxItems: 30 }),
  },
  { additionalProperties: false },
);
export const ZSchemeInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9_-]+$' })),
    positionCode: Type.String({ minLength: 1, maxLength: 32 }),
    items: Type.Array(ZSchemeItem, { minItems: 1, maxItems: 30 }),
    /** the edit version the form was opened with; required when updating (server/lib/versioning.ts) */
    editVersion: Type.Optional(ZVersion),
  },
  { additionalProperties: false },
);
export type TSchemeInput = Static<typeof ZSchemeInput>;

export const ZScheme = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  positionCode: Type.String(),
  version: Type.Integer(),
  /** optimistic locking of edits: send it back with an update (a stale one is 409 STALE_EDIT) */
  editVersion: ZVersion,
  latest: Type.Boolean(),
  inUse: Type.Boolean(),
  items: Type.Array(ZSchemeItem),
  updatedAt: Type.String(),
});

export const ZMetricInfo = Type.Object({
  key: Type.String(),
  label: Type.Object({ 'zh-CN': Type.String(), 'en-US': Type.String() }),
  description: Type.Object({ 'zh-CN': Type.String(), 'en-US': Type.String() }),
});

export const ZSettings = Type.Object(
  {
    periodStartDay: Type.Integer({ minimum: 1, maximum: 28 }),
    appealDays: Type.Integer({ minimum: 1, maximum: 30 }),
    /** 装修中 units count as occupied households in the complaint rate (default false: 入住 only) */
    countRenovating: Type.Optional(Type.Boolean()),
    /** the version the form was opened with (server/lib/versioning.ts); a stale one is 409 STALE_EDIT */
    version: ZVersion,
  },
  { additionalProperties: false },
);
export type TSettings = Static<typeof ZSettings>;
/** the settings and the period they make current */
export const ZSettingsOut = Type.Object({
  periodStartDay: Type.Integer(),
  appealDays: Type.Integer(),
  countRenovating: Type.Boolean(),
  version: ZVersion,
  currentPeriod: Type.String(),
});
export type TSettingsOut = Static<typeof ZSettingsOut>;

// ---- assessments ----
export const ZAssessmentQuery = Type.Object({
  ...PageQuery,
  projectId: Type.Optional(Id()),
  period: Type.Optional(Period()),
  status: Type.Optional(LiteralUnion(ASSESSMENT_STATUSES)),
  assesseeUserId: Type.Optional(Id()),
  positionCode: Type.Optional(Type.String({ maxLength: 32 })),
});
export type TAssessmentQuery = Static<typeof ZAssessmentQuery>;

export const ZAssessmentCreate = Type.Object(
  {
    assesseeUserId: Id(),
    period: Period(),
    /** default: the latest scheme of the assessee's position */
    schemeId: Type.Optional(Id()),
  },
  { additionalProperties: false },
);
export type TAssessmentCreate = Static<typeof ZAssessmentCreate>;

export const ZAssessmentSummary = Type.Object({
  id: Type.Integer(),
  projectId: Type.Integer(),
  projectName: Type.String(),
  assesseeUserId: Type.Integer(),
  assesseeName: Type.String(),
  assesseeEmployeeId: Nullable(Type.Integer()),
  assessorUserId: Type.Integer(),
  assessorName: Type.String(),
  schemeId: Type.Integer(),
  schemeName: Type.String(),
  schemeVersion: Type.Integer(),
  positionCode: Type.String(),
  period: Type.String(),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  revision: Type.Integer(),
  revisionOf: Nullable(Type.Integer()),
  revisionReason: Nullable(Type.String()),
  status: StringEnum(ASSESSMENT_STATUSES),
  total: Type.Number(),
  fullMarks: Type.Number(),
  publishedAt: Nullable(Type.String()),
  appealDeadline: Nullable(Type.String()),
  finalizedAt: Nullable(Type.String()),
  computedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export const ZAssessmentPage = PageOf(ZAssessmentSummary);

/** One deduction of a sheet: computed from a metric (auto) or entered by the assessor (manual). */
export const ZDeductionRow = Type.Object({
  rowKey: Type.String(),
  itemKey: Type.String(),
  ruleKey: Type.String(),
  source: StringEnum(ROW_SOURCES),
  quantity: Type.Number(),
  rawPoints: Type.Number(),
  points: Type.Number(),
  detail: Type.String(),
  evidence: Type.Array(ZRecordRef),
  /** records the metric saw and did not count (withdrawn or duplicate complaints), each saying why */
  notCounted: Type.Optional(Type.Array(ZRecordRef)),
  metricMissing: Type.Optional(Type.Boolean()),
  adjusted: Type.Optional(Type.Object({ fromPoints: Type.Number(), reason: Type.String() })),
  /** the cases upheld appeals took out of this row, with the decision's reason */
  excluded: Type.Optional(Type.Array(Type.Object({ ref: ZRecordRef, reason: Type.String() }))),
  /** the row in words, in the caller's language (assessment.explain.ts): formula and numbers */
  explanation: Type.String(),
  by: Type.Optional(Type.String()),
  manualEntryId: Type.Optional(Type.Integer()),
  createdAt: Type.Optional(Type.String()),
});

/** One disputed case of an appeal and its decision. */
export const ZAppealCase = Type.Object({
  id: Type.Integer(),
  ref: ZRecordRef,
  status: StringEnum(APPEAL_STATUSES),
  decisionReason: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
});

/** 申诉 of one row, as the sheet shows it: the cases it disputes (none: the whole row). */
export const ZAppeal = Type.Object({
  id: Type.Integer(),
  rowKey: Type.String(),
  cases: Type.Array(ZAppealCase),
  rowPoints: Type.Number(),
  reason: Type.String(),
  status: StringEnum(APPEAL_STATUSES),
  newPoints: Nullable(Type.Number()),
  decisionReason: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  createdByName: Type.String(),
  createdAt: Type.String(),
});

/** One revision (修订版) of the same assessee and period. */
export const ZSheetRevision = Type.Object({
  id: Type.Integer(),
  revision: Type.Integer(),
  status: StringEnum(ASSESSMENT_STATUSES),
  total: Type.Number(),
  revisionReason: Nullable(Type.String()),
  createdAt: Type.String(),
  finalizedAt: Nullable(Type.String()),
});
export type TSheetRevision = Static<typeof ZSheetRevision>;

export const ZSheet = Type.Object({
  assessment: ZAssessmentSummary,
  scheme: Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    version: Type.Integer(),
    items: Type.Array(ZSchemeItem),
  }),
  /** metric keys the scheme reads that no module has registered: those rules behave as manual */
  missingMetrics: Type.Array(Type.String()),
  metricLabels: Type.Record(Type.String(), Type.Object({ 'zh-CN': Type.String(), 'en-US': Type.String() })),
  rows: Type.Array(ZDeductionRow),
  items: Type.Array(
    Type.Object({
      itemKey: Type.String(),
      weight: Type.Number(),
      deducted: Type.Number(),
      score: Type.Number(),
    }),
  ),
  totalDeducted: Type.Number(),
  total: Type.Number(),
  fullMarks: Type.Number(),
  warnings: Type.Array(Type.Object({ code: Type.String(), subject: Type.String(), message: Type.String() })),
  appeals: Type.Array(ZAppeal),
  revisions: Type.Array(ZSheetRevision),
  /** what the caller may do now: the buttons the page shows */
  actions: Type.Array(StringEnum(SHEET_ACTIONS)),
  appealWindowOpen: Type.Boolean(),
});

export const ZManualEntryInput = Type.Object(
  {
    ruleKey: Type.String({ minLength: 1, maxLength: 50 }),
    quantity: Type.Number({
      minimum: 0.01,
      maximum: 1000,
      'x-message': {
        'zh-CN': '数量应在 0.01 至 1000 之间',
        'en-US': 'The quantity lies between 0.01 and 1000',
      },
    }),
    points: Type.Optional(Nullable(Points())),
    reason: Type.String(
      withMessage(
        { minLength: 1, maxLength: 1000, pattern: '\\S' },
        { 'zh-CN': '人工扣分必须填写原因', 'en-US': 'A manual deduction needs a reason' },
      ),
    ),
    evidence: Type.Optional(Type.Array(ZRecordRef, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type TManualEntryInput = Static<typeof ZManualEntryInput>;

export const ZReasonInput = Type.Object(
  {
    reason: Type.String(
      withMessage(
        { minLength: 1, maxLength: 1000, pattern: '\\S' },
        { 'zh-CN': '请填写原因', 'en-US': 'Please give a reason' },
      ),
    ),
  },
  { additionalProperties: false },
);

const ZCaseRef = Type.Object(
  {
    entity: Type.String({ minLength: 1, maxLength: 50 }),
    id: Type.Union([Type.Integer(), Type.String({ minLength: 1, maxLength: 100 })]),
  },
  { additionalProperties: false },
);

export const ZAppealInput = Type.Object(
  {
    rowKey: Type.String({ minLength: 1, maxLength: 120 }),
    /** the row's evidence records disputed; required when the row has evidence, absent for a whole row */
    cases: Type.Optional(Type.Array(ZCaseRef, { maxItems: 200 })),
    reason: ZReasonInput.properties.reason,
  },
  { additionalProperties: false },
);
export type TAppealInput = Static<typeof ZAppealInput>;

const ZDecision = Type.Union([Type.Literal('upheld'), Type.Literal('rejected')]);

/**
 * 处理申诉: an appeal of cases is decided case by case (`cases`, every case once, each with its reason);
 * an appeal of a whole row by `decision` and `reason`. Upheld cases leave the row and the rule recomputes it;
 * nobody types a new number.
 */
export const ZAppealDecision = Type.Object(
  {
    decision: Type.Optional(ZDecision),
    reason: Type.Optional(ZReasonInput.properties.reason),
    cases: Type.Optional(
      Type.Array(
        Type.Object(
          {
            caseId: Id(),
            decision: ZDecision,
            reason: ZReasonInput.properties.reason,
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 200 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type TAppealDecision = Static<typeof ZAppealDecision>;

export const ZAppealListItem = Type.Object({
  id: Type.Integer(),
  assessmentId: Type.Integer(),
  rowKey: Type.String(),
  rowPoints: Type.Number(),
  reason: Type.String(),
  status: StringEnum(APPEAL_STATUSES),
  newPoints: Nullable(Type.Number()),
  decisionReason: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  period: Type.String(),
  projectId: Type.Integer(),
  projectName: Type.String(),
  assesseeName: Type.String(),
  assessorName: Type.String(),
});

/** Where an appeal sits: its sheet and the row it contests (for links to an appeal). */
export const ZAppealRef = Type.Object({
  id: Type.Integer(),
  assessmentId: Type.Integer(),
  rowKey: Type.String(),
});
export type TAppealRef = Static<typeof ZAppealRef>;

export type TRecordRef = Static<typeof ZRecordRef>;
export type TSchemeRule = Static<typeof ZSchemeRule>;
export type TSchemeItem = Static<typeof ZSchemeItem>;
export type TScheme = Static<typeof ZScheme>;
export type TMetricInfo = Static<typeof ZMetricInfo>;
export type TAssessmentSummary = Static<typeof ZAssessmentSummary>;
export type TAssessmentPage = Static<typeof ZAssessmentPage>;
export type TSheet = Static<typeof ZSheet>;
export type TReasonInput = Static<typeof ZReasonInput>;
export type TAppealListItem = Static<typeof ZAppealListItem>;
export type TDeductionRow = Static<typeof ZDeductionRow>;
export type TAppeal = Static<typeof ZAppeal>;
export type TAppealCase = Static<typeof ZAppealCase>;
