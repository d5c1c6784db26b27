import { ensureCompanyDefaults } from '../bootstrap.ts';
import type { DB } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { hashPassword } from '../lib/password.ts';
import { DEMO_PASSWORD, type DemoContext } from './context.ts';

interface DemoPerson {
  username: string;
  name: string;
  role: Role;
  project: 'a' | 'b' | 'both' | null;
  position?: string;
  team?: string;
  gender: 'M' | 'F';
  phone: string;
}

/** A believable company: two projects, every role, with the document's positions. */
const PEOPLE: DemoPerson[] = [
  { username: 'admin', name: '系统管理员', role: 'admin', project: null, gender: 'M', phone: '13800000001' },
  {
    username: 'manager',
    name: '王建国',
    role: 'manager',
    project: 'both',
    position: 'CS-MANAGER',
    gender: 'M',
    phone: '13800000002',
  },
  {
    username: 'supervisor',
    name: '李晓梅',
    role: 'supervisor',
    project: 'a',
    position: 'CS-SUPERVISOR',
    gender: 'F',
    phone: '13800000003',
  },
  {
    username: 'supervisor2',
    name: '赵志强',
    role: 'supervisor',
    project: 'b',
    position: 'CS-SUPERVISOR',
    gender: 'M',
    phone: '13800000004',
  },
  {
    username: 'officer',
    name: '张伟',
    role: 'officer',
    project: 'a',
    position: 'HOUSING-OFFICER',
    team: '房管组',
    gender: 'M',
    phone: '13800000005',
  },
  {
    username: 'officer2',
    name: '陈静',
    role: 'officer',
    project: 'a',
    position: 'HOUSING-OFFICER',
    team: '房管组',
    gender: 'F',
    phone: '13800000006',
  },
  {
    username: 'officer3',
    name: '刘洋',
    role: 'officer',
    project: 'b',
    position: 'HOUSING-OFFICER',
    team: '房管组',
    gender: 'M',
    phone: '13800000007',
  },
  {
    username: 'frontdesk',
    name: '孙丽',
    role: 'frontdesk',
    project: 'a',
    position: 'FRONT-DESK',
    team: '前台组',
    gender: 'F',
    phone: '13800000008',
  },
  {
    username: 'frontdesk2',
    name: '周敏',
    role: 'frontdesk',
    project: 'b',
    position: 'FRONT-DESK',
    team: '前台组',
    gender: 'F',
    phone: '13800000009',
  },
  { username: 'owner', name: '吴先生', role: 'owner', project: 'a', gender: 'M', phone: '13900000001' },
];

export async function seedFoundation(db: DB, now: Date): Promise<Omit<DemoContext, 'metrics'>> {
  const at = now.toISOString();
  const hash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const defaults = await ensureCompanyDefaults(trx, '安居物业服务有限公司');
    await trx
      .updateTable('company')
      .set({ name: '安居物业服务有限公司' })
      .where('id', '=', defaults.companyId)
      .execute();
    const company = { id: defaults.companyId };
    const projectRows = [
      {
        key: 'a' as const,
        code: 'CHHY',
        name: '翠湖花园',
        address: '杭州市西湖区翠湖路88号',
        phone: '0571-88001234',
      },
      {
        key: 'b' as const,
        code: 'JXHT',
        name: '锦绣华庭',
        address: '杭州市拱墅区锦绣街66号',
        phone: '0571-88005678',
      },
    ];
    const projects = {} as Record<'a' | 'b', number>;
    for (const p of projectRows) {
      const row = await trx
        .insertInto('project')
        .values({
          company_id: company.id,
          code: p.code,
          name: p.name,
          address: p.address,
          phone: p.phone,
          status: 'active',
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      projects[p.key] = row.id;
    }
    const positions = defaults.positions;
    const teams: Record<string, number> = {};
    for (const key of ['a', 'b'] as const) {
      for (const [name, kind] of [
        ['房管组', 'officer'],
        ['前台组', 'frontdesk'],
        ['维修班', 'repair'],
        ['保洁班', 'cleaning'],
      ]) {
        const row = await trx
          .insertInto('team')
          .values({
            project_id: projects[key],
            name,
            kind,
            leader_employee_id: null,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        teams[`${key}:${name}`] = row.id;
      }
    }
    const users: Record<string, number> = {};
    const employees: Record<string, number> = {};
    let n = 1;
    for (const person of PEOPLE) {
      let employeeId: number | null = null;
      if (person.position) {
        const projectId = projects[person.project === 'b' ? 'b' : 'a'];
        const row = await trx
          .insertInto('employee')
          .values({
            project_id: projectId,
            code: `E${String(n++).padStart(4, '0')}`,
            name: person.name,
            gender: person.gender,
            phone: person.phone,
            position_id: positions[person.position],
            team_id: person.team ? teams[`${person.project === 'b' ? 'b' : 'a'}:${person.team}`] : null,
            hired_on: '2023-03-01',
            status: 'active',
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        employeeId = row.id;
        employees[person.username] = row.id;
      }
      const user = await trx
        .insertInto('app_user')
        .values({
          username: person.username,
          display_name: person.name,
          role: person.role,
          password_hash: hash,
          phone: person.phone,
          locale: null,
          active: 1,
          employee_id: employeeId,
          created_at: at,
          updated_at: at,
          password_changed_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      users[person.username] = user.id;
      const assigned =
        person.project === 'both'
          ? [projects.a, projects.b]
          : person.project
            ? [projects[person.project]]
            : [];
      for (const projectId of assigned) {
        await trx.insertInto('user_project').values({ user_id: user.id, project_id: projectId }).execute();
      }
    }
    // A few more staff without logins: the department is more than its accounts
    const extra = [
      ['a', '黄师傅', '维修班', 'M'],
      ['a', '郑师傅', '维修班', 'M'],
      ['a', '何阿姨', '保洁班', 'F'],
      ['b', '马师傅', '维修班', 'M'],
      ['b', '林阿姨', '保洁班', 'F'],
    ] as const;
    for (const [key, name, team, gender] of extra) {
      const row = await trx
        .insertInto('employee')
        .values({
          project_id: projects[key],
          code: `E${String(n++).padStart(4, '0')}`,
          name,
          gender,
          phone: null,
          position_id: null,
          team_id: teams[`${key}:${team}`],
          hired_on: '2022-06-15',
          status: 'active',
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      employees[`${key}:${name}`] = row.id;
    }
    for (const key of ['a', 'b'] as const) {
      const leader = employees[key === 'a' ? 'officer' : 'officer3'];
      await trx
        .updateTable('team')
        .set({ leader_employee_id: leader })
        .where('id', '=', teams[`${key}:房管组`])
        .execute();
    }
    return { db, now, companyId: company.id, projects, users, employees, positions };
  });
}

export const DEMO_LOGINS = PEOPLE.map((p) => ({ username: p.username, role: p.role, name: p.name }));
