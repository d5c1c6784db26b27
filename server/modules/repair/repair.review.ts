import type { DB } from '../../db/database.ts';
import { type Actor, assertProjectVisible, requireRole } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { NamesOf } from '../../lib/directory.ts';
import { commonErrors, defineErrors, notFound } from '../../lib/errors.ts';
import { type Clock, localDate, mondayOf, systemClock, weekRange } from '../../lib/time.ts';
import type { CalendarFunctions } from '../calendar/calendar.service.ts';
import { repairCode } from './repair.repository.ts';
import * as reviewRepo from './repair.review.repository.ts';
import { wasCompletionOverdueAt } from './repair.rules.ts';
import type { TReviewInput } from './repair.schemas.ts';

export const reviewErrors = defineErrors({
  REPAIR_REVIEW_EXISTS: {
    status: 409,
    'zh-CN': '该周的报修审核已提交',
    'en-US': "This week's repair review was already submitted",
  },
  REPAIR_REVIEW_NOT_MONDAY: {
    status: 400,
    'zh-CN': '周审核的开始日期必须是星期一',
    'en-US': 'A weekly review starts on a Monday',
  },
  REPAIR_REVIEW_EARLY: {
    status: 400,
    'zh-CN': '本周尚未结束，不能提交周审核',
    'en-US': 'The week has not ended yet',
  },
  REPAIR_REVIEW_EMPTY: {
    status: 400,
    'zh-CN': '周审核不能为空：请对未完成的报修逐单填写审核结论，或填写本周审核意见',
    'en-US': 'A review cannot be empty: give a conclusion on each unfinished order, or a summary of the week',
  },
});

/** The review is due at the end of the first working day after the week (on the working calendar) */
export const REVIEW_DUE = { amount: 1, unit: 'working_days' } as const;

/**
 * 每周审核业主报修内容上报经理: the supervisor's weekly repair review, generated from the orders,
 * submitted after the week, acknowledged by the manager. Part of the repair service's surface.
 */
