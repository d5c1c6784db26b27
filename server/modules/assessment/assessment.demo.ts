import type { Transaction } from 'kysely';
import type { Database, Role } from '../../db/schema.ts';
import type { DemoContext, DemoSeeder } from '../../demo/context.ts';
import type { Actor } from '../../lib/actor.ts';
import { createProjectService } from '../project/project.service.ts';
import { createStaffService } from '../staff/staff.service.ts';
import { createUserService } from '../user/user.service.ts';
import { installDefaultSchemes } from './assessment.defaults.ts';
import { createAssessmentService } from './assessment.service.ts';

/**
 * Four months (2026-08 … 2026-11) of 翠湖花园's assessments, made through the service as people would:
 * the manager assesses the supervisor 李晓梅, she assesses her officers 张伟 and 陈静. August and September
 * are finalized; in October an officer's appeal was upheld (so it costs the supervisor a point under
 * rule 1.4 in November), another rejected, and the supervisor's own October sheet is published with her
 * appeal pending; November is a draft the manager can publish.
 */
export const assessmentDemo: DemoSeeder = {
  name: 'assessment',
  run(ctx: DemoContext) {
    // one transaction for the whole history: the seed stays fast on a file and on PostgreSQL
    return ctx.db.transaction().execute((trx) => seedHistory(ctx, trx));
  },
};

type Entry = [ruleKey: string, quantity: number, reason: string];

/** The service as app.ts wires it, the demo people, and the steps a month's sheets are made of. */
function demoSession(ctx: DemoContext, db: Transaction<Database>) {
  const clock = { at: ctx.now, now: () => clock.at };
  // the same wiring as server/app.ts, inside the seed's one transaction
  const service = createAssessmentService({
    db,
    clock,
    metrics: ctx.metrics,
    users: createUserService({ db }),
    staff: createStaffService({ db }),
    projects: createProjectService({ db }),
  });
  const actor = (username: string, role: Role, displayName: string, projects: number[]): Actor => ({
    userId: ctx.users[username],
    username,
    displayName,
    role,
    employeeId: ctx.employees[username] ?? null,
    projectIds: projects,
    allProjects: false,
    locale: 'zh-CN',
    requestId: 'demo',
  });
  const a = ctx.projects.a;
  const manager = actor('manager', 'manager', '王建国', [ctx.projects.a, ctx.projects.b]);
  const supervisor = actor('supervisor', 'supervisor', '李晓梅', [a]);
  const officers = {
    officer: actor('officer', 'officer', '张伟', [a]),
    officer2: actor('officer2', 'officer', '陈静', [a]),
  };
  const at = (iso: string) => {
    clock.at = new Date(iso);
  };

  async function sheet(
    by: Actor,
    who: Actor,
    period: string,
    entries: Entry[],
    steps: { createdAt: string; publishAt?: string; finalizeAt?: string },
  ) {
    at(steps.createdAt);
    const created = await service.create(by, { assesseeUserId: who.userId, period });
    for (const [ruleKey, quantity, reason] of entries) {
      await service.addManualEntry(by, created.assessment.id, { ruleKey, quantity, reason });
    }
    if (steps.publishAt) {
      at(steps.publishAt);
      await service.publish(by, created.assessment.id);
    }
    return created.assessment.id;
  }
  async function appealAndDecide(
    who: Actor,
    id: number,
    ruleKey: string,
    reason: string,
    decision?: { at: string; upheld: boolean; reason: string },
  ) {
    const current = await service.get(who, id);
    const row = current.rows.find((r) => r.ruleKey === ruleKey && r.points > 0);
    if (!row) return;
    // a row that counted records is appealed by its cases (here the first); a manual row as a whole
    const cases = row.source === 'auto' && row.evidence.length ? [row.evidence[0]] : undefined;
    const appealed = await service.appeal(who, id, { rowKey: row.rowKey, reason, cases });
    if (!decision) return;
    at(decision.at);
    const made = appealed.appeals[appealed.appeals.length - 1];
    const verdict = decision.upheld ? 'upheld' : 'rejected';
    await service.decideAppeal(
      manager,
      made.id,
      made.cases.length
        ? { cases: made.cases.map((c) => ({ caseId: c.id, decision: verdict, reason: decision.reason })) }
        : { decision: verdict, reason: decision.reason },
    );
  }
  async function finalize(by: Actor, id: number, when: string) {
    at(when);
    await service.finalize(by, id);
  }
  /** an instant `hours` before the demo's now (the last month's sheets are recent) */
  const hoursAgo = (hours: number) => new Date(ctx.now.getTime() - hours * 3_600_000).toISOString();
  return { manager, supervisor, officers, at, hoursAgo, sheet, appealAndDecide, finalize };
}
type Session = ReturnType<typeof demoSession>;

