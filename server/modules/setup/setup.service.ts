import type { DB, Executor } from '../../db/database.ts';
import { type Actor, requireRole, systemActor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import { commonErrors, defineErrors, type FieldError } from '../../lib/errors.ts';
import type { Locale } from '../../lib/i18n.ts';
import { hashPassword } from '../../lib/password.ts';
import { type Clock, systemClock } from '../../lib/time.ts';
import type { ProjectService } from '../project/project.service.ts';
import type { UserService } from '../user/user.service.ts';
import { CONFIRMED_STEPS, type ConfirmedStep, SETUP_STEPS, type SetupStep } from './setup.constants.ts';
import * as repo from './setup.repository.ts';
import type { TChecklist, TSetupInput } from './setup.schemas.ts';

export const setupErrors = defineErrors({
  SETUP_DONE: {
    status: 409,
    'zh-CN': '系统已完成初始设置，请用管理员账号登录',
    'en-US': 'PropDesk is already set up; sign in with an administrator account',
  },
});

/** What the checklist counts, from the modules that own the data (wired in app.ts). */
export interface SetupDeps {
  db: DB;
  clock?: Clock;
  users: Pick<UserService, 'createIn' | 'accountCounts'>;
  projects: Pick<ProjectService, 'createIn' | 'nameCompany' | 'projectCount' | 'companyName'>;
  register: (exec: Executor) => Promise<{ buildings: number; units: number; officerAreas: number }>;
  employees: (exec: Executor) => Promise<number>;
}

/** A password a first administrator may choose: long enough, letters and digits, not the username. */
function passwordProblems(input: TSetupInput, locale: Locale): FieldError[] {
  const p = input.adminPassword;
  const zh = locale === 'zh-CN';
  if (!/[A-Za-z]/.test(p) || !/[0-9]/.test(p))
    return [
      {
        field: 'adminPassword',
        message: zh ? '密码须同时包含字母和数字' : 'The password needs letters and digits',
      },
    ];
  if (p.toLowerCase().includes(input.adminUsername.toLowerCase()))
    return [
      {
        field: 'adminPassword',
        message: zh ? '密码不能包含用户名' : 'The password must not contain the username',
      },
    ];
  return [];
}

export type SetupService = ReturnType<typeof createSetupService>;

/**
 * 首次启动 First start from the browser: on a database without an administrator, one form creates the
 * company's name, its first project and the first administrator (one transaction); the route then closes
 * for good. After it, a checklist of what a company enters before its first repair, each step ticked when
 * its data exists (or by hand for the calendar and the scheme).
 */
export function createSetupService(deps: SetupDeps) {
  const { db, users, projects } = deps;
  const clock = deps.clock ?? systemClock;

  /** Needed while no active administrator exists and nobody has set the company up yet. */
  async function needed(exec: Executor): Promise<boolean> {
    if (await repo.findState(exec)) return false;
    return (await users.accountCounts(exec)).admins === 0;
  }

  async function checklist(actor: Actor): Promise<TChecklist> {
    requireRole(actor, 'manager');
    const [state, accounts, register, employees, projectCount, companyName] = await Promise.all([
      repo.findState(db),
      users.accountCounts(db),
      deps.register(db),
      deps.employees(db),
      projects.projectCount(db),
      projects.companyName(db),
    ]);
    const confirmed = new Set<string>(state ? (JSON.parse(state.confirmed_steps) as string[]) : []);
    const counts: Record<Exclude<SetupStep, ConfirmedStep>, number> = {
      project: projectCount,
      buildings: register.buildings,
      units: register.units,
      staff: employees,
      accounts: accounts.others,
      officers: register.officerAreas,
    };
    const steps = SETUP_STEPS.map((key) =>
      (CONFIRMED_STEPS as readonly string[]).includes(key)
        ? { key, done: confirmed.has(key), count: null, manual: true }
        : {
            key,
            done: counts[key as keyof typeof counts] > 0,
            count: counts[key as keyof typeof counts],
            manual: false,
          },
    );
    return { companyName, steps, done: steps.filter((s) => s.done).length, total: steps.length };
  }

  return {
    status: async () => ({ needed: await needed(db) }),

    async setup(input: TSetupInput, locale: Locale) {
      const problems = passwordProblems(input, locale);
      if (problems.length) throw commonErrors.VALIDATION({}, problems);
      const hash = await hashPassword(input.adminPassword); // slow work before the transaction opens
      const actor: Actor = { ...systemActor(), locale };
      return db
        .transaction()
        .execute(async (trx) => {
          if (!(await needed(trx))) throw setupErrors.SETUP_DONE();
          await projects.nameCompany(trx, actor, input.companyName);
          const project = await projects.createIn(trx, actor, {
            code: input.projectCode,
            name: input.projectName,
          });
          const admin = await users.createIn(
            trx,
            actor,
            {
              username: input.adminUsername,
              password: input.adminPassword,
              displayName: input.adminDisplayName,
              role: 'admin',
              projectIds: [project.id],
            },
            hash,
          );
          // the primary key of this one row keeps a second setup sent at the same moment out
          await repo.insertState(trx, clock.now().toISOString(), admin.id);
          await writeAudit(trx, actor, {
            entity: 'setup',
            entityId: 1,
            action: 'create',
            after: { company: input.companyName, project: project.id, admin: admin.username },
          });
          return { ok: true, username: admin.username, projectId: project.id };
        })
        .catch(async (error) => {
          // the losing one of two simultaneous setups fails on the row's key: the same answer as a late one
          if (!(error as { code?: string }).code?.startsWith('SETUP_') && !(await needed(db)))
            throw setupErrors.SETUP_DONE();
          throw error;
        });
    },

    checklist,

    /** Ticks (or unticks) a step whose data exists from the start: the calendar, the scheme. */
    async confirm(actor: Actor, step: ConfirmedStep, confirmed: boolean): Promise<TChecklist> {
      requireRole(actor);
      await db.transaction().execute(async (trx) => {
        await repo.ensureState(trx, clock.now().toISOString());
        const state = (await repo.findState(trx))!;
        const steps = new Set<string>(JSON.parse(state.confirmed_steps) as string[]);
        if (confirmed) steps.add(step);
        else steps.delete(step);
        await repo.updateConfirmedSteps(trx, [...steps].sort());
        await writeAudit(trx, actor, {
          entity: 'setup',
          entityId: 1,
          action: confirmed ? 'confirm_step' : 'unconfirm_step',
          after: { step },
        });
      });
      return checklist(actor);
    },
  };
}
