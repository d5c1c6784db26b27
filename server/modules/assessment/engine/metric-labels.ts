/**
 * How the engine names a metric in a deduction's detail text. Keys are the metric keys the schemes use;
 * a key not listed here is shown as itself, so an admin's new metric still gets a readable row.
 */
export interface MetricDescription {
  'zh-CN': string;
  'en-US': string;
  /** 量词 for counted cases: 项, 次, 份, 名 … */
  unit: string;
}

export const metricDescriptions: Readonly<Record<string, MetricDescription>> = {
  'report.weeklySummaryLate': {
    'zh-CN': '周汇报总结迟交或未交',
    'en-US': 'Weekly summaries late or missing',
    unit: '次',
  },
  'report.dailyMissing': { 'zh-CN': '工作日报未交', 'en-US': 'Daily reports missing', unit: '份' },
  'inspection.unreviewed': {
    'zh-CN': '巡查记录未核查',
    'en-US': 'Patrol records left unreviewed',
    unit: '份',
  },
  'assessment.appealsUpheldAgainstAssessor': {
    'zh-CN': '员工对考核的申诉成立',
    'en-US': "Staff appeals upheld against the assessor's assessment",
    unit: '起',
  },
  'task.overdue': { 'zh-CN': '未按时完成的工作任务', 'en-US': 'Tasks not finished on time', unit: '项' },
  'task.categoryCompletion': { 'zh-CN': '工作任务完成率', 'en-US': 'Task completion rate', unit: '类' },
  'repair.weeklyReviewMissing': {
    'zh-CN': '业主报修周审核未做',
    'en-US': 'Weekly repair reviews not done',
    unit: '次',
  },
  'repair.notDispatchedInTime': {
    'zh-CN': '未及时联系相关部门处理的问题',
    'en-US': 'Issues not passed to the department in time',
    unit: '项',
  },
  'archive.missing': { 'zh-CN': '未存档的资料', 'en-US': 'Archive documents missing', unit: '项' },
  'report.planUnrealistic': { 'zh-CN': '不符合实际的计划', 'en-US': 'Plans marked unrealistic', unit: '项' },
  'report.summaryNotObjective': {
    'zh-CN': '总结不够客观实际之处',
    'en-US': 'Points of summaries marked not objective',
    unit: '处',
  },
  'report.summaryDaysLate': { 'zh-CN': '工作总结上报推迟', 'en-US': 'Summaries submitted late', unit: '份' },
  'complaint.rate': { 'zh-CN': '投诉率', 'en-US': 'Complaint rate', unit: '次' },
  'training.noImprovement': {
    'zh-CN': '素质无明显提高的员工',
    'en-US': 'Staff without evident improvement',
    unit: '名',
  },
  'complaint.improper': { 'zh-CN': '投诉处理不当', 'en-US': 'Complaints handled improperly', unit: '起' },
  'fee.collectionRate': { 'zh-CN': '物业费收费率', 'en-US': 'Property-fee collection rate', unit: '次' },
  'inspection.coverage': { 'zh-CN': '区域巡查覆盖率', 'en-US': 'Area patrol coverage', unit: '次' },
  'inspection.vacantMissed': {
    'zh-CN': '未按计划进行的空置房检查',
    'en-US': 'Vacant-unit inspections missed',
    unit: '次',
  },
  'repair.followUpMissing': {
    'zh-CN': '维修完成后未回访',
    'en-US': 'Repairs without follow-up visit',
    unit: '项',
  },
  'complaint.lateResponse': {
    'zh-CN': '投诉超时未答复',
    'en-US': 'Complaints not answered in time',
    unit: '起',
  },
};

/** A registered metric's own label: it wins over the table above, keeping the table's unit when it has none. */
export interface MetricLabel {
  'zh-CN': string;
  'en-US': string;
  unit?: string;
}

export function describeMetric(
  metricKey: string,
  labels?: Readonly<Record<string, MetricLabel | undefined>>,
): MetricDescription {
  const known = Object.hasOwn(metricDescriptions, metricKey) ? metricDescriptions[metricKey] : undefined;
  const given = labels && Object.hasOwn(labels, metricKey) ? labels[metricKey] : undefined;
  if (given) {
    return { 'zh-CN': given['zh-CN'], 'en-US': given['en-US'], unit: given.unit ?? known?.unit ?? '项' };
  }
  return known ?? { 'zh-CN': metricKey, 'en-US': metricKey, unit: '项' };
}
