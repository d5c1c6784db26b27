import { expect, it } from 'vitest';
import { describeApi } from '../helpers/app.ts';

interface Row {
  rowKey: string;
  ruleKey: string;
  source: 'auto' | 'manual';
  quantity: number;
  points: number;
  metricMissing?: boolean;
  evidence: { entity: string; id: number | string; label?: string }[];
}

/** Where each counted record is read in the API, to prove a deduction opens real records. */
const RECORD_URL: Record<string, (id: string) => string> = {
  task: (id) => `/api/tasks/${id}`,
  repair_order: (id) => `/api/repairs/${id}`,
  complaint: (id) => `/api/complaints/${id}`,
};

describeApi('assessment wired to the service desk metrics', (ctx) => {
  it("counts the demo supervisor's October from the service desk records, each deduction opening the records it counts", async () => {
    const manager = await ctx.as('manager');
    const list = (await manager({ method: 'GET', url: '/api/assessments?period=2026-10' })).json();
    const oct = list.items.find((s: { assesseeName: string }) => s.assesseeName === '李晓梅');
    const sheet = (await manager({ method: 'GET', url: `/api/assessments/${oct.id}` })).json();
    const byKey = Object.fromEntries((sheet.rows as Row[]).map((r) => [r.rowKey, r]));

    // the document's rules counted from the records the demo made for October
    expect(byKey['2.1:auto']).toMatchObject({ quantity: 8, points: 4 }); // overdue tasks, 0.5 each
    expect(byKey['2.3:auto']).toMatchObject({ quantity: 3, points: 1.5 }); // categories below 95%
    expect(byKey['2.4:auto']).toMatchObject({ quantity: 1, points: 0.5 }); // a week without the repair review
    expect(byKey['2.5:auto']).toMatchObject({ quantity: 4, points: 2 }); // repairs dispatched late
    expect(byKey['5.1:auto']).toMatchObject({ quantity: 1, points: 1 }); // a complaint marked improper
    expect(byKey['4.1:auto'].metricMissing).toBeUndefined(); // the complaint rate is registered (under 2% here)
    for (const key of ['2.1:auto', '2.5:auto', '5.1:auto']) {
      const row = byKey[key];
      expect(row.metricMissing).toBeUndefined();
      expect(row.evidence).toHaveLength(row.quantity);
      for (const ref of row.evidence) {
        const res = await manager({ method: 'GET', url: RECORD_URL[ref.entity](String(ref.id)) });
        expect(res.statusCode).toBe(200);
        expect(ref.label).toBeTruthy();
      }
    }
    // rules whose data PropDesk does not record yet still say so
    expect(sheet.missingMetrics).toEqual(
      expect.arrayContaining(['report.weeklySummaryLate', 'report.dailyMissing', 'fee.collectionRate']),
    );
    expect(sheet.missingMetrics).not.toContain('task.overdue');
  });

  it('a complaint the manager marks improper today is one more case of rule 5 on the refreshed sheet, linked to it', async () => {
    const manager = await ctx.as('manager');
    const frontdesk = await ctx.as('frontdesk');
    const supervisorId = (
      await ctx.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'supervisor')
        .executeTakeFirstOrThrow()
    ).id;
    // this month's sheet (Asia/Shanghai), made if the demo has none for it
    const period = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
    })
      .format(new Date())
      .slice(0, 7);
    const list = (await manager({ method: 'GET', url: `/api/assessments?period=${period}` })).json();
    let id = list.items.find((s: { assesseeName: string }) => s.assesseeName === '李晓梅')?.id;
    if (!id) {
      const created = await manager({
        method: 'POST',
        url: '/api/assessments',
        payload: { assesseeUserId: supervisorId, period },
      });
      expect(created.statusCode).toBe(200);
      id = created.json().assessment.id;
    }
    const rule5 = (rows: Row[]) => rows.find((r) => r.rowKey === '5.1:auto')!;
    const before = rule5(
      (await manager({ method: 'POST', url: `/api/assessments/${id}/refresh` })).json().rows,
    );

    const categories = (await frontdesk({ method: 'GET', url: '/api/complaint-categories' })).json();
    const complaint = await frontdesk({
      method: 'POST',
      url: '/api/complaints',
      payload: {
        projectId: 1,
        categoryId: categories[0].id,
        complainantName: '钱女士',
        content: '电梯多次困人，答复敷衍',
      },
    });
    expect(complaint.statusCode).toBe(200);
    const marked = await manager({
      method: 'POST',
      url: `/api/complaints/${complaint.json().id}/improper`,
      payload: { reason: '答复敷衍，未按流程跟进' },
    });
    expect(marked.statusCode).toBe(200);

    const after = rule5(
      (await manager({ method: 'POST', url: `/api/assessments/${id}/refresh` })).json().rows,
    );
    expect(after.quantity).toBe(before.quantity + 1);
    expect(after.points).toBe(Math.min(5, before.points + 1));
    expect(after.evidence.map((e) => e.id)).toContain(complaint.json().id);
  });
});
