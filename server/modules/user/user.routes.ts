import { type App, actorOf } from '../../lib/http.ts';
import { IdParams, ZOk } from '../../lib/schemas.ts';
import { ZPasswordReset, ZUser, ZUserCreate, ZUserPage, ZUserQuery, ZUserUpdate } from './user.schemas.ts';
import type { UserService } from './user.service.ts';

export function userRoutes(app: App, users: UserService): void {
  const tags = ['user'];
  app.get(
    '/users',
    { schema: { tags, summary: '用户列表', querystring: ZUserQuery, response: { 200: ZUserPage } } },
    (req) => users.list(actorOf(req), req.query),
  );
  app.get('/users/:id', { schema: { tags, params: IdParams, response: { 200: ZUser } } }, (req) =>
    users.get(actorOf(req), req.params.id),
  );
  app.post('/users', { schema: { tags, body: ZUserCreate, response: { 200: ZUser } } }, (req) =>
    users.create(actorOf(req), req.body),
  );
  app.put(
    '/users/:id',
    { schema: { tags, params: IdParams, body: ZUserUpdate, response: { 200: ZUser } } },
    (req) => users.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/users/:id/password',
    {
      schema: {
        tags,
        summary: '重置密码',
        params: IdParams,
        body: ZPasswordReset,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await users.resetPassword(actorOf(req), req.params.id, req.body.password);
      return { ok: true };
    },
  );
}
