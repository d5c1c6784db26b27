import { Type } from '@sinclair/typebox';
import { type App, actorOf, sendDownload } from '../../lib/http.ts';
import { Id, IdParams, LiteralUnion } from '../../lib/schemas.ts';
import { APPEAL_STATUSES } from './assessment.constants.ts';
import { writeSheetWorkbook } from './assessment.excel.ts';
import { ZAssessees, ZRanking, ZRankingQuery, ZTrend, ZTrendQuery } from './assessment.reports.schemas.ts';
import {
  ZAppealDecision,
  ZAppealInput,
  ZAppealListItem,
  ZAppealRef,
  ZAssessmentCreate,
  ZAssessmentPage,
  ZAssessmentQuery,
  ZManualEntryInput,
  ZMetricInfo,
  ZReasonInput,
  ZScheme,
  ZSchemeInput,
  ZSettings,
  ZSettingsOut,
  ZSheet,
} from './assessment.schemas.ts';
import type { AssessmentService } from './assessment.service.ts';

export function assessmentRoutes(app: App, assessment: AssessmentService): void {
  const tags = ['assessment'];
  const sheet = { 200: ZSheet };

  // ---- schemes, metrics, settings ----
  app.get(
    '/assessment/metrics',
    { schema: { tags, summary: '已登记的考核指标', response: { 200: Type.Array(ZMetricInfo) } } },
    (req) => assessment.listMetrics(actorOf(req)),
  );
  app.get(
    '/assessment/schemes',
    { schema: { tags, summary: '考核方案（含各版本）', response: { 200: Type.Array(ZScheme) } } },
    (req) => assessment.listSchemes(actorOf(req)),
  );
  app.get(
    '/assessment/schemes/:id',
    { schema: { tags, params: IdParams, response: { 200: ZScheme } } },
    (req) => assessment.getScheme(actorOf(req), req.params.id),
  );
  app.post(
    '/assessment/schemes',
    { schema: { tags, summary: '新建考核方案', body: ZSchemeInput, response: { 200: ZScheme } } },
    (req) => assessment.createScheme(actorOf(req), req.body),
  );
  app.put(
    '/assessment/schemes/:id',
    {
      schema: {
        tags,
        summary: '编辑考核方案（已被使用时生成新版本）',
        params: IdParams,
        body: ZSchemeInput,
        response: { 200: ZScheme },
      },
    },
    (req) => assessment.updateScheme(actorOf(req), req.params.id, req.body),
  );
  app.get('/assessment/settings', { schema: { tags, response: { 200: ZSettingsOut } } }, (req) =>
    assessment.getSettings(actorOf(req)),
  );
  app.put(
    '/assessment/settings',
    { schema: { tags, body: ZSettings, response: { 200: ZSettingsOut } } },
    (req) => assessment.updateSettings(actorOf(req), req.body),
  );
  app.get(
    '/assessment/assessees',
    {
      schema: {
        tags,
        summary: '可考核的人员',
        querystring: Type.Object({ projectId: Type.Optional(Id()) }),
        response: { 200: ZAssessees },
      },
    },
    (req) => assessment.listAssessees(actorOf(req), req.query.projectId),
  );

  // ---- sheets ----
  app.get(
    '/assessments',
    {
      schema: {
        tags,
        summary: '考核表列表',
        querystring: ZAssessmentQuery,
        response: { 200: ZAssessmentPage },
      },
    },
    (req) => assessment.list(actorOf(req), req.query),
  );
  app.post(
    '/assessments',
    { schema: { tags, summary: '新建考核表（草稿）', body: ZAssessmentCreate, response: sheet } },
    (req) => assessment.create(actorOf(req), req.body),
  );
  app.get(
    '/assessments/:id',
    { schema: { tags, summary: '考核表', params: IdParams, response: sheet } },
    (req) => assessment.get(actorOf(req), req.params.id),
  );
  app.post(
    '/assessments/:id/refresh',
    { schema: { tags, summary: '按数据重新计算', params: IdParams, response: sheet } },
    (req) => assessment.refresh(actorOf(req), req.params.id),
  );
  app.post(
    '/assessments/:id/manual-entries',
    { schema: { tags, summary: '添加人工扣分', params: IdParams, body: ZManualEntryInput, response: sheet } },
    (req) => assessment.addManualEntry(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/assessments/:id/manual-entries/:entryId',
    {
      schema: {
        tags,
        summary: '删除人工扣分（草稿）',
        params: Type.Object({ id: Id(), entryId: Id() }),
        response: sheet,
      },
    },
    (req) => assessment.deleteManualEntry(actorOf(req), req.params.id, req.params.entryId),
  );
  app.post(
    '/assessments/:id/publish',
    { schema: { tags, summary: '发布公示', params: IdParams, response: sheet } },
    (req) => assessment.publish(actorOf(req), req.params.id),
  );
  app.post(
    '/assessments/:id/finalize',
    { schema: { tags, summary: '定稿锁定', params: IdParams, response: sheet } },
    (req) => assessment.finalize(actorOf(req), req.params.id),
  );
  app.post(
    '/assessments/:id/revisions',
    { schema: { tags, summary: '创建修订版', params: IdParams, body: ZReasonInput, response: sheet } },
    (req) => assessment.revise(actorOf(req), req.params.id, req.body.reason),
  );
  app.post(
    '/assessments/:id/appeals',
    { schema: { tags, summary: '对一行扣分申诉', params: IdParams, body: ZAppealInput, response: sheet } },
    (req) => assessment.appeal(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/assessments/:id/export',
    { schema: { tags, summary: '导出 Excel（考核表原版式）', params: IdParams } },
    async (req, reply) => {
      const data = await assessment.get(actorOf(req), req.params.id);
      const buffer = await writeSheetWorkbook(data);
      const a = data.assessment;
      sendDownload(
        reply,
        `${a.assesseeName}-${a.period}-考核表${a.revision > 1 ? `-第${a.revision}版` : ''}.xlsx`,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      return reply.send(buffer);
    },
  );

  // ---- appeals ----
  app.get(
    '/assessment/appeals',
    {
      schema: {
        tags,
        summary: '申诉列表',
        querystring: Type.Object({
          status: Type.Optional(LiteralUnion(APPEAL_STATUSES)),
        }),
        response: { 200: Type.Array(ZAppealListItem) },
      },
    },
    (req) => assessment.listAppeals(actorOf(req), req.query.status),
  );
  app.get(
    '/assessment/appeals/:id',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: ZAppealRef },
      },
    },
    (req) => assessment.findAppeal(actorOf(req), req.params.id),
  );
  app.post(
    '/assessment/appeals/:id/decision',
    {
      schema: {
        tags,
        summary: '处理申诉（成立/驳回）',
        params: IdParams,
        body: ZAppealDecision,
        response: sheet,
      },
    },
    (req) => assessment.decideAppeal(actorOf(req), req.params.id, req.body),
  );

  // ---- outputs ----
  app.get(
    '/assessment/ranking',
    {
      schema: {
        tags,
        summary: '同岗位同周期排名',
        querystring: ZRankingQuery,
        response: { 200: ZRanking },
      },
    },
    (req) => assessment.ranking(actorOf(req), req.query),
  );
  app.get(
    '/assessment/trend',
    {
      schema: {
        tags,
        summary: '个人得分趋势',
        querystring: ZTrendQuery,
        response: { 200: ZTrend },
      },
    },
    (req) => assessment.trend(actorOf(req), req.query),
  );
}
