/**
 * Writing a checked import plan in its one transaction: new sections and buildings, units in bulk with
 * their first status rows, updates of existing units, people, and an audit row per unit.
 */
import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../lib/actor.ts';
import { type AuditEntry, writeAudit, writeAudits } from '../../lib/audit.ts';
import * as importRepo from './property.import.repository.ts';
import type { ImportPlan } from './property.import-check.ts';
import * as peopleRepo from './property.people.repository.ts';
import * as repo from './property.repository.ts';
import { initialHistory } from './property.shared.ts';

const roomKey = (buildingId: number | undefined, roomNo: string) => `${buildingId}\u0000${roomNo}`;

/** One write of a checked plan: the ids it creates and the rows it gathers for bulk inserts. */
interface PlanWrite {
  trx: Executor;
  actor: Actor;
  projectId: number;
  jobId: number;
  plan: ImportPlan;
  at: string;
  day: string;
  onProgress: (n: number) => void;
  done: number;
  buildingIds: Map<string, number>;
  unitIdOf: Map<string, number>;
  history: Insertable<Database['unit_status_history']>[];
  audits: AuditEntry[];
}

async function writeSectionsAndBuildings(w: PlanWrite) {
  const sectionIds = new Map((await repo.listSections(w.trx, w.projectId)).map((s) => [s.name, s.id]));
  for (const name of w.plan.sections) {
    const s = await repo.insertSection(w.trx, {
      project_id: w.projectId,
      name,
      sort_order: sectionIds.size,
      created_at: w.at,
      updated_at: w.at,
    });
    sectionIds.set(name, s.id);
  }
  for (const b of await repo.listBuildings(w.trx, w.projectId)) w.buildingIds.set(b.name, b.id);
  let order = w.buildingIds.size;
  for (const b of w.plan.buildings) {
    const row = await repo.insertBuilding(w.trx, {
      project_id: w.projectId,
      section_id: sectionIds.get(b.sectionName)!,
      name: b.name,
      floors: b.floors,
      sort_order: order++,
      created_at: w.at,
      updated_at: w.at,
    });
    w.buildingIds.set(b.name, row.id);
    w.onProgress(++w.done);
  }
}

const unitAudit = (w: PlanWrite, unitId: number, action: string, after: unknown): AuditEntry => ({
  entity: 'unit',
  entityId: unitId,
  projectId: w.projectId,
  action,
  after,
});
const historyRow = (
  w: PlanWrite,
  unitId: number,
  status: ImportPlan['units'][number]['status'],
  from: string,
) => ({
  project_id: w.projectId,
  unit_id: unitId,
  status,
  from_date: from,
  note: `导入 #${w.jobId}`,
  user_id: w.actor.userId || null,
  created_at: w.at,
});

/** New units in bulk, each with its first status rows and an audit row. */
async function insertNewUnits(w: PlanWrite) {
  const creates = w.plan.units.filter((u) => !u.existingId);
  const inserted = await importRepo.bulkInsertUnits(
    w.trx,
    creates.map((u) => ({
      project_id: w.projectId,
      building_id: w.buildingIds.get(u.buildingName)!,
      room_no: u.roomNo,
      floor: u.floor,
      area_centi_m2: u.areaCentiM2,
      status: u.status,
      handover_date: u.handoverDate,
      move_in_date: u.moveInDate,
      created_at: w.at,
      updated_at: w.at,
    })),
    (n) => w.onProgress(w.done + n),
  );
  w.done += creates.length;
  for (const u of inserted) w.unitIdOf.set(roomKey(u.building_id, u.room_no), u.id);
  for (const u of creates) {
    const id = w.unitIdOf.get(roomKey(w.buildingIds.get(u.buildingName), u.roomNo))!;
    for (const step of initialHistory(u.status, u.handoverDate, u.moveInDate, w.day)) {
      w.history.push(historyRow(w, id, step.status, step.from));
    }
    const { row, roomNo, floor, areaCentiM2, status } = u;
    w.audits.push(
      unitAudit(w, id, 'import', { importJob: w.jobId, row, roomNo, floor, areaCentiM2, status }),
    );
  }
  return creates.length;
}

