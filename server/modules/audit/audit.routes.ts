import { type App, actorOf } from '../../lib/http.ts';
import { ZAuditHistory, ZAuditParams } from './audit.schemas.ts';
import type { AuditService } from './audit.service.ts';

export function auditRoutes(app: App, audit: AuditService): void {
  app.get(
    '/audit/:entity/:entityId',
    {
      schema: {
        tags: ['audit'],
        summary: '记录的修改历史 History of a record',
        params: ZAuditParams,
        response: { 200: ZAuditHistory },
      },
    },
    (req) => audit.history(actorOf(req), req.params.entity, req.params.entityId),
  );
}
