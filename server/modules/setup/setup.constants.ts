/** The first-start checklist, in order. The web links each step to its page. */
export const SETUP_STEPS = [
  'project',
  'buildings',
  'units',
  'staff',
  'accounts',
  'officers',
  'calendar',
  'scheme',
] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/** Steps that are ticked by hand: their data exists from the start and needs a look, not a count. */
export const CONFIRMED_STEPS = ['calendar', 'scheme'] as const satisfies readonly SetupStep[];
export type ConfirmedStep = (typeof CONFIRMED_STEPS)[number];

/** A first administrator's password: at least this long, with a letter and a digit, not the username. */
export const ADMIN_PASSWORD_MIN = 10;
