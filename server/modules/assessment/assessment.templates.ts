/**
 * Default assessment schemes (考核方案模板). The supervisor's is the seed document's table
 * 《客服主管工作标准及考核办法》 (docs/assessment.md): names, requirements (工作内容与应达到的要求) and
 * methods (具体考核办法) copied verbatim, weights (权数) and maxima (扣减分数) as printed. Where the document
 * gives no per-case value, 1 point per case is our default; every number stays editable per company.
 */
import type { SchemeItem, SchemeRule, SchemeTemplate } from './engine/types.ts';

function manualRule(key: string, seq: number, text: string, pointsPerUnit: number, cap: number): SchemeRule {
  return { key, seq, text, kind: 'manual', pointsPerUnit, cap, metricKey: null };
}

function countRule(
  key: string,
  seq: number,
  text: string,
  metricKey: string,
  pointsPerUnit: number,
  cap: number,
): SchemeRule {
  return { key, seq, text, kind: 'count', pointsPerUnit, cap, metricKey };
}

/**
 * 通用部分 general part: the document names it with 20 points but leaves its content to the company,
 * so it ships as manual rules a reviewer fills in. Caps add up to the item's 20.
 */
function generalPart(): SchemeItem {
  return {
    key: '0',
    seq: 0,
    name: '通用部分',
    requirements: [
      '1、遵守公司考勤制度，按时上下班，不迟到、不早退、不旷工。',
      '2、遵守公司各项规章制度和工作纪律，服从工作安排。',
      '3、上岗着装整齐、佩戴工牌，仪容仪表符合公司规定。',
      '4、公司规定的其他通用要求。',
    ].join('\n'),
    weight: 20,
    rules: [
      manualRule('0.1', 1, '迟到、早退、旷工或未按规定请假的，每有一次扣1分，最多扣5分。', 1, 5),
      manualRule('0.2', 2, '违反公司规章制度、工作纪律或不服从工作安排的，每有一次扣1分，最多扣5分。', 1, 5),
      manualRule(
        '0.3',
        3,
        '上岗未按规定着装、佩证，仪容仪表不符合要求的，每有一次扣0.5分，最多扣5分。',
        0.5,
        5,
      ),
      manualRule('0.4', 4, '违反公司规定的其他通用要求的，每有一次扣1分，最多扣5分。', 1, 5),
    ],
  };
}

