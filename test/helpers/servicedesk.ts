import type { ApiContext } from './app.ts';

/** A clock the test moves by hand: services read "now" from it. */
export function testClock(startLocal: string) {
  let t = new Date(`${startLocal}:00+08:00`).getTime();
  return {
    now: () => new Date(t),
    /** set "now" to a Beijing local time 'YYYY-MM-DDTHH:mm' */
    set(local: string) {
      t = new Date(`${local}:00+08:00`).getTime();
    },
  };
}

export async function idsOf(ctx: ApiContext) {
  const db = ctx.database.db;
  const users = await db.selectFrom('app_user').select(['id', 'username', 'employee_id']).execute();
  const projects = await db.selectFrom('project').select(['id', 'code']).orderBy('id').execute();
  const user = (u: string) => users.find((x) => x.username === u)!;
  return {
    user,
    employee: (u: string) => user(u).employee_id!,
    projectA: projects[0].id,
    projectB: projects[1].id,
  };
}

/** A multipart/form-data body with one file field. */
export function multipart(fileName: string, content: Buffer, contentType = 'image/png') {
  const boundary = `----pd${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A tiny valid PNG (1×1) */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Puts units into the register of a project: `occupied` of them occupied since `since`,
 * `vacant` vacant. Returns the unit ids (occupied first).
 */
export async function seedUnits(
  ctx: ApiContext,
  projectId: number,
  occupied: number,
  vacant: number,
  since = '2026-01-01',
) {
  const db = ctx.database.db;
  const at = '2026-01-01T00:00:00.000Z';
  const section = await db
    .insertInto('section')
    .values({
      project_id: projectId,
      name: `测试标段${Math.random().toString(36).slice(2, 6)}`,
      sort_order: 0,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const building = await db
    .insertInto('building')
    .values({
      project_id: projectId,
      section_id: section.id,
      name: '测试楼',
      floors: 30,
      sort_order: 0,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (let i = 0; i < occupied + vacant; i++) {
    const status = i < occupied ? 'occupied' : 'vacant';
    const unit = await db
      .insertInto('unit')
      .values({
        project_id: projectId,
        building_id: building.id,
        room_no: `${100 + i}`,
        floor: 1,
        area_centi_m2: 10000,
        status,
        handover_date: null,
        move_in_date: null,
        created_at: at,
        updated_at: at,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('unit_status_history')
      .values({
        project_id: projectId,
        unit_id: unit.id,
        status,
        from_date: since,
        note: null,
        user_id: null,
        created_at: at,
      } as never)
      .execute();
    ids.push(unit.id);
  }
  return { buildingId: building.id, unitIds: ids };
}

/** A repair order reported at the front desk of a project (5栋301, 周女士, the first category), as the API answers it. */
export async function reportRepair(ctx: ApiContext, projectId: number, description: string) {
  const fd = await ctx.as('frontdesk');
  const cats = (await fd({ method: 'GET', url: '/api/repair-categories' })).json();
  const res = await fd({
    method: 'POST',
    url: '/api/repairs',
    payload: { projectId, location: '5栋301', reporterName: '周女士', categoryId: cats[0].id, description },
  });
  if (res.statusCode !== 200) throw new Error(`repair not reported: ${res.body}`);
  return res.json();
}
