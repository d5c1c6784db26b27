export default {
  title: '业主服务',
  welcome: '您好，欢迎使用业主服务',
  intro: '在这里可以报修、投诉、查看您的房屋与账单。',
};
