import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DemoContext, DemoSeeder } from '../../demo/context.ts';
import { addDays, localDate } from '../../lib/time.ts';
import * as importRepo from './property.import.repository.ts';
import * as peopleRepo from './property.people.repository.ts';
import * as repo from './property.repository.ts';
import type { PersonKind, UnitStatus } from './property.tables.ts';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '文',
  '华',
  '红',
  '志强',
  '秀兰',
  '玉兰',
  '海燕',
  '国庆',
  '晓东',
  '丹',
  '萍',
  '鹏',
  '辉',
  '斌',
  '宇',
  '浩然',
  '子涵',
];

/** A small deterministic generator: the demo is the same every time it loads. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Layout {
  key: 'a' | 'b';
  sections: { name: string; buildings: number }[];
  floors: number;
  perFloor: number;
  areas: number[];
  officers: [username: string, buildings: number][];
}

const LAYOUTS: Layout[] = [
  {
    key: 'a',
    sections: [
      { name: '一期', buildings: 5 },
      { name: '二期', buildings: 5 },
    ],
    floors: 26,
    perFloor: 6,
    areas: [8950, 8950, 11820, 11820, 13605, 14300],
    officers: [
      ['officer', 5],
      ['officer2', 5],
    ],
  },
  {
    key: 'b',
    sections: [
      { name: 'A区', buildings: 4 },
      { name: 'B区', buildings: 4 },
    ],
    floors: 32,
    perFloor: 4,
    areas: [9680, 12745, 12745, 16500],
    officers: [['officer3', 8]],
  },
];

/** The seeded random choices: names, phones, dates. */
function generator(now: Date) {
  const today = localDate(now);
  const rnd = random(20261128);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  return {
    rnd,
    daysAgo: (n: number) => addDays(today, -n),
    name: () => pick([...SURNAMES]) + pick(GIVEN),
    mobile: () => `1${pick(['3', '5', '7', '8', '9'])}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`,
  };
}
type Generator = ReturnType<typeof generator>;
type Trx = Transaction<Database>;
type UnitPlan = { status: UnitStatus; steps: [string, UnitStatus][] };

async function seedBuildings(trx: Trx, projectId: number, layout: Layout, at: string) {
  const buildingIds: number[] = [];
  let n = 0;
  for (const [si, s] of layout.sections.entries()) {
    const section = await repo.insertSection(trx, {
      project_id: projectId,
      name: s.name,
      sort_order: si,
      created_at: at,
      updated_at: at,
    });
    for (let i = 0; i < s.buildings; i++) {
      n++;
      const b = await repo.insertBuilding(trx, {
        project_id: projectId,
        section_id: section.id,
        name: `${n}栋`,
        floors: layout.floors,
        sort_order: n,
        created_at: at,
        updated_at: at,
      });
      buildingIds.push(b.id);
    }
  }
  return buildingIds;
}

/** One unit's story: vacant from handover, then perhaps renovated and moved into. */
function unitStory(gen: Generator, handover: string) {
  const r = gen.rnd();
  const steps: [string, UnitStatus][] = [[handover, 'vacant']];
  let status: UnitStatus = 'vacant';
  let moveIn: string | null = null;
  if (r < 0.7) {
    // moved in long ago, some after a renovation
    moveIn = addDays(handover, Math.floor(gen.rnd() * 600) + 30);
    if (gen.rnd() < 0.5) steps.push([addDays(moveIn, -90), 'renovating']);
    steps.push([moveIn, 'occupied']);
    status = 'occupied';
  } else if (r < 0.78) {
    // moved in within the last months: the occupied count grows over time
    moveIn = gen.daysAgo(Math.floor(gen.rnd() * 150) + 1);
    steps.push([moveIn, 'occupied']);
    status = 'occupied';
  } else if (r < 0.85) {
    moveIn = gen.daysAgo(Math.floor(gen.rnd() * 80) + 1);
    steps.push([moveIn, 'renovating']);
    status = 'renovating';
  }
  return { status, steps, moveIn };
}

function planUnits(gen: Generator, layout: Layout, projectId: number, buildingIds: number[], at: string) {
  const units: Insertable<Database['unit']>[] = [];
  const plans: UnitPlan[] = [];
  buildingIds.forEach((buildingId, bi) => {
    const handover = `20${19 + (bi % 3)}-0${3 + (bi % 6)}-15`;
    for (let floor = 1; floor <= layout.floors; floor++) {
      for (let k = 1; k <= layout.perFloor; k++) {
        const { status, steps, moveIn } = unitStory(gen, handover);
        units.push({
          project_id: projectId,
          building_id: buildingId,
          room_no: `${floor}${String(k).padStart(2, '0')}`,
          floor,
          area_centi_m2: layout.areas[k - 1],
          status,
          handover_date: handover,
          move_in_date: moveIn,
          created_at: at,
          updated_at: at,
        });
        plans.push({ status, steps });
      }
    }
  });
  return { units, plans };
}

