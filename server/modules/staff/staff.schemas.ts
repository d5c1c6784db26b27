import { type Static, Type } from '@sinclair/typebox';
import { PageOf, PageQuery } from '../../lib/paging.ts';
import { Code, DateString, Id, LiteralUnion, Phone, StringEnum } from '../../lib/schemas.ts';
import { ZVersion } from '../../lib/versioning.ts';
import { EMPLOYEE_STATUSES, GENDERS } from './staff.constants.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));

/** 岗位说明书 position description fields, named as the seed names them */
export const ZPositionInput = Type.Object(
  {
    code: Code(),
    name: Type.String({ minLength: 1, maxLength: 50 }),
    level: Text(50),
    superior: Text(100),
    jobFamily: Text(50),
    characteristics: Text(4000),
    authorities: Text(4000),
    qualifications: Text(4000),
    responsibilities: Text(8000),
    workNorms: Text(8000),
    workflow: Text(4000),
    /** the version the form was opened with; required when updating (server/lib/versioning.ts) */
    version: Type.Optional(ZVersion),
  },
  { additionalProperties: false },
);
export type TPositionInput = Static<typeof ZPositionInput>;

export const ZPosition = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  level: Type.Union([Type.String(), Type.Null()]),
  superior: Type.Union([Type.String(), Type.Null()]),
  jobFamily: Type.Union([Type.String(), Type.Null()]),
  characteristics: Type.Union([Type.String(), Type.Null()]),
  authorities: Type.Union([Type.String(), Type.Null()]),
  qualifications: Type.Union([Type.String(), Type.Null()]),
  responsibilities: Type.Union([Type.String(), Type.Null()]),
  workNorms: Type.Union([Type.String(), Type.Null()]),
  workflow: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String(),
  version: ZVersion,
});

const EmployeeStatus = LiteralUnion(EMPLOYEE_STATUSES);

export const ZEmployeeInput = Type.Object(
  {
    projectId: Id(),
    code: Code(),
    name: Type.String({ minLength: 1, maxLength: 50 }),
    gender: Type.Optional(Type.Union([LiteralUnion(GENDERS), Type.Null()])),
    phone: Type.Optional(Type.Union([Phone(), Type.Null()])),
    positionId: Type.Optional(Type.Union([Id(), Type.Null()])),
    teamId: Type.Optional(Type.Union([Id(), Type.Null()])),
    hiredOn: Type.Optional(Type.Union([DateString(), Type.Null()])),
    /** 离岗日期: the last day in the post; the assessment counts nothing after it */
    leftOn: Type.Optional(Type.Union([DateString(), Type.Null()])),
    status: Type.Optional(EmployeeStatus),
    /** the version the form was opened with; required when updating (server/lib/versioning.ts) */
    version: Type.Optional(ZVersion),
  },
  { additionalProperties: false },
);
export type TEmployeeInput = Static<typeof ZEmployeeInput>;

export const ZEmployee = Type.Object({
  id: Type.Integer(),
  projectId: Type.Integer(),
  projectName: Type.String(),
  code: Type.String(),
  name: Type.String(),
  gender: Type.Union([StringEnum(GENDERS), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  positionId: Type.Union([Type.Integer(), Type.Null()]),
  positionName: Type.Union([Type.String(), Type.Null()]),
  teamId: Type.Union([Type.Integer(), Type.Null()]),
  teamName: Type.Union([Type.String(), Type.Null()]),
  hiredOn: Type.Union([Type.String(), Type.Null()]),
  leftOn: Type.Union([Type.String(), Type.Null()]),
  status: StringEnum(EMPLOYEE_STATUSES),
  updatedAt: Type.String(),
  version: ZVersion,
});

export const ZEmployeeQuery = Type.Object(
  {
    ...PageQuery,
    projectId: Type.Optional(Id()),
    positionId: Type.Optional(Id()),
    teamId: Type.Optional(Id()),
    status: Type.Optional(EmployeeStatus),
    q: Type.Optional(Type.String({ maxLength: 50 })),
  },
  { additionalProperties: false },
);
export type TEmployeeQuery = Static<typeof ZEmployeeQuery>;
export const ZEmployeePage = PageOf(ZEmployee);

export const ZTeamInput = Type.Object(
  {
    projectId: Id(),
    name: Type.String({ minLength: 1, maxLength: 50 }),
    kind: Type.String({ minLength: 1, maxLength: 30 }),
    leaderEmployeeId: Type.Optional(Type.Union([Id(), Type.Null()])),
    /** the version the form was opened with; required when updating (server/lib/versioning.ts) */
    version: Type.Optional(ZVersion),
  },
  { additionalProperties: false },
);
export type TTeamInput = Static<typeof ZTeamInput>;

export const ZTeam = Type.Object({
  id: Type.Integer(),
  projectId: Type.Integer(),
  projectName: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  leaderEmployeeId: Type.Union([Type.Integer(), Type.Null()]),
  leaderName: Type.Union([Type.String(), Type.Null()]),
  memberCount: Type.Integer(),
  version: ZVersion,
});
export type TTeam = Static<typeof ZTeam>;

/** A team as stored: creating or changing one answers with its row. */
export const ZTeamRow = Type.Object({
  id: Type.Integer(),
  project_id: Type.Integer(),
  name: Type.String(),
  kind: Type.String(),
  leader_employee_id: Type.Union([Type.Integer(), Type.Null()]),
  created_at: Type.String(),
  updated_at: Type.String(),
  version: ZVersion,
});
export type TTeamRow = Static<typeof ZTeamRow>;

export type TPosition = Static<typeof ZPosition>;
export type TEmployee = Static<typeof ZEmployee>;
export type TEmployeePage = Static<typeof ZEmployeePage>;
