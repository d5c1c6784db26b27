import type { ApiContext } from '../helpers/app.ts';
import { multipartFile } from '../helpers/excel.ts';
import { idsOf, multipart, PNG } from '../helpers/servicedesk.ts';
import { type Entry, PERSONAS, type Refs, type Scope, type Who } from './authz-matrix.model.ts';

/** The records the matrix's requests name, found in (or added to) the demo company, and the paths filled with them. */

export const USERNAMES: Record<Exclude<Who, 'anonymous'>, string> = {
  manager: 'manager',
  supervisor: 'supervisor',
  officer: 'officer',
  frontdesk: 'frontdesk',
  hq: 'admin',
  owner: 'owner',
};
type Db = ApiContext['database']['db'];
async function firstOf(db: Db, table: string, projectId: number, where: Record<string, unknown> = {}) {
  // biome-ignore lint/suspicious/noExplicitAny: a row of any of the demo's tables
  let q = (db as any).selectFrom(table).selectAll().where('project_id', '=', projectId);
  for (const [k, v] of Object.entries(where)) q = q.where(k, '=', v);
  const row = await q.orderBy('id').executeTakeFirst();
  if (!row) throw new Error(`the demo has no ${table} in project ${projectId}`);
  return row;
}

/** A copy of a demo row of project A as one of project B (the demo assesses only in A) */
async function copyToB(db: Db, table: string, row: Record<string, unknown>, patch: Record<string, unknown>) {
  const { id: _id, ...rest } = row;
  // biome-ignore lint/suspicious/noExplicitAny: a row of any of the demo's tables
  const out = await (db as any)
    .insertInto(table)
    .values({ ...rest, ...patch })
    .returning('id')
    .executeTakeFirstOrThrow();
  return out.id as number;
}

