import { createReadStream } from 'node:fs';
import fastifyMultipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import { type App, actorOf, sendDownload } from '../../lib/http.ts';
import { Id, IdParams } from '../../lib/schemas.ts';
import { formatLocal } from '../../lib/time.ts';
import { streamXlsx } from '../../lib/xlsx-export.ts';
import {
  ZPhotoUploaded,
  ZRepairAction,
  ZRepairActionInput,
  ZRepairCategory,
  ZRepairCategoryInput,
  ZRepairDetail,
  ZRepairInput,
  ZRepairPage,
  ZRepairQuery,
  ZReviewInput,
  ZReviewListItem,
  ZReviewPendingItem,
  ZReviewQuery,
  ZWeeklyReview,
} from './repair.schemas.ts';
import { PHOTO_MAX_BYTES, PHOTO_TOKEN, type RepairService, repairErrors } from './repair.service.ts';
import { STATUS_LABELS } from './repair.transitions.ts';

const PRIORITY: Record<string, string> = { low: '低', normal: '普通', high: '高', urgent: '紧急' };

export function repairRoutes(app: App, repairs: RepairService): void {
  const tags = ['repair'];
  app.get('/repair-categories', { schema: { tags, response: { 200: Type.Array(ZRepairCategory) } } }, (req) =>
    repairs.listCategories(actorOf(req)),
  );
  app.put(
    '/repair-categories/:id',
    { schema: { tags, params: IdParams, body: ZRepairCategoryInput, response: { 200: ZRepairCategory } } },
    (req) => repairs.updateCategory(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/repairs',
    { schema: { tags, summary: '报修单列表', querystring: ZRepairQuery, response: { 200: ZRepairPage } } },
    (req) => repairs.list(actorOf(req), req.query),
  );
  app.get(
    '/repairs/export',
    { schema: { tags, summary: '导出报修单 Excel', querystring: ZRepairQuery } },
    async (req, reply) => {
      const rows = await repairs.iterate(actorOf(req), req.query);
      const stream = streamXlsx(
        '报修单',
        [
          { header: '单号', value: (r) => r.code },
          { header: '报修时间', value: (r) => formatLocal(r.createdAt), width: 18 },
          { header: '位置', value: (r) => r.location, width: 24 },
          { header: '报修人', value: (r) => r.reporterName },
          { header: '类别', value: (r) => r.categoryName },
          { header: '优先级', value: (r) => PRIORITY[r.priority] ?? r.priority },
          { header: '状态', value: (r) => STATUS_LABELS[r.status]['zh-CN'] },
          { header: '处理人', value: (r) => r.assigneeName },
          { header: '完成时限', value: (r) => formatLocal(r.completeDueAt), width: 18 },
          { header: '逾期', value: (r) => (r.overdue ? '是' : '否') },
        ],
        rows,
      );
      sendDownload(reply, '报修单.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return reply.send(stream);
    },
  );
  app.get('/repairs/:id', { schema: { tags, params: IdParams, response: { 200: ZRepairDetail } } }, (req) =>
    repairs.get(actorOf(req), req.params.id),
  );
  app.post(
    '/repairs',
    { schema: { tags, summary: '报修登记', body: ZRepairInput, response: { 200: ZRepairDetail } } },
    (req) => repairs.create(actorOf(req), req.body),
  );
  app.post(
    '/repairs/:id/actions/:action',
    {
      schema: {
        tags,
        summary: '报修单状态操作（派工、完成、回访…）',
        params: Type.Object({ id: Id(), action: ZRepairAction }),
        body: Type.Optional(ZRepairActionInput),
        response: { 200: ZRepairDetail },
      },
    },
    (req) => repairs.act(actorOf(req), req.params.id, req.params.action, req.body ?? {}),
  );
  app.get(
    '/repairs/:id/photos/:photo',
    {
      schema: {
        tags,
        params: Type.Object({
          id: Id(),
          photo: Type.String({ pattern: PHOTO_TOKEN }),
        }),
      },
    },
    async (req, reply) => {
      const file = await repairs.photoFile(actorOf(req), req.params.id, req.params.photo);
      reply.header('content-type', file.mime);
      reply.header('cache-control', 'private, max-age=86400');
      return reply.send(createReadStream(file.path));
    },
  );

  // Uploads: multipart is registered in this scope only, with the photo limits.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 5 } });
    (scope as unknown as App).post(
      '/repairs/:id/photos',
      {
        config: { upload: true },
        schema: {
          tags,
          summary: '上传报修照片（JPG/PNG/WebP，≤ 5 MB）',
          params: IdParams,
          querystring: Type.Object({
            stage: Type.Optional(Type.Union([Type.Literal('report'), Type.Literal('completion')])),
          }),
          response: { 200: ZPhotoUploaded },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        let file: { buffer: Buffer; fileName: string } | null = null;
        if (req.isMultipart()) {
          const part = await req.file();
          if (part) {
            try {
              file = { buffer: await part.toBuffer(), fileName: part.filename || 'photo' };
            } catch (err) {
              if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
                throw repairErrors.REPAIR_PHOTO_TOO_LARGE({ maxMb: PHOTO_MAX_BYTES / 1048576 });
              throw err;
            }
          }
        }
        return repairs.addPhoto(actor, req.params.id, file, req.query.stage ?? 'report');
      },
    );
  });

  // ---- 每周审核业主报修 weekly review ----
  app.get(
    '/repair-reviews',
    {
      schema: {
        tags,
        querystring: Type.Object({ projectId: Type.Optional(Id()) }),
        response: { 200: Type.Array(ZReviewListItem) },
      },
    },
    (req) => repairs.listReviews(actorOf(req), req.query.projectId),
  );
  app.get(
    '/repair-reviews/week',
    {
      schema: {
        tags,
        summary: '某周的报修审核（未提交时为生成的草稿）',
        querystring: ZReviewQuery,
        response: { 200: ZWeeklyReview },
      },
    },
    (req) => repairs.reviewDraft(actorOf(req), req.query.projectId, req.query.weekStart),
  );
  app.get(
    '/repair-reviews/pending',
    {
      schema: {
        tags,
        summary: '周审核中未完成、仍在跟进的报修',
        querystring: Type.Object({ projectId: Id() }),
        response: { 200: Type.Array(ZReviewPendingItem) },
      },
    },
    (req) => repairs.reviewPending(actorOf(req), req.query.projectId),
  );
  app.post(
    '/repair-reviews',
    { schema: { tags, summary: '提交周审核', body: ZReviewInput, response: { 200: ZWeeklyReview } } },
    (req) => repairs.submitReview(actorOf(req), req.body),
  );
  app.post(
    '/repair-reviews/:id/acknowledge',
    {
      schema: {
        tags,
        summary: '经理确认周审核',
        params: IdParams,
        body: Type.Optional(
          Type.Object(
            { comment: Type.Optional(Type.String({ maxLength: 500 })) },
            { additionalProperties: false },
          ),
        ),
        response: { 200: ZWeeklyReview },
      },
    },
    (req) => repairs.acknowledgeReview(actorOf(req), req.params.id, req.body?.comment),
  );
}
