import { Type } from '@sinclair/typebox';
import { type App, actorOf } from '../../lib/http.ts';
import { Id } from '../../lib/schemas.ts';
import {
  ZCompletionQuery,
  ZTask,
  ZTaskAction,
  ZTaskActionInput,
  ZTaskCategories,
  ZTaskCompletion,
  ZTaskInput,
  ZTaskPage,
  ZTaskQuery,
} from './task.schemas.ts';
import type { TaskService } from './task.service.ts';
import { TASK_CATEGORIES, TASK_SOURCES } from './task.transitions.ts';

export function taskRoutes(app: App, tasks: TaskService): void {
  const tags = ['task'];
  app.get('/task-categories', { schema: { tags, response: { 200: ZTaskCategories } } }, () => ({
    categories: TASK_CATEGORIES,
    sources: TASK_SOURCES,
  }));
  app.get(
    '/tasks',
    { schema: { tags, summary: '工作任务列表', querystring: ZTaskQuery, response: { 200: ZTaskPage } } },
    (req) => tasks.list(actorOf(req), req.query),
  );
  app.get(
    '/tasks/completion',
    {
      schema: {
        tags,
        summary: '各类任务完成率',
        querystring: ZCompletionQuery,
        response: { 200: Type.Array(ZTaskCompletion) },
      },
    },
    (req) => tasks.completion(actorOf(req), req.query),
  );
  app.get(
    '/tasks/:id',
    { schema: { tags, params: Type.Object({ id: Id() }), response: { 200: ZTask } } },
    (req) => tasks.get(actorOf(req), req.params.id),
  );
  app.post(
    '/tasks',
    { schema: { tags, summary: '交办任务', body: ZTaskInput, response: { 200: ZTask } } },
    (req) => tasks.create(actorOf(req), req.body),
  );
  app.post(
    '/tasks/:id/actions/:action',
    {
      schema: {
        tags,
        params: Type.Object({ id: Id(), action: ZTaskAction }),
        body: Type.Optional(ZTaskActionInput),
        response: { 200: ZTask },
      },
    },
    (req) => tasks.act(actorOf(req), req.params.id, req.params.action, req.body ?? {}),
  );
}
