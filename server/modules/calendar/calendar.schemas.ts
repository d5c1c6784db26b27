import { type Static, Type } from '@sinclair/typebox';
import { DUE_UNITS } from './calendar.constants.ts';

const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
export const ZDayKind = lit(['holiday', 'workday'] as const);
/** a day that differs from the plain week: a holiday (放假), or a weekend worked (调休上班) */
export const ZCalendarDay = Type.Object({ date: Type.String(), kind: ZDayKind, name: Type.String() });
export type TCalendarDay = Static<typeof ZCalendarDay>;
export const ZCalendarDayInput = Type.Object(
  { kind: ZDayKind, name: Type.String({ minLength: 1, maxLength: 30 }) },
  { additionalProperties: false },
);
export type TCalendarDayInput = Static<typeof ZCalendarDayInput>;
export const ZDueUnit = lit(DUE_UNITS);
export const ZDue = Type.Object({ dueAt: Type.String() });
export const ZCleared = Type.Object({ ok: Type.Boolean() });
