/**
 * The sheet's rules, written once: its errors, the states each action is allowed in, and how states and
 * actions are named to people (docs/assessment.md, Lifecycle).
 */
import { defineErrors } from '../../lib/errors.ts';
import type { Text } from '../../lib/i18n.ts';
import { defineReferenceErrors } from '../../lib/references.ts';
import type { AssessmentStatus } from './assessment.tables.ts';

/** ASSESSMENT_REFERENCE_NOT_FOUND (404) / ASSESSMENT_REFERENCE_OUTSIDE_PROJECT (400) */
export const assessmentReferenceErrors = defineReferenceErrors('ASSESSMENT');

export const assessmentErrors = defineErrors({
  ASSESSMENT_LOCKED: {
    status: 409,
    'zh-CN': '考核表已定稿锁定，不能再做任何修改；如需更正，请创建修订版并说明原因',
    'en-US':
      'The assessment is finalized and locked; nothing can change. Create a revision with a reason to correct it',
  },
  ASSESSMENT_EXISTS: {
    status: 409,
    'zh-CN': '{name} 在 {period} 已有考核表',
    'en-US': '{name} already has an assessment for {period}',
  },
  NOT_LATEST_REVISION: {
    status: 409,
    'zh-CN': '这是旧版本（第 {revision} 版），只能在最新版本上操作',
    'en-US': 'This is an old revision ({revision}); act on the latest one',
  },
  APPEAL_WINDOW_CLOSED: {
    status: 409,
    'zh-CN': '申诉期已于 {deadline} 结束，不能再申诉',
    'en-US': 'The appeal window closed at {deadline}',
  },
  APPEAL_EXISTS: {
    status: 409,
    'zh-CN': '该扣分项已申诉过，每项只能申诉一次',
    'en-US': 'This deduction has already been appealed; one appeal per row',
  },
  APPEAL_DECIDED: {
    status: 409,
    'zh-CN': '该申诉已处理，不能重复处理',
    'en-US': 'This appeal has already been decided',
  },
  APPEALS_PENDING: {
    status: 409,
    'zh-CN': '还有 {count} 条申诉未处理，处理完毕后才能定稿',
    'en-US': '{count} appeal(s) still pending; decide them before finalizing',
  },
  APPEAL_WINDOW_OPEN: {
    status: 409,
    'zh-CN': '申诉期至 {deadline} 才结束，届时方可定稿（经理可提前定稿）',
    'en-US': 'The appeal window runs until {deadline}; finalize after it (a manager may finalize earlier)',
  },
  SCHEME_NOT_LATEST: {
    status: 409,
    'zh-CN': '只能编辑考核方案的最新版本（当前最新为第 {version} 版）',
    'en-US': 'Only the latest version of a scheme can be edited (latest: version {version})',
  },
});

export const STATUS_TEXT: Record<AssessmentStatus, Text> = {
  draft: { 'zh-CN': '草稿', 'en-US': 'draft' },
  published: { 'zh-CN': '公示中', 'en-US': 'published' },
  finalized: { 'zh-CN': '已定稿', 'en-US': 'finalized' },
};

export type SheetAction =
  | 'refresh'
  | 'addManual'
  | 'deleteManual'
  | 'publish'
  | 'appeal'
  | 'decide'
  | 'finalize'
  | 'revise';

export const ACTION_TEXT: Record<SheetAction, Text> = {
  refresh: { 'zh-CN': '重新计算', 'en-US': 'refresh' },
  addManual: { 'zh-CN': '添加人工扣分', 'en-US': 'add a manual deduction' },
  deleteManual: { 'zh-CN': '删除人工扣分', 'en-US': 'delete a manual deduction' },
  publish: { 'zh-CN': '发布公示', 'en-US': 'publish' },
  appeal: { 'zh-CN': '申诉', 'en-US': 'appeal' },
  decide: { 'zh-CN': '处理申诉', 'en-US': 'decide an appeal' },
  finalize: { 'zh-CN': '定稿', 'en-US': 'finalize' },
  revise: { 'zh-CN': '创建修订版', 'en-US': 'create a revision' },
};

/**
 * The state machine, written once: in which states each action is allowed. A finalized sheet allows only
 * a revision (a new row); everything else on it is ASSESSMENT_LOCKED.
 */
export const ALLOWED_IN: Record<SheetAction, readonly AssessmentStatus[]> = {
  refresh: ['draft'],
  addManual: ['draft'],
  deleteManual: ['draft'],
  publish: ['draft'],
  appeal: ['published'],
  decide: ['published'],
  finalize: ['published'],
  revise: ['finalized'],
};
