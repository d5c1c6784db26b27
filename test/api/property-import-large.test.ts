import { expect, it } from 'vitest';
import { describeApi } from '../helpers/app.ts';
import { buildXlsx, multipartFile } from '../helpers/excel.ts';

/** 10,000 units and 10,000 owners: the import must feel quick (measured, reported in the job). */
describeApi('property import of 10,000 rows', (ctx) => {
  it('imports 10,000 units with owners in one transaction, with progress and timing', async () => {
    const admin = await ctx.as('admin');
    const project = (
      await admin({ method: 'POST', url: '/api/projects', payload: { code: 'BIG', name: '大盘' } })
    ).json();
    const buildings: (string | number)[][] = [['标段', '楼栋', '层数']];
    const units: (string | number)[][] = [
      ['楼栋', '房号', '楼层', '建筑面积(㎡)', '状态', '交房日期', '入住日期'],
    ];
    const people: (string | number)[][] = [['楼栋', '房号', '类型', '姓名', '电话', '关系', '主联系人']];
    for (let b = 1; b <= 50; b++) {
      buildings.push([b <= 25 ? '一期' : '二期', `${b}栋`, 25]);
      for (let f = 1; f <= 25; f++) {
        for (let k = 1; k <= 8; k++) {
          const room = `${f}${String(k).padStart(2, '0')}`;
          units.push([
            `${b}栋`,
            room,
            f,
            89.5 + k,
            k % 3 ? '入住' : '空置',
            '2024-01-01',
            k % 3 ? '2024-06-01' : '',
          ]);
          people.push([
            `${b}栋`,
            room,
            '业主',
            `业主${b}-${room}`,
            `139${String(b * 100000 + f * 100 + k).padStart(8, '0')}`,
            '本人',
            '是',
          ]);
        }
      }
    }
    const file = await buildXlsx({ 楼栋: buildings, 房屋: units, 业主及住户: people });
    const { payload, headers } = multipartFile(file, 'big.xlsx');
    const started = Date.now();
    const res = await admin({
      method: 'POST',
      url: `/api/property/imports?projectId=${project.id}`,
      payload,
      headers,
    });
    expect(res.statusCode).toBe(200);
    let job = res.json();
    const phases = new Set<string>([job.phase]);
    while (job.status === 'running') {
      await new Promise((r) => setTimeout(r, 50));
      job = (await admin({ method: 'GET', url: `/api/property/imports/${job.id}` })).json();
      phases.add(job.phase);
    }
    const elapsed = Date.now() - started;
    console.log(
      `[${ctx.kind}] 10,000 units + 10,000 owners: job ${job.elapsedMs} ms, upload to done ${elapsed} ms; phases ${[...phases].join(' → ')}`,
    );
    expect(job).toMatchObject({ status: 'done', total: 20050, processed: 20050 });
    expect(job.counts).toEqual({
      sections: 2,
      buildings: 50,
      unitsCreated: 10000,
      unitsUpdated: 0,
      peopleCreated: 10000,
      peopleUpdated: 0,
    });
    // a guard against pathological slowness on a busy 2-core machine; the measurement itself is logged
    expect(elapsed).toBeLessThan(ctx.kind === 'sqlite' ? 15_000 : 30_000);
  });
});
