/**
 * The register's Excel import: the job row is written at once and the work continues in the
 * background while the page polls. Reading and checking every row happen before the transaction;
 * a good file is written in one transaction, a bad one writes nothing and keeps an error report.
 */
import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, assertProjectVisible, requireRole } from '../../lib/actor.ts';
import { type AuditEntry, writeAudit, writeAudits } from '../../lib/audit.ts';
import { notFound } from '../../lib/errors.ts';
import { isoNow } from '../../lib/time.ts';
import { bindUseCases } from '../../lib/use-cases.ts';
import { readWorkbook } from './property.excel-reader.ts';
import { errorReportWorkbook, templateWorkbook } from './property.excel-writer.ts';
import * as importRepo from './property.import.repository.ts';
import { type ExistingRegister, type ImportPlan, validateImport } from './property.import-check.ts';
import * as peopleRepo from './property.people.repository.ts';
import * as repo from './property.repository.ts';
import type { TImportQuery } from './property.schemas.ts';
import { initialHistory, type PropertyCore, REGISTER_WRITERS } from './property.shared.ts';

type Job = { projectId: number; phase: string; total: number; processed: number };
type ImportCore = PropertyCore & {
  /** imports running in this process: progress answered from memory (SQLite is busy writing) */
  running: Map<number, Job>;
};

