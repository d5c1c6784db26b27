import { type Static, Type } from '@sinclair/typebox';
import { LiteralUnion, StringEnum } from '../../lib/schemas.ts';
import { DUE_UNITS } from './calendar.constants.ts';

const DAY_KINDS = ['holiday', 'workday'] as const;
export const ZDayKind = LiteralUnion(DAY_KINDS);
/** a day that differs from the plain week: a holiday (放假), or a weekend worked (调休上班) */
export const ZCalendarDay = Type.Object({
  date: Type.String(),
  kind: StringEnum(DAY_KINDS),
  name: Type.String(),
});
export type TCalendarDay = Static<typeof ZCalendarDay>;
export const ZCalendarDayInput = Type.Object(
  { kind: ZDayKind, name: Type.String({ minLength: 1, maxLength: 30 }) },
  { additionalProperties: false },
);
export type TCalendarDayInput = Static<typeof ZCalendarDayInput>;
export const ZDueUnit = LiteralUnion(DUE_UNITS);
export const ZDue = Type.Object({ dueAt: Type.String() });
