export default {
  greeting: '您好，{name}',
  projects: '负责项目',
  flowTitle: '客服主管工作流程',
  flow: {
    dress: { title: '上岗着装佩证', text: '按规定着装、佩戴工牌上岗' },
    meeting: { title: '工作晨会（班前会）', text: '参加晨会上报工作，领受并安排工作任务' },
    handle: { title: '处置', text: '处理报修、投诉，巡查各区域并督促落实' },
    admin: { title: '行政事务', text: '审核装修申请、协调各班组、处理交办事项' },
    daily: { title: '工作日报', text: '每天做日报上交经理' },
    archive: { title: '接受档案', text: '整理、接收档案资料，每月初上交存档' },
  },
};
