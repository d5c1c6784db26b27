import { expect, it } from 'vitest';
import { countOccupiedHouseholds } from '../../server/modules/property/property.service.ts';
import type { ApiContext } from '../helpers/app.ts';
import { describeApi } from '../helpers/app.ts';
import { buildXlsx, multipartFile, readXlsx, type SheetRows } from '../helpers/excel.ts';

const BUILDING_HEAD = ['标段', '楼栋', '层数'];
const UNIT_HEAD = ['楼栋', '房号', '楼层', '建筑面积(㎡)', '状态', '交房日期', '入住日期'];
const PEOPLE_HEAD = ['楼栋', '房号', '类型', '姓名', '电话', '关系', '主联系人'];

function sheets(buildings: SheetRows, units: SheetRows, people: SheetRows = []) {
  return buildXlsx({
    楼栋: [BUILDING_HEAD, ...buildings],
    房屋: [UNIT_HEAD, ...units],
    业主及住户: [PEOPLE_HEAD, ...people],
  });
}

async function newProject(ctx: ApiContext, code: string) {
  const admin = await ctx.as('admin');
  const res = await admin({ method: 'POST', url: '/api/projects', payload: { code, name: `测试${code}` } });
  expect(res.statusCode).toBe(200);
  return res.json().id as number;
}

async function upload(ctx: ApiContext, user: string, projectId: number, file: Buffer, mode = 'create') {
  const as = await ctx.as(user);
  const { payload, headers } = multipartFile(file);
  return as({
    method: 'POST',
    url: `/api/property/imports?projectId=${projectId}&mode=${mode}&wait=true`,
    payload,
    headers,
  });
}

async function rowCounts(ctx: ApiContext, projectId: number) {
  const db = ctx.database.db;
  const count = async (table: 'unit' | 'owner' | 'building' | 'section' | 'unit_status_history') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('project_id', '=', projectId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    sections: await count('section'),
    buildings: await count('building'),
    units: await count('unit'),
    people: await count('owner'),
    history: await count('unit_status_history'),
  };
}

