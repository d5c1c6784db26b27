export default {
  title: 'Owner services',
  welcome: 'Welcome',
  intro: 'Report a repair, make a complaint, see your homes and bills.',
};