/** 2026-08: all finalized */
async function august(s: Session) {
  const { manager, supervisor, officers, sheet, finalize } = s;
  const sup08 = await sheet(
    manager,
    supervisor,
    '2026-08',
    [
      ['0.3', 1, '8月12日晨会未佩戴工牌'],
      ['2.2', 2, '3号楼外墙渗水协调维修班、工程部不到位，拖延一周'],
    ],
    { createdAt: '2026-09-01T02:00:00Z', publishAt: '2026-09-01T08:00:00Z' },
  );
  await finalize(manager, sup08, '2026-09-05T02:00:00Z');
  const aug: Record<string, Entry[]> = {
    officer: [['4.3', 1, '8月20日未参加晨会']],
    officer2: [['1.4', 2, '8月第二周区域巡查记录两处未填写']],
  };
  for (const [username, who] of Object.entries(officers)) {
    const id = await sheet(supervisor, who, '2026-08', aug[username], {
      createdAt: '2026-09-01T03:00:00Z',
      publishAt: '2026-09-01T09:00:00Z',
    });
    await finalize(manager, id, '2026-09-05T03:00:00Z');
  }
}

/** 2026-09: the supervisor's appeal rejected, all finalized */
async function september(s: Session) {
  const { manager, supervisor, officers, at, sheet, appealAndDecide, finalize } = s;
  const sup09 = await sheet(
    manager,
    supervisor,
    '2026-09',
    [
      ['0.1', 1, '9月8日迟到30分钟'],
      ['3.3', 2, '8月工作总结推迟2天上报'],
    ],
    { createdAt: '2026-10-08T02:00:00Z', publishAt: '2026-10-08T08:00:00Z' },
  );
  at('2026-10-09T01:00:00Z');
  await appealAndDecide(supervisor, sup09, '0.1', '当天早高峰地铁故障，有出行证明', {
    at: '2026-10-09T06:00:00Z',
    upheld: false,
    reason: '未按规定提前报备，按考勤制度处理',
  });
  await finalize(manager, sup09, '2026-10-12T02:00:00Z');
  for (const who of Object.values(officers)) {
    const id = await sheet(supervisor, who, '2026-09', [['4.2', 1, '9月工作日报缺交一次']], {
      createdAt: '2026-10-08T03:00:00Z',
      publishAt: '2026-10-08T09:00:00Z',
    });
    await finalize(manager, id, '2026-10-12T03:00:00Z');
  }
}

/** 2026-10: officers' appeals, one upheld and one rejected; the supervisor's sheet published */
async function october(s: Session) {
  const { manager, supervisor, officers, at, sheet, appealAndDecide, finalize, hoursAgo } = s;
  const off10 = await sheet(
    supervisor,
    officers.officer,
    '2026-10',
    [
      ['4.3', 2, '10月两次未参加晨会'],
      ['2.3', 1, '6栋502漏水报修超时未催办'],
    ],
    { createdAt: '2026-11-02T02:00:00Z', publishAt: '2026-11-02T08:00:00Z' },
  );
  at('2026-11-03T02:00:00Z');
  await appealAndDecide(officers.officer, off10, '4.3', '10月15日、16日在处理2栋水管爆裂抢修，已报主管', {
    at: '2026-11-05T02:00:00Z',
    upheld: true,
    reason: '经核实有抢修记录，当日缺席晨会属实因公',
  });
  await finalize(manager, off10, '2026-11-08T02:00:00Z');
  const off10b = await sheet(
    supervisor,
    officers.officer2,
    '2026-10',
    [['4.4', 2, '新入住住户信息登记两户不完整']],
    { createdAt: '2026-11-02T02:30:00Z', publishAt: '2026-11-02T08:30:00Z' },
  );
  at('2026-11-03T03:00:00Z');
  await appealAndDecide(officers.officer2, off10b, '4.4', '住户本人未提供身份证件，非本人原因', {
    at: '2026-11-05T03:00:00Z',
    upheld: false,
    reason: '应按规定登记并跟进补齐，未跟进',
  });
  await finalize(manager, off10b, '2026-11-08T03:00:00Z');

  const sup10 = await sheet(
    manager,
    supervisor,
    '2026-10',
    // 5.1 (complaints handled improperly) is counted from the complaint the manager marked 处理不当
    [['2.2', 1, '10月消防检查整改协调延误']],
    {
      createdAt: hoursAgo(48),
      publishAt: hoursAgo(24),
    },
  );
  at(hoursAgo(12));
  await appealAndDecide(supervisor, sup10, '5.1', '已按流程答复并回访，业主再次投诉系对装修方不满');
}

/** 2026-11: drafts */
async function november(s: Session) {
  const { manager, supervisor, officers, sheet, hoursAgo } = s;
  await sheet(manager, supervisor, '2026-11', [['0.1', 1, '11月18日迟到']], {
    createdAt: hoursAgo(1),
  });
  for (const who of Object.values(officers)) {
    await sheet(supervisor, who, '2026-11', [], { createdAt: hoursAgo(1) });
  }
}

async function seedHistory(ctx: DemoContext, db: Transaction<Database>) {
  const session = demoSession(ctx, db);
  await installDefaultSchemes(db as never, ctx.companyId, ctx.now);
  await august(session);
  await september(session);
  await october(session);
  await november(session);
}
