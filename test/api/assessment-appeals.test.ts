import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import type { MetricDefinition, MetricValue } from '../../server/lib/metrics.ts';
import { describeApi } from '../helpers/app.ts';

/**
 * Appeals per case (issue 12, finding 8) and rows that explain themselves (finding 9): metrics registered
 * the way a data module registers them, the rest of the scheme left unregistered, everything through HTTP.
 */
const clock = { now: () => new Date('2027-03-20T02:00:00Z') };

const ref = (entity: string, id: number, label: string) => ({ entity, id, label });
const TASKS = [1, 2, 3, 4].map((i) => ref('task', i, `任务 RW00000${i}`));
const COMPLAINTS = [1, 2, 3].map((i) => ref('complaint', i, `投诉 TS00000${i}`));

function metric(key: string, value: MetricValue, label: string): MetricDefinition {
  return {
    key,
    label: {
      'zh-CN': label,
      'en-US': key === 'task.overdue' ? 'Tasks not finished on time' : 'Complaint rate',
    },
    description: { 'zh-CN': '测试指标', 'en-US': 'test metric' },
    compute: async () => value,
  };
}
const metrics = [
  metric('task.overdue', { type: 'cases', cases: TASKS.map((r) => ({ ref: r })) }, '未按时完成的工作任务'),
  // 3 of 100 households: 3% ≥ 2% costs 2 points under rule 4.1
  metric('complaint.rate', { type: 'rate', numerator: 3, denominator: 100, refs: COMPLAINTS }, '投诉率'),
];

type Inject = Awaited<ReturnType<Parameters<Parameters<typeof describeApi>[1]>[0]['as']>>;
interface Row {
  rowKey: string;
  ruleKey: string;
  points: number;
  quantity: number;
  explanation: string;
  detail: string;
  source: string;
  evidence: { entity: string; id: number }[];
  excluded?: { ref: { entity: string; id: number }; reason: string }[];
  metricMissing?: boolean;
}

