import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { createAssessmentMetrics } from '../../server/modules/assessment/assessment.metrics.ts';
import { userDisplayNames } from '../../server/modules/user/user.service.ts';

const assessmentMetrics = createAssessmentMetrics({ userNames: userDisplayNames });

import { supervisorSchemeTemplate } from '../../server/modules/assessment/assessment.templates.ts';
import { describeApi } from '../helpers/app.ts';

/** A clock the tests move: the appeal window is measured with it. */
const clock = {
  at: new Date('2027-01-20T02:00:00Z'),
  now() {
    return new Date(this.at);
  },
  advanceDays(days: number) {
    this.at = new Date(this.at.getTime() + days * 86_400_000);
  },
};

type Inject = Awaited<ReturnType<Parameters<Parameters<typeof describeApi>[1]>[0]['as']>>;

describeApi(
  'assessment',
  (ctx) => {
    let manager: Inject;
    let supervisor: Inject;
    let supervisor2: Inject;
    let officer: Inject;
    const ids: Record<string, number> = {};

    async function userIds() {
      if (ids.supervisor) return ids;
      manager = await ctx.as('manager');
      supervisor = await ctx.as('supervisor');
      supervisor2 = await ctx.as('supervisor2');
      officer = await ctx.as('officer');
      const rows = await ctx.database.db.selectFrom('app_user').select(['id', 'username']).execute();
      for (const r of rows) ids[r.username] = r.id;
      return ids;
    }

    async function createSheet(as: Inject, username: string, period: string) {
      const res = await as({
        method: 'POST',
        url: '/api/assessments',
        payload: { assesseeUserId: ids[username], period },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    }

    const pointsOf = (sheet: { rows: { ruleKey: string; points: number }[] }, ruleKey: string) =>
      sheet.rows.filter((r) => r.ruleKey === ruleKey).reduce((s, r) => s + r.points, 0);

    it('installs the document 客服主管 table and the 房管员 example as schemes, weights totalling 100', async () => {
      await userIds();
      const res = await manager({ method: 'GET', url: '/api/assessment/schemes' });
      expect(res.statusCode).toBe(200);
      const schemes = res.json();
      const sup = schemes.find((s: { code: string }) => s.code === 'customer-service-supervisor');
      expect(sup).toMatchObject({ positionCode: 'CS-SUPERVISOR', version: 1, latest: true });
      expect(sup.items).toEqual(supervisorSchemeTemplate.items);
      expect(sup.items.map((i: { weight: number }) => i.weight)).toEqual([20, 20, 30, 10, 10, 5, 5]);
      const officerScheme = schemes.find((s: { code: string }) => s.code === 'housing-officer');
      expect(officerScheme.positionCode).toBe('HOUSING-OFFICER');
      expect(officerScheme.items.reduce((s: number, i: { weight: number }) => s + i.weight, 0)).toBe(100);
    });

    it('refuses a scheme whose weights do not total 100 or whose cap exceeds its weight, with field messages', async () => {
      const admin = await ctx.as('admin');
      const items = structuredClone(supervisorSchemeTemplate.items);
      items[6].weight = 4; // total 99
      items[5].rules[0].cap = 6; // item 5 weighs 5
      const res = await admin({
        method: 'POST',
        url: '/api/assessment/schemes',
        payload: { name: '错误方案', positionCode: 'CS-SUPERVISOR', items },
      });
      expect(res.statusCode).toBe(400);
      const fields = res.json().fields;
      expect(fields).toContainEqual({ field: 'items', message: '权数合计必须为 100，当前为 99' });
      expect(fields).toContainEqual({
        field: 'items/5/rules/0/cap',
        message: '规则 5.1 的扣减分数 6 超过所属考核项 5 的权数 5',
      });
      const list = (await admin({ method: 'GET', url: '/api/assessment/schemes' })).json();
      expect(list.some((s: { name: string }) => s.name === '错误方案')).toBe(false);
    });

    it('edits an unused scheme in place; editing a used one makes a new version and old sheets keep theirs', async () => {
      await userIds();
      const admin = await ctx.as('admin');
      const items = structuredClone(supervisorSchemeTemplate.items);
      const created = await admin({
        method: 'POST',
        url: '/api/assessment/schemes',
        payload: { name: '客服主管（试行）', code: 'cs-trial', positionCode: 'CS-SUPERVISOR-TRIAL', items },
      });
      expect(created.statusCode, created.body).toBe(200);
      const v1 = created.json();
      items[2].rules[0].pointsPerUnit = 1;
      const edited = (
        await admin({
          method: 'PUT',
          url: `/api/assessment/schemes/${v1.id}`,
          payload: {
            name: '客服主管（试行）',
            positionCode: 'CS-SUPERVISOR-TRIAL',
            items,
            editVersion: v1.editVersion,
          },
        })
      ).json();
      expect(edited).toMatchObject({ id: v1.id, version: 1 });
      const sheet = (
        await manager({
          method: 'POST',
          url: '/api/assessments',
          payload: { assesseeUserId: ids.supervisor2, period: '2027-06', schemeId: v1.id },
        })
      ).json();
      expect(sheet.scheme).toMatchObject({ id: v1.id, version: 1 });
      items[2].rules[0].pointsPerUnit = 2;
      const v2 = (
        await admin({
          method: 'PUT',
          url: `/api/assessment/schemes/${v1.id}`,
          payload: {
            name: '客服主管（试行）',
            positionCode: 'CS-SUPERVISOR-TRIAL',
            items,
            editVersion: edited.editVersion,
          },
        })
      ).json();
      expect(v2.version).toBe(2);
      expect(v2.id).not.toBe(v1.id);
      const again = (await manager({ method: 'GET', url: `/api/assessments/${sheet.assessment.id}` })).json();
      expect(again.scheme).toMatchObject({ id: v1.id, version: 1 });
      expect(again.scheme.items[2].rules[0].pointsPerUnit).toBe(1);
      const stale = await admin({
        method: 'PUT',
        url: `/api/assessment/schemes/${v1.id}`,
        payload: {
          name: 'x',
          positionCode: 'CS-SUPERVISOR-TRIAL',
          items,
          editVersion: edited.editVersion + 1,
        },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('SCHEME_NOT_LATEST');
    });

    it('creates a draft the assessee cannot see; auto rules without a registered metric say they behave as manual', async () => {
      await userIds();
      const sheet = await createSheet(manager, 'supervisor', '2027-01');
      expect(sheet.assessment).toMatchObject({
        status: 'draft',
        period: '2027-01',
        periodStart: '2027-01-01',
      });
      expect(sheet.total).toBe(100);
      const r11 = sheet.rows.find((r: { rowKey: string }) => r.rowKey === '1.1:auto');
      expect(r11.metricMissing).toBe(true);
      // the plain words, never the metric's key
      expect(r11.explanation).toBe('数据未接入，请手工录入');
      expect(r11.detail).toBe('数据未接入，请手工录入');
      expect(sheet.missingMetrics).toContain('report.weeklySummaryLate');
      expect(sheet.missingMetrics).not.toContain('assessment.appealsUpheldAgainstAssessor');
      const r14 = sheet.rows.find((r: { rowKey: string }) => r.rowKey === '1.4:auto');
      expect(r14.metricMissing).toBeUndefined();
      expect(
        (await supervisor({ method: 'GET', url: `/api/assessments/${sheet.assessment.id}` })).statusCode,
      ).toBe(404);
      const dup = await manager({
        method: 'POST',
        url: '/api/assessments',
        payload: { assesseeUserId: ids.supervisor, period: '2027-01' },
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().message).toBe('李晓梅 在 2027-01 已有考核表');
    });

    it('lets a supervisor assess only the officers of their project', async () => {
      await userIds();
      const res = await supervisor({
        method: 'POST',
        url: '/api/assessments',
        payload: { assesseeUserId: ids.supervisor2, period: '2027-01' },
      });
      expect(res.statusCode).toBe(404); // another project: not disclosed
      const self = await supervisor({
        method: 'POST',
        url: '/api/assessments',
        payload: { assesseeUserId: ids.supervisor, period: '2027-02' },
      });
      expect(self.statusCode).toBe(403);
      const list = (await supervisor({ method: 'GET', url: '/api/assessment/assessees' })).json();
      expect(list.map((p: { role: string }) => p.role)).toEqual(['officer', 'officer']);
      expect(list[0].schemeName).toBe('房管员工作标准及考核办法（示例）');
    });

    it('adds manual rows only with a reason; deducts quantity × points per case, capped per rule', async () => {
      await userIds();
      const list = (await manager({ method: 'GET', url: '/api/assessments?period=2027-01' })).json();
      const id = list.items.find((s: { assesseeName: string }) => s.assesseeName === '李晓梅').id;
      const noReason = await manager({
        method: 'POST',
        url: `/api/assessments/${id}/manual-entries`,
        payload: { ruleKey: '2.2', quantity: 1, reason: '  ' },
      });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().fields[0]).toMatchObject({ field: 'reason', message: '人工扣分必须填写原因' });
      const unknown = await manager({
        method: 'POST',
        url: `/api/assessments/${id}/manual-entries`,
        payload: { ruleKey: '9.9', quantity: 1, reason: '测试' },
      });
      expect(unknown.statusCode).toBe(400);
      const add = await manager({
        method: 'POST',
        url: `/api/assessments/${id}/manual-entries`,
        payload: {
          ruleKey: '2.2',
          quantity: 3,
          reason: '电梯维修协调不到位，影响完工',
          evidence: [{ entity: 'repair_order', id: 17, label: '报修单 R-17' }],
        },
      });
      expect(add.statusCode, add.body).toBe(200);
      const sheet = add.json();
      expect(pointsOf(sheet, '2.2')).toBe(1.5);
      const row = sheet.rows.find((r: { ruleKey: string; source: string }) => r.ruleKey === '2.2');
      expect(row).toMatchObject({ source: 'manual', by: '王建国' });
      expect(row.evidence).toEqual([{ entity: 'repair_order', id: 17, label: '报修单 R-17' }]);
      expect(sheet.total).toBe(98.5);
      const big = (
        await manager({
          method: 'POST',
          url: `/api/assessments/${id}/manual-entries`,
          payload: { ruleKey: '2.2', quantity: 8, reason: '多项协调不到位' },
        })
      ).json();
      expect(pointsOf(big, '2.2')).toBe(5);
      const bigRow = big.rows.find(
        (r: { source: string; ruleKey: string; points: number }) => r.ruleKey === '2.2' && r.points === 3.5,
      );
      const removed = await manager({
        method: 'DELETE',
        url: `/api/assessments/${id}/manual-entries/${bigRow.manualEntryId}`,
      });
      expect(removed.json().total).toBe(98.5);
      const trail = (await manager({ method: 'GET', url: `/api/audit/assessment/${id}` })).json();
      expect(JSON.stringify(trail)).toContain('add_manual');
    });

    it('publishes: the assessee sees it; the same move again, or a refresh, is an illegal transition (409)', async () => {
      await userIds();
      const list = (await manager({ method: 'GET', url: '/api/assessments?period=2027-01' })).json();
      const id = list.items.find((s: { assesseeName: string }) => s.assesseeName === '李晓梅').id;
      const published = await manager({ method: 'POST', url: `/api/assessments/${id}/publish` });
      expect(published.statusCode, published.body).toBe(200);
      expect(published.json().assessment.status).toBe('published');
      expect(published.json().assessment.appealDeadline).toBe('2027-01-23T02:00:00.000Z');
      const seen = await supervisor({ method: 'GET', url: `/api/assessments/${id}` });
      expect(seen.statusCode).toBe(200);
      expect(seen.json().actions).toEqual(['appeal']);
      const again = await manager({ method: 'POST', url: `/api/assessments/${id}/publish` });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        code: 'ILLEGAL_TRANSITION',
        message: '当前状态“公示中”不能执行“发布公示”',
      });
      const refresh = await manager({ method: 'POST', url: `/api/assessments/${id}/refresh` });
      expect(refresh.statusCode).toBe(409);
      const manual = await manager({
        method: 'POST',
        url: `/api/assessments/${id}/manual-entries`,
        payload: { ruleKey: '0.1', quantity: 1, reason: '迟到' },
      });
      expect(manual.statusCode).toBe(409);
      // other people do not see it
      expect((await officer({ method: 'GET', url: `/api/assessments/${id}` })).statusCode).toBe(404);
      expect((await supervisor2({ method: 'GET', url: `/api/assessments/${id}` })).statusCode).toBe(404);
    });

    it('upholds an appeal: the row is removed, the score recomputed, the assessee sees the decision', async () => {
      await userIds();
      const list = (await manager({ method: 'GET', url: '/api/assessments?period=2027-01' })).json();
      const id = list.items.find((s: { assesseeName: string }) => s.assesseeName === '李晓梅').id;
      // a second deduction to appeal: the draft is gone, so the manager cannot add one — use the existing 2.2 row
      const sheet = (await supervisor({ method: 'GET', url: `/api/assessments/${id}` })).json();
      const row = sheet.rows.find(
        (r: { ruleKey: string; points: number }) => r.ruleKey === '2.2' && r.points > 0,
      );
      const zeroRow = await supervisor({
        method: 'POST',
        url: `/api/assessments/${id}/appeals`,
        payload: { rowKey: '1.4:auto', reason: '无扣分' },
      });
      expect(zeroRow.statusCode).toBe(400);
      const notMine = await manager({
        method: 'POST',
        url: `/api/assessments/${id}/appeals`,
        payload: { rowKey: row.rowKey, reason: '代为申诉' },
      });
      expect(notMine.statusCode).toBe(403);
      const appealed = await supervisor({
        method: 'POST',
        url: `/api/assessments/${id}/appeals`,
        payload: { rowKey: row.rowKey, reason: '电梯维修由厂家延误，非协调问题' },
      });
      expect(appealed.statusCode, appealed.body).toBe(200);
      const appeal = appealed.json().appeals[0];
      expect(appeal).toMatchObject({ status: 'pending', rowPoints: 1.5, createdByName: '李晓梅' });
      const twice = await supervisor({
        method: 'POST',
        url: `/api/assessments/${id}/appeals`,
        payload: { rowKey: row.rowKey, reason: '再次申诉' },
      });
      expect(twice.statusCode).toBe(409);
      // the assessee cannot finalize nor decide; pending appeals block finalizing
      const selfDecide = await supervisor({
        method: 'POST',
        url: `/api/assessment/appeals/${appeal.id}/decision`,
        payload: { decision: 'upheld', reason: '自己裁定' },
      });
      expect(selfDecide.statusCode).toBe(403);
      const blocked = await manager({ method: 'POST', url: `/api/assessments/${id}/finalize` });
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json().message).toBe('还有 1 条申诉未处理，处理完毕后才能定稿');
      const inbox = (await manager({ method: 'GET', url: '/api/assessment/appeals?status=pending' })).json();
      expect(inbox.map((a: { id: number }) => a.id)).toContain(appeal.id);
      const tooHigh = await manager({
        method: 'POST',
        url: `/api/assessment/appeals/${appeal.id}/decision`,
        payload: { decision: 'upheld', newPoints: 2, reason: '部分成立' },
      });
      // nobody types a new number: the rule recomputes the row
      expect(tooHigh.statusCode).toBe(400);
      const upheld = await manager({
        method: 'POST',
        url: `/api/assessment/appeals/${appeal.id}/decision`,
        payload: { decision: 'upheld', reason: '经核实为厂家延误' },
      });
      expect(upheld.statusCode, upheld.body).toBe(200);
      expect(upheld.json().total).toBe(100);
      const decidedAgain = await manager({
        method: 'POST',
        url: `/api/assessment/appeals/${appeal.id}/decision`,
        payload: { decision: 'rejected', reason: '改判' },
      });
      expect(decidedAgain.statusCode).toBe(409);
      const seen = (await supervisor({ method: 'GET', url: `/api/assessments/${id}` })).json();
      expect(seen.total).toBe(100);
      expect(seen.appeals[0]).toMatchObject({
        status: 'upheld',
        cases: [],
        decisionReason: '经核实为厂家延误',
        decidedByName: '王建国',
      });
      const adjusted = seen.rows.find((r: { rowKey: string }) => r.rowKey === row.rowKey);
      expect(adjusted.adjusted).toEqual({ fromPoints: 1.5, reason: '经核实为厂家延误' });
    });

    it('rejects an appeal with a reason and leaves the score; refuses an appeal after the window', async () => {
      await userIds();
      const sheet = await createSheet(manager, 'supervisor', '2027-02');
      const id = sheet.assessment.id;
      await manager({
        method: 'POST',
        url: `/api/assessments/${id}/manual-entries`,
        payload: { ruleKey: '0.1', quantity: 2, reason: '两次迟到' },
      });
      await manager({
        method: 'POST',
        url: `/api/assessments/${id}/manual-entries`,
        payload: { ruleKey: '0.3', quantity: 1, reason: '未佩工牌' },
      });
      const published = (await manager({ method: 'POST', url: `/api/assessments/${id}/publish` })).json();
      expect(published.total).toBe(97.5);
      const [late, badge] = published.rows.filter((r: { source: string }) => r.source === 'manual');
      const appealed = (
        await supervisor({
          method: 'POST',
          url: `/api/assessments/${id}/appeals`,
          payload: { rowKey: late.rowKey, reason: '其中一次已请假' },
        })
      ).json();
      const rejected = await manager({
        method: 'POST',
        url: `/api/assessment/appeals/${appealed.appeals[0].id}/decision`,
        payload: { decision: 'rejected', reason: '请假未经审批' },
      });
      expect(rejected.json().total).toBe(97.5);
      expect(rejected.json().appeals[0]).toMatchObject({
        status: 'rejected',
        decisionReason: '请假未经审批',
      });
      clock.advanceDays(4);
      try {
        const late2 = await supervisor({
          method: 'POST',
          url: `/api/assessments/${id}/appeals`,
          payload: { rowKey: badge.rowKey, reason: '工牌已补办' },
        });
        expect(late2.statusCode).toBe(409);
        expect(late2.json().code).toBe('APPEAL_WINDOW_CLOSED');
        expect(late2.json().message).toContain('申诉期已于');
        const view = (await supervisor({ method: 'GET', url: `/api/assessments/${id}` })).json();
        expect(view.actions).toEqual([]);
        expect(view.appealWindowOpen).toBe(false);
      } finally {
        clock.advanceDays(-4);
      }
    });

    it('finalizes; a locked sheet is unchanged by every write route (409 with a clear message)', async () => {
      await userIds();
      const list = (await manager({ method: 'GET', url: '/api/assessments?period=2027-01' })).json();
      const id = list.items.find((s: { assesseeName: string }) => s.assesseeName === '李晓梅').id;
      const fin = await manager({ method: 'POST', url: `/api/assessments/${id}/finalize` });
      expect(fin.statusCode, fin.body).toBe(200);
      expect(fin.json().assessment.status).toBe('finalized');
      expect(fin.json().actions).toEqual(['revise']);
      const before = (await manager({ method: 'GET', url: `/api/assessments/${id}` })).body;
      const appealId = fin.json().appeals[0].id;
      const writes: { as: Inject; method: 'POST' | 'DELETE'; url: string; payload?: unknown }[] = [
        { as: manager, method: 'POST', url: `/api/assessments/${id}/refresh` },
        {
          as: manager,
          method: 'POST',
          url: `/api/assessments/${id}/manual-entries`,
          payload: { ruleKey: '0.1', quantity: 1, reason: '补扣' },
        },
        { as: manager, method: 'DELETE', url: `/api/assessments/${id}/manual-entries/1` },
        { as: manager, method: 'POST', url: `/api/assessments/${id}/publish` },
        { as: manager, method: 'POST', url: `/api/assessments/${id}/finalize` },
        {
          as: supervisor,
          method: 'POST',
          url: `/api/assessments/${id}/appeals`,
          payload: { rowKey: '2.2:manual:1', reason: '再申诉' },
        },
        {
          as: manager,
          method: 'POST',
          url: `/api/assessment/appeals/${appealId}/decision`,
          payload: { decision: 'rejected', reason: '改判' },
        },
      ];
      for (const w of writes) {
        const res = await w.as({ method: w.method, url: w.url, payload: w.payload });
        expect(res.statusCode, `${w.method} ${w.url}`).toBe(409);
        expect(res.json().code, `${w.method} ${w.url}`).toBe('ASSESSMENT_LOCKED');
        expect(res.json().message).toBe(
          '考核表已定稿锁定，不能再做任何修改；如需更正，请创建修订版并说明原因',
        );
      }
      expect((await manager({ method: 'GET', url: `/api/assessments/${id}` })).body).toBe(before);
    });

    it('corrects a finalized sheet with a revision: a new draft with the reason, the old one kept and visible', async () => {
      await userIds();
      const list = (await manager({ method: 'GET', url: '/api/assessments?period=2027-01' })).json();
      const old = list.items.find((s: { assesseeName: string }) => s.assesseeName === '李晓梅');
      const noReason = await manager({
        method: 'POST',
        url: `/api/assessments/${old.id}/revisions`,
        payload: {},
      });
      expect(noReason.statusCode).toBe(400);
      const res = await manager({
        method: 'POST',
        url: `/api/assessments/${old.id}/revisions`,
        payload: { reason: '漏记一次迟到' },
      });
      expect(res.statusCode, res.body).toBe(200);
      const rev = res.json();
      expect(rev.assessment).toMatchObject({
        revision: 2,
        revisionOf: old.id,
        revisionReason: '漏记一次迟到',
        status: 'draft',
      });
      // the manual row and the upheld appeal came along: same score
      expect(rev.total).toBe(100);
      expect(rev.appeals[0]).toMatchObject({ status: 'upheld' });
      expect(rev.revisions.map((r: { revision: number; status: string }) => [r.revision, r.status])).toEqual([
        [1, 'finalized'],
        [2, 'draft'],
      ]);
      const oldNow = (await manager({ method: 'GET', url: `/api/assessments/${old.id}` })).json();
      expect(oldNow.assessment.status).toBe('finalized');
      expect(oldNow.actions).toEqual([]);
      const again = await manager({
        method: 'POST',
        url: `/api/assessments/${old.id}/revisions`,
        payload: { reason: '再次修订' },
      });
      expect(again.statusCode).toBe(409);
      const listed = (await manager({ method: 'GET', url: '/api/assessments?period=2027-01' })).json();
      const mine = listed.items.filter((s: { assesseeName: string }) => s.assesseeName === '李晓梅');
      expect(mine.map((s: { revision: number }) => s.revision)).toEqual([2]);
      // the assessee still sees the finalized revision 1, not the new draft
      expect((await supervisor({ method: 'GET', url: `/api/assessments/${old.id}` })).statusCode).toBe(200);
      expect(
        (await supervisor({ method: 'GET', url: `/api/assessments/${rev.assessment.id}` })).statusCode,
      ).toBe(404);
    });

    it("counts officers' appeals upheld against the supervisor's assessment in rule 1.4, each linked to its appeal", async () => {
      await userIds();
      const officerSheet = await createSheet(supervisor, 'officer', '2027-03');
      const id = officerSheet.assessment.id;
      await supervisor({
        method: 'POST',
        url: `/api/assessments/${id}/manual-entries`,
        payload: { ruleKey: '4.3', quantity: 2, reason: '两次未参加晨会' },
      });
      const pub = (await supervisor({ method: 'POST', url: `/api/assessments/${id}/publish` })).json();
      const row = pub.rows.find((r: { ruleKey: string }) => r.ruleKey === '4.3');
      const appealed = (
        await officer({
          method: 'POST',
          url: `/api/assessments/${id}/appeals`,
          payload: { rowKey: row.rowKey, reason: '当天在处理漏水报修' },
        })
      ).json();
      // the manager sees the officer's appeal against the supervisor; the supervisor may not decide it
      const decideSelf = await supervisor({
        method: 'POST',
        url: `/api/assessment/appeals/${appealed.appeals[0].id}/decision`,
        payload: { decision: 'rejected', reason: '不成立' },
      });
      expect(decideSelf.statusCode).toBe(403);
      const inbox = (await manager({ method: 'GET', url: '/api/assessment/appeals' })).json();
      expect(inbox.find((a: { id: number }) => a.id === appealed.appeals[0].id)).toMatchObject({
        assessorName: '李晓梅',
        assesseeName: '张伟',
      });
      await manager({
        method: 'POST',
        url: `/api/assessment/appeals/${appealed.appeals[0].id}/decision`,
        payload: { decision: 'upheld', reason: '有报修记录为证' },
      });
      // decided on 2027-01-20 (the test clock): period 2027-01 of the supervisor
      const supSheet = await createSheet(manager, 'supervisor', '2027-03');
      expect(pointsOf(supSheet, '1.4')).toBe(0);
      const other = await manager({
        method: 'POST',
        url: '/api/assessments',
        payload: { assesseeUserId: ids.supervisor, period: '2027-04' },
      });
      expect(pointsOf(other.json(), '1.4')).toBe(0);
      const jan = (await manager({ method: 'GET', url: '/api/assessments?period=2027-01' })).json();
      const janId = jan.items.find((s: { assesseeName: string }) => s.assesseeName === '李晓梅').id;
      const refreshed = (await manager({ method: 'POST', url: `/api/assessments/${janId}/refresh` })).json();
      const r14 = refreshed.rows.find((r: { rowKey: string }) => r.rowKey === '1.4:auto');
      expect(r14).toMatchObject({ quantity: 1, points: 1 });
      expect(r14.evidence).toEqual([
        {
          entity: 'assessment_appeal',
          id: appealed.appeals[0].id,
          label: '张伟 2027-03 考核第 4.3 条申诉成立',
        },
      ]);
      expect(r14.detail).toBe('员工对考核的申诉成立：1 起，每起扣 1 分，计 1 分');
      const where = (
        await supervisor({ method: 'GET', url: `/api/assessment/appeals/${appealed.appeals[0].id}` })
      ).json();
      expect(where).toMatchObject({ assessmentId: id, rowKey: row.rowKey });
    });

    it('ranks one position in one period and gives a person their trend over periods', async () => {
      await userIds();
      for (const username of ['officer', 'officer2']) {
        const s = await createSheet(supervisor, username, '2027-05');
        if (username === 'officer') {
          await supervisor({
            method: 'POST',
            url: `/api/assessments/${s.assessment.id}/manual-entries`,
            payload: { ruleKey: '1.4', quantity: 3, reason: '巡查记录不完整' },
          });
        }
        await supervisor({ method: 'POST', url: `/api/assessments/${s.assessment.id}/publish` });
      }
      const ranking = (
        await manager({
          method: 'GET',
          url: '/api/assessment/ranking?period=2027-05&positionCode=HOUSING-OFFICER',
        })
      ).json();
      expect(
        ranking.map((r: { rank: number; assesseeName: string; total: number }) => [
          r.rank,
          r.assesseeName,
          r.total,
        ]),
      ).toEqual([
        [1, '陈静', 100],
        [2, '张伟', 97],
      ]);
      const trend = (
        await officer({ method: 'GET', url: '/api/assessment/trend?to=2027-05&months=3' })
      ).json();
      expect(trend.points).toEqual([
        { period: '2027-03', total: 100, status: 'published', assessmentId: expect.any(Number) },
        { period: '2027-04', total: null, status: null, assessmentId: null },
        { period: '2027-05', total: 97, status: 'published', assessmentId: expect.any(Number) },
      ]);
    });

    it('exports the sheet to Excel in the document layout: Chinese headers, merged item cells, totals', async () => {
      await userIds();
      const list = (await manager({ method: 'GET', url: '/api/assessments?period=2027-02' })).json();
      const id = list.items.find((s: { assesseeName: string }) => s.assesseeName === '李晓梅').id;
      const res = await manager({ method: 'GET', url: `/api/assessments/${id}/export` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('李晓梅-2027-02-考核表.xlsx'));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws.getCell('A1').value).toBe('客服主管工作标准及考核办法');
      expect(ws.getRow(3).values).toEqual([
        undefined,
        '序号',
        '工作项目',
        '工作内容与应达到的要求',
        '权数',
        '具体考核办法',
        '扣减分数',
        '实际扣分',
        '扣分依据',
        '得分',
      ]);
      // general part: 4 rules → rows 4–7, its item cells merged down
      const merges = (ws.model as unknown as { merges: string[] }).merges;
      for (const range of ['B4:B7', 'C4:C7', 'D4:D7', 'I4:I7', 'B8:B11', 'B12:B17'])
        expect(merges).toContain(range);
      expect(ws.getCell('B8').value).toBe('负责部门员工工作监督、督促');
      expect(ws.getCell('D12').value).toBe(30);
      expect(ws.getCell('E4').value).toContain('迟到、早退、旷工');
      expect(ws.getCell('G4').value).toBe(2);
      expect(String(ws.getCell('H4').value)).toContain('两次迟到');
      expect(ws.getCell('I4').value).toBe(17.5);
      const totalRow = ws.getRow(4 + 21);
      expect(totalRow.getCell(1).value).toBe('合计');
      expect(totalRow.getCell(4).value).toBe(100);
      expect(totalRow.getCell(7).value).toBe(2.5);
      expect(totalRow.getCell(9).value).toBe(97.5);
    });

    it('demo: four months in every state, and November counts the officer appeal upheld against the supervisor', async () => {
      await userIds();
      const all = (await manager({ method: 'GET', url: '/api/assessments?pageSize=100&projectId=1' })).json();
      const demo = all.items
        .filter((s: { period: string }) => s.period < '2027')
        .map(
          (s: { assesseeName: string; period: string; status: string }) =>
            `${s.period} ${s.assesseeName} ${s.status}`,
        )
        .sort();
      expect(demo).toEqual(
        [
          '2026-08 李晓梅 finalized',
          '2026-08 张伟 finalized',
          '2026-08 陈静 finalized',
          '2026-09 李晓梅 finalized',
          '2026-09 张伟 finalized',
          '2026-09 陈静 finalized',
          '2026-10 李晓梅 published',
          '2026-10 张伟 finalized',
          '2026-10 陈静 finalized',
          '2026-11 李晓梅 draft',
          '2026-11 张伟 draft',
          '2026-11 陈静 draft',
        ].sort(),
      );
      const appeals = (await manager({ method: 'GET', url: '/api/assessment/appeals' })).json();
      const demoAppeals = appeals.filter((a: { period: string }) => a.period < '2027');
      expect(demoAppeals.map((a: { status: string }) => a.status).sort()).toEqual([
        'pending',
        'rejected',
        'rejected',
        'upheld',
      ]);
      const nov = all.items.find(
        (s: { assesseeName: string; period: string }) =>
          s.assesseeName === '李晓梅' && s.period === '2026-11',
      );
      const sheet = (await manager({ method: 'GET', url: `/api/assessments/${nov.id}` })).json();
      const r14 = sheet.rows.find((r: { rowKey: string }) => r.rowKey === '1.4:auto');
      expect(r14).toMatchObject({
        points: 1,
        evidence: [{ entity: 'assessment_appeal', label: '张伟 2026-10 考核第 4.3 条申诉成立' }],
      });
      // the supervisor does not see her own draft; she sees her published October sheet with its pending appeal
      expect((await supervisor({ method: 'GET', url: `/api/assessments/${nov.id}` })).statusCode).toBe(404);
      const mine = (
        await supervisor({ method: 'GET', url: `/api/assessments?assesseeUserId=${ids.supervisor}` })
      ).json();
      expect(
        mine.items
          .map((s: { period: string }) => s.period)
          .filter((p: string) => p < '2027')
          .sort(),
      ).toEqual(['2026-08', '2026-09', '2026-10']);
    });

    it('hides another project’s sheets and refuses roles without the right', async () => {
      await userIds();
      const list = (await supervisor2({ method: 'GET', url: '/api/assessments?period=2027-01' })).json();
      expect(list.items).toEqual([]);
      const frontdesk = await ctx.as('frontdesk');
      expect(
        (
          await frontdesk({
            method: 'POST',
            url: '/api/assessments',
            payload: { assesseeUserId: ids.officer, period: '2027-09' },
          })
        ).statusCode,
      ).toBe(403);
    });

    it('sorts the sheet list by the assessee’s name across pages, both ways, ties by id', async () => {
      await userIds();
      type Item = { id: number; assesseeName: string };
      const all: Item[] = (await manager({ method: 'GET', url: '/api/assessments?pageSize=200' })).json()
        .items;
      expect(all.length).toBeGreaterThan(3);
      const byName = (sign: number) => (x: Item, y: Item) =>
        sign * (x.assesseeName < y.assesseeName ? -1 : x.assesseeName > y.assesseeName ? 1 : 0) ||
        x.id - y.id;
      for (const [order, sign] of [
        ['asc', 1],
        ['desc', -1],
      ] as const) {
        const pages: Item[] = [];
        for (let page = 1; pages.length < all.length; page++) {
          const res = await manager({
            method: 'GET',
            url: `/api/assessments?sort=assesseeName&order=${order}&pageSize=2&page=${page}`,
          });
          expect(res.statusCode).toBe(200);
          const body = res.json();
          expect(body.total).toBe(all.length);
          expect(body.items.length).toBeGreaterThan(0);
          pages.push(...body.items);
        }
        expect(pages.map((i) => i.id)).toEqual([...all].sort(byName(sign)).map((i) => i.id));
      }
    });
  },
  // Only the assessment's own metric: the scores below follow from this file's actions alone.
  // The service desk's metrics feeding the demo sheets are tested in assessment-wiring.test.ts.
  { clock, config: { PROPDESK_SESSION_HOURS: '2000' }, metrics: assessmentMetrics },
);

describeApi(
  'assessment on a fresh company without demo data',
  (ctx) => {
    it('installs the default schemes for a company created after the migration', async () => {
      // the migrations carry no module data (they are frozen); the seed step of server/bootstrap.ts, run at
      // every start, installs the schemes of the clean start's company
      const { openDatabase } = await import('../../server/db/database.ts');
      const { migrateToLatest } = await import('../../server/db/migrate.ts');
      const bare = openDatabase({ kind: 'sqlite', file: ':memory:' });
      await migrateToLatest(bare.db);
      expect(await bare.db.selectFrom('assessment_scheme').select('id').execute()).toEqual([]);
      await bare.close();
      const { systemActor } = await import('../../server/lib/actor.ts');
      const schemes = await ctx.services.assessment.listSchemes(systemActor());
      expect(schemes.map((s) => [s.code, s.positionCode, s.version])).toEqual([
        ['customer-service-supervisor', 'CS-SUPERVISOR', 1],
        ['housing-officer', 'HOUSING-OFFICER', 1],
      ]);
      const settings = await ctx.services.assessment.getSettings(systemActor());
      expect(settings).toMatchObject({ periodStartDay: 1, appealDays: 3 });
    });
  },
  { demo: false },
);
