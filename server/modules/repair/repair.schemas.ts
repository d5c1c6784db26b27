import { type Static, Type } from '@sinclair/typebox';
import { FactTimeFields } from '../../lib/fact-times.ts';
import { PageOf, PageQuery } from '../../lib/paging.ts';
import { DateString, Id, LiteralUnion, Nullable, Phone, StringEnum } from '../../lib/schemas.ts';
import { ZVersion } from '../../lib/versioning.ts';
import { DUE_UNITS } from '../calendar/calendar.constants.ts';
import { REPAIR_CHANNELS, REPAIR_PRIORITIES, REPAIR_STATUSES } from './repair.constants.ts';
import { REPAIR_ACTIONS } from './repair.transitions.ts';

const lit = LiteralUnion;
export const ZRepairStatus = lit(REPAIR_STATUSES);
export const ZRepairAction = lit(REPAIR_ACTIONS);
export const ZRepairChannel = lit(REPAIR_CHANNELS);
export const ZRepairPriority = lit(REPAIR_PRIORITIES);
const NullableId = Type.Optional(Type.Union([Id(), Type.Null()]));
const NStr = Type.Union([Type.String(), Type.Null()]);
const NInt = Type.Union([Type.Integer(), Type.Null()]);

export const ZRepairInput = Type.Object(
  {
    projectId: Id(),
    buildingId: NullableId,
    unitId: NullableId,
    location: Type.String({ minLength: 1, maxLength: 100 }),
    reporterName: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
    reporterPhone: Type.Optional(Type.Union([Phone(), Type.Null()])),
    channel: Type.Optional(ZRepairChannel),
    categoryId: Id(),
    description: Type.String({ minLength: 2, maxLength: 1000 }),
    priority: Type.Optional(ZRepairPriority),
    /** when it happened, if not now; a 补录 needs a manager's reason (server/lib/fact-times.ts) */
    ...FactTimeFields,
  },
  { additionalProperties: false },
);
export type TRepairInput = Static<typeof ZRepairInput>;

export const ZRepairActionInput = Type.Object(
  {
    teamId: NullableId,
    department: Type.Optional(Type.Union([Type.String({ maxLength: 50 }), Type.Null()])),
    assigneeEmployeeId: NullableId,
    result: Type.Optional(Type.String({ maxLength: 1000 })),
    rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    comment: Type.Optional(Type.String({ maxLength: 500 })),
    /** when it happened, if not now; a 补录 needs a manager's reason (server/lib/fact-times.ts) */
    ...FactTimeFields,
  },
  { additionalProperties: false },
);
export type TRepairActionInput = Static<typeof ZRepairActionInput>;

export const ZRepairQuery = Type.Object({
  ...PageQuery,
  projectId: Type.Optional(Id()),
  status: Type.Optional(ZRepairStatus),
  categoryId: Type.Optional(Id()),
  overdue: Type.Optional(Type.Boolean()),
  buildingId: Type.Optional(Id()),
  assigneeEmployeeId: Type.Optional(Id()),
  from: Type.Optional(DateString()),
  to: Type.Optional(DateString()),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  /** skip the total (the next page of a list whose total the page already has) */
  withTotal: Type.Optional(Type.Boolean({ default: true })),
});
export type TRepairQuery = Static<typeof ZRepairQuery>;

export const ZRepairListItem = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  projectId: Type.Integer(),
  location: Type.String(),
  reporterName: Type.String(),
  categoryId: Type.Integer(),
  categoryName: Type.String(),
  priority: StringEnum(REPAIR_PRIORITIES),
  status: StringEnum(REPAIR_STATUSES),
  channel: StringEnum(REPAIR_CHANNELS),
  buildingId: NInt,
  assigneeEmployeeId: NInt,
  assigneeName: NStr,
  dispatchDueAt: Type.String(),
  completeDueAt: Type.String(),
  createdAt: Type.String(),
  overdue: Type.Boolean(),
});
export const ZRepairPage = PageOf(ZRepairListItem);
export type TRepairListItem = Static<typeof ZRepairListItem>;
export type TRepairPage = Static<typeof ZRepairPage>;

const ZPhoto = Type.Object({
  id: Type.Integer(),
  stage: Type.String(),
  fileName: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  url: Type.String(),
  createdAt: Type.String(),
});
export const ZTimelineEntry = Type.Object({
  at: Type.String(),
  userName: NStr,
  action: Type.String(),
  after: Type.Unknown(),
});

