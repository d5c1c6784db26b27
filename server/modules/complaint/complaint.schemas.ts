import { type Static, Type } from '@sinclair/typebox';
import { FactTimeFields } from '../../lib/fact-times.ts';
import { PageOf, PageQuery } from '../../lib/paging.ts';
import { DateString, Id, LiteralUnion, Phone, StringEnum, withMessage } from '../../lib/schemas.ts';
import { COMPLAINT_CHANNELS, COMPLAINT_STATUSES, SATISFACTIONS } from './complaint.constants.ts';
import { COMPLAINT_ACTIONS } from './complaint.transitions.ts';

const lit = LiteralUnion;
export const ZComplaintStatus = lit(COMPLAINT_STATUSES);
export const ZComplaintAction = lit(COMPLAINT_ACTIONS);
export const ZSatisfaction = lit(SATISFACTIONS);
const NStr = Type.Union([Type.String(), Type.Null()]);
const NInt = Type.Union([Type.Integer(), Type.Null()]);

export const ZComplaintInput = Type.Object(
  {
    projectId: Id(),
    buildingId: Type.Optional(Type.Union([Id(), Type.Null()])),
    unitId: Type.Optional(Type.Union([Id(), Type.Null()])),
    complainantName: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
    complainantPhone: Type.Optional(Type.Union([Phone(), Type.Null()])),
    channel: Type.Optional(lit(COMPLAINT_CHANNELS)),
    categoryId: Id(),
    content: Type.String({ minLength: 2, maxLength: 2000 }),
    /** when it happened, if not now; a 补录 needs a manager's reason (server/lib/fact-times.ts) */
    ...FactTimeFields,
  },
  { additionalProperties: false },
);
export type TComplaintInput = Static<typeof ZComplaintInput>;

export const ZComplaintActionInput = Type.Object(
  {
    handlerEmployeeId: Type.Optional(Id()),
    /** 重复投诉: the code of the complaint this one repeats, e.g. TS000123 */
    duplicateOf: Type.Optional(
      Type.String(
        withMessage(
          { pattern: '^TS[0-9]{6,9}$' },
          {
            'zh-CN': '请填写原投诉编号，如 TS000123',
            'en-US': 'Enter the original complaint code, e.g. TS000123',
          },
        ),
      ),
    ),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    resolution: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    satisfaction: Type.Optional(ZSatisfaction),
    comment: Type.Optional(Type.String({ maxLength: 500 })),
    /** when it happened, if not now; a 补录 needs a manager's reason (server/lib/fact-times.ts) */
    ...FactTimeFields,
  },
  { additionalProperties: false },
);
export type TComplaintActionInput = Static<typeof ZComplaintActionInput>;

export const ZComplaintQuery = Type.Object({
  ...PageQuery,
  projectId: Type.Optional(Id()),
  status: Type.Optional(ZComplaintStatus),
  categoryId: Type.Optional(Id()),
  overdue: Type.Optional(Type.Boolean()),
  improper: Type.Optional(Type.Boolean()),
  buildingId: Type.Optional(Id()),
  handlerEmployeeId: Type.Optional(Id()),
  from: Type.Optional(DateString()),
  to: Type.Optional(DateString()),
});
export type TComplaintQuery = Static<typeof ZComplaintQuery>;

export const ZComplaintListItem = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  projectId: Type.Integer(),
  complainantName: Type.String(),
  categoryId: Type.Integer(),
  categoryName: Type.String(),
  content: Type.String(),
  status: StringEnum(COMPLAINT_STATUSES),
  channel: StringEnum(COMPLAINT_CHANNELS),
  buildingId: NInt,
  handlerEmployeeId: NInt,
  handlerName: NStr,
  responseDueAt: Type.String(),
  createdAt: Type.String(),
  overdue: Type.Boolean(),
  improper: Type.Boolean(),
});
export const ZComplaintPage = PageOf(ZComplaintListItem);
export type TComplaintListItem = Static<typeof ZComplaintListItem>;
export type TComplaintPage = Static<typeof ZComplaintPage>;

export const ZComplaintDetail = Type.Object({
  ...ZComplaintListItem.properties,
  projectName: Type.String(),
  unitId: NInt,
  complainantPhone: NStr,
  respondedAt: NStr,
  resolution: NStr,
  resolvedAt: NStr,
  visitedAt: NStr,
  satisfaction: Type.Union([StringEnum(SATISFACTIONS), Type.Null()]),
  visitComment: NStr,
  closedAt: NStr,
  cancelledAt: NStr,
  /** closed as a repeat of this complaint: its id and code */
  duplicateOf: Type.Union([Type.Object({ id: Type.Integer(), code: Type.String() }), Type.Null()]),
  improperReason: NStr,
  improperAt: NStr,
  records: Type.Array(
    Type.Object({ id: Type.Integer(), at: Type.String(), userName: Type.String(), note: Type.String() }),
  ),
  actions: Type.Array(StringEnum(COMPLAINT_ACTIONS)),
  canMarkImproper: Type.Boolean(),
  timeline: Type.Array(
    Type.Object({ at: Type.String(), userName: NStr, action: Type.String(), after: Type.Unknown() }),
  ),
});

export const ZRateQuery = Type.Object({
  projectId: Type.Optional(Id()),
  from: DateString(),
  to: DateString(),
});
export type TRateQuery = Static<typeof ZRateQuery>;
export const ZRate = Type.Object({
  projectId: Type.Integer(),
  projectName: Type.String(),
  from: Type.String(),
  to: Type.String(),
  complaints: Type.Integer(),
  households: Type.Integer(),
  /** complaints ÷ households, as a percentage with two decimals (null without households) */
  ratePercent: Type.Union([Type.Number(), Type.Null()]),
});
export type TRate = Static<typeof ZRate>;
export type TComplaintDetail = Static<typeof ZComplaintDetail>;

export const ZComplaintCategory = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  responseAmount: Type.Number(),
  responseUnit: Type.String(),
});
export type TComplaintCategory = Static<typeof ZComplaintCategory>;
