export default {
  greeting: 'Hello, {name}',
  projects: 'Your projects',
  flowTitle: "The supervisor's working day",
  flow: {
    dress: { title: 'Uniform and badge', text: 'Start the day in uniform with the badge on' },
    meeting: { title: 'Morning meeting', text: 'Report at the morning meeting; receive and hand out tasks' },
    handle: { title: 'Handling', text: 'Repairs, complaints, patrols of the areas' },
    admin: { title: 'Administration', text: 'Renovation approvals, team coordination, assigned matters' },
    daily: { title: 'Daily report', text: 'Send the daily report to the manager' },
    archive: { title: 'Archives', text: 'File the documents; hand them in at the start of each month' },
  },
};
