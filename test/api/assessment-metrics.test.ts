import { expect, it } from 'vitest';
import type { Actor } from '../../server/lib/actor.ts';
import type { MetricContext, MetricDefinition, MetricValue } from '../../server/lib/metrics.ts';
import { createAssessmentMetrics } from '../../server/modules/assessment/assessment.metrics.ts';
import { userDisplayNames } from '../../server/modules/user/user.service.ts';

const assessmentMetrics = createAssessmentMetrics({ userNames: userDisplayNames });

import { createAssessmentService } from '../../server/modules/assessment/assessment.service.ts';
import { type ApiContext, describeApi } from '../helpers/app.ts';

/** The user, staff and project services the assessment service reads people and projects through. */
const peopleOf = (ctx: ApiContext) => ({
  users: ctx.services.users,
  staff: ctx.services.staff,
  projects: ctx.services.projects,
});

/**
 * Service-level scenarios: metrics registered the way a data module registers them, values chosen at and
 * around each limit of the document's 客服主管 table, computed through the real service and database.
 */
const clock = { now: () => new Date('2027-08-15T04:00:00Z') };

const ref = (entity: string, id: number) => ({ entity, id, label: `${entity} #${id}` });
const cases = (n: number, entity = 'record'): MetricValue => ({
  type: 'cases',
  cases: Array.from({ length: n }, (_, i) => ({ ref: ref(entity, i + 1) })),
});

const EMPTY: Record<string, MetricValue> = {
  'complaint.rate': { type: 'rate', numerator: 0, denominator: 100, refs: [] },
  'fee.collectionRate': { type: 'rate', numerator: 100, denominator: 100, refs: [] },
  'task.categoryCompletion': { type: 'categoryRates', categories: [] },
  'report.summaryDaysLate': { type: 'lateness', records: [] },
};

/** What every test metric returns, set per scenario; each metric also records the context it was given. */
const values: Record<string, MetricValue> = {};
const seen: MetricContext[] = [];
function testMetric(key: string): MetricDefinition {
  return {
    key,
    label: { 'zh-CN': key, 'en-US': key },
    description: { 'zh-CN': '测试指标', 'en-US': 'test metric' },
    async compute(ctx) {
      seen.push(ctx);
      return values[key] ?? EMPTY[key] ?? cases(0);
    },
  };
}

const KEYS = [
  'report.weeklySummaryLate',
  'report.dailyMissing',
  'inspection.unreviewed',
  'task.overdue',
  'task.categoryCompletion',
  'repair.weeklyReviewMissing',
  'repair.notDispatchedInTime',
  'archive.missing',
  'report.planUnrealistic',
  'report.summaryNotObjective',
  'report.summaryDaysLate',
  'complaint.rate',
  'training.noImprovement',
  'complaint.improper',
  'fee.collectionRate',
];