export async function buildRefs(
  ctx: ApiContext,
): Promise<Record<Scope, Refs> & { reminderOf: Map<Who, number> }> {
  const db = ctx.database.db;
  const ids = await idsOf(ctx);
  const one = (table: string, projectId: number, where?: Record<string, unknown>) =>
    firstOf(db, table, projectId, where);
  const company = {
    repairCategory: await db
      .selectFrom('repair_category')
      .selectAll()
      .orderBy('id')
      .executeTakeFirstOrThrow(),
    complaintCategory: await db
      .selectFrom('complaint_category')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow(),
    position: await db.selectFrom('position').selectAll().orderBy('id').executeTakeFirstOrThrow(),
    scheme: await db.selectFrom('assessment_scheme').select('id').orderBy('id').executeTakeFirstOrThrow(),
  };
  // project B gets an assessment, a manual entry and an appeal like A's
  const assessmentA = await one('assessment', ids.projectA, { assessee_user_id: ids.user('officer').id });
  const assessmentB = await copyToB(db, 'assessment', assessmentA, {
    project_id: ids.projectB,
    assessee_user_id: ids.user('officer3').id,
    assessee_employee_id: ids.employee('officer3'),
    assessor_user_id: ids.user('supervisor2').id,
  });
  const entryA = await db
    .selectFrom('assessment_manual_entry')
    .selectAll()
    .where('assessment_id', '=', assessmentA.id)
    .orderBy('id')
    .executeTakeFirst();
  const anyEntry =
    entryA ?? (await db.selectFrom('assessment_manual_entry').selectAll().executeTakeFirstOrThrow());
  const entryB = await copyToB(db, 'assessment_manual_entry', anyEntry, { assessment_id: assessmentB });
  // an appeal on each of the two sheets
  const demoAppeal = await one('assessment_appeal', ids.projectA);
  const appealA = await copyToB(db, 'assessment_appeal', demoAppeal, {
    assessment_id: assessmentA.id,
    row_key: 'matrix',
  });
  const appealB = await copyToB(db, 'assessment_appeal', demoAppeal, {
    project_id: ids.projectB,
    assessment_id: assessmentB,
    row_key: 'matrix',
  });
  const scheme = await db.selectFrom('assessment_scheme').selectAll().orderBy('id').executeTakeFirstOrThrow();
  const settings = await db.selectFrom('assessment_setting').selectAll().executeTakeFirst();
  // reminders: each persona's own, and one of a user of B
  const reminderOf = new Map<Who, number>();
  const remind = async (userId: number, projectId: number) =>
    (
      await db
        .insertInto('reminder')
        .values({
          user_id: userId,
          project_id: projectId,
          entity: 'task',
          entity_id: '1',
          kind: 'matrix',
          title: '矩阵提醒',
          due_at: null,
          created_at: '2026-11-01T00:00:00.000Z',
          read_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  for (const who of PERSONAS)
    if (who !== 'anonymous') reminderOf.set(who, await remind(ids.user(USERNAMES[who]).id, ids.projectA));
  const reminderB = await remind(ids.user('supervisor2').id, ids.projectB);

  const perProject = async (projectId: number, lead: string, officer: string): Promise<Refs> => {
    const building = await one('building', projectId);
    const unit = await one('unit', projectId, { building_id: building.id });
    const person = await one('owner', projectId);
    const employee = await one('employee', projectId, { id: ids.employee(officer) });
    const team = await one('team', projectId);
    const section = await one('section', projectId);
    const project = await db
      .selectFrom('project')
      .selectAll()
      .where('id', '=', projectId)
      .executeTakeFirstOrThrow();
    const user = await db
      .selectFrom('app_user')
      .selectAll()
      .where('id', '=', ids.user(officer).id)
      .executeTakeFirstOrThrow();
    // a new repair order and complaint (in A: the owner's, from the portal) and task, each where
    // its actions are open; a photo of the order and an import with its error report
    const isA = projectId === ids.projectA;
    const as = await ctx.as(lead);
    const channelRes = await (await ctx.as('manager'))({
      method: 'POST',
      url: '/api/notify/channels',
      payload: {
        projectId,
        kind: 'email',
        name: '矩阵通道',
        target: 'matrix@example.com',
        events: ['repair_order.overdue'],
      },
    });
    if (channelRes.statusCode !== 200) throw new Error(`channel: ${channelRes.body}`);
    const channel = channelRes.json().id as number;
    const reporter = await ctx.as(isA ? 'owner' : lead);
    const ownerUnit = await db
      .selectFrom('owner_user_unit')
      .select('unit_id')
      .where('user_id', '=', ids.user('owner').id)
      .executeTakeFirstOrThrow();
    const from = isA ? { unitId: ownerUnit.unit_id } : {};
    const made = async (url: string, payload: object) => {
      const res = await (url === '/api/tasks' ? as : reporter)({
        method: 'POST',
        url,
        payload: { projectId, ...payload },
      });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.body}`);
      return res.json().id as number;
    };
    const repair = {
      id: await made('/api/repairs', {
        ...from,
        location: '矩阵楼',
        ...(isA ? {} : { reporterName: '矩阵' }),
        categoryId: company.repairCategory.id,
        description: '矩阵测试报修',
      }),
    };
    const complaint = await made('/api/complaints', {
      ...from,
      ...(isA ? {} : { complainantName: '矩阵' }),
      categoryId: company.complaintCategory.id,
      content: '矩阵测试投诉',
    });
    const task = await made('/api/tasks', {
      title: '矩阵任务',
      category: 'inspection',
      assigneeEmployeeId: employee.id,
      dueAt: '2030-01-01T00:00:00.000Z',
    });
    const photo = await as({
      method: 'POST',
      url: `/api/repairs/${repair.id}/photos`,
      ...multipart('a.png', PNG),
    });
    if (photo.statusCode !== 200) throw new Error(`photo upload: ${photo.body}`);
    const { payload, headers } = multipartFile(Buffer.from('姓名,电话\n王伟,13800000000\n'));
    const job = await as({
      method: 'POST',
      url: `/api/property/imports?projectId=${projectId}&mode=create&wait=true`,
      payload,
      headers,
    });
    return {
      project: projectId,
      repair: repair.id,
      complaint,
      task,
      review: (await one('repair_weekly_review', projectId)).id,
      assessment: isA ? assessmentA.id : assessmentB,
      manualEntry: isA ? anyEntry.id : entryB,
      appeal: isA ? appealA : appealB,
      section: section.id,
      building: building.id,
      unit: unit.id,
      person: person.id,
      employee: employee.id,
      team: team.id,
      user: user.id,
      importJob: job.json().id,
      importToken: job.json().reportToken,
      photo: photo.json().url.split('/').at(-1),
      reminder: reminderB,
      channel,
      ownerUser: ids.user('owner').id,
      repairCategory: company.repairCategory.id,
      complaintCategory: company.complaintCategory.id,
      position: company.position.id,
      scheme: company.scheme.id,
      schemeItems: JSON.parse(scheme.items_json),
      version: {
        settings: settings?.version ?? 1,
        user: user.version,
        project: project.version,
        position: company.position.version,
        employee: employee.version,
        team: team.version,
        repairCategory: company.repairCategory.version,
        section: section.version,
        building: building.version,
        unit: unit.version,
        person: person.version,
      },
    };
  };
  return {
    own: await perProject(ids.projectA, 'supervisor', 'officer'),
    foreign: await perProject(ids.projectB, 'supervisor2', 'officer3'),
    reminderOf,
  };
}

/** The path with each `{param}` filled with a real record of the scope */
export function fillPath(path: string, entry: Entry, r: Refs, own: Refs, reminder: number): string {
  const byPrefix: [RegExp, number | string][] = [
    [/^\/api\/users\//, r.user],
    [/^\/api\/projects\//, r.project],
    [/^\/api\/positions\//, r.position],
    [/^\/api\/employees\//, r.employee],
    [/^\/api\/teams\//, r.team],
    [/^\/api\/repair-categories\//, r.repairCategory],
    [/^\/api\/repairs\//, r.repair],
    [/^\/api\/repair-reviews\//, r.review],
    [/^\/api\/complaints\//, r.complaint],
    [/^\/api\/tasks\//, r.task],
    [/^\/api\/reminders\//, reminder],
    [/^\/api\/assessment\/schemes\//, r.scheme],
    [/^\/api\/assessments\//, r.assessment],
    [/^\/api\/assessment\/appeals\//, r.appeal],
    [/^\/api\/property\/sections\//, r.section],
    [/^\/api\/property\/buildings\//, r.building],
    [/^\/api\/property\/imports\//, r.importJob],
    [/^\/api\/units\//, r.unit],
    [/^\/api\/owners\//, r.person],
    [/^\/api\/notify\/channels\//, r.channel],
  ];
  const id = byPrefix.find(([re]) => re.test(path))?.[1];
  return path
    .replace('{id}', String(id))
    .replace('{action}', entry.action ?? '')
    .replace('{photo}', r.photo)
    .replace('{entity}', 'repair_order')
    .replace('{entityId}', String(r.repair))
    .replace('{date}', '2026-12-30')
    .replace('{entryId}', String(r.manualEntry))
    .replace('{userId}', String(own.ownerUser))
    .replace('{unitId}', String(r.unit))
    .replace('{token}', r.importToken)
    .replace('{step}', 'calendar');
}
