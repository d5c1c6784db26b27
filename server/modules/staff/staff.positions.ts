/**
 * The positions a new company starts with. The 客服主管 description is the seed document's
 * 岗位说明书, 岗位职责 and 工作规范, word for word (the document's obvious slips — 贯彻着, 未住户,
 * 下调 — are kept as 贯彻者, 为住户, 协调 where the meaning is unambiguous).
 */
export interface PositionSeed {
  code: string;
  name: string;
  level: string | null;
  superior: string | null;
  jobFamily: string | null;
  characteristics: string | null;
  authorities: string | null;
  qualifications: string | null;
  responsibilities: string | null;
  workNorms: string | null;
  workflow: string | null;
}

export const SUPERVISOR_POSITION: PositionSeed = {
  code: 'CS-SUPERVISOR',
  name: '客服主管',
  level: '干事级',
  superior: '各业务处经理',
  jobFamily: '部门主管',
  characteristics:
    '该职位是公司制度、精神的贯彻者和督察者又是公司管理体系的执行者，负责物业公司的行政事务，根据工作计划和任务，组织协调其他各部门工作，并监督检查工作进程和出现的问题；负责组织完成本部门的工作，并计划、总结、监督、检查处理住户投诉，发展与住户之间的友好关系，工作繁忙，工作量大。',
  authorities: [
    '1、对物业公司其他部门的工作有监督检查的权力。',
    '2、对各班组在执行工作计划有监督、检查权。',
    '3、对下属员工有检查、参与和考核权。',
  ].join('\n'),
  qualifications: [
    '1、具备大专以上的学历，或相当于大专学历的知识水平。',
    '2、熟悉物业管理基本理论知识，掌握相关法律法规，并灵活运用。',
    '3、有较强文字处理能力，组织协调和沟通能力。',
    '4、具有宣传教育、组织各类活动及处理一般矛盾的能力。',
    '5、男女不限年龄一般控制在25~45岁，初次任职一般不得超过40岁。',
  ].join('\n'),
  responsibilities: [
    '1、负责管理所辖物业区域的日常业务，纠正各种违章行为，为住户创造一个优美整洁、方便舒适、健康快乐、文明安全的工作和居住环境。',
    '2、树立住户至上、服务第一的观念，及时为住户提供优质服务，并根据有关达标条件，制定计划并组织实施。',
    '3、负责对住户房屋装修申请的审批、监督、检查工作。',
    '4、积极配合公司经营部和文化建设部门，在所管辖物业区域开展各种工作。',
    '5、向住户宣传企业方针政策，协助公安机关和居委会做好社区的安全防范和其他相关工作（如人口普查等）。',
    '6、调查研究、深入了解住户对物业管理服务的意见，处理住户对服务工作提出的意见，重大问题报请公司或集团总部领导处理解决。',
    '7、处理好住户投诉，建立与住户之间的友好关系。',
    '8、对本部门的工作计划完成情况负责；协调各班组在工作中遇到的问题，以保证工作按时完成。',
    '9、监督各班组工作，为住户提供规范化、制度化的优质服务；检查各班组工作情况。',
    '10、完成物业公司经理交办的其他工作。',
  ].join('\n'),
  workNorms: [
    '1、对所管辖物业区域的客服工作管理到位，每天参加晨会上报工作并领受工作任务，积极安排各项工作的落实。',
    '2、对住户房屋装修申请的审批、监督、检查。',
    '3、负责房管员区域的划分，工作的分工和房管员日常工作上的指导协调。',
    '4、检查各区域情况，监督落实各项工作。',
    '5、向住户宣传公司的企业文化，协助各部门做好宣传检查工作。',
    '6、发放业主满意度调查表，了解住户对物业管理服务的意见，处理住户对管理服务工作提出的意见，重大问题报请公司或集团总部领导处理解决。',
    '7、维系客户关系，处理好住户投诉。',
    '8、落实本部门的工作计划，完成进度及时上报：协调各班组在工作中遇到的问题，以保证工作按时完成。',
    '9、监督各班组工作，为住户提供规范化、制度化的优质服务；检查各班组工作情况。',
    '10、对下属员工进行业务技能培训和考核，提高员工素质和效率，定期或不定期组织房管员学习公司相关文件，加强团队建设，提高团队意识。',
    '11、完成物业公司经理交办的其他工作。',
  ].join('\n'),
  workflow: [
    '1、上岗着装佩证',
    '2、工作晨会（班前会）',
    '3、处置',
    '4、行政事务',
    '5、工作日报',
    '6、接受档案',
  ].join('\n'),
};

export const DEFAULT_POSITIONS: PositionSeed[] = [
  SUPERVISOR_POSITION,
  {
    code: 'CS-MANAGER',
    name: '经理',
    level: '部门经理级',
    superior: '物业公司总经理',
    jobFamily: '管理',
    characteristics: '负责业务处的全面管理，审核客服主管的计划、日报与总结，组织对客服主管的考核。',
    authorities: '1、对客服主管的工作有指导、检查和考核权。\n2、对申诉有裁决权。',
    qualifications: null,
    responsibilities:
      '1、审核客服部工作计划、日报、周报与月度总结。\n2、按月组织对客服主管的考核并公示结果。\n3、处理重大投诉与跨部门协调。',
    workNorms: null,
    workflow: null,
  },
  {
    code: 'HOUSING-OFFICER',
    name: '房管员',
    level: '员工级',
    superior: '客服主管',
    jobFamily: '客户服务',
    characteristics: '负责责任区域内的房屋巡查、空置房检查、装修巡查，跟进住户报修与投诉。',
    authorities: '1、对责任区域内的违章行为有劝阻、登记和上报权。',
    qualifications: '1、中专以上学历。\n2、熟悉物业管理基本知识，善于沟通。',
    responsibilities:
      '1、按巡查规定完成区域巡查、空置房巡查、装修巡查并如实记录。\n2、跟进责任区域内的报修与投诉直至回访完成。\n3、每日向客服主管报告工作情况。',
    workNorms: null,
    workflow: null,
  },
  {
    code: 'FRONT-DESK',
    name: '前台接待',
    level: '员工级',
    superior: '客服主管',
    jobFamily: '客户服务',
    characteristics: '负责客服中心前台接待，受理住户报修、投诉与来访登记。',
    authorities: null,
    qualifications: '1、中专以上学历。\n2、普通话标准，服务意识强。',
    responsibilities:
      '1、受理并登记住户报修、投诉、咨询。\n2、及时派单并跟踪处理进度。\n3、做好来访登记与交接班记录。',
    workNorms: null,
    workflow: null,
  },
];