/** Each unit's status history, and its owners and residents when it has been sold. */
function historyAndPeople(
  gen: Generator,
  projectId: number,
  unitIds: number[],
  plans: UnitPlan[],
  at: string,
) {
  const history: Insertable<Database['unit_status_history']>[] = [];
  const people: Insertable<Database['owner']>[] = [];
  unitIds.forEach((unitId, i) => {
    for (const [from, status] of plans[i].steps) {
      history.push({
        project_id: projectId,
        unit_id: unitId,
        status,
        from_date: from,
        note: null,
        user_id: null,
        created_at: at,
      });
    }
    const person = (
      kind: PersonKind,
      relation: string,
      main: boolean,
      who = gen.name(),
      phone = gen.mobile(),
    ) =>
      people.push({
        project_id: projectId,
        unit_id: unitId,
        kind,
        name: who,
        phone,
        relation,
        is_main_contact: main ? 1 : 0,
        created_at: at,
        updated_at: at,
      });
    const sold = plans[i].status !== 'vacant' || gen.rnd() < 0.7;
    if (!sold) return;
    person('owner', '本人', true);
    const r = gen.rnd();
    if (r < 0.3) person('owner', '配偶', false);
    else if (r < 0.4 && plans[i].status === 'occupied') person('resident', '租户', false);
    else if (r < 0.5 && plans[i].status === 'occupied') person('resident', '子女', false);
  });
  return { history, people };
}

/** 房管员区域划分: each officer takes the next run of buildings. */
async function seedOfficers(
  trx: Trx,
  ctx: DemoContext,
  layout: Layout,
  projectId: number,
  buildingIds: number[],
) {
  let next = 0;
  for (const [username, count] of layout.officers) {
    for (const buildingId of buildingIds.slice(next, next + count)) {
      await repo.insertOfficerArea(trx, {
        project_id: projectId,
        building_id: buildingId,
        employee_id: ctx.employees[username],
        from_date: '2024-01-01',
        to_date: null,
        created_at: ctx.now.toISOString(),
      });
    }
    next += count;
  }
}

/** The demo owner 吴先生 owns two units of project a, linked to the `owner` login. */
async function seedDemoOwner(
  trx: Trx,
  ctx: DemoContext,
  projectId: number,
  unitIds: number[],
  layout: Layout,
) {
  const at = ctx.now.toISOString();
  const mine = [unitIds[11 * layout.perFloor], unitIds[2 * layout.floors * layout.perFloor + 4 * 6 + 1]];
  for (const unitId of mine) {
    await trx.deleteFrom('owner').where('unit_id', '=', unitId).execute();
    await peopleRepo.insertPerson(trx, {
      project_id: projectId,
      unit_id: unitId,
      kind: 'owner',
      name: '吴先生',
      phone: '13900000001',
      relation: '本人',
      is_main_contact: 1,
      created_at: at,
      updated_at: at,
    });
    await trx
      .insertInto('owner_user_unit')
      .values({ user_id: ctx.users.owner, unit_id: unitId, project_id: projectId, created_at: at })
      .execute();
  }
}

/**
 * Sections, buildings and ~2,600 units with a realistic mix (about 78% occupied, 15% vacant,
 * 7% being renovated), owners and residents, officers' areas and the demo owner's two units.
 * Bulk inserts in one transaction: every API test suite loads this.
 */
export const propertyDemo: DemoSeeder = {
  name: 'property',
  async run(ctx) {
    const at = ctx.now.toISOString();
    const gen = generator(ctx.now);
    await ctx.db.transaction().execute(async (trx) => {
      for (const layout of LAYOUTS) {
        const projectId = ctx.projects[layout.key];
        const buildingIds = await seedBuildings(trx, projectId, layout, at);
        const { units, plans } = planUnits(gen, layout, projectId, buildingIds, at);
        const unitIds = (await importRepo.bulkInsertUnits(trx, units)).map((u) => u.id);
        const { history, people } = historyAndPeople(gen, projectId, unitIds, plans, at);
        await importRepo.bulkInsertStatus(trx, history);
        await importRepo.bulkInsertPeople(trx, people);
        await seedOfficers(trx, ctx, layout, projectId, buildingIds);
        if (layout.key === 'a') await seedDemoOwner(trx, ctx, projectId, unitIds, layout);
      }
    });
  },
};
