import { type Static, Type } from '@sinclair/typebox';
import { ZLocale, ZRole } from '../user/user.schemas.ts';

export const ZHealth = Type.Object({ status: Type.Literal('ok') });

export const ZLoginInput = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type TLoginInput = Static<typeof ZLoginInput>;

export const ZLoginResult = Type.Object({
  ok: Type.Boolean(),
  role: ZRole,
  expiresAt: Type.String({ format: 'date-time' }),
});
export type TLoginResult = Static<typeof ZLoginResult>;

/** 当前用户: who is signed in, and which projects they see. */
export const ZMe = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  role: ZRole,
  employeeId: Type.Union([Type.Integer(), Type.Null()]),
  projectIds: Type.Array(Type.Integer()),
  /** admins see every project */
  allProjects: Type.Boolean(),
  locale: ZLocale,
  passwordChangedAt: Type.Union([Type.String(), Type.Null()]),
});
export type TMe = Static<typeof ZMe>;

export const ZPasswordChange = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 8, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type TPasswordChange = Static<typeof ZPasswordChange>;

export const ZLocaleInput = Type.Object({ locale: ZLocale });
export type TLocaleInput = Static<typeof ZLocaleInput>;

export type THealth = Static<typeof ZHealth>;
