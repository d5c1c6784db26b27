import { type IntegerOptions, type Static, type StringOptions, Type } from '@sinclair/typebox';
import type { Text } from './i18n.ts';

/**
 * Field types shared by modules. `x-message` gives a readable message in both languages
 * where Ajv's own ("must match pattern …") would puzzle a user; the error handler uses it.
 */
export function withMessage(options: StringOptions, message: Text): StringOptions {
  return { ...options, 'x-message': message } as StringOptions;
}

/** The largest id a record can have: PostgreSQL's `integer` (2³¹−1); anything above is no record's id. */
export const MAX_ID = 2147483647;

/**
 * A record's id, wherever a request names one (path, query, body): a whole number from 1 to MAX_ID.
 * The bound keeps `99999999999999999999` or `1e308` from reaching the database (PostgreSQL refuses
 * such a number with an error; SQLite stores it as a REAL).
 */
export const Id = (options: IntegerOptions = {}) =>
  Type.Integer({
    minimum: 1,
    maximum: MAX_ID,
    ...options,
    'x-message': {
      'zh-CN': `编号应为 1 至 ${MAX_ID} 之间的整数`,
      'en-US': `An id is a whole number from 1 to ${MAX_ID}`,
    },
  } as IntegerOptions);

/** The path parameters of a `/:id` route. */
export const IdParams = Type.Object({ id: Id() });

export const Phone = () =>
  Type.String(
    withMessage(
      { pattern: '^1[3-9][0-9]{9}$', description: '手机号 mobile phone' },
      {
        'zh-CN': '手机号格式不正确，应为 11 位数字并以 1 开头',
        'en-US': 'A mobile number has 11 digits and starts with 1',
      },
    ),
  );

export const Code = (maxLength = 32) =>
  Type.String(
    withMessage(
      { minLength: 1, maxLength, pattern: '^[A-Za-z0-9_-]+$' },
      { 'zh-CN': '只能包含字母、数字、下划线和短横线', 'en-US': 'Only letters, digits, "_" and "-"' },
    ),
  );

export const DateString = () =>
  Type.String(
    withMessage(
      { format: 'date' },
      { 'zh-CN': '日期格式应为 YYYY-MM-DD', 'en-US': 'A date is written YYYY-MM-DD' },
    ),
  );

export const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(t: T) =>
  Type.Union([t, Type.Null()]);

/** The answer of an action that has nothing else to say. */
export const ZOk = Type.Object({ ok: Type.Boolean() });
export type TOk = Static<typeof ZOk>;

/**
 * One of a fixed list of strings, typed as that list's union: `StringEnum(UNIT_STATUSES)`.
 * A plain `enum` keyword rather than a union of literals, so answers serialize as fast as strings
 * and OpenAPI shows the values. The list comes from the module's `*.constants.ts`, which the web
 * imports too.
 */
export const StringEnum = <T extends string>(values: readonly T[], options: StringOptions = {}) =>
  Type.Unsafe<T>({ ...options, type: 'string', enum: [...values] });

/** A request field that takes one of a fixed list: a union of literals, so Ajv's messages name the choices. */
export const LiteralUnion = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((v) => Type.Literal(v)));
