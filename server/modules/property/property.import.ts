/**
 * The register's Excel import: the job row is written at once and the work continues in the
 * background while the page polls. Reading and checking every row happen before the transaction;
 * a good file is written in one transaction (property.import-write.ts), a bad one writes nothing
 * and keeps an error report.
 */
import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { type Actor, assertProjectVisible, requireRole } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { isoNow } from '../../lib/time.ts';
import { bindUseCases } from '../../lib/use-cases.ts';
import { readWorkbook } from './property.excel-reader.ts';
import { errorReportWorkbook, templateWorkbook } from './property.excel-writer.ts';
import * as importRepo from './property.import.repository.ts';
import { type ExistingRegister, type ImportPlan, validateImport } from './property.import-check.ts';
import { writePlan } from './property.import-write.ts';
import * as repo from './property.repository.ts';
import type { TImportQuery } from './property.schemas.ts';
import { type PropertyCore, REGISTER_WRITERS } from './property.shared.ts';

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
      report_token: randomBytes(24).toString('base64url'),
      finished_at: isoNow(clock),
    });
    return;
  }
  Object.assign(progress, { phase: 'importing', processed: 0 });
  const checked = plan;
  const counts = await db.transaction().execute((trx) =>
    writePlan(trx, actor, { projectId, jobId }, checked, { at: isoNow(clock), day: core.today() }, (n) => {
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
    report_token: null,
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

/** An import's progress and errors (residents' names): for staff of the project who may import. */
async function getImport(core: ImportCore, actor: Actor, id: number) {
  const { db } = core;
  requireRole(actor, ...REGISTER_WRITERS);
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
      reportToken: null,
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
    reportToken: job.report_token,
    message: result.message ?? null,
    elapsedMs: result.elapsedMs ?? null,
    createdAt: job.created_at,
    finishedAt: job.finished_at,
  };
}

/** The error report by its token: only to staff of the import's project who may import. */
async function importReport(core: ImportCore, actor: Actor, token: string) {
  const { db } = core;
  requireRole(actor, ...REGISTER_WRITERS);
  const job = await importRepo.findJobByReportToken(db, actor, token);
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