/** rule → [metric key, metric value, expected points of the rule] at and around its limits */
const SCENARIOS: [string, string, MetricValue, number][] = [
  // count rules, 1 per case, max 5
  ...[
    '1.1:report.weeklySummaryLate',
    '1.2:report.dailyMissing',
    '1.3:inspection.unreviewed',
    '4.2:training.noImprovement',
    '5.1:complaint.improper',
  ].flatMap((pair) => {
    const [rule, key] = pair.split(':');
    return [
      [rule, key, cases(0), 0],
      [rule, key, cases(4), 4],
      [rule, key, cases(5), 5],
      [rule, key, cases(6), 5],
    ] as [string, string, MetricValue, number][];
  }),
  // count rules, 0.5 per case, max 5: 10 cases reach the cap
  ...[
    '2.1:task.overdue',
    '2.4:repair.weeklyReviewMissing',
    '2.5:repair.notDispatchedInTime',
    '2.6:archive.missing',
  ].flatMap((pair) => {
    const [rule, key] = pair.split(':');
    return [
      [rule, key, cases(1), 0.5],
      [rule, key, cases(9), 4.5],
      [rule, key, cases(10), 5],
      [rule, key, cases(11), 5],
    ] as [string, string, MetricValue, number][];
  }),
  // 3.1 plans not realistic: 0.5 each, max 3
  ['3.1', 'report.planUnrealistic', cases(5), 2.5],
  ['3.1', 'report.planUnrealistic', cases(6), 3],
  ['3.1', 'report.planUnrealistic', cases(7), 3],
  // 3.2 summary not objective: 1 per point, max 3
  ['3.2', 'report.summaryNotObjective', cases(2), 2],
  ['3.2', 'report.summaryNotObjective', cases(3), 3],
  ['3.2', 'report.summaryNotObjective', cases(4), 3],
  // 3.3 summary late: 1 per day, max 4
  [
    '3.3',
    'report.summaryDaysLate',
    { type: 'lateness', records: [{ ref: ref('report', 1), daysLate: 3 }] },
    3,
  ],
  [
    '3.3',
    'report.summaryDaysLate',
    {
      type: 'lateness',
      records: [
        { ref: ref('report', 1), daysLate: 1 },
        { ref: ref('report', 2), daysLate: 3 },
      ],
    },
    4,
  ],
  [
    '3.3',
    'report.summaryDaysLate',
    { type: 'lateness', records: [{ ref: ref('report', 1), daysLate: 5 }] },
    4,
  ],
  [
    '3.3',
    'report.summaryDaysLate',
    { type: 'lateness', records: [{ ref: ref('report', 1), daysLate: 0.2 }] },
    1,
  ],
  // 4.1 complaint rate: ≥2% → 2, >10% → 5
  ['4.1', 'complaint.rate', { type: 'rate', numerator: 199, denominator: 10000, refs: [] }, 0],
  ['4.1', 'complaint.rate', { type: 'rate', numerator: 2, denominator: 100, refs: [ref('complaint', 1)] }, 2],
  ['4.1', 'complaint.rate', { type: 'rate', numerator: 10, denominator: 100, refs: [] }, 2],
  ['4.1', 'complaint.rate', { type: 'rate', numerator: 1001, denominator: 10000, refs: [] }, 5],
  ['4.1', 'complaint.rate', { type: 'rate', numerator: 0, denominator: 0, refs: [] }, 0],
  // 2.3 each task category below 95%: 0.5 each, max 5
  [
    '2.3',
    'task.categoryCompletion',
    {
      type: 'categoryRates',
      categories: [
        { category: 'repair', numerator: 95, denominator: 100, refs: [] },
        { category: 'patrol', numerator: 9499, denominator: 10000, refs: [ref('task', 9)] },
      ],
    },
    0.5,
  ],
  [
    '2.3',
    'task.categoryCompletion',
    {
      type: 'categoryRates',
      categories: Array.from({ length: 11 }, (_, i) => ({
        category: `c${i}`,
        numerator: 1,
        denominator: 2,
        refs: [],
      })),
    },
    5,
  ],
  // 6.1 collection rate below 98% costs 5
  ['6.1', 'fee.collectionRate', { type: 'rate', numerator: 98, denominator: 100, refs: [] }, 0],
  [
    '6.1',
    'fee.collectionRate',
    { type: 'rate', numerator: 9799, denominator: 10000, refs: [ref('fee_bill', 3)] },
    5,
  ],
];