export function createRepairReviews({
  db,
  clock = systemClock,
  projectNames,
  userNames,
  computeDue,
}: {
  db: DB;
  clock?: Clock;
  projectNames: NamesOf;
  userNames: NamesOf;
  /** the due time of the review on the working calendar (calendar module) */
  computeDue: CalendarFunctions['computeDue'];
}) {
  const say = (actor: Actor, zh: string, en: string) => (actor.locale === 'zh-CN' ? zh : en);
  const dueOf = async (weekStart: string) =>
    (await computeDue(db, new Date(weekRange(weekStart).endAt), REVIEW_DUE)).toISOString();
  const now = () => clock.now();
  const nowIso = () => clock.now().toISOString();
  /** The week as the data shows it, or the review already submitted */
  async function reviewDraft(actor: Actor, projectId: number, weekStart: string) {
    requireRole(actor, 'supervisor', 'manager');
    assertProjectVisible(actor, projectId);
    if (mondayOf(weekStart) !== weekStart) throw reviewErrors.REPAIR_REVIEW_NOT_MONDAY();
    const existing = await reviewRepo.findReview(db, actor, projectId, weekStart);
    if (existing) return reviewOut(existing);
    const week = weekRange(weekStart);
    const facts = await reviewRepo.weekFacts(db, projectId, week.startAt, week.endAt);
    const endIso = week.endAt;
    const item = (r: (typeof facts.created)[number]) => ({
      id: r.id,
      code: repairCode(r.id),
      location: r.location,
      categoryName: r.category_name,
      status: r.status,
      createdAt: r.created_at,
      completedAt: r.completed_at,
      completeDueAt: r.complete_due_at,
    });
    const overdue = [...facts.done, ...facts.unfinished].filter((r) => wasCompletionOverdueAt(r, endIso));
    return {
      id: null,
      projectId,
      weekStart,
      weekEnd: week.last,
      status: 'draft' as const,
      dueAt: (await dueOf(weekStart)) as string | null,
      late: false,
      summary: null,
      content: {
        counts: {
          created: facts.created.length,
          done: facts.done.length,
          overdue: overdue.length,
          unfinished: facts.unfinished.length,
        },
        created: facts.created.map(item),
        done: facts.done.map(item),
        overdue: overdue.map(item),
        unfinished: facts.unfinished.map((r) => ({ ...item(r), reason: '' })),
      },
      submittedAt: null,
      submittedByName: null,
      acknowledgedAt: null,
      acknowledgedByName: null,
      managerComment: null,
    };
  }

  return {
    reviewDraft,
    async submitReview(actor: Actor, input: TReviewInput) {
      requireRole(actor, 'supervisor');
      const draft = await reviewDraft(actor, input.projectId, input.weekStart);
      if (draft.id) throw reviewErrors.REPAIR_REVIEW_EXISTS();
      const week = weekRange(input.weekStart);
      if (week.end > localDate(now())) throw reviewErrors.REPAIR_REVIEW_EARLY();
      // a conclusion on each order unfinished at the week's end, and only on those
      const unfinished = draft.content.unfinished as { id: number; code: string }[];
      const given = new Map<number, string>();
      const fields: { field: string; message: string }[] = [];
      for (const c of input.conclusions ?? []) {
        if (!unfinished.some((u) => u.id === c.repairOrderId))
          fields.push({
            field: `conclusions.${c.repairOrderId}`,
            message: say(
              actor,
              '该报修不在本周未完成的报修中',
              'This order is not among the week’s unfinished ones',
            ),
          });
        else if (c.conclusion.trim()) given.set(c.repairOrderId, c.conclusion.trim());
      }
      for (const u of unfinished)
        if (!given.has(u.id))
          fields.push({
            field: `conclusions.${u.id}`,
            message: say(actor, `请填写报修 ${u.code} 的审核结论`, `Give a conclusion on order ${u.code}`),
          });
      const summary = input.summary?.trim() || null;
      if (!unfinished.length && !summary)
        throw reviewErrors.REPAIR_REVIEW_EMPTY({}, [
          {
            field: 'summary',
            message: say(
              actor,
              '本周没有未完成的报修，请填写审核意见',
              'No unfinished orders: write the review',
            ),
          },
        ]);
      if (fields.length) throw reviewErrors.REPAIR_REVIEW_EMPTY({}, fields);
      const content = {
        ...draft.content,
        unfinished: unfinished.map((u) => ({ ...u, reason: given.get(u.id) ?? '' })),
      };
      const at = nowIso();
      const dueAt = draft.dueAt ?? (await dueOf(input.weekStart));
      const row = await db.transaction().execute(async (trx) => {
        const row = await reviewRepo.insertReview(trx, {
          project_id: input.projectId,
          week_start: input.weekStart,
          week_end: week.last,
          status: 'submitted',
          summary,
          content_json: JSON.stringify(content),
          submitted_by: actor.userId,
          submitted_at: at,
          due_at: dueAt,
          late: at > dueAt ? 1 : 0,
        });
        await reviewRepo.insertConclusions(
          trx,
          [...given].map(([repairOrderId, conclusion]) => ({
            review_id: row.id,
            project_id: input.projectId,
            repair_order_id: repairOrderId,
            conclusion,
            created_at: at,
          })),
        );
        await writeAudit(trx, actor, {
          entity: 'repair_weekly_review',
          entityId: row.id,
          projectId: input.projectId,
          action: 'submit',
          after: { weekStart: input.weekStart, counts: content.counts, dueAt, late: at > dueAt },
        });
        return row;
      });
      return reviewOut(row);
    },
    async acknowledgeReview(actor: Actor, id: number, comment?: string) {
      requireRole(actor, 'manager');
      return db.transaction().execute(async (trx) => {
        const before = await reviewRepo.findReviewById(trx, actor, id);
        if (!before) throw notFound('报修周审核', 'Weekly repair review');
        if (before.status !== 'submitted')
          throw commonErrors.ILLEGAL_TRANSITION({
            from: { 'zh-CN': '已确认', 'en-US': 'acknowledged' },
            action: { 'zh-CN': '确认', 'en-US': 'acknowledge' },
          });
        const after = await reviewRepo.updateReview(trx, id, {
          status: 'acknowledged',
          acknowledged_by: actor.userId,
          acknowledged_at: nowIso(),
          manager_comment: comment ?? null,
        });
        await writeAudit(trx, actor, {
          entity: 'repair_weekly_review',
          entityId: id,
          projectId: before.project_id,
          action: 'acknowledge',
          before: { status: before.status },
          after: { status: after.status, comment },
        });
        return reviewOut(after);
      });
    },
    async listReviews(actor: Actor, projectId?: number) {
      requireRole(actor, 'supervisor', 'manager');
      const rows = await reviewRepo.listReviews(db, actor, projectId);
      const [projects, users] = await Promise.all([
        projectNames(
          db,
          rows.map((r) => r.project_id),
        ),
        userNames(
          db,
          rows.flatMap((r) => [r.submitted_by, r.acknowledged_by]),
        ),
      ]);
      return rows.map((r) => ({
        id: r.id,
        projectId: r.project_id,
        projectName: projects.get(r.project_id) ?? '',
        weekStart: r.week_start,
        weekEnd: r.week_end,
        status: r.status,
        dueAt: r.due_at,
        late: Number(r.late) === 1,
        summary: r.summary,
        counts: JSON.parse(r.content_json).counts,
        submittedAt: r.submitted_at,
        submittedByName: users.get(r.submitted_by) ?? null,
        acknowledgedAt: r.acknowledged_at,
        acknowledgedByName: r.acknowledged_by === null ? null : (users.get(r.acknowledged_by) ?? null),
        managerComment: r.manager_comment,
      }));
    },
    async reviewPending(actor: Actor, projectId: number) {
      requireRole(actor, 'supervisor', 'manager');
      assertProjectVisible(actor, projectId);
      const rows = await reviewRepo.pendingFromReviews(db, actor, projectId);
      return rows.map((r) => ({
        id: r.id,
        code: repairCode(r.id),
        location: r.location,
        categoryName: r.category_name,
        status: r.status,
        completeDueAt: r.complete_due_at,
        reason: r.reason,
        weekStart: r.weekStart,
      }));
    },
  };
}

function reviewOut(r: {
  id: number;
  project_id: number;
  week_start: string;
  week_end: string;
  status: 'submitted' | 'acknowledged';
  summary: string | null;
  content_json: string;
  submitted_at: string;
  due_at: string | null;
  late: number;
  acknowledged_at: string | null;
  manager_comment: string | null;
}) {
  return {
    id: r.id as number | null,
    projectId: r.project_id,
    weekStart: r.week_start,
    weekEnd: r.week_end,
    status: r.status as 'submitted' | 'acknowledged' | 'draft',
    dueAt: r.due_at,
    late: Number(r.late) === 1,
    summary: r.summary,
    content: JSON.parse(r.content_json),
    submittedAt: r.submitted_at as string | null,
    submittedByName: null as string | null,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedByName: null as string | null,
    managerComment: r.manager_comment,
  };
}
