import type { DB, Executor } from '../../db/database.ts';
import { type Actor, requireRole } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { commonErrors, notFound } from '../../lib/errors.ts';
import { cachedNames } from '../../lib/name-cache.ts';
import { isoNow, localDate } from '../../lib/time.ts';
import { assertVersion, staleEdit } from '../../lib/versioning.ts';
import * as repo from './project.repository.ts';
import type { TProjectInput } from './project.schemas.ts';

export type ProjectService = ReturnType<typeof createProjectService>;

/** A project row as the API shows it (the start date in camelCase beside the table's columns) */
function toProject<T extends { started_on: string | null }>(row: T) {
  return { ...row, startedOn: row.started_on };
}

export function createProjectService({ db }: { db: DB }) {
  /** Creates a project inside the caller's transaction. */
  async function createIn(trx: Executor, actor: Actor, input: TProjectInput) {
    if (await repo.findProjectByCode(trx, input.code)) {
      throw commonErrors.DUPLICATE({ field: '项目编码', value: input.code }, [
        { field: 'code', message: actor.locale === 'zh-CN' ? '项目编码已存在' : 'Code already exists' },
      ]);
    }
    const company = (await repo.firstCompany(trx)) ?? (await repo.insertCompany(trx, '物业公司', isoNow()));
    const at = isoNow();
    const row = await repo.insertProject(trx, {
      company_id: company.id,
      code: input.code,
      name: input.name,
      address: input.address ?? null,
      phone: input.phone ?? null,
      status: input.status ?? 'active',
      started_on: input.startedOn ?? localDate(new Date(at)),
      created_at: at,
      updated_at: at,
    });
    await writeAudit(trx, actor, {
      entity: 'project',
      entityId: row.id,
      projectId: row.id,
      action: 'create',
      after: row,
    });
    return row;
  }

  return {
    // ---- for other modules: each takes the caller's db or transaction ----
    /** Projects by id (name, company), for modules that show the project beside their rows. */
    projectsByIds: (exec: Executor, ids: readonly number[]) => repo.projectsByIds(exec, ids),
    /** The company a project belongs to; without one, the first company (a single-company install). */
    async companyIdOf(exec: Executor, projectId: number | undefined): Promise<number | null> {
      const project = projectId ? (await repo.projectsByIds(exec, [projectId]))[0] : undefined;
      return project?.companyId ?? (await repo.firstCompany(exec))?.id ?? null;
    },

    /** The day a project began ('YYYY-MM-DD'), null when unknown: the assessment counts nothing before it. */
    async startedOn(exec: Executor, projectId: number): Promise<string | null> {
      return (await repo.projectStarts(exec, [projectId]))[0]?.startedOn ?? null;
    },

    list: async (actor: Actor) => (await repo.listProjects(db, actor)).map(toProject),

    async get(actor: Actor, id: number) {
      const project = await repo.findProject(db, actor, id);
      if (!project) throw notFound('项目', 'Project');
      return toProject(project);
    },

    /** The first project (setup): the same checks and audit entry, inside the caller's transaction. */
    createIn,
    /** Names the company (setup); the first company if there is one, else a new one. */
    async nameCompany(trx: Executor, actor: Actor, name: string) {
      const at = isoNow();
      const before = await repo.firstCompany(trx);
      const company = before
        ? await repo.renameCompany(trx, before.id, name)
        : await repo.insertCompany(trx, name, at);
      await writeAudit(trx, actor, {
        entity: 'company',
        entityId: company.id,
        action: before ? 'update' : 'create',
        before: before ? { name: before.name } : undefined,
        after: { name },
      });
      return company;
    },
    /** The company's name (the first company: a single-company install). */
    companyName: async (exec: Executor) => (await repo.firstCompany(exec))?.name ?? '',
    /** How many projects there are (first-start checklist). */
    projectCount: (exec: Executor) => repo.projectCount(exec),

    async create(actor: Actor, input: TProjectInput) {
      requireRole(actor);
      return db.transaction().execute(async (trx) => toProject(await createIn(trx, actor, input)));
    },

    async update(actor: Actor, id: number, input: TProjectInput) {
      requireRole(actor);
      return db.transaction().execute(async (trx) => {
        const before = await repo.findProject(trx, actor, id);
        if (!before) throw notFound('项目', 'Project');
        const version = await assertVersion(trx, actor, 'project', id, before, input.version);
        const other = await repo.findProjectByCode(trx, input.code);
        if (other && other.id !== id) throw commonErrors.DUPLICATE({ field: '项目编码', value: input.code });
        const after = await repo.updateProject(trx, id, version, {
          code: input.code,
          name: input.name,
          address: input.address ?? null,
          phone: input.phone ?? null,
          status: input.status ?? before.status,
          started_on: input.startedOn === undefined ? before.started_on : input.startedOn,
          updated_at: isoNow(),
        });
        if (!after) throw await staleEdit(trx, 'project', id, await repo.findProject(trx, actor, id));
        await writeAudit(trx, actor, {
          entity: 'project',
          entityId: id,
          projectId: id,
          action: 'update',
          before,
          after,
        });
        return toProject(after);
      });
    },
  };
}

// ---- what other modules read of projects, passed to them as dependencies in app.ts ----
/** id → name of the given projects (kept a few seconds: lib/name-cache.ts) */
export const projectNames = cachedNames(repo.projectNamesOf);
/** The projects an actor may see (optionally one of them), by id */
export function visibleProjects(db: Executor, actor: Actor, projectId?: number) {
  return repo.visibleProjectsOf(db, actor, projectId);
}