/** 客服主管 — the seed document's table, items 1–6 verbatim. */
export const supervisorSchemeTemplate: SchemeTemplate = {
  code: 'customer-service-supervisor',
  name: '客服主管工作标准及考核办法',
  position: '客服主管',
  items: [
    generalPart(),
    {
      key: '1',
      seq: 1,
      name: '负责部门员工工作监督、督促',
      requirements: [
        '1、监督客服各岗位工作计划的落实情况,每周汇报总结。',
        '2、监督客服部员工的日常工作,特别监督好接待工作,解决好重大事情的协调,监督好档案、资料的管理,作好记录,每天做日报上交经理。',
        '3、按照各项巡查规定,检查房管员工作落实情况。',
        '4、负责对员工思想和业务素质的考核,要公平、公正、公开。',
      ].join('\n'),
      weight: 20,
      rules: [
        countRule(
          '1.1',
          1,
          '未监督各岗位工作计划的实施情况,且汇报不及时。',
          'report.weeklySummaryLate',
          1,
          5,
        ),
        countRule('1.2', 2, '未监督员工的日常工作情况。', 'report.dailyMissing', 1, 5),
        countRule('1.3', 3, '不核查工作落实情况。', 'inspection.unreviewed', 1, 5),
        countRule(
          '1.4',
          4,
          '对员工考核不公平、不公正、不公开',
          'assessment.appealsUpheldAgainstAssessor',
          1,
          5,
        ),
      ],
    },
    {
      key: '2',
      seq: 2,
      name: '组织、审核部门工作完成进度',
      requirements: [
        '1、根据公司规划和客服部工作计划,合理安排工作,保证按时完成各项工作任务。',
        '2、督促、检查各项工作进展状况,发现问题及时解决。',
        '3、及时协调各班组工作中遇到的问题,以保证工作按时完成。',
        '4、审核每周业主报修内容上报经理,并及时督促处理未完成事项。',
        '5、每月审核业主报修、空置房检查问题,联系相关部门解决。',
        '6、对房管员区域巡查、空置房巡查、专修巡管理巡查情况进行检查监督。',
        '7、每月初上交各项资料存档。',
      ].join('\n'),
      weight: 30,
      rules: [
        // the supervisor answers for the department's work: the project's tasks (a team supervisor: 'team')
        {
          ...countRule(
            '2.1',
            1,
            '未按时完成职责范围内工作的,每有一项扣0.5分,最多扣5分。',
            'task.overdue',
            0.5,
            5,
          ),
          scope: 'project',
        },
        manualRule('2.2', 2, '组织协调不到位,影响工作完成的,每有一项扣0.5分,最多扣5分。', 0.5, 5),
        {
          key: '2.3',
          seq: 3,
          // The document prints 每有达到 ("each reaching"), which only makes sense as 未达到: a category below
          // 95% costs 0.5 (a deduction for reaching the target would reward failing it).
          text: '各项工作任务完成率每有达到95%,每有一项扣0.5分,最多扣5分',
          kind: 'target',
          pointsPerUnit: 0.5,
          targetBp: 9500,
          cap: 5,
          metricKey: 'task.categoryCompletion',
          scope: 'project',
        },
        countRule(
          '2.4',
          4,
          '各项工作审核不到位的,每有一项扣0.5分,最多扣5分。',
          'repair.weeklyReviewMissing',
          0.5,
          5,
        ),
        countRule(
          '2.5',
          5,
          '不及时联系相关部门解决问题的,每有一项扣0.5分,最多扣5分。',
          'repair.notDispatchedInTime',
          0.5,
          5,
        ),
        countRule('2.6', 6, '存档资料不完整的,每有一项扣0.5分,最多扣5分。', 'archive.missing', 0.5, 5),
      ],
    },
    {
      key: '3',
      seq: 3,
      name: '计划、总结',
      requirements: [
        '1、周工作计划、月整改不足及时交经理审核,完成情况及时汇报经理。',
        '2、每月做工作计划及总结上报经理,要求客观、实际、及时。',
      ].join('\n'),
      weight: 10,
      rules: [
        countRule(
          '3.1',
          1,
          '部门工作计划不符合实践情况的,每有一项扣0.5分,最多扣3分。',
          'report.planUnrealistic',
          0.5,
          3,
        ),
        countRule(
          '3.2',
          2,
          '工作总结不够客观实际的,每有一处扣1分,最多扣3分。',
          'report.summaryNotObjective',
          1,
          3,
        ),
        {
          key: '3.3',
          seq: 3,
          text: '工作总结上报不及时的每推迟一天扣1分,最多扣4分。',
          kind: 'lateness',
          pointsPerUnit: 1,
          cap: 4,
          metricKey: 'report.summaryDaysLate',
        },
      ],
    },
    {
      key: '4',
      seq: 4,
      name: '监督与培训',
      requirements: [
        '1、监督各班组工作,为住户提供规范化、制度化的优质服务,及时提出整改不足计划,提高服务质量',
        '2、督促员工的培训工作,提高职业技能,知识水平,应变能力。',
      ].join('\n'),
      weight: 10,
      rules: [
        {
          key: '4.1',
          seq: 1,
          text: '服务质量的不到住户认可,投诉率达2%的,扣2分,超过10%的,扣5分。',
          kind: 'bands',
          // 达2% = reaches 2% (≥), 超过10% = exceeds 10% (>); bands do not add up, the higher one applies.
          bands: [
            { op: 'gte', thresholdBp: 200, points: 2 },
            { op: 'gt', thresholdBp: 1000, points: 5 },
          ],
          // A manual entry on this rule must state its points: the document gives no per-case value.
          pointsPerUnit: 0,
          cap: 5,
          metricKey: 'complaint.rate',
        },
        countRule(
          '4.2',
          2,
          '员工整体素质无明显提高的,除开除者外,其余视为教育不到位,每有一名扣1分,最多扣5分。',
          'training.noImprovement',
          1,
          5,
        ),
      ],
    },
    {
      key: '5',
      seq: 5,
      name: '处理投诉',
      requirements: '处理好住户的投诉,发展同住户的友好关系,发放业主满意度调查表,及时掌握业主信息。',
      weight: 5,
      rules: [
        countRule(
          '5.1',
          1,
          '投诉处理不当,影响了公司同住户的友好合作关系,每出现一回扣1分,最多扣5分。',
          'complaint.improper',
          1,
          5,
        ),
      ],
    },
    {
      key: '6',
      seq: 6,
      name: '费用收缴',
      requirements: '按照各标段的各项费用台账,制定收费计划,其中物业费收费率达98%',
      weight: 5,
      rules: [
        {
          key: '6.1',
          seq: 1,
          text: '费用收缴出现问题,影响管理运作。',
          kind: 'bands',
          // The requirement sets 收费率达98%; a period below it is the "collection problem" that costs 5.
          bands: [{ op: 'lt', thresholdBp: 9800, points: 5 }],
          // Other collection problems a reviewer records by hand also cost 5 (the rule's single value).
          pointsPerUnit: 5,
          cap: 5,
          metricKey: 'fee.collectionRate',
        },
      ],
    },
  ],
};

