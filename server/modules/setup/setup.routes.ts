import { type App, actorOf } from '../../lib/http.ts';
import {
  ZChecklist,
  ZConfirmInput,
  ZConfirmParams,
  ZSetupInput,
  ZSetupResult,
  ZSetupStatus,
} from './setup.schemas.ts';
import type { SetupService } from './setup.service.ts';

export function setupRoutes(app: App, setup: SetupService): void {
  const tags = ['setup'];
  app.get(
    '/setup/status',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '是否需要初始设置 Is first-start setup needed',
        response: { 200: ZSetupStatus },
      },
    },
    () => setup.status(),
  );
  app.post(
    '/setup',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '初始设置：公司、首个项目、首个管理员 First start: company, first project, first admin',
        body: ZSetupInput,
        response: { 200: ZSetupResult },
      },
    },
    (req) => setup.setup(req.body, req.locale),
  );
  app.get(
    '/setup/checklist',
    { schema: { tags, summary: '开始使用清单 First-start checklist', response: { 200: ZChecklist } } },
    (req) => setup.checklist(actorOf(req)),
  );
  app.put(
    '/setup/checklist/:step',
    {
      schema: {
        tags,
        summary: '勾选清单步骤 Tick a checklist step',
        params: ZConfirmParams,
        body: ZConfirmInput,
        response: { 200: ZChecklist },
      },
    },
    (req) => setup.confirm(actorOf(req), req.params.step, req.body.confirmed),
  );
}
