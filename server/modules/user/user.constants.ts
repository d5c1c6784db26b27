/**
 * The roles, as data both the server and the web import (the web at runtime, for its pickers):
 * this file imports nothing, so the web bundle takes no server code with it.
 */
export const ROLES = ['admin', 'manager', 'supervisor', 'officer', 'frontdesk', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
