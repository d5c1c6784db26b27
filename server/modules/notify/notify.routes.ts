import { Type } from '@sinclair/typebox';
import { type App, actorOf } from '../../lib/http.ts';
import {
  ZChannel,
  ZChannelInput,
  ZChannelQuery,
  ZDeliveryPage,
  ZDeliveryQuery,
  ZIdParams,
  ZTestResult,
} from './notify.schemas.ts';
import type { NotifyService } from './notify.service.ts';

export function notifyRoutes(app: App, notify: NotifyService): void {
  const tags = ['notify'];
  app.get(
    '/notify/channels',
    {
      schema: {
        tags,
        summary: '消息通道 Message channels',
        querystring: ZChannelQuery,
        response: { 200: Type.Array(ZChannel) },
      },
    },
    (req) => notify.list(actorOf(req), req.query.projectId),
  );
  app.post(
    '/notify/channels',
    { schema: { tags, summary: '新建消息通道', body: ZChannelInput, response: { 200: ZChannel } } },
    (req) => notify.create(actorOf(req), req.body),
  );
  app.put(
    '/notify/channels/:id',
    {
      schema: {
        tags,
        summary: '修改消息通道',
        params: ZIdParams,
        body: ZChannelInput,
        response: { 200: ZChannel },
      },
    },
    (req) => notify.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/notify/channels/:id/test',
    {
      schema: {
        tags,
        summary: '发送测试消息 Send a test message',
        params: ZIdParams,
        response: { 200: ZTestResult },
      },
    },
    (req) => notify.test(actorOf(req), req.params.id),
  );
  app.get(
    '/notify/deliveries',
    {
      schema: {
        tags,
        summary: '发送记录 Delivery log',
        querystring: ZDeliveryQuery,
        response: { 200: ZDeliveryPage },
      },
    },
    (req) => notify.deliveries(actorOf(req), req.query),
  );
}
