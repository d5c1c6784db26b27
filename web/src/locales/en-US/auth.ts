export default {
  title: 'Property customer service',
  subtitle: 'Repairs · complaints · tasks · property register · assessment',
  username: 'Username',
  password: 'Password',
  login: 'Sign in',
  usernameRequired: 'Enter your username',
  passwordRequired: 'Enter your password',
  demoHint: 'Demo logins: admin / manager / supervisor / officer / frontdesk / owner, password demo1234',
};
