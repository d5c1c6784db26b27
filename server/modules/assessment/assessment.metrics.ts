import type { NamesOf } from '../../lib/directory.ts';
import type { MetricDefinition } from '../../lib/metrics.ts';
import * as appealRepo from './assessment.appeal.repository.ts';

export interface AssessmentMetricDeps {
  /** display names of user accounts (user module), for the evidence's labels */
  userNames: NamesOf;
}

/** 1.4 对员工考核不公平、不公正、不公开: officers' appeals upheld against sheets this person assessed. */
const appealsUpheldAgainstAssessor = ({ userNames }: AssessmentMetricDeps): MetricDefinition => ({
  key: 'assessment.appealsUpheldAgainstAssessor',
  label: {
    'zh-CN': '员工对考核的申诉成立',
    'en-US': "Staff appeals upheld against the assessor's assessment",
  },
  description: {
    'zh-CN': '本周期内经理裁定成立的、针对本人所做考核的员工申诉，每起计一项',
    'en-US': 'Appeals the manager upheld in the period against assessments this person made; one case each',
  },
  // always the assessee's own assessments of others
  scopes: ['own'],
  async compute(ctx) {
    const rows = await appealRepo.upheldAppealsAgainstAssessor(ctx.db, {
      assessorUserId: ctx.assesseeUserId,
      projectId: ctx.projectId,
      fromAt: ctx.periodStartAt,
      toAt: ctx.periodEndAt,
    });
    // the assessees' names come from the user module, passed in by server/metrics.ts
    const names = await userNames(
      ctx.db,
      rows.map((r) => r.assesseeUserId),
    );
    return {
      type: 'cases',
      cases: rows.map((r) => ({
        ref: {
          entity: 'assessment_appeal',
          id: r.id,
          label: `${names.get(r.assesseeUserId) ?? ''} ${r.period} 考核第 ${r.rowKey.split(':')[0]} 条申诉成立`,
        },
      })),
    };
  },
});

/** The metrics whose data the assessment module owns. */
export function createAssessmentMetrics(deps: AssessmentMetricDeps): MetricDefinition[] {
  return [appealsUpheldAgainstAssessor(deps)];
}
