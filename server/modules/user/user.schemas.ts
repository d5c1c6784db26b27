import { type Static, Type } from '@sinclair/typebox';
import { PageOf, PageQuery } from '../../lib/paging.ts';
import { Id, Phone, StringEnum } from '../../lib/schemas.ts';
import { ZVersion } from '../../lib/versioning.ts';
import { LOCALES, ROLES } from './user.constants.ts';

export const ZRole = Type.Union(ROLES.map((r) => Type.Literal(r)));
export const ZLocale = Type.Union(LOCALES.map((l) => Type.Literal(l)));

export const ZUser = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: StringEnum(ROLES),
  phone: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  employeeId: Type.Union([Type.Integer(), Type.Null()]),
  projectIds: Type.Array(Type.Integer()),
  createdAt: Type.String(),
  version: ZVersion,
});
export type TUser = Static<typeof ZUser>;

const userFields = {
  displayName: Type.String({ minLength: 1, maxLength: 50 }),
  role: ZRole,
  phone: Type.Optional(Type.Union([Phone(), Type.Null()])),
  employeeId: Type.Optional(Type.Union([Id(), Type.Null()])),
  projectIds: Type.Array(Id(), { maxItems: 500, uniqueItems: true }),
};

export const ZUserCreate = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' }),
    password: Type.String({ minLength: 8, maxLength: 200 }),
    ...userFields,
  },
  { additionalProperties: false },
);
export type TUserCreate = Static<typeof ZUserCreate>;

export const ZUserUpdate = Type.Object(
  /** version: the one the form was opened with (server/lib/versioning.ts) */
  { ...userFields, active: Type.Boolean(), version: ZVersion },
  { additionalProperties: false },
);
export type TUserUpdate = Static<typeof ZUserUpdate>;

export const ZUserQuery = Type.Object(
  {
    ...PageQuery,
    role: Type.Optional(ZRole),
    projectId: Type.Optional(Id()),
    q: Type.Optional(Type.String({ maxLength: 50 })),
  },
  { additionalProperties: false },
);
export type TUserQuery = Static<typeof ZUserQuery>;
export const ZUserPage = PageOf(ZUser);
export type TUserPage = Static<typeof ZUserPage>;

export const ZPasswordReset = Type.Object(
  { password: Type.String({ minLength: 8, maxLength: 200 }) },
  { additionalProperties: false },
);

export type TRole = Static<typeof ZRole>;
export type TLocale = Static<typeof ZLocale>;
export type TPasswordReset = Static<typeof ZPasswordReset>;
