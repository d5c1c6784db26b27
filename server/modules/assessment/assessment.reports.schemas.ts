import { type Static, Type } from '@sinclair/typebox';
import { Id } from '../../lib/schemas.ts';
import { Period, ZAssessmentSummary } from './assessment.schemas.ts';

const Nullable = <T extends import('@sinclair/typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** What the assessment shows across sheets: who may be assessed, 同岗位排名 ranking, 个人得分趋势 trend. */

export const ZAssessee = Type.Object({
  userId: Type.Integer(),
  name: Type.String(),
  role: Type.String(),
  employeeId: Type.Integer(),
  employeeCode: Type.String(),
  projectId: Type.Integer(),
  projectName: Type.String(),
  positionCode: Nullable(Type.String()),
  positionName: Nullable(Type.String()),
  schemeId: Nullable(Type.Integer()),
  schemeName: Nullable(Type.String()),
});
export type TAssessee = Static<typeof ZAssessee>;
export const ZAssessees = Type.Array(ZAssessee);

export const ZRankingQuery = Type.Object({
  period: Period(),
  positionCode: Type.String({ minLength: 1, maxLength: 32 }),
  projectId: Type.Optional(Id()),
});
export const ZTrendQuery = Type.Object({
  userId: Type.Optional(Id()),
  to: Type.Optional(Period()),
  months: Type.Optional(Type.Integer({ minimum: 1, maximum: 36, default: 12 })),
});

/** 同岗位同周期排名: the sheets of one position and period, best first. */
export const ZRankingRow = Type.Object({ rank: Type.Integer(), ...ZAssessmentSummary.properties });
export type TRankingRow = Static<typeof ZRankingRow>;
export const ZRanking = Type.Array(ZRankingRow);

/** 个人得分趋势: one point per period; total null where the person had no published sheet. */
export const ZTrendPoint = Type.Object({
  period: Type.String(),
  total: Type.Union([Type.Number(), Type.Null()]),
  status: Type.Union([Type.String(), Type.Null()]),
  assessmentId: Type.Union([Type.Integer(), Type.Null()]),
});
export type TTrendPoint = Static<typeof ZTrendPoint>;
export const ZTrend = Type.Object({
  userId: Type.Integer(),
  name: Type.Union([Type.String(), Type.Null()]),
  points: Type.Array(ZTrendPoint),
});
export type TTrend = Static<typeof ZTrend>;

export type TAssessees = Static<typeof ZAssessees>;
export type TRankingQuery = Static<typeof ZRankingQuery>;
export type TTrendQuery = Static<typeof ZTrendQuery>;
export type TRanking = Static<typeof ZRanking>;
