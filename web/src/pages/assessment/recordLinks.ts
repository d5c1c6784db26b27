import { matchPath } from 'react-router';
import type { RecordRef } from '../../api/assessment.ts';
import { appRoutes } from '../../routes.tsx';

/**
 * Where a counted record lives in the web app, by RecordRef.entity. A module that adds a record page adds
 * its entity here; a link is offered only when a route for it exists, so entities without a page yet
 * show their label.
 */
const RECORD_PAGES: Record<string, (id: string) => string> = {
  assessment: (id) => `/assessment/sheets/${id}`,
  assessment_appeal: (id) => `/assessment/appeals/${id}`,
  employee: (id) => `/staff/employees/${id}`,
  repair_order: (id) => `/servicedesk/repairs/${id}`,
  repair_weekly_review: () => '/servicedesk/reviews',
  complaint: (id) => `/servicedesk/complaints/${id}`,
  task: (id) => `/servicedesk/tasks/${id}`,
  report: (id) => `/reports/${id}`,
  inspection: (id) => `/inspections/${id}`,
  archive: (id) => `/archives/${id}`,
};

export function recordHref(ref: RecordRef): string | null {
  const page = RECORD_PAGES[ref.entity];
  if (!page) return null;
  const path = page(encodeURIComponent(String(ref.id)));
  return appRoutes.some((r) => matchPath(r.path, path)) ? path : null;
}
