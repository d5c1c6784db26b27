export default {
  title: '物业客服部管理系统',
  subtitle: '报修 · 投诉 · 工作任务 · 房产档案 · 考核',
  username: '用户名',
  password: '密码',
  login: '登录',
  usernameRequired: '请输入用户名',
  passwordRequired: '请输入密码',
  demoHint: '演示账号：admin / manager / supervisor / officer / frontdesk / owner，密码均为 demo1234',
};
