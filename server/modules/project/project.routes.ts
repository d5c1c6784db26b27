import { Type } from '@sinclair/typebox';
import { type App, actorOf } from '../../lib/http.ts';
import { IdParams } from '../../lib/schemas.ts';
import { ZProject, ZProjectInput } from './project.schemas.ts';
import type { ProjectService } from './project.service.ts';

export function projectRoutes(app: App, projects: ProjectService): void {
  const tags = ['project'];
  app.get(
    '/projects',
    { schema: { tags, summary: '项目列表', response: { 200: Type.Array(ZProject) } } },
    (req) => projects.list(actorOf(req)),
  );
  app.get('/projects/:id', { schema: { tags, params: IdParams, response: { 200: ZProject } } }, (req) =>
    projects.get(actorOf(req), req.params.id),
  );
  app.post('/projects', { schema: { tags, body: ZProjectInput, response: { 200: ZProject } } }, (req) =>
    projects.create(actorOf(req), req.body),
  );
  app.put(
    '/projects/:id',
    { schema: { tags, params: IdParams, body: ZProjectInput, response: { 200: ZProject } } },
    (req) => projects.update(actorOf(req), req.params.id, req.body),
  );
}