describeApi(
  'assessment appeals per case',
  (ctx) => {
    let manager: Inject;
    let supervisor: Inject;
    let supervisorId = 0;

    async function publishedSheet(
      period: string,
      manual?: { ruleKey: string; quantity: number; reason: string },
    ) {
      manager = await ctx.as('manager');
      supervisor = await ctx.as('supervisor');
      const user = await ctx.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'supervisor')
        .executeTakeFirstOrThrow();
      supervisorId = user.id;
      const created = await manager({
        method: 'POST',
        url: '/api/assessments',
        payload: { assesseeUserId: supervisorId, period },
      });
      expect(created.statusCode, created.body).toBe(200);
      const id = created.json().assessment.id as number;
      if (manual) {
        const res = await manager({
          method: 'POST',
          url: `/api/assessments/${id}/manual-entries`,
          payload: manual,
        });
        expect(res.statusCode, res.body).toBe(200);
      }
      const published = await manager({ method: 'POST', url: `/api/assessments/${id}/publish` });
      expect(published.statusCode, published.body).toBe(200);
      return { id, sheet: published.json() };
    }
    const rowOf = (sheet: { rows: Row[] }, rowKey: string) => sheet.rows.find((r) => r.rowKey === rowKey)!;

    it('appeals cases of a row; upheld cases leave it and the rule recomputes it, rejected ones stay', async () => {
      const { id, sheet } = await publishedSheet('2027-03');
      const before = rowOf(sheet, '2.1:auto');
      expect(before).toMatchObject({ points: 2, quantity: 4 });
      expect(before.explanation).toBe('未按时完成的工作任务：4 项 × 0.5 分 = 2 分，上限 5 分');
      const total = sheet.total as number;

      const appealUrl = `/api/assessments/${id}/appeals`;
      const none = await supervisor({
        method: 'POST',
        url: appealUrl,
        payload: { rowKey: '2.1:auto', reason: '不认' },
      });
      expect(none.statusCode).toBe(400);
      expect(none.json().fields[0]).toMatchObject({
        field: 'cases',
        message: '请勾选要申诉的案例（至少一项）',
      });
      const foreign = await supervisor({
        method: 'POST',
        url: appealUrl,
        payload: { rowKey: '2.1:auto', cases: [{ entity: 'task', id: 99 }], reason: '不认' },
      });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().fields[0].field).toBe('cases');

      // a missing field is named by `field`; the words never name it
      const missing = await supervisor({
        method: 'POST',
        url: appealUrl,
        payload: { rowKey: '2.1:auto', cases: [{ entity: 'task', id: 2 }] },
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().fields).toEqual([{ field: 'reason', message: '此项必填' }]);
      const appealed = await supervisor({
        method: 'POST',
        url: appealUrl,
        payload: {
          rowKey: '2.1:auto',
          cases: [
            { entity: 'task', id: 2 },
            { entity: 'task', id: 3 },
          ],
          reason: '两项任务的截止时间经批准延后',
        },
      });
      expect(appealed.statusCode, appealed.body).toBe(200);
      const appeal = appealed.json().appeals[0];
      expect(appeal.cases.map((c: { ref: { id: number }; status: string }) => [c.ref.id, c.status])).toEqual([
        [2, 'pending'],
        [3, 'pending'],
      ]);
      const [c2, c3] = appeal.cases as { id: number }[];
      const decision = `/api/assessment/appeals/${appeal.id}/decision`;

      // nobody types a new number; every case is decided, each with a reason
      const typed = await manager({
        method: 'POST',
        url: decision,
        payload: { decision: 'upheld', newPoints: 1, reason: 'x' },
      });
      expect(typed.statusCode).toBe(400);
      const half = await manager({
        method: 'POST',
        url: decision,
        payload: { cases: [{ caseId: c2.id, decision: 'upheld', reason: '延期已批准' }] },
      });
      expect(half.statusCode).toBe(400);
      expect(half.json().fields[0]).toMatchObject({ field: 'cases', message: '请逐项裁定全部 2 个申诉案例' });
      const noReason = await manager({
        method: 'POST',
        url: decision,
        payload: {
          cases: [
            { caseId: c2.id, decision: 'upheld', reason: ' ' },
            { caseId: c3.id, decision: 'rejected', reason: '未见审批' },
          ],
        },
      });
      expect(noReason.statusCode).toBe(400);
      const unchanged = (await manager({ method: 'GET', url: `/api/assessments/${id}` })).json();
      expect(unchanged.total).toBe(total);
      expect(unchanged.appeals[0].status).toBe('pending');

      const decided = await manager({
        method: 'POST',
        url: decision,
        payload: {
          cases: [
            { caseId: c2.id, decision: 'upheld', reason: '延期已获经理批准' },
            { caseId: c3.id, decision: 'rejected', reason: '无延期审批记录' },
          ],
        },
      });
      expect(decided.statusCode, decided.body).toBe(200);
      const after = rowOf(decided.json(), '2.1:auto');
      expect(after).toMatchObject({ points: 1.5, quantity: 3 });
      expect(after.evidence.map((e) => e.id)).toEqual([1, 3, 4]);
      expect(after.excluded).toEqual([{ ref: TASKS[1], reason: '延期已获经理批准' }]);
      expect(after.explanation).toBe(
        '未按时完成的工作任务：3 项 × 0.5 分 = 1.5 分，上限 5 分，申诉成立已排除 1 项',
      );
      expect(decided.json().total).toBe(total + 0.5);

      // the assessee sees each decision, its reason and who made it
      const seen = (await supervisor({ method: 'GET', url: `/api/assessments/${id}` })).json();
      expect(seen.appeals[0]).toMatchObject({ status: 'upheld', decidedByName: '王建国' });
      expect(seen.appeals[0].cases).toMatchObject([
        { ref: TASKS[1], status: 'upheld', decisionReason: '延期已获经理批准', decidedByName: '王建国' },
        { ref: TASKS[2], status: 'rejected', decisionReason: '无延期审批记录', decidedByName: '王建国' },
      ]);
      const again = await manager({
        method: 'POST',
        url: decision,
        payload: { cases: [{ caseId: c3.id, decision: 'upheld', reason: '改判' }] },
      });
      expect(again.statusCode).toBe(409);

      // all of it in the audit trail
      const trail = await ctx.database.db
        .selectFrom('audit_log')
        .select(['action', 'after_json'])
        .where('entity', '=', 'assessment_appeal')
        .where('entity_id', '=', String(appeal.id))
        .orderBy('id')
        .execute();
      expect(trail.map((t) => t.action)).toEqual(['create', 'uphold_case', 'reject_case', 'uphold']);
      expect(trail[1].after_json).toContain('延期已获经理批准');
      const history = await manager({ method: 'GET', url: `/api/audit/assessment/${id}` });
      expect(history.statusCode).toBe(200);
      expect(JSON.stringify(history.json())).toContain('decide_appeal');
    });

    it('recomputes a rate rule without the upheld cases: 3% → 1%, below the 2% band', async () => {
      const { id, sheet } = await publishedSheet('2027-02');
      const rate = rowOf(sheet, '4.1:auto');
      expect(rate.points).toBe(2);
      expect(rate.explanation).toContain('，上限 5 分');
      const appealed = (
        await supervisor({
          method: 'POST',
          url: `/api/assessments/${id}/appeals`,
          payload: {
            rowKey: '4.1:auto',
            cases: [
              { entity: 'complaint', id: 1 },
              { entity: 'complaint', id: 2 },
            ],
            reason: '两起为重复投诉',
          },
        })
      ).json();
      const appeal = appealed.appeals[0];
      const decided = await manager({
        method: 'POST',
        url: `/api/assessment/appeals/${appeal.id}/decision`,
        payload: {
          cases: appeal.cases.map((c: { id: number }) => ({
            caseId: c.id,
            decision: 'upheld',
            reason: '重复投诉',
          })),
        },
      });
      expect(decided.statusCode, decided.body).toBe(200);
      const after = rowOf(decided.json(), '4.1:auto');
      expect(after.points).toBe(0);
      expect(after.detail).toContain('1.00%（1/100）');
      expect(decided.json().total).toBe(sheet.total + 2);
    });

    it('appeals a manual row (no evidence) as a whole; a rejected one leaves the score', async () => {
      const { id, sheet } = await publishedSheet('2027-01', {
        ruleKey: '0.1',
        quantity: 2,
        reason: '两次迟到',
      });
      const manual = sheet.rows.find((r: Row) => r.ruleKey === '0.1' && r.source === 'manual') as Row;
      expect(manual.explanation).toBe('人工扣分：两次迟到（2 项 × 1 分 = 2 分，上限 5 分）');
      const withCases = await supervisor({
        method: 'POST',
        url: `/api/assessments/${id}/appeals`,
        payload: { rowKey: manual.rowKey, cases: [{ entity: 'task', id: 1 }], reason: '请假' },
      });
      expect(withCases.statusCode).toBe(400);
      expect(withCases.json().fields[0].field).toBe('cases');
      const appealed = (
        await supervisor({
          method: 'POST',
          url: `/api/assessments/${id}/appeals`,
          payload: { rowKey: manual.rowKey, reason: '其中一次已请假' },
        })
      ).json();
      const url = `/api/assessment/appeals/${appealed.appeals[0].id}/decision`;
      const noDecision = await manager({ method: 'POST', url, payload: { reason: '请假未审批' } });
      expect(noDecision.statusCode).toBe(400);
      expect(noDecision.json().fields[0].field).toBe('decision');
      const rejected = await manager({
        method: 'POST',
        url,
        payload: { decision: 'rejected', reason: '请假未审批' },
      });
      expect(rejected.statusCode, rejected.body).toBe(200);
      expect(rejected.json().total).toBe(sheet.total);
      const seen = (await supervisor({ method: 'GET', url: `/api/assessments/${id}` })).json();
      expect(seen.appeals[0]).toMatchObject({
        status: 'rejected',
        cases: [],
        decisionReason: '请假未审批',
        decidedByName: '王建国',
      });
    });

    it('names a rule without a data source in plain words on the sheet and in the Excel, never its key', async () => {
      manager = await ctx.as('manager');
      const list = (await manager({ method: 'GET', url: '/api/assessments?period=2027-03' })).json();
      const id = list.items[0].id;
      const sheet = (await manager({ method: 'GET', url: `/api/assessments/${id}` })).json();
      const weekly = rowOf(sheet, '1.1:auto');
      expect(weekly.metricMissing).toBe(true);
      expect(weekly.explanation).toBe('数据未接入，请手工录入');
      expect(JSON.stringify(sheet.rows)).not.toContain('report.weeklySummaryLate');
      const en = (
        await manager({
          method: 'GET',
          url: `/api/assessments/${id}`,
          headers: { 'accept-language': 'en-US' },
        })
      ).json();
      expect(rowOf(en, '1.1:auto').explanation).toBe('No data source yet — enter by hand');
      expect(rowOf(en, '2.1:auto').explanation).toBe(
        'Tasks not finished on time: 3 × 0.5 = 1.5 points, cap 5, 1 excluded on appeal',
      );

      const xlsx = await manager({ method: 'GET', url: `/api/assessments/${id}/export` });
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const cells: string[] = [];
      wb.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))));
      const text = cells.join('\n');
      expect(text).toContain('数据未接入，请手工录入');
      expect(text).toContain('未按时完成的工作任务：3 项 × 0.5 分 = 1.5 分，上限 5 分，申诉成立已排除 1 项');
      expect(text).toContain('任务 RW000002：成立（延期已获经理批准，王建国）');
      expect(text).not.toContain('report.weeklySummaryLate');
    });

    it('carries decided cases into a revision: the upheld case stays out of the corrected sheet', async () => {
      manager = await ctx.as('manager');
      const list = (await manager({ method: 'GET', url: '/api/assessments?period=2027-03' })).json();
      const id = list.items[0].id;
      const fin = await manager({ method: 'POST', url: `/api/assessments/${id}/finalize` });
      expect(fin.statusCode, fin.body).toBe(200);
      const revised = await manager({
        method: 'POST',
        url: `/api/assessments/${id}/revisions`,
        payload: { reason: '补录考勤' },
      });
      expect(revised.statusCode, revised.body).toBe(200);
      const next = revised.json();
      expect(next.assessment.id).not.toBe(id);
      expect(rowOf(next, '2.1:auto')).toMatchObject({ points: 1.5, quantity: 3 });
      expect(rowOf(next, '2.1:auto').excluded).toEqual([{ ref: TASKS[1], reason: '延期已获经理批准' }]);
      expect(next.appeals[0].cases.map((c: { status: string }) => c.status)).toEqual(['upheld', 'rejected']);
    });
  },
  { clock, metrics },
);
