import { type Static, Type } from '@sinclair/typebox';
import { FactTimeFields } from '../../lib/fact-times.ts';
import { PageOf, PageQuery } from '../../lib/paging.ts';
import { DateString, Id, LiteralUnion, StringEnum } from '../../lib/schemas.ts';
import { DUE_UNITS } from '../calendar/calendar.constants.ts';
import { TASK_STATUSES } from './task.constants.ts';
import { TASK_ACTIONS, TASK_CATEGORIES, TASK_SOURCES } from './task.transitions.ts';

const lit = LiteralUnion;
export const ZTaskStatus = lit(TASK_STATUSES);
export const ZTaskAction = lit(TASK_ACTIONS);
export const ZTaskCategory = lit(Object.keys(TASK_CATEGORIES));
export const ZTaskSource = lit(Object.keys(TASK_SOURCES));
const ZDueUnit = lit(DUE_UNITS);

/** a fact's business time and the 补录 reason (server/lib/fact-times.ts) */
const FactTime = FactTimeFields;

export const ZTaskInput = Type.Object(
  {
    projectId: Id(),
    title: Type.String({ minLength: 2, maxLength: 100 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    category: ZTaskCategory,
    source: Type.Optional(ZTaskSource),
    assigneeEmployeeId: Id(),
    /** either an exact due time, or a limit from now on the working calendar */
    dueAt: Type.Optional(Type.String({ format: 'date-time' })),
    dueIn: Type.Optional(
      Type.Object({ amount: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }), unit: ZDueUnit }),
    ),
    ...FactTime,
  },
  { additionalProperties: false },
);
export type TTaskInput = Static<typeof ZTaskInput>;

export const ZTaskQuery = Type.Object({
  ...PageQuery,
  projectId: Type.Optional(Id()),
  status: Type.Optional(ZTaskStatus),
  category: Type.Optional(ZTaskCategory),
  assigneeEmployeeId: Type.Optional(Id()),
  overdue: Type.Optional(Type.Boolean()),
  mine: Type.Optional(Type.Boolean()),
  from: Type.Optional(DateString()),
  to: Type.Optional(DateString()),
});
export type TTaskQuery = Static<typeof ZTaskQuery>;

const NStr = Type.Union([Type.String(), Type.Null()]);
export const ZTask = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  projectId: Type.Integer(),
  title: Type.String(),
  description: NStr,
  category: Type.String(),
  source: Type.String(),
  assigneeEmployeeId: Type.Integer(),
  assigneeName: NStr,
  status: StringEnum(TASK_STATUSES),
  dueAt: Type.String(),
  startedAt: NStr,
  completedAt: NStr,
  result: NStr,
  createdAt: Type.String(),
  /** when the creation and the completion were recorded (server clock) */
  recordedAt: NStr,
  completedRecordedAt: NStr,
  /** 补录 and the manager's reason */
  backfilled: Type.Boolean(),
  backfillReason: NStr,
  /** the issuer (交办人) */
  issuerName: NStr,
  cancelRequest: Type.Union([
    Type.Object({ reason: Type.String(), requestedAt: Type.String(), byName: NStr }),
    Type.Null(),
  ]),
  cancellation: Type.Union([
    Type.Object({
      reason: Type.String(),
      cancelledAt: Type.String(),
      byName: NStr,
      afterDue: Type.Boolean(),
      /** cancelled after the due time: does it still count as not finished on time? */
      countsAsLate: Type.Boolean(),
    }),
    Type.Null(),
  ]),
  overdue: Type.Boolean(),
  actions: Type.Array(StringEnum(TASK_ACTIONS)),
});
export const ZTaskPage = PageOf(ZTask);
export type TTask = Static<typeof ZTask>;
export type TTaskPage = Static<typeof ZTaskPage>;
export const ZTaskActionInput = Type.Object(
  {
    result: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    /** the reason of a request to cancel, a cancellation, an approval or a decline (required for those) */
    reason: Type.Optional(Type.String({ maxLength: 500 })),
    /** cancelling after the due time: true = it does not count as late (the reason says why) */
    excuseLate: Type.Optional(Type.Boolean()),
    /** completing: when it was completed, if not now */
    ...FactTime,
  },
  { additionalProperties: false },
);
export type TTaskActionInput = Static<typeof ZTaskActionInput>;
export const ZCompletionQuery = Type.Object({ projectId: Id(), from: DateString(), to: DateString() });
export type TCompletionQuery = Static<typeof ZCompletionQuery>;
export const ZTaskCompletion = Type.Object({
  category: Type.String(),
  label: Type.String(),
  due: Type.Integer(),
  onTime: Type.Integer(),
  ratePercent: Type.Number(),
});
export type TTaskCompletion = Static<typeof ZTaskCompletion>;
/** the labels of the task categories and sources, keyed by their codes */
export const ZTaskCategories = Type.Object({
  categories: Type.Record(Type.String(), Type.String()),
  sources: Type.Record(Type.String(), Type.String()),
});
export type TTaskCategories = Static<typeof ZTaskCategories>;