export const ZRepairDetail = Type.Object({
  ...ZRepairListItem.properties,
  projectName: Type.String(),
  unitId: NInt,
  reporterPhone: NStr,
  description: Type.String(),
  teamId: NInt,
  teamName: NStr,
  department: NStr,
  responsible: Type.String(),
  dispatchedAt: NStr,
  startedAt: NStr,
  completedAt: NStr,
  visitedAt: NStr,
  closedAt: NStr,
  cancelledAt: NStr,
  result: NStr,
  rating: NInt,
  visitComment: NStr,
  dispatchOverdue: Type.Boolean(),
  completeOverdue: Type.Boolean(),
  reopenCount: Type.Integer(),
  photos: Type.Array(ZPhoto),
  actions: Type.Array(StringEnum(REPAIR_ACTIONS)),
  timeline: Type.Array(ZTimelineEntry),
});
export type TRepairDetail = Static<typeof ZRepairDetail>;
export type TTimelineEntry = Static<typeof ZTimelineEntry>;
export type TRepairPhoto = Static<typeof ZPhoto>;
export const ZPhotoUploaded = Type.Object({ id: Type.Integer(), url: Type.String() });

export const ZRepairCategory = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  dispatchAmount: Type.Number(),
  dispatchUnit: StringEnum(DUE_UNITS),
  completeAmount: Type.Number(),
  completeUnit: StringEnum(DUE_UNITS),
  responsible: Type.String(),
  active: Type.Boolean(),
  version: ZVersion,
});
export type TRepairCategory = Static<typeof ZRepairCategory>;
const ZDueUnit = lit(DUE_UNITS);
export const ZRepairCategoryInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 30 }),
    dispatchAmount: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
    dispatchUnit: ZDueUnit,
    completeAmount: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
    completeUnit: ZDueUnit,
    responsible: Type.String({ minLength: 1, maxLength: 50 }),
    active: Type.Optional(Type.Boolean()),
    /** the version the form was opened with (server/lib/versioning.ts) */
    version: ZVersion,
  },
  { additionalProperties: false },
);
export type TRepairCategoryInput = Static<typeof ZRepairCategoryInput>;

export const ZReviewQuery = Type.Object({ projectId: Id(), weekStart: DateString() });
export const ZReviewInput = Type.Object(
  {
    projectId: Id(),
    weekStart: DateString(),
    summary: Type.Optional(Type.String({ maxLength: 2000 })),
    /** 审核结论: one for each order unfinished at the week's end (required for each, stored per order) */
    conclusions: Type.Optional(
      Type.Array(
        Type.Object(
          { repairOrderId: Id(), conclusion: Type.String({ maxLength: 300 }) },
          { additionalProperties: false },
        ),
        { maxItems: 500 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type TReviewInput = Static<typeof ZReviewInput>;

const ZReviewStatus = StringEnum(['draft', 'submitted', 'acknowledged'] as const);
/** one order in a weekly review; reviews stored before categoryName and the times carry only the first four */
export const ZReviewItem = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  location: Type.String(),
  status: Type.String(),
  categoryName: Type.Optional(Type.String()),
  createdAt: Type.Optional(Type.String()),
  completedAt: Type.Optional(NStr),
  completeDueAt: Type.Optional(Type.String()),
});
export type TReviewItem = Static<typeof ZReviewItem>;
const ZReviewCounts = Type.Object({
  created: Type.Integer(),
  done: Type.Integer(),
  overdue: Type.Integer(),
  unfinished: Type.Integer(),
});
const ZReviewHead = {
  projectId: Type.Integer(),
  weekStart: Type.String(),
  weekEnd: Type.String(),
  status: ZReviewStatus,
  /** when the review is due, on the working calendar (null for reviews stored before it was kept) */
  dueAt: NStr,
  /** submitted after its due time: counts as late in rule 2.4 */
  late: Type.Boolean(),
  summary: NStr,
  submittedAt: NStr,
  submittedByName: NStr,
  acknowledgedAt: NStr,
  acknowledgedByName: NStr,
  managerComment: NStr,
};
/** a week's review: the submitted one, or the draft generated from the orders (id null) */
export const ZWeeklyReview = Type.Object({
  id: NInt,
  ...ZReviewHead,
  content: Type.Object({
    counts: ZReviewCounts,
    created: Type.Array(ZReviewItem),
    done: Type.Array(ZReviewItem),
    overdue: Type.Array(ZReviewItem),
    unfinished: Type.Array(Type.Object({ ...ZReviewItem.properties, reason: Type.String() })),
  }),
});
export type TWeeklyReview = Static<typeof ZWeeklyReview>;
export const ZReviewListItem = Type.Object({
  id: Type.Integer(),
  ...ZReviewHead,
  projectName: Type.String(),
  counts: ZReviewCounts,
});
export type TReviewListItem = Static<typeof ZReviewListItem>;
export const ZReviewPendingItem = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  location: Type.String(),
  categoryName: Type.String(),
  status: Type.String(),
  completeDueAt: Type.String(),
  reason: Type.String(),
  weekStart: Type.String(),
});
export type TReviewPendingItem = Static<typeof ZReviewPendingItem>;
export { Nullable };