describeApi('property register', (ctx) => {
  const projectA = 1;
  const _projectB = 2;

  it('shows the demo tree with sections, buildings, counts and officers', async () => {
    const sup = await ctx.as('supervisor');
    const res = await sup({ method: 'GET', url: `/api/property/tree?projectId=${projectA}` });
    expect(res.statusCode).toBe(200);
    const tree = res.json();
    expect(tree.sections.map((s: { name: string }) => s.name)).toEqual(['一期', '二期']);
    expect(tree.counts.total).toBe(1560);
    expect(tree.counts.vacant + tree.counts.occupied + tree.counts.renovating).toBe(1560);
    expect(tree.sections[0].buildings[0]).toMatchObject({ name: '1栋', officerName: '张伟' });
    expect(tree.sections[1].buildings[0]).toMatchObject({ name: '6栋', officerName: '陈静' });
  });

  it('answers 404 for another project: tree, unit and building', async () => {
    const sup2 = await ctx.as('supervisor2');
    expect((await sup2({ method: 'GET', url: `/api/property/tree?projectId=${projectA}` })).statusCode).toBe(
      404,
    );
    const unitA = (
      await ctx.database.db
        .selectFrom('unit')
        .select('id')
        .where('project_id', '=', projectA)
        .executeTakeFirstOrThrow()
    ).id;
    const res = await sup2({ method: 'GET', url: `/api/units/${unitA}` });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('房屋不存在或无权查看');
    // a list filtered by that project: not found either (it was an empty page)
    const list = await sup2({ method: 'GET', url: `/api/units?projectId=${projectA}` });
    expect(list.statusCode).toBe(404);
    expect(list.body).not.toContain('"roomNo"');
  });

  it('lets an owner see only their own units, everywhere', async () => {
    const owner = await ctx.as('owner');
    const mine = await owner({ method: 'GET', url: '/api/my/units' });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toHaveLength(2);
    expect(mine.json()[0].people[0]).toMatchObject({ name: '吴先生', phone: '13900000001' });
    const list = await owner({ method: 'GET', url: '/api/units?pageSize=200' });
    expect(list.json().total).toBe(2);
    const ids = mine.json().map((u: { id: number }) => u.id);
    const other = await ctx.database.db
      .selectFrom('unit')
      .select('id')
      .where('project_id', '=', projectA)
      .where('id', 'not in', ids)
      .executeTakeFirstOrThrow();
    expect((await owner({ method: 'GET', url: `/api/units/${other.id}` })).statusCode).toBe(404);
    expect((await owner({ method: 'GET', url: `/api/units/${ids[0]}` })).statusCode).toBe(200);
    expect((await owner({ method: 'GET', url: `/api/owners?projectId=${projectA}` })).statusCode).toBe(403);
    expect((await owner({ method: 'GET', url: `/api/property/tree?projectId=${projectA}` })).statusCode).toBe(
      403,
    );
  });

  it("defaults an officer's lists to their area, and shows the whole project on request", async () => {
    const officer = await ctx.as('officer');
    const area = await officer({ method: 'GET', url: '/api/units?pageSize=1' });
    expect(area.json().total).toBe(5 * 26 * 6);
    const all = await officer({ method: 'GET', url: '/api/units?pageSize=1&scope=all' });
    expect(all.json().total).toBe(1560);
    const officer3 = await ctx.as('officer3');
    expect((await officer3({ method: 'GET', url: '/api/units?pageSize=1' })).json().total).toBe(8 * 32 * 4);
  });

  it('masks phones in lists and shows them in full on the unit page to staff', async () => {
    const front = await ctx.as('frontdesk');
    const list = await front({ method: 'GET', url: `/api/units?projectId=${projectA}&q=13900000001` });
    expect(list.json().total).toBe(2);
    expect(list.json().items[0].mainPhone).toBe('139****0001');
    const owners = await front({ method: 'GET', url: `/api/owners?projectId=${projectA}&q=吴先生` });
    expect(owners.json().items[0].phone).toBe('139****0001');
    const detail = await front({ method: 'GET', url: `/api/units/${list.json().items[0].id}` });
    expect(detail.json().people[0].phone).toBe('13900000001');
    expect(detail.json().phonesMasked).toBe(false);
  });

  it('searches units by room number and owner name', async () => {
    const sup = await ctx.as('supervisor');
    const byRoom = await sup({ method: 'GET', url: `/api/units?projectId=${projectA}&q=2606&pageSize=50` });
    expect(byRoom.json().total).toBe(10);
    const byName = await sup({
      method: 'GET',
      url: `/api/units?projectId=${projectA}&q=${encodeURIComponent('吴先生')}`,
    });
    expect(byName.json().items.every((u: { mainName: string }) => u.mainName === '吴先生')).toBe(true);
  });

  it('counts occupied households on a date after status changes', async () => {
    const projectId = await newProject(ctx, 'OCC');
    const sup = await ctx.as('admin');
    const section = (
      await sup({ method: 'POST', url: '/api/property/sections', payload: { projectId, name: '一期' } })
    ).json();
    const building = (
      await sup({
        method: 'POST',
        url: '/api/property/buildings',
        payload: { projectId, sectionId: section.id, name: '1栋' },
      })
    ).json();
    const mk = async (roomNo: string) =>
      (
        await sup({
          method: 'POST',
          url: '/api/units',
          payload: {
            buildingId: building.id,
            roomNo,
            floor: 1,
            areaCentiM2: 8950,
            handoverDate: '2025-01-01',
          },
        })
      ).json().id as number;
    const [u1, u2, u3] = [await mk('101'), await mk('102'), await mk('103')];
    const change = (id: number, status: string, fromDate: string) =>
      sup({ method: 'POST', url: `/api/units/${id}/status`, payload: { status, fromDate } });
    expect((await change(u1, 'occupied', '2026-03-01')).statusCode).toBe(200);
    await change(u2, 'renovating', '2026-02-01');
    await change(u2, 'occupied', '2026-04-01');
    await change(u3, 'occupied', '2026-01-01');
    await change(u3, 'vacant', '2026-05-01');
    const early = await change(u3, 'occupied', '2026-04-30');
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toBe('状态变更日期不能早于上一次变更（2026-05-01）');
    // a "change" to the status the unit already has is refused and records nothing
    const same = await change(u3, 'vacant', '2026-06-01');
    expect(same.statusCode).toBe(400);
    expect(same.json().fields).toEqual([{ field: 'status', message: '与当前状态相同' }]);
    const db = ctx.database.db;
    expect(await countOccupiedHouseholds(db, projectId, '2025-12-31')).toBe(0);
    expect(await countOccupiedHouseholds(db, projectId, '2026-02-01')).toBe(2);
    expect(await countOccupiedHouseholds(db, projectId, '2026-03-01')).toBe(3);
    expect(await countOccupiedHouseholds(db, projectId, '2026-05-01')).toBe(2);
    const detail = (await sup({ method: 'GET', url: `/api/units/${u3}` })).json();
    expect(detail.status).toBe('vacant');
    expect(detail.history.map((h: { status: string }) => h.status)).toEqual(['vacant', 'occupied', 'vacant']);
  });

  it('keeps one officer per building at a time, with history', async () => {
    const sup = await ctx.as('supervisor');
    const tree = (await sup({ method: 'GET', url: `/api/property/tree?projectId=${projectA}` })).json();
    const b1 = tree.sections[0].buildings[0].id;
    const officer2 = (
      await ctx.database.db
        .selectFrom('app_user')
        .select('employee_id')
        .where('username', '=', 'officer2')
        .executeTakeFirstOrThrow()
    ).employee_id;
    const res = await sup({
      method: 'PUT',
      url: `/api/property/buildings/${b1}/officer`,
      payload: { employeeId: officer2, fromDate: '2026-11-01' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject([
      { employeeName: '陈静', fromDate: '2026-11-01', toDate: null },
      { employeeName: '张伟', fromDate: '2024-01-01', toDate: '2026-11-01' },
    ]);
    const officer = await ctx.as('officer');
    expect((await officer({ method: 'GET', url: '/api/units?pageSize=1' })).json().total).toBe(4 * 26 * 6);
    expect(
      (
        await officer({
          method: 'PUT',
          url: `/api/property/buildings/${b1}/officer`,
          payload: { employeeId: null, fromDate: '2026-11-02' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('downloads the template with the Chinese headers', async () => {
    const sup = await ctx.as('supervisor');
    const res = await sup({ method: 'GET', url: '/api/property/import-template' });
    expect(res.statusCode).toBe(200);
    const book = await readXlsx(res.rawPayload);
    expect(book.房屋[0]).toEqual(UNIT_HEAD);
    expect(book.业主及住户[0]).toEqual(PEOPLE_HEAD);
    expect(book.楼栋[0]).toEqual(BUILDING_HEAD);
  });

  const badCases: [
    string,
    () => Promise<Buffer>,
    { sheet: string; row: number; column: string; message: string },
  ][] = [
    [
      'a room repeated in the file',
      () =>
        sheets(
          [['一期', '1栋', 6]],
          [
            ['1栋', '101', 1, 89.5],
            ['1栋', '101', 1, 90],
          ],
        ),
      { sheet: '房屋', row: 3, column: '房号', message: '房号在文件中重复（与第 2 行相同）' },
    ],
    [
      'an unknown building',
      () =>
        sheets(
          [['一期', '1栋', 6]],
          [
            ['1栋', '101', 1, 89.5],
            ['9栋', '101', 1, 89.5],
          ],
        ),
      {
        sheet: '房屋',
        row: 3,
        column: '楼栋',
        message: '楼栋“9栋”不存在：请先在系统中建立，或在“楼栋”表中列出',
      },
    ],
    [
      'an area that is not a number',
      () => sheets([['一期', '1栋', 6]], [['1栋', '101', 1, '八十九']]),
      { sheet: '房屋', row: 2, column: '建筑面积(㎡)', message: '建筑面积应为大于 0 的数字，最多两位小数' },
    ],
    [
      'a malformed phone',
      () =>
        sheets(
          [['一期', '1栋', 6]],
          [['1栋', '101', 1, 89.5]],
          [['1栋', '101', '业主', '王伟', '1380000000', '本人', '是']],
        ),
      {
        sheet: '业主及住户',
        row: 2,
        column: '电话',
        message: '电话格式不正确：应为 11 位手机号（如 13800000000）或座机号（如 0571-88001234）',
      },
    ],
    [
      'a missing required cell',
      () => sheets([['一期', '1栋', 6]], [['1栋', '101', null, 89.5]]),
      { sheet: '房屋', row: 2, column: '楼层', message: '必填' },
    ],
  ];
  for (const [what, file, expected] of badCases) {
    it(`refuses a file with ${what}: exact message, nothing written`, async () => {
      const projectId = await newProject(ctx, `BAD${badCases.findIndex((c) => c[0] === what)}`);
      const res = await upload(ctx, 'admin', projectId, await file());
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'invalid', errorCount: 1 });
      expect(res.json().errors).toEqual([expected]);
      expect(await rowCounts(ctx, projectId)).toEqual({
        sections: 0,
        buildings: 0,
        units: 0,
        people: 0,
        history: 0,
      });
    });
  }

  it('refuses a file that is not an .xlsx workbook, with a clear message', async () => {
    const res = await upload(ctx, 'supervisor', projectA, Buffer.from('name,phone\n王伟,13800000000\n'));
    expect(res.json()).toMatchObject({ status: 'invalid', errorCount: 1 });
    expect(res.json().errors[0].message).toBe('无法读取文件：请上传 .xlsx 格式的 Excel 文件');
    const as = await ctx.as('supervisor');
    expect(
      (await as({ method: 'GET', url: `/api/property/import-reports/${res.json().reportToken}` })).statusCode,
    ).toBe(200);
    const other = await ctx.as('supervisor2');
    expect((await other({ method: 'GET', url: `/api/property/imports/${res.json().id}` })).statusCode).toBe(
      404,
    );
  });

  it('refuses a room already in the register (create mode), writing nothing', async () => {
    const before = await rowCounts(ctx, projectA);
    const file = await sheets(
      [],
      [
        ['2栋', '9901', 26, 89.5],
        ['1栋', '101', 1, 89.5],
      ],
    );
    const res = await upload(ctx, 'supervisor', projectA, file);
    expect(res.json().errors).toEqual([
      { sheet: '房屋', row: 3, column: '房号', message: '房屋“1栋 101”已存在' },
    ]);
    expect(await rowCounts(ctx, projectA)).toEqual(before);
  });

  it('reports errors in English to an English-speaking user', async () => {
    const projectId = await newProject(ctx, 'ENG');
    const as = await ctx.as('admin');
    const { payload, headers } = multipartFile(await sheets([['一期', '1栋', 6]], [['1栋', '101', 1, -3]]));
    const res = await as({
      method: 'POST',
      url: `/api/property/imports?projectId=${projectId}&wait=true`,
      payload,
      headers: { ...headers, 'accept-language': 'en-US' },
    });
    expect(res.json().errors[0].message).toBe(
      'Floor area must be a number greater than 0 with at most 2 decimals',
    );
  });

  it('imports a good file in one go with exact counts; the error report has an error column', async () => {
    const projectId = await newProject(ctx, 'GOOD');
    const bad = await sheets(
      [
        ['一期', '1栋', 6],
        ['一期', '2栋', 6],
        ['二期', '3栋', 18],
      ],
      [
        ['1栋', '101', 1, 89.5, '入住', '2024-01-01', '2024-03-01'],
        ['1栋', '102', 1, '120.75', '空置', '2024/1/1', null],
        ['2栋', '201', 2, 100, '装修中', '2024-01-01', '2026-10-01'],
        ['3栋', '1801', 18, 143, null, null, null],
      ],
      [
        ['1栋', '101', '业主', '王伟', '13800001111', '本人', '是'],
        ['1栋', '101', '住户', '王小明', '0571-88001234', '子女', '否'],
        ['2栋', '201', null, '李娜', '13900002222', '本人', '是'],
        ['2栋', '202', '业主', '赵六', '13900003333', '本人', '是'],
      ],
    );
    const first = await upload(ctx, 'admin', projectId, bad);
    expect(first.json().errors).toEqual([
      { sheet: '业主及住户', row: 5, column: '房号', message: '房屋“2栋 202”不存在：请在“房屋”表中列出' },
    ]);
    const report = await ctx
      .as('admin')
      .then((as) => as({ method: 'GET', url: `/api/property/import-reports/${first.json().reportToken}` }));
    expect(report.statusCode).toBe(200);
    const reportBook = await readXlsx(report.rawPayload);
    expect(reportBook.业主及住户[0]).toEqual([...PEOPLE_HEAD, '错误']);
    expect(reportBook.业主及住户[4][7]).toBe('房号：房屋“2栋 202”不存在：请在“房屋”表中列出');

    const fixed = await sheets(
      [
        ['一期', '1栋', 6],
        ['一期', '2栋', 6],
        ['二期', '3栋', 18],
      ],
      [
        ['1栋', '101', 1, 89.5, '入住', '2024-01-01', '2024-03-01'],
        ['1栋', '102', 1, '120.75', '空置', '2024/1/1', null],
        ['2栋', '201', 2, 100, '装修中', '2024-01-01', '2026-10-01'],
        ['3栋', '1801', 18, 143, null, null, null],
      ],
      [
        ['1栋', '101', '业主', '王伟', '13800001111', '本人', '是'],
        ['1栋', '101', '住户', '王小明', '0571-88001234', '子女', '否'],
        ['2栋', '201', null, '李娜', '13900002222', '本人', '是'],
      ],
    );
    const ok = await upload(ctx, 'admin', projectId, fixed);
    expect(ok.json()).toMatchObject({
      status: 'done',
      counts: {
        sections: 2,
        buildings: 3,
        unitsCreated: 4,
        unitsUpdated: 0,
        peopleCreated: 3,
        peopleUpdated: 0,
      },
    });
    // 101: vacant from handover then occupied; 102: vacant; 201: vacant then renovating; 1801: vacant
    expect(await rowCounts(ctx, projectId)).toEqual({
      sections: 2,
      buildings: 3,
      units: 4,
      people: 3,
      history: 6,
    });
    const as = await ctx.as('admin');
    const list = (await as({ method: 'GET', url: `/api/units?projectId=${projectId}&sort=roomNo` })).json();
    expect(list.items.find((u: { roomNo: string }) => u.roomNo === '102')).toMatchObject({
      areaCentiM2: 12075,
      status: 'vacant',
      handoverDate: '2024-01-01',
    });
    expect(await countOccupiedHouseholds(ctx.database.db, projectId, '2026-10-01')).toBe(2);

    // re-importing the same file duplicates nothing: create mode refuses, update mode updates in place
    const again = await upload(ctx, 'admin', projectId, fixed);
    expect(again.json().status).toBe('invalid');
    expect(again.json().errorCount).toBe(4);
    const update = await upload(ctx, 'admin', projectId, fixed, 'update');
    expect(update.json().counts).toMatchObject({
      unitsCreated: 0,
      unitsUpdated: 4,
      peopleCreated: 0,
      peopleUpdated: 3,
    });
    expect(await rowCounts(ctx, projectId)).toEqual({
      sections: 2,
      buildings: 3,
      units: 4,
      people: 3,
      history: 6,
    });
  });

  it('round-trips: export of a filtered list → import into an empty project reproduces it', async () => {
    const sup = await ctx.as('supervisor');
    const tree = (await sup({ method: 'GET', url: `/api/property/tree?projectId=${projectA}` })).json();
    const b2 = tree.sections[0].buildings[1];
    const exported = await sup({
      method: 'GET',
      url: `/api/units/export?projectId=${projectA}&buildingId=${b2.id}`,
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const book = await readXlsx(exported.rawPayload);
    expect(book.房屋[0]).toEqual(UNIT_HEAD);
    expect(book.房屋).toHaveLength(1 + 26 * 6);

    const projectId = await newProject(ctx, 'COPY');
    const res = await upload(ctx, 'admin', projectId, exported.rawPayload);
    expect(res.json().status).toBe('done');
    expect(res.json().counts.unitsCreated).toBe(26 * 6);
    const admin = await ctx.as('admin');
    const snapshot = async (pid: number, buildingId?: number) => {
      const q = buildingId ? `&buildingId=${buildingId}` : '';
      const units = (
        await admin({ method: 'GET', url: `/api/units?projectId=${pid}${q}&pageSize=200&sort=id` })
      ).json().items;
      const owners = (
        await admin({ method: 'GET', url: `/api/owners?projectId=${pid}${q}&pageSize=200&sort=id` })
      ).json().items;
      return {
        units: units
          .map((u: Record<string, unknown>) =>
            [u.buildingName, u.roomNo, u.floor, u.areaCentiM2, u.status, u.handoverDate, u.moveInDate].join(
              '|',
            ),
          )
          .sort(),
        owners: owners
          .map((o: Record<string, unknown>) =>
            [o.roomNo, o.kind, o.name, o.phone, o.relation, o.isMainContact].join('|'),
          )
          .sort(),
      };
    };
    expect(await snapshot(projectId)).toEqual(await snapshot(projectA, b2.id));
  });

  it('exports the owners list with the template headers', async () => {
    const sup = await ctx.as('supervisor');
    const res = await sup({
      method: 'GET',
      url: `/api/owners/export?projectId=${projectA}&q=${encodeURIComponent('吴先生')}`,
    });
    const book = await readXlsx(res.rawPayload);
    expect(book.业主及住户[0]).toEqual(PEOPLE_HEAD);
    expect(book.业主及住户.slice(1).map((r) => r[3])).toEqual(['吴先生', '吴先生']);
    expect(book.业主及住户[1][4]).toBe('13900000001');
  });

  it('refuses imports from roles that may not, and files that are too large', async () => {
    const file = await sheets([], []);
    expect((await upload(ctx, 'officer', projectA, file)).statusCode).toBe(403);
    expect((await upload(ctx, 'supervisor2', projectA, file)).statusCode).toBe(404);
    const huge = Buffer.alloc(11 * 1024 * 1024, 1);
    const res = await upload(ctx, 'supervisor', projectA, huge);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('文件过大：最大 10 MB');
  });

  it('links an owner account to a unit and records people changes in the unit audit trail', async () => {
    const sup = await ctx.as('supervisor');
    const unit = (
      await sup({ method: 'GET', url: `/api/units?projectId=${projectA}&pageSize=1&status=vacant` })
    ).json().items[0];
    const add = await sup({
      method: 'POST',
      url: `/api/units/${unit.id}/people`,
      payload: { kind: 'owner', name: '钱多多', phone: '13700001234', relation: '本人', isMainContact: true },
    });
    expect(add.statusCode).toBe(200);
    expect(
      add
        .json()
        .people.filter((p: { isMainContact: boolean }) => p.isMainContact)
        .map((p: { name: string }) => p.name),
    ).toEqual(['钱多多']);
    const bad = await sup({
      method: 'POST',
      url: `/api/units/${unit.id}/people`,
      payload: { kind: 'owner', name: 'x', phone: '12345' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ field: 'phone' });
    const ownerUser = (
      await ctx.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'owner')
        .executeTakeFirstOrThrow()
    ).id;
    const link = await sup({
      method: 'POST',
      url: '/api/property/owner-links',
      payload: { userId: ownerUser, unitId: unit.id },
    });
    expect(link.json().linkedUsers).toEqual([
      { userId: ownerUser, username: 'owner', displayName: '吴先生' },
    ]);
    const owner = await ctx.as('owner');
    expect((await owner({ method: 'GET', url: '/api/my/units' })).json()).toHaveLength(3);
    await sup({
      method: 'DELETE',
      url: `/api/property/owner-links/${ownerUser}/${unit.id}`,
    });
    expect((await owner({ method: 'GET', url: '/api/my/units' })).json()).toHaveLength(2);
    const audit = (await sup({ method: 'GET', url: `/api/audit/unit/${unit.id}` })).json();
    const actions = (Array.isArray(audit) ? audit : audit.items).map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['person_add', 'owner_user_link', 'owner_user_unlink']));
  });
});