/** What the register already holds, keyed the way the sheets name things. */
async function loadExisting(db: Executor, projectId: number): Promise<ExistingRegister> {
  const [sections, buildings, units, people] = await Promise.all([
    repo.listSections(db, projectId),
    repo.listBuildings(db, projectId),
    importRepo.unitKeysOfProject(db, projectId),
    importRepo.peopleOfProject(db, projectId),
  ]);
  const buildingName = new Map(buildings.map((b) => [b.id, b.name]));
  return {
    sections: new Map(sections.map((s) => [s.name, s.id])),
    buildings: new Map(buildings.map((b) => [b.name, { id: b.id, sectionName: b.section_name }])),
    units: new Map(
      units.map((u) => [
        `${buildingName.get(u.building_id)}\u0000${u.room_no}`,
        { id: u.id, status: u.status },
      ]),
    ),
    people: new Map(people.map((p) => [`${p.unit_id}\u0000${p.kind}\u0000${p.name}`, p.id])),
  };
}

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
async function writePlan(
  core: ImportCore,
  trx: Executor,
  actor: Actor,
  ids: { projectId: number; jobId: number },
  plan: ImportPlan,
  onProgress: (n: number) => void,
) {
  const { clock } = core;
  const w: PlanWrite = {
    trx,
    actor,
    ...ids,
    plan,
    at: isoNow(clock),
    day: core.today(),
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

async function runImport(
  core: ImportCore,
  actor: Actor,
  jobId: number,
  projectId: number,
  mode: 'create' | 'update',
  buffer: Buffer,
) {
  const { db, clock, running } = core;
  const started = Date.now();
  const progress = running.get(jobId)!;
  const { rows, errors: readErrors } = await readWorkbook(buffer, actor.locale);
  const timings: Record<string, number> = { read: Date.now() - started };
  const total = (rows.buildings?.length ?? 0) + (rows.units?.length ?? 0) + (rows.people?.length ?? 0);
  Object.assign(progress, { phase: 'validating', total, processed: 0 });
  let errors = readErrors;
  let plan: ImportPlan | null = null;
  if (!errors.length) {
    const existing = await loadExisting(db, projectId);
    ({ errors, plan } = validateImport(rows, existing, { locale: actor.locale, mode }));
  }
  timings.validate = Date.now() - started - timings.read;
  if (errors.length || !plan) {
    const report = await errorReportWorkbook(buffer, errors, actor.locale);
    await importRepo.updateJob(db, jobId, {
      status: 'invalid',
      total,
      processed: 0,
      result_json: JSON.stringify({ errors, elapsedMs: Date.now() - started }),
      report_base64: report.toString('base64'),
      finished_at: isoNow(clock),
    });
    return;
  }
  Object.assign(progress, { phase: 'importing', processed: 0 });
  const checked = plan;
  const counts = await db.transaction().execute((trx) =>
    writePlan(core, trx, actor, { projectId, jobId }, checked, (n) => {
      progress.processed = n;
    }),
  );
  await importRepo.updateJob(db, jobId, {
    status: 'done',
    total,
    processed: total,
    result_json: JSON.stringify({
      counts,
      elapsedMs: Date.now() - started,
      timings: { ...timings, write: Date.now() - started - timings.read - timings.validate },
    }),
    finished_at: isoNow(clock),
  });
}

/** The empty import workbook, the same for every project. */
function importTemplate(_core: ImportCore) {
  return templateWorkbook();
}

/** Starts an import; with `wait` it answers when the import has finished. */
async function startImport(
  core: ImportCore,
  actor: Actor,
  q: TImportQuery,
  fileName: string,
  buffer: Buffer,
) {
  const { db, clock } = core;
  requireRole(actor, ...REGISTER_WRITERS);
  assertProjectVisible(actor, q.projectId);
  const mode = q.mode ?? 'create';
  const job = await importRepo.insertJob(db, {
    project_id: q.projectId,
    user_id: actor.userId,
    file_name: fileName.slice(0, 200),
    mode,
    status: 'running',
    total: 0,
    processed: 0,
    result_json: null,
    report_base64: null,
    created_at: isoNow(clock),
    finished_at: null,
  });
  core.running.set(job.id, { projectId: q.projectId, phase: 'reading', total: 0, processed: 0 });
  const work = runImport(core, actor, job.id, q.projectId, mode, buffer)
    .catch(async (error) => {
      await importRepo.updateJob(db, job.id, {
        status: 'failed',
        result_json: JSON.stringify({ message: String(error?.message ?? error) }),
        finished_at: isoNow(clock),
      });
    })
    .finally(() => core.running.delete(job.id));
  if (q.wait) await work;
  return getImport(core, actor, job.id);
}

async function getImport(core: ImportCore, actor: Actor, id: number) {
  const { db } = core;
  const live = core.running.get(id);
  if (live) {
    assertProjectVisible(actor, live.projectId);
    return {
      id,
      projectId: live.projectId,
      fileName: '',
      mode: '',
      status: 'running' as const,
      phase: live.phase,
      total: live.total,
      processed: live.processed,
      counts: null,
      errorCount: 0,
      errors: [],
      message: null,
      elapsedMs: null,
      createdAt: '',
      finishedAt: null,
    };
  }
  const job = await importRepo.findJob(db, actor, id);
  if (!job) throw notFound('导入任务', 'Import job');
  const result = job.result_json ? JSON.parse(job.result_json) : {};
  return {
    id: job.id,
    projectId: job.project_id,
    fileName: job.file_name,
    mode: job.mode,
    status: job.status,
    phase: job.status,
    total: job.total,
    processed: job.processed,
    counts: result.counts ?? null,
    errorCount: result.errors?.length ?? 0,
    errors: (result.errors ?? []).slice(0, 500),
    message: result.message ?? null,
    elapsedMs: result.elapsedMs ?? null,
    createdAt: job.created_at,
    finishedAt: job.finished_at,
  };
}

async function importReport(core: ImportCore, actor: Actor, id: number) {
  const { db } = core;
  const job = await importRepo.findJob(db, actor, id);
  if (!job?.report_base64) throw notFound('错误报告', 'Error report');
  return {
    fileName: job.file_name.replace(/\.xlsx$/i, ''),
    buffer: Buffer.from(job.report_base64, 'base64'),
  };
}

export function createImport(core: PropertyCore) {
  const withJobs: ImportCore = { ...core, running: new Map() };
  return bindUseCases(withJobs, { templateWorkbook: importTemplate, startImport, getImport, importReport });
}
