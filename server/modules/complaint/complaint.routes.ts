import { Type } from '@sinclair/typebox';
import { type App, actorOf } from '../../lib/http.ts';
import { Id, IdParams } from '../../lib/schemas.ts';
import {
  ZComplaintAction,
  ZComplaintActionInput,
  ZComplaintCategory,
  ZComplaintDetail,
  ZComplaintInput,
  ZComplaintPage,
  ZComplaintQuery,
  ZRate,
  ZRateQuery,
} from './complaint.schemas.ts';
import type { ComplaintService } from './complaint.service.ts';

export function complaintRoutes(app: App, complaints: ComplaintService): void {
  const tags = ['complaint'];
  app.get(
    '/complaint-categories',
    { schema: { tags, response: { 200: Type.Array(ZComplaintCategory) } } },
    (req) => complaints.listCategories(actorOf(req)),
  );
  app.get(
    '/complaints',
    {
      schema: { tags, summary: '投诉列表', querystring: ZComplaintQuery, response: { 200: ZComplaintPage } },
    },
    (req) => complaints.list(actorOf(req), req.query),
  );
  app.get(
    '/complaints/rate',
    {
      schema: {
        tags,
        summary: '投诉率：投诉数 ÷ 入住户数',
        querystring: ZRateQuery,
        response: { 200: Type.Array(ZRate) },
      },
    },
    (req) => complaints.rate(actorOf(req), req.query),
  );
  app.get(
    '/complaints/:id',
    { schema: { tags, params: IdParams, response: { 200: ZComplaintDetail } } },
    (req) => complaints.get(actorOf(req), req.params.id),
  );
  app.post(
    '/complaints',
    { schema: { tags, summary: '投诉受理', body: ZComplaintInput, response: { 200: ZComplaintDetail } } },
    (req) => complaints.create(actorOf(req), req.body),
  );
  app.post(
    '/complaints/:id/actions/:action',
    {
      schema: {
        tags,
        params: Type.Object({ id: Id(), action: ZComplaintAction }),
        body: Type.Optional(ZComplaintActionInput),
        response: { 200: ZComplaintDetail },
      },
    },
    (req) => complaints.act(actorOf(req), req.params.id, req.params.action, req.body ?? {}),
  );
  app.post(
    '/complaints/:id/improper',
    {
      schema: {
        tags,
        summary: '经理标记处理不当',
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 2, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: ZComplaintDetail },
      },
    },
    (req) => complaints.markImproper(actorOf(req), req.params.id, req.body.reason),
  );
}
