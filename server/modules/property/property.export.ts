/** The register's Excel exports, streamed in the import template's layout so export → edit → import round-trips. */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type Actor, assertProjectVisible, requireRole } from '../../lib/actor.ts';
import { bindUseCases } from '../../lib/use-cases.ts';
import { exportRow, exportSheet } from './property.excel-writer.ts';
import * as peopleRepo from './property.people.repository.ts';
import * as repo from './property.repository.ts';
import type { TOwnerQuery, TUnitQuery } from './property.schemas.ts';
import { type PropertyCore, STAFF } from './property.shared.ts';
import type { UnitStatus } from './property.tables.ts';

type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;
type UnitFilter = repo.UnitFilter & { projectId: number };

const BATCH = 1000;
/** units whose people are read in one query */
const PEOPLE_BATCH = 500;

function writeBuildings(wb: WorkbookWriter, buildings: Awaited<ReturnType<typeof repo.listBuildings>>) {
  const bs = exportSheet(wb, 'buildings');
  for (const b of buildings) {
    bs.addRow(exportRow.buildings({ sectionName: b.section_name, name: b.name, floors: b.floors })).commit();
  }
  bs.commit();
}

/** The units sheet, in keyset batches; returns the units written, for their people. */
async function writeUnits(core: PropertyCore, wb: WorkbookWriter, actor: Actor, f: UnitFilter) {
  const { db } = core;
  const us = exportSheet(wb, 'units');
  const names = new Map<number, { buildingName: string; roomNo: string }>();
  for (let after = 0; ; ) {
    const batch = await repo.unitBatch(db, actor, f, after, BATCH);
    if (!batch.length) break;
    for (const u of batch) {
      us.addRow(exportRow.units({ ...u, status: u.status as UnitStatus })).commit();
      names.set(u.id, { buildingName: u.buildingName, roomNo: u.roomNo });
    }
    after = batch[batch.length - 1].id;
  }
  us.commit();
  return names;
}

async function writePeopleOfUnits(
  core: PropertyCore,
  wb: WorkbookWriter,
  names: Map<number, { buildingName: string; roomNo: string }>,
) {
  const { db } = core;
  const ps = exportSheet(wb, 'people');
  const unitIds = [...names.keys()];
  for (let i = 0; i < unitIds.length; i += PEOPLE_BATCH) {
    for (const p of await peopleRepo.peopleOfUnits(db, unitIds.slice(i, i + PEOPLE_BATCH))) {
      ps.addRow(
        exportRow.people({
          ...names.get(p.unit_id)!,
          kind: p.kind,
          name: p.name,
          phone: p.phone,
          relation: p.relation,
          isMainContact: p.is_main_contact,
        }),
      ).commit();
    }
  }
  ps.commit();
}

/** Checks, then returns the writer that streams the filtered units (and their buildings, owners and residents) in the template's layout. */
async function exportUnits(core: PropertyCore, actor: Actor, q: TUnitQuery & { projectId: number }) {
  const { db } = core;
  requireRole(actor, ...STAFF);
  assertProjectVisible(actor, q.projectId);
  const { page: _p, pageSize: _s, sort: _o, order: _d, scope, ...filter } = q;
  const f = { ...filter, ...(await core.visibility(actor, scope)) };
  return async (stream: Writable) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
    const buildings = (await repo.listBuildings(db, q.projectId)).filter(
      (b) =>
        (!f.sectionId || b.section_id === f.sectionId) &&
        (!f.buildingId || b.id === f.buildingId) &&
        (!('buildingIds' in f) || f.buildingIds?.includes(b.id)),
    );
    writeBuildings(wb, buildings);
    await writePeopleOfUnits(core, wb, await writeUnits(core, wb, actor, f));
    await wb.commit();
  };
}

/** Checks, then returns the writer that streams the filtered owners/residents list, as the template's 业主及住户 sheet. */
async function exportOwners(core: PropertyCore, actor: Actor, q: TOwnerQuery & { projectId: number }) {
  const { db } = core;
  requireRole(actor, ...STAFF);
  assertProjectVisible(actor, q.projectId);
  const { page: _p, pageSize: _s, sort: _o, order: _d, scope, ...filter } = q;
  const f = { ...filter, ...(await core.visibility(actor, scope)) };
  return async (stream: Writable) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
    const ps = exportSheet(wb, 'people');
    for (let after = 0; ; ) {
      const batch = await peopleRepo.ownerBatch(db, actor, f, after, BATCH);
      if (!batch.length) break;
      for (const p of batch) ps.addRow(exportRow.people(p)).commit();
      after = batch[batch.length - 1].id;
    }
    ps.commit();
    await wb.commit();
  };
}

export function createExport(core: PropertyCore) {
  return bindUseCases(core, { exportUnits, exportOwners });
}
