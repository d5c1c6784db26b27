/**
 * 考核 assessment service: schemes with versions, monthly periods, the sheet's lifecycle
 * (draft → published 公示 with an appeal window → finalized, locked), refresh from the registered metrics,
 * manual rows, appeals (申诉) per row, revisions. The pure engine computes; the use cases below decide who
 * may do what, when, and keep every change in one transaction with its audit row (docs/assessment.md).
 */
import { createAppeals } from './assessment.appeals.ts';
import { type AssessmentDeps, createAssessmentCore } from './assessment.core.ts';
import { createLifecycle } from './assessment.lifecycle.ts';
import { createOutputs } from './assessment.outputs.ts';
import { createSchemes } from './assessment.schemes.ts';
import { createSheets } from './assessment.sheet.ts';

export type { AssessmentDeps } from './assessment.core.ts';
export { ALLOWED_IN, assessmentErrors, type SheetAction } from './assessment.rules.ts';

export type AssessmentService = ReturnType<typeof createAssessmentService>;

export function createAssessmentService(deps: AssessmentDeps) {
  const core = createAssessmentCore(deps);
  return {
    ...createSchemes(core),
    ...createSheets(core),
    ...createLifecycle(core),
    ...createAppeals(core),
    ...createOutputs(core),
  };
}
