import type { DB, Executor } from '../../db/database.ts';
import { type Actor, requireRole } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { commonErrors, type FieldError, notFound } from '../../lib/errors.ts';
import { hashPassword } from '../../lib/password.ts';
import { isoNow } from '../../lib/time.ts';
import { assertVersion, staleEdit } from '../../lib/versioning.ts';
import * as repo from './user.repository.ts';
import type { TUserCreate, TUserQuery, TUserUpdate } from './user.schemas.ts';

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUser>>>;

function toUser(row: UserRow, projectIds: number[]) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    phone: row.phone,
    active: row.active === 1,
    employeeId: row.employee_id,
    projectIds,
    createdAt: row.created_at,
    version: row.version,
  };
}

export type UserService = ReturnType<typeof createUserService>;

/** User accounts: only admins manage them. */
export function createUserService({
  db,
  onUserChanged = () => {},
}: {
  db: DB;
  onUserChanged?: (userId: number) => void;
}) {
  async function checkProjects(trx: Executor, actor: Actor, ids: number[]) {
    const found = new Set(await repo.existingProjectIds(trx, ids));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) {
      const fields: FieldError[] = [
        {
          field: 'projectIds',
          message:
            actor.locale === 'zh-CN'
              ? `项目不存在：${missing.join('、')}`
              : `Unknown projects: ${missing.join(', ')}`,
        },
      ];
      throw commonErrors.VALIDATION({}, fields);
    }
  }

  /** Creates an account inside the caller's transaction (the password already hashed: slow work goes first). */
  async function createIn(trx: Executor, actor: Actor, input: TUserCreate, hash: string) {
    if (await repo.findUserByUsername(trx, input.username)) {
      throw commonErrors.DUPLICATE({ field: '用户名', value: input.username }, [
        {
          field: 'username',
          message: actor.locale === 'zh-CN' ? '用户名已存在' : 'Username already exists',
        },
      ]);
    }
    await checkProjects(trx, actor, input.projectIds);
    const at = isoNow();
    const row = await repo.insertUser(trx, {
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      password_hash: hash,
      phone: input.phone ?? null,
      locale: null,
      active: 1,
      employee_id: input.employeeId ?? null,
      created_at: at,
      updated_at: at,
      password_changed_at: null,
    });
    await repo.replaceUserProjects(trx, row.id, input.projectIds);
    const user = toUser(row, input.projectIds);
    await writeAudit(trx, actor, { entity: 'user', entityId: row.id, action: 'create', after: user });
    return user;
  }

  return {
    // ---- for other modules: each takes the caller's db or transaction ----
    /** Accounts by id (name, role, linked employee), for modules that show or check them. */
    accountsByIds: (exec: Executor, ids: readonly number[]) => repo.accountsByIds(exec, ids),
    /** The active accounts of these employees (the assessment's assessees). */
    activeAccountsOfEmployees: (exec: Executor, employeeIds: readonly number[]) =>
      repo.activeAccountsOfEmployees(exec, employeeIds),
    /** Lets a user see a project (an owner's login linked to a unit there). */
    addUserProject: (exec: Executor, userId: number, projectId: number) =>
      repo.addUserProject(exec, userId, projectId),

    async list(actor: Actor, query: TUserQuery) {
      requireRole(actor);
      const { rows, total } = await repo.listUsers(db, query);
      const projects = await repo.projectIdsByUser(
        db,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((r) => toUser(r, projects.get(r.id) ?? [])),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async get(actor: Actor, id: number) {
      requireRole(actor);
      const row = await repo.findUser(db, id);
      if (!row) throw notFound('用户', 'User');
      return toUser(row, (await repo.projectIdsByUser(db, [id])).get(id) ?? []);
    },

    /** The first administrator (setup): the same checks and audit entry, inside the caller's transaction. */
    createIn,
    /** How many active administrators and other active accounts there are (first-start checklist). */
    accountCounts: (exec: Executor) => repo.accountCounts(exec),

    async create(actor: Actor, input: TUserCreate) {
      requireRole(actor);
      const hash = await hashPassword(input.password); // slow work before the transaction opens
      return db.transaction().execute((trx) => createIn(trx, actor, input, hash));
    },

    async update(actor: Actor, id: number, input: TUserUpdate) {
      requireRole(actor);
      return db
        .transaction()
        .execute(async (trx) => {
          const beforeRow = await repo.findUser(trx, id);
          if (!beforeRow) throw notFound('用户', 'User');
          await checkProjects(trx, actor, input.projectIds);
          const before = toUser(beforeRow, (await repo.projectIdsByUser(trx, [id])).get(id) ?? []);
          const version = await assertVersion(trx, actor, 'user', id, before, input.version);
          const row = await repo.updateUserVersion(trx, id, version, {
            display_name: input.displayName,
            role: input.role,
            phone: input.phone ?? null,
            employee_id: input.employeeId ?? null,
            active: input.active ? 1 : 0,
            updated_at: isoNow(),
          });
          if (!row) {
            const now = (await repo.findUser(trx, id))!;
            throw await staleEdit(
              trx,
              'user',
              id,
              toUser(now, (await repo.projectIdsByUser(trx, [id])).get(id) ?? []),
            );
          }
          await repo.replaceUserProjects(trx, id, input.projectIds);
          if (!input.active) await repo.deleteSessionsOfUser(trx, id);
          const after = toUser(row, input.projectIds);
          await writeAudit(trx, actor, { entity: 'user', entityId: id, action: 'update', before, after });
          return after;
        })
        .then((after) => {
          onUserChanged(id);
          return after;
        });
    },

    async resetPassword(actor: Actor, id: number, password: string) {
      requireRole(actor);
      const hash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.findUser(trx, id))) throw notFound('用户', 'User');
        const at = isoNow();
        await repo.updateUser(trx, id, { password_hash: hash, password_changed_at: at, updated_at: at });
        await repo.deleteSessionsOfUser(trx, id);
        await writeAudit(trx, actor, { entity: 'user', entityId: id, action: 'reset_password' });
      });
      onUserChanged(id);
    },
  };
}

// ---- what other modules read of users, passed to them as dependencies in app.ts ----
/** The active supervisors (or front desk) of every project: one row per (user, project) */
export function activeUsersOfRole(db: Executor, role: 'supervisor' | 'frontdesk') {
  return repo.activeUsersOfRole(db, role);
}
/** The active user account of each employee that has one */
export function activeUsersOfEmployees(db: Executor) {
  return repo.activeUsersOfEmployees(db);
}
/** id → display name of the given users */
export async function userDisplayNames(
  db: Executor,
  ids: readonly (number | null | undefined)[],
): Promise<Map<number, string>> {
  const rows = await repo.displayNamesOf(db, [
    ...new Set(ids.filter((id): id is number => typeof id === 'number')),
  ]);
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
