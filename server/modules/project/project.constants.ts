/** Project statuses, as data both the server and the web import (this file imports nothing). */
export const PROJECT_STATUSES = ['active', 'archived'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
