import { type Static, Type } from '@sinclair/typebox';
import { Code } from '../../lib/schemas.ts';

export const ZProject = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
});

export const ZProjectInput = Type.Object(
  {
    code: Code(),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    address: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('archived')])),
  },
  { additionalProperties: false },
);
export type TProjectInput = Static<typeof ZProjectInput>;

export type TProject = Static<typeof ZProject>;
