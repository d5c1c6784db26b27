import { type Static, Type } from '@sinclair/typebox';
import { PageOf, PageQuery } from '../../lib/paging.ts';
import { Phone } from '../../lib/schemas.ts';

export const ZRole = Type.Union([
  Type.Literal('admin'),
  Type.Literal('manager'),
  Type.Literal('supervisor'),
  Type.Literal('officer'),
  Type.Literal('frontdesk'),
  Type.Literal('owner'),
]);

export const ZUser = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  employeeId: Type.Union([Type.Integer(), Type.Null()]),
  projectIds: Type.Array(Type.Integer()),
  createdAt: Type.String(),
});

const userFields = {
  displayName: Type.String({ minLength: 1, maxLength: 50 }),
  role: ZRole,
  phone: Type.Optional(Type.Union([Phone(), Type.Null()])),
  employeeId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  projectIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500, uniqueItems: true }),
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
  { ...userFields, active: Type.Boolean() },
  { additionalProperties: false },
);
export type TUserUpdate = Static<typeof ZUserUpdate>;

export const ZUserQuery = Type.Object(
  {
    ...PageQuery,
    role: Type.Optional(ZRole),
    projectId: Type.Optional(Type.Integer({ minimum: 1 })),
    q: Type.Optional(Type.String({ maxLength: 50 })),
  },
  { additionalProperties: false },
);
export type TUserQuery = Static<typeof ZUserQuery>;
export const ZUserPage = PageOf(ZUser);