describeApi('assessment metrics through the service', (ctx) => {
  async function actorOf(username: string): Promise<Actor> {
    const db = ctx.database.db;
    const user = await db
      .selectFrom('app_user')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    const projects = await db
      .selectFrom('user_project')
      .select('project_id')
      .where('user_id', '=', user.id)
      .execute();
    return {
      userId: user.id,
      username,
      displayName: user.display_name,
      role: user.role,
      employeeId: user.employee_id,
      projectIds: projects.map((p) => p.project_id),
      allProjects: user.role === 'admin',
      locale: 'zh-CN',
      requestId: 'test',
    };
  }

  it('computes every rule of the document table at and around its limits from registered metrics', async () => {
    const service = createAssessmentService({
      db: ctx.database.db,
      ...peopleOf(ctx),
      clock,
      metrics: [...assessmentMetrics, ...KEYS.map(testMetric)],
    });
    const manager = await actorOf('manager');
    const supervisor = await actorOf('supervisor');
    const sheet = await service.create(manager, { assesseeUserId: supervisor.userId, period: '2027-08' });
    expect(sheet.missingMetrics).toEqual([]);
    const id = sheet.assessment.id;
    for (const [rule, key, value, expected] of SCENARIOS) {
      for (const k of Object.keys(values)) delete values[k];
      values[key] = value;
      const result = await service.refresh(manager, id);
      const points = result.rows.filter((r) => r.ruleKey === rule).reduce((s, r) => s + r.points, 0);
      expect(points, `${rule} ${JSON.stringify(value)}`).toBe(expected);
      expect(result.total).toBe(100 - expected);
      expect(result.warnings).toEqual([]);
    }
  });

  it('gives each metric the assessee, the project and the period as China dates and UTC instants', async () => {
    seen.length = 0;
    const service = createAssessmentService({
      db: ctx.database.db,
      ...peopleOf(ctx),
      clock,
      metrics: [testMetric('task.overdue')],
    });
    const manager = await actorOf('manager');
    const supervisor = await actorOf('supervisor');
    await service.create(manager, { assesseeUserId: supervisor.userId, period: '2027-09' });
    expect(seen).toHaveLength(1);
    const c = seen[0];
    expect(c).toMatchObject({
      projectId: supervisor.projectIds[0],
      assesseeUserId: supervisor.userId,
      assesseeEmployeeId: supervisor.employeeId,
      periodStart: '2027-09-01',
      periodEnd: '2027-10-01',
      periodStartAt: '2027-08-31T16:00:00.000Z',
      periodEndAt: '2027-09-30T16:00:00.000Z',
    });
    expect(c.now.toISOString()).toBe('2027-08-15T04:00:00.000Z');
  });

  it('caps the general part (通用部分) per rule and per item, manual by default', async () => {
    const service = createAssessmentService({ db: ctx.database.db, ...peopleOf(ctx), clock, metrics: [] });
    const manager = await actorOf('manager');
    const supervisor = await actorOf('supervisor');
    const sheet = await service.create(manager, { assesseeUserId: supervisor.userId, period: '2027-10' });
    const id = sheet.assessment.id;
    expect(sheet.rows.filter((r) => r.itemKey === '0')).toEqual([]); // manual rules: no auto rows
    for (const ruleKey of ['0.1', '0.2', '0.3', '0.4']) {
      // 5 cases × 1 point = the rule's cap; more would be refused (a deduction above its cap is never cut down)
      const quantity = ruleKey === '0.3' ? 10 : 5; // 0.3 costs 0.5 a case
      await service.addManualEntry(manager, id, { ruleKey, quantity, reason: `${ruleKey} 多次违规` });
    }
    const after = await service.get(manager, id);
    expect(after.items.find((i) => i.itemKey === '0')).toEqual({
      itemKey: '0',
      weight: 20,
      deducted: 20,
      score: 0,
    });
    expect(after.rows.filter((r) => r.itemKey === '0').map((r) => r.points)).toEqual([5, 5, 5, 5]);
    const half = await service.addManualEntry(manager, id, {
      ruleKey: '1.1',
      quantity: 2,
      reason: '周汇报迟交两次',
    });
    const r11 = half.rows.filter((r) => r.ruleKey === '1.1');
    expect(r11.map((r) => [r.source, r.points, r.metricMissing ?? false])).toEqual([
      ['auto', 0, true],
      ['manual', 2, false],
    ]);
    expect(half.total).toBe(78);
  });

  it('registers an example metric and shows its deduction with the records as evidence (the docs example)', async () => {
    // the example of docs/assessment.md: a module counting overdue tasks
    const overdueTasks: MetricDefinition = {
      key: 'task.overdue',
      label: { 'zh-CN': '未按时完成的工作任务', 'en-US': 'Tasks not finished on time' },
      description: {
        'zh-CN': '截止日在本期内且逾期未完成的任务',
        'en-US': 'Tasks due in the period and not done in time',
      },
      async compute(c) {
        // a real module runs one SQL query here with c.db, c.projectId, c.assesseeUserId, c.periodStartAt …
        const late = c.assesseeUserId ? [41, 42, 43] : [];
        return {
          type: 'cases',
          cases: late.map((id) => ({ ref: { entity: 'task', id, label: `任务 T-${id} 逾期` } })),
        };
      },
    };
    const service = createAssessmentService({
      db: ctx.database.db,
      ...peopleOf(ctx),
      clock,
      metrics: [...assessmentMetrics, overdueTasks],
    });
    const manager = await actorOf('manager');
    const supervisor = await actorOf('supervisor');
    const sheet = await service.create(manager, { assesseeUserId: supervisor.userId, period: '2027-11' });
    const row = sheet.rows.find((r) => r.ruleKey === '2.1')!;
    expect(row).toMatchObject({ source: 'auto', quantity: 3, points: 1.5 });
    expect(row.metricMissing).toBeUndefined();
    expect(row.detail).toBe('未按时完成的工作任务：3 项，每项扣 0.5 分，计 1.5 分');
    expect(row.evidence).toEqual([
      { entity: 'task', id: 41, label: '任务 T-41 逾期' },
      { entity: 'task', id: 42, label: '任务 T-42 逾期' },
      { entity: 'task', id: 43, label: '任务 T-43 逾期' },
    ]);
    expect(sheet.metricLabels['task.overdue']['zh-CN']).toBe('未按时完成的工作任务');
    expect(sheet.missingMetrics).not.toContain('task.overdue');
    expect(() =>
      createAssessmentService({
        db: ctx.database.db,
        ...peopleOf(ctx),
        clock,
        metrics: [overdueTasks, overdueTasks],
      }),
    ).toThrow('registered twice');
  });

  it('keeps a published sheet on the metric values of its last refresh when an appeal is decided', async () => {
    const service = createAssessmentService({
      db: ctx.database.db,
      ...peopleOf(ctx),
      clock,
      metrics: [testMetric('task.overdue')],
    });
    const manager = await actorOf('manager');
    const supervisor = await actorOf('supervisor');
    values['task.overdue'] = cases(4, 'task');
    const sheet = await service.create(manager, { assesseeUserId: supervisor.userId, period: '2027-12' });
    const published = await service.publish(manager, sheet.assessment.id);
    expect(published.total).toBe(98);
    values['task.overdue'] = cases(10, 'task'); // the data changes after publishing
    const row = published.rows.find((r) => r.rowKey === '2.1:auto')!;
    const appealed = await service.appeal(supervisor, sheet.assessment.id, {
      rowKey: '2.1:auto',
      cases: row.evidence.slice(0, 2).map(({ entity, id }) => ({ entity, id })),
      reason: '其中两项已延期批准',
    });
    const decided = await service.decideAppeal(manager, appealed.appeals[0].id, {
      cases: appealed.appeals[0].cases.map((c) => ({
        caseId: c.id,
        decision: 'upheld' as const,
        reason: '延期经批准',
      })),
    });
    // the rule recomputes from the published values less the two upheld cases, not from the changed data
    expect(decided.total).toBe(99);
    expect(decided.rows.find((r) => r.rowKey === '2.1:auto')).toMatchObject({ points: 1, quantity: 2 });
  });
});
