import type { MetricDefinition } from './lib/metrics.ts';
import { createAssessmentMetrics } from './modules/assessment/assessment.metrics.ts';
import { computeDue } from './modules/calendar/calendar.service.ts';
import { createComplaintMetrics } from './modules/complaint/complaint.metrics.ts';
import { countOccupiedHouseholds } from './modules/property/property.service.ts';
import { createRepairMetrics } from './modules/repair/repair.metrics.ts';
import { taskMetrics } from './modules/task/task.metrics.ts';
import { userDisplayNames } from './modules/user/user.service.ts';

/**
 * Every metric the assessment engine can count, gathered here — like the services in app.ts —
 * so no data module calls the assessment module and the assessment module reads no other
 * module's tables. A module that owns new data adds its array here; a rule naming a metric
 * that is not listed behaves as a manual rule and says so on the sheet.
 */
export const allMetrics: MetricDefinition[] = [
  ...createAssessmentMetrics({ userNames: userDisplayNames }),
  ...taskMetrics,
  ...createRepairMetrics({ computeDue }),
  ...createComplaintMetrics({ occupiedHouseholds: countOccupiedHouseholds }),
];
