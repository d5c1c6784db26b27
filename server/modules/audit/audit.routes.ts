import { Type } from '@sinclair/typebox';
import { type App, actorOf } from '../../lib/http.ts';
import type { AuditService } from './audit.service.ts';

export function auditRoutes(app: App, audit: AuditService): void {
  app.get(
    '/audit/:entity/:entityId',
    {
      schema: {
        tags: ['audit'],
        summary: '记录的修改历史 History of a record',
        params: Type.Object({
          entity: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z_]+$' }),
          entityId: Type.String({ minLength: 1, maxLength: 40 }),
        }),
      },
    },
    (req) => audit.history(actorOf(req), req.params.entity, req.params.entityId),
  );
}
