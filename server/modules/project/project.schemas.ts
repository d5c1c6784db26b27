import { type Static, Type } from '@sinclair/typebox';
import { Code, DateString, LiteralUnion, StringEnum } from '../../lib/schemas.ts';
import { ZVersion } from '../../lib/versioning.ts';
import { PROJECT_STATUSES } from './project.constants.ts';

export const ZProject = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  status: StringEnum(PROJECT_STATUSES),
  /** 'YYYY-MM-DD' the project began (接管日期): nothing before it counts in the assessment */
  startedOn: Type.Union([Type.String(), Type.Null()]),
  version: ZVersion,
});

export const ZProjectInput = Type.Object(
  {
    code: Code(),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    address: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
    status: Type.Optional(LiteralUnion(PROJECT_STATUSES)),
    /** 接管日期; default on create: the day it is created */
    startedOn: Type.Optional(Type.Union([DateString(), Type.Null()])),
    /** the version the form was opened with; required when updating (server/lib/versioning.ts) */
    version: Type.Optional(ZVersion),
  },
  { additionalProperties: false },
);
export type TProjectInput = Static<typeof ZProjectInput>;

export type TProject = Static<typeof ZProject>;