/**
 * 房管员 housing officer — an example scheme in the document's style (the document itself only assesses
 * the supervisor): area patrols, repairs follow-up, complaints, daily work and the general part.
 */
export const officerSchemeTemplate: SchemeTemplate = {
  code: 'housing-officer',
  name: '房管员工作标准及考核办法（示例）',
  position: '房管员',
  items: [
    generalPart(),
    {
      key: '1',
      seq: 1,
      name: '区域巡查',
      requirements: [
        '1、按巡查计划对所管区域进行巡查，做好巡查记录，发现问题及时处理或上报。',
        '2、按规定对空置房进行检查，发现问题及时报修。',
        '3、对装修房屋进行巡查，及时发现并制止违章装修。',
      ].join('\n'),
      weight: 25,
      rules: [
        {
          key: '1.1',
          seq: 1,
          text: '区域巡查完成率低于95%的，扣5分；低于80%的，扣10分。',
          kind: 'bands',
          bands: [
            { op: 'lt', thresholdBp: 9500, points: 5 },
            { op: 'lt', thresholdBp: 8000, points: 10 },
          ],
          pointsPerUnit: 0,
          cap: 10,
          metricKey: 'inspection.coverage',
        },
        countRule(
          '1.2',
          2,
          '空置房未按规定检查的，每有一次扣1分，最多扣5分。',
          'inspection.vacantMissed',
          1,
          5,
        ),
        manualRule('1.3', 3, '装修巡查未发现或未制止违章装修的，每有一处扣1分，最多扣5分。', 1, 5),
        manualRule('1.4', 4, '巡查记录不完整、不真实的，每有一次扣1分，最多扣5分。', 1, 5),
      ],
    },
    {
      key: '2',
      seq: 2,
      name: '报修跟进',
      requirements: [
        '1、及时受理业主报修，按时派单或联系相关部门处理。',
        '2、跟进维修进度，督促未完成事项，维修完成后及时回访。',
      ].join('\n'),
      weight: 20,
      rules: [
        countRule(
          '2.1',
          1,
          '业主报修未及时派单或联系相关部门的，每有一项扣0.5分，最多扣5分。',
          'repair.notDispatchedInTime',
          0.5,
          5,
        ),
        countRule(
          '2.2',
          2,
          '维修完成后未按时回访的，每有一项扣0.5分，最多扣5分。',
          'repair.followUpMissing',
          0.5,
          5,
        ),
        manualRule('2.3', 3, '报修未在规定时限内完成且未跟进催办的，每有一项扣0.5分，最多扣5分。', 0.5, 5),
        manualRule('2.4', 4, '业主对维修服务不满意且经查属实的，每有一项扣1分，最多扣5分。', 1, 5),
      ],
    },
    {
      key: '3',
      seq: 3,
      name: '投诉处理',
      requirements: '及时受理、处理住户投诉，按时答复并回访，维护同住户的友好关系。',
      weight: 15,
      rules: [
        countRule(
          '3.1',
          1,
          '投诉处理不当，影响公司同住户友好关系的，每出现一回扣1分，最多扣5分。',
          'complaint.improper',
          1,
          5,
        ),
        countRule(
          '3.2',
          2,
          '投诉未在规定时限内答复的，每有一项扣1分，最多扣5分。',
          'complaint.lateResponse',
          1,
          5,
        ),
        manualRule('3.3', 3, '因本人服务引起有效投诉的，每有一项扣1分，最多扣5分。', 1, 5),
      ],
    },
    {
      key: '4',
      seq: 4,
      name: '日常工作',
      requirements: [
        '1、每天参加晨会，领受并落实工作任务，按时完成主管交办的工作。',
        '2、每天填写工作日报，按时上交。',
        '3、做好住户信息登记和档案资料管理。',
      ].join('\n'),
      weight: 20,
      rules: [
        countRule('4.1', 1, '交办工作未按时完成的，每有一项扣0.5分，最多扣5分。', 'task.overdue', 0.5, 5),
        countRule('4.2', 2, '工作日报未按时上交的，每有一次扣1分，最多扣5分。', 'report.dailyMissing', 1, 5),
        manualRule('4.3', 3, '未按时参加晨会或未落实领受的工作任务的，每有一次扣1分，最多扣5分。', 1, 5),
        manualRule('4.4', 4, '住户信息登记、档案资料不完整的，每有一项扣0.5分，最多扣5分。', 0.5, 5),
      ],
    },
  ],
};

export const schemeTemplates: readonly SchemeTemplate[] = [supervisorSchemeTemplate, officerSchemeTemplate];
