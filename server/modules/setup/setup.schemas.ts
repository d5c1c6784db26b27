import { type Static, Type } from '@sinclair/typebox';
import { Code, StringEnum, withMessage } from '../../lib/schemas.ts';
import { ADMIN_PASSWORD_MIN, CONFIRMED_STEPS, SETUP_STEPS } from './setup.constants.ts';

export const ZSetupStatus = Type.Object({
  /** true until the company has an active administrator: the browser then shows the setup page */
  needed: Type.Boolean(),
});
export type TSetupStatus = Static<typeof ZSetupStatus>;

const Name = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const ZSetupInput = Type.Object(
  {
    companyName: Name(100),
    projectName: Name(100),
    projectCode: Code(),
    adminUsername: Type.String(
      withMessage(
        { minLength: 2, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' },
        {
          'zh-CN': '用户名为 2–32 位字母、数字、点、下划线或短横线',
          'en-US': 'A username has 2–32 letters, digits, ".", "_" or "-"',
        },
      ),
    ),
    adminDisplayName: Name(50),
    adminPassword: Type.String(
      withMessage(
        { minLength: ADMIN_PASSWORD_MIN, maxLength: 200 },
        {
          'zh-CN': `密码至少 ${ADMIN_PASSWORD_MIN} 位，且同时包含字母和数字`,
          'en-US': `A password has at least ${ADMIN_PASSWORD_MIN} characters, with letters and digits`,
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type TSetupInput = Static<typeof ZSetupInput>;

export const ZSetupResult = Type.Object({
  ok: Type.Boolean(),
  username: Type.String(),
  projectId: Type.Integer(),
});

export const ZChecklistStep = Type.Object({
  key: StringEnum(SETUP_STEPS),
  done: Type.Boolean(),
  /** what was counted (units, employees …); null for the steps ticked by hand */
  count: Type.Union([Type.Integer(), Type.Null()]),
  /** ticked by hand (calendar, scheme) rather than counted */
  manual: Type.Boolean(),
});

export const ZChecklist = Type.Object({
  companyName: Type.String(),
  steps: Type.Array(ZChecklistStep),
  done: Type.Integer(),
  total: Type.Integer(),
});
export type TChecklist = Static<typeof ZChecklist>;

export const ZConfirmParams = Type.Object({ step: StringEnum(CONFIRMED_STEPS) });
export const ZConfirmInput = Type.Object({ confirmed: Type.Boolean() }, { additionalProperties: false });
