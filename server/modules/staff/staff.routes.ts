import { Type } from '@sinclair/typebox';
import { type App, actorOf } from '../../lib/http.ts';
import { Id, IdParams } from '../../lib/schemas.ts';
import {
  ZEmployee,
  ZEmployeeInput,
  ZEmployeePage,
  ZEmployeeQuery,
  ZPosition,
  ZPositionInput,
  ZTeam,
  ZTeamInput,
  ZTeamRow,
} from './staff.schemas.ts';
import type { StaffService } from './staff.service.ts';

export function staffRoutes(app: App, staff: StaffService): void {
  const tags = ['staff'];
  app.get(
    '/positions',
    { schema: { tags, summary: '岗位列表', response: { 200: Type.Array(ZPosition) } } },
    (req) => staff.listPositions(actorOf(req)),
  );
  app.get(
    '/positions/:id',
    { schema: { tags, summary: '岗位说明书', params: IdParams, response: { 200: ZPosition } } },
    (req) => staff.getPosition(actorOf(req), req.params.id),
  );
  app.post('/positions', { schema: { tags, body: ZPositionInput, response: { 200: ZPosition } } }, (req) =>
    staff.createPosition(actorOf(req), req.body),
  );
  app.put(
    '/positions/:id',
    { schema: { tags, params: IdParams, body: ZPositionInput, response: { 200: ZPosition } } },
    (req) => staff.updatePosition(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/employees',
    { schema: { tags, summary: '员工列表', querystring: ZEmployeeQuery, response: { 200: ZEmployeePage } } },
    (req) => staff.listEmployees(actorOf(req), req.query),
  );
  app.get('/employees/:id', { schema: { tags, params: IdParams, response: { 200: ZEmployee } } }, (req) =>
    staff.getEmployee(actorOf(req), req.params.id),
  );
  app.post('/employees', { schema: { tags, body: ZEmployeeInput, response: { 200: ZEmployee } } }, (req) =>
    staff.createEmployee(actorOf(req), req.body),
  );
  app.put(
    '/employees/:id',
    { schema: { tags, params: IdParams, body: ZEmployeeInput, response: { 200: ZEmployee } } },
    (req) => staff.updateEmployee(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/teams',
    {
      schema: {
        tags,
        summary: '班组列表',
        querystring: Type.Object({ projectId: Type.Optional(Id()) }),
        response: { 200: Type.Array(ZTeam) },
      },
    },
    (req) => staff.listTeams(actorOf(req), req.query.projectId),
  );
  app.post('/teams', { schema: { tags, body: ZTeamInput, response: { 200: ZTeamRow } } }, (req) =>
    staff.createTeam(actorOf(req), req.body),
  );
  app.put(
    '/teams/:id',
    { schema: { tags, params: IdParams, body: ZTeamInput, response: { 200: ZTeamRow } } },
    (req) => staff.updateTeam(actorOf(req), req.params.id, req.body),
  );
}