/** Update mode: facts overwritten; a changed status is a new history row from today. */
async function updateExistingUnits(w: PlanWrite) {
  const updates = w.plan.units.filter((u) => u.existingId);
  for (const u of updates) {
    const id = u.existingId!;
    await repo.updateUnit(w.trx, id, {
      floor: u.floor,
      area_centi_m2: u.areaCentiM2,
      status: u.status,
      handover_date: u.handoverDate,
      move_in_date: u.moveInDate,
      updated_at: w.at,
    });
    if (u.status !== u.existingStatus) w.history.push(historyRow(w, id, u.status, w.day));
    const { row, floor, areaCentiM2, status } = u;
    w.audits.push(unitAudit(w, id, 'import_update', { importJob: w.jobId, row, floor, areaCentiM2, status }));
    w.onProgress(++w.done);
  }
  return updates.length;
}

/** People: a person already recorded for the unit (same kind and name) is updated, not added again. */
async function writePeople(w: PlanWrite) {
  const newPeople: Insertable<Database['owner']>[] = [];
  let updated = 0;
  for (const p of w.plan.people) {
    const mainContact = p.isMainContact ? 1 : 0;
    if (p.existingId) {
      await peopleRepo.updatePerson(w.trx, p.existingId, {
        phone: p.phone,
        relation: p.relation,
        is_main_contact: mainContact,
        updated_at: w.at,
      });
      updated++;
      w.onProgress(++w.done);
      continue;
    }
    newPeople.push({
      project_id: w.projectId,
      unit_id: p.existingUnitId ?? w.unitIdOf.get(roomKey(w.buildingIds.get(p.buildingName), p.roomNo))!,
      kind: p.kind,
      name: p.name,
      phone: p.phone,
      relation: p.relation,
      is_main_contact: mainContact,
      created_at: w.at,
      updated_at: w.at,
    });
  }
  // a new main contact replaces an earlier one of an existing unit
  for (const p of w.plan.people) {
    if (p.isMainContact && p.existingUnitId && !p.existingId)
      await peopleRepo.clearMainContact(w.trx, p.existingUnitId);
  }
  await importRepo.bulkInsertPeople(w.trx, newPeople);
  w.done += newPeople.length;
  w.onProgress(w.done);
  return { created: newPeople.length, updated };
}

/** Writes a checked plan: sections, buildings, units with their first status rows, people, audit rows. */
export async function writePlan(
  trx: Executor,
  actor: Actor,
  ids: { projectId: number; jobId: number },
  plan: ImportPlan,
  /** the instant written on every row, and the local date a changed status starts from */
  when: { at: string; day: string },
  onProgress: (n: number) => void,
) {
  const w: PlanWrite = {
    trx,
    actor,
    ...ids,
    plan,
    ...when,
    onProgress,
    done: 0,
    buildingIds: new Map(),
    unitIdOf: new Map(),
    history: [],
    audits: [],
  };
  await writeSectionsAndBuildings(w);
  const unitsCreated = await insertNewUnits(w);
  const unitsUpdated = await updateExistingUnits(w);
  await importRepo.bulkInsertStatus(trx, w.history);
  const people = await writePeople(w);
  await writeAudits(trx, actor, w.audits);
  await writeAudit(trx, actor, {
    entity: 'import_job',
    entityId: ids.jobId,
    projectId: ids.projectId,
    action: 'import',
    after: { units: unitsCreated, updated: unitsUpdated, people: people.created + people.updated },
  });
  return {
    sections: plan.sections.length,
    buildings: plan.buildings.length,
    unitsCreated,
    unitsUpdated,
    peopleCreated: people.created,
    peopleUpdated: people.updated,
  };
}
