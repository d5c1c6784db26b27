import { PassThrough } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import { type App, actorOf, sendDownload } from '../../lib/http.ts';
import { Id, IdParams } from '../../lib/schemas.ts';
import {
  ZBuildingInput,
  ZBuildingRow,
  ZBuildingUnits,
  ZImportJob,
  ZImportQuery,
  ZOfficerArea,
  ZOfficerAssign,
  ZOfficerHistory,
  ZOwnerLink,
  ZOwnerPage,
  ZOwnerQuery,
  ZPersonInput,
  ZSectionInput,
  ZSectionRow,
  ZStatusChange,
  ZTree,
  ZUnitDetail,
  ZUnitInput,
  ZUnitPage,
  ZUnitQuery,
} from './property.schemas.ts';
import { type PropertyService, propertyErrors } from './property.service.ts';

const ProjectQuery = Type.Object({ projectId: Id() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Upload limit of an import file */
export const MAX_IMPORT_MB = 10;

export function propertyRoutes(app: App, property: PropertyService): void {
  const tags = ['property'];
  // multipart only in this scope: the register's import is the one upload that needs it
  app.register(async (scoped) => {
    const r = scoped as unknown as App;
    await r.register(fastifyMultipart, { limits: { fileSize: MAX_IMPORT_MB * 1024 * 1024, files: 1 } });

    r.get(
      '/property/tree',
      {
        schema: { tags, summary: '项目 → 标段 → 楼栋', querystring: ProjectQuery, response: { 200: ZTree } },
      },
      (req) => property.tree(actorOf(req), req.query.projectId),
    );
    r.post(
      '/property/sections',
      { schema: { tags, summary: '新建标段', body: ZSectionInput, response: { 200: ZSectionRow } } },
      (req) => property.createSection(actorOf(req), req.body),
    );
    r.put(
      '/property/sections/:id',
      { schema: { tags, params: IdParams, body: ZSectionInput, response: { 200: ZSectionRow } } },
      (req) => property.updateSection(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/property/buildings',
      { schema: { tags, summary: '新建楼栋', body: ZBuildingInput, response: { 200: ZBuildingRow } } },
      (req) => property.createBuilding(actorOf(req), req.body),
    );
    r.put(
      '/property/buildings/:id',
      { schema: { tags, params: IdParams, body: ZBuildingInput, response: { 200: ZBuildingRow } } },
      (req) => property.updateBuilding(actorOf(req), req.params.id, req.body),
    );
    r.get(
      '/property/buildings/:id/units',
      {
        schema: { tags, summary: '楼栋房屋（按楼层）', params: IdParams, response: { 200: ZBuildingUnits } },
      },
      (req) => property.buildingUnits(actorOf(req), req.params.id),
    );
    r.get(
      '/property/officer-areas',
      {
        schema: {
          tags,
          summary: '房管员区域划分',
          querystring: ProjectQuery,
          response: { 200: Type.Array(ZOfficerArea) },
        },
      },
      (req) => property.officerAreas(actorOf(req), req.query.projectId),
    );
    r.get(
      '/property/buildings/:id/officers',
      { schema: { tags, summary: '楼栋房管员历史', params: IdParams, response: { 200: ZOfficerHistory } } },
      (req) => property.officerHistory(actorOf(req), req.params.id),
    );
    r.put(
      '/property/buildings/:id/officer',
      {
        schema: {
          tags,
          summary: '分配楼栋房管员',
          params: IdParams,
          body: ZOfficerAssign,
          response: { 200: ZOfficerHistory },
        },
      },
      (req) => property.assignOfficer(actorOf(req), req.params.id, req.body),
    );

    r.get(
      '/units',
      { schema: { tags, summary: '房屋列表', querystring: ZUnitQuery, response: { 200: ZUnitPage } } },
      (req) => property.listUnits(actorOf(req), req.query),
    );
    r.get(
      '/units/export',
      {
        schema: {
          tags,
          summary: '导出房屋（与导入模板相同表头）',
          querystring: Type.Composite([ZUnitQuery, ProjectQuery], { additionalProperties: false }),
        },
      },
      async (req, reply) => {
        const write = await property.exportUnits(actorOf(req), req.query);
        const stream = new PassThrough();
        write(stream).catch((err) => stream.destroy(err));
        return sendDownload(reply, '房屋及业主.xlsx', XLSX).send(stream);
      },
    );
    r.get(
      '/units/:id',
      { schema: { tags, summary: '房屋详情', params: IdParams, response: { 200: ZUnitDetail } } },
      (req) => property.getUnit(actorOf(req), req.params.id),
    );
    r.post(
      '/units',
      { schema: { tags, summary: '新建房屋', body: ZUnitInput, response: { 200: ZUnitDetail } } },
      (req) => property.createUnit(actorOf(req), req.body),
    );
    r.put(
      '/units/:id',
      { schema: { tags, params: IdParams, body: ZUnitInput, response: { 200: ZUnitDetail } } },
      (req) => property.updateUnit(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/units/:id/status',
      {
        schema: {
          tags,
          summary: '房屋状态变更',
          params: IdParams,
          body: ZStatusChange,
          response: { 200: ZUnitDetail },
        },
      },
      (req) => property.changeStatus(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/units/:id/people',
      {
        schema: {
          tags,
          summary: '添加业主/住户',
          params: IdParams,
          body: ZPersonInput,
          response: { 200: ZUnitDetail },
        },
      },
      (req) => property.addPerson(actorOf(req), req.params.id, req.body),
    );
    r.put(
      '/owners/:id',
      { schema: { tags, params: IdParams, body: ZPersonInput, response: { 200: ZUnitDetail } } },
      (req) => property.updatePerson(actorOf(req), req.params.id, req.body),
    );
    r.delete('/owners/:id', { schema: { tags, params: IdParams, response: { 200: ZUnitDetail } } }, (req) =>
      property.removePerson(actorOf(req), req.params.id),
    );
    r.get(
      '/owners',
      {
        schema: { tags, summary: '业主及住户列表', querystring: ZOwnerQuery, response: { 200: ZOwnerPage } },
      },
      (req) => property.listOwners(actorOf(req), req.query),
    );
    r.get(
      '/owners/export',
      {
        schema: {
          tags,
          summary: '导出业主及住户',
          querystring: Type.Composite([ZOwnerQuery, ProjectQuery], { additionalProperties: false }),
        },
      },
      async (req, reply) => {
        const write = await property.exportOwners(actorOf(req), req.query);
        const stream = new PassThrough();
        write(stream).catch((err) => stream.destroy(err));
        return sendDownload(reply, '业主及住户.xlsx', XLSX).send(stream);
      },
    );
    r.post(
      '/property/owner-links',
      { schema: { tags, summary: '关联业主账号', body: ZOwnerLink, response: { 200: ZUnitDetail } } },
      (req) => property.linkOwnerUser(actorOf(req), req.body),
    );
    r.delete(
      '/property/owner-links/:userId/:unitId',
      {
        schema: {
          tags,
          summary: '解除业主账号',
          params: Type.Object({ userId: Id(), unitId: Id() }),
          response: { 200: ZUnitDetail },
        },
      },
      (req) => property.unlinkOwnerUser(actorOf(req), req.params),
    );
    r.get(
      '/my/units',
      { schema: { tags, summary: '我的房屋（业主）', response: { 200: Type.Array(ZUnitDetail) } } },
      (req) => property.myUnits(actorOf(req)),
    );

    r.get('/property/import-template', { schema: { tags, summary: '下载导入模板' } }, async (_req, reply) => {
      const buffer = await property.templateWorkbook();
      return sendDownload(reply, '房屋及业主导入模板.xlsx', XLSX).send(buffer);
    });
    r.post(
      '/property/imports',
      {
        config: { upload: true },
        schema: {
          tags,
          summary: '导入房屋及业主（multipart: file）',
          querystring: ZImportQuery,
          response: { 200: ZImportJob },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        let file: Awaited<ReturnType<typeof req.file>>;
        try {
          file = await req.file();
        } catch {
          throw propertyErrors.PROPERTY_NO_FILE();
        }
        if (!file) throw propertyErrors.PROPERTY_NO_FILE();
        let buffer: Buffer;
        try {
          buffer = await file.toBuffer();
        } catch {
          throw propertyErrors.PROPERTY_FILE_TOO_LARGE({ max: MAX_IMPORT_MB });
        }
        return property.startImport(actor, req.query, file.filename || 'import.xlsx', buffer);
      },
    );
    r.get(
      '/property/imports/:id',
      { schema: { tags, summary: '导入进度与结果', params: IdParams, response: { 200: ZImportJob } } },
      (req) => property.getImport(actorOf(req), req.params.id),
    );
    r.get(
      '/property/import-reports/:token',
      {
        schema: {
          tags,
          summary: '下载错误报告（原表格加“错误”列）',
          params: Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{32}$' }) }),
        },
      },
      async (req, reply) => {
        const { fileName, buffer } = await property.importReport(actorOf(req), req.params.token);
        return sendDownload(reply, `${fileName}-错误报告.xlsx`, XLSX).send(buffer);
      },
    );
  });
}
