/** English wording of the dashboard's live namespace (the source every translation mirrors). */
export const live = {
  title: 'Live',
  facts: {
    open: 'Code <code>{{code}}</code> · open',
    closed: 'Code <code>{{code}}</code> · closed: new games cannot join',
  },
  noActivity: {
    title: 'No activity yet',
    body:
      "Create an activity for your class first: <activities>Activities → New activity</activities>. Then point the students' games at Aula with the address and tracking code on the <connect>Connect</connect> screen.",
  },
  noSession: {
    title: 'No game has connected yet',
    body:
      "Start the game on a student's computer with tracking code <code>{{code}}</code> and this collector's address from <connect>Connect</connect>. Sessions appear here as soon as a game starts.",
  },
  toolbar: {
    legend: 'Filter sessions',
    find: 'Find a player',
    findPlaceholder: 'name or username',
    show: 'Show',
    all: 'all sessions ({{count}})',
    lesson: 'this lesson, since {{time}} ({{count}})',
    active: 'active ({{count}})',
    idle: 'idle ({{count}})',
    finished: 'finished ({{count}})',
    ended: 'ended ({{count}})',
  },
  idleAfter: {
    fromRule: 'Idle after {{minutes, number(maximumFractionDigits: 2)}} min, as the Idle alert of this activity (<alerts>change it in Alerts</alerts>)',
    byDefault:
      'Idle after {{minutes, number(maximumFractionDigits: 2)}} min, the default while the Idle alert of this activity is off (<alerts>change it in Alerts</alerts>)',
  },
  columns: {
    player: 'Player',
    number: 'Session',
    started: 'Started',
    lastSeen: 'Last seen',
    statements: 'Statements',
    lastAction: 'Last action',
    progress: 'Progress',
    result: 'Result',
  },
  ended: 'ended {{time}}',
  nothingYet: 'nothing yet',
  noMatch: 'No session matches these filters.',
  /** Live holds the server's most recent sessions (500): an activity used all term has more. */
  cut: 'Only the {{shown, number}} most recent sessions are listed and counted here; <results>Results</results> counts every session of this activity, and <data>Data</data> exports the statements of all of them.',
  refusedBatches_one: '{{count, number}} batch refused',
  refusedBatches_other: '{{count, number}} batches refused',
  /** The class of an activity whose class has no name (yet) in the answer. */
  theClass: 'the class',
  // How long a game has been silent, and how long ago something happened (format/idle.ts).
  duration: {
    justNow: 'just now',
    seconds: '{{seconds}} s',
    minutes: '{{minutes}} min',
    hoursMinutes: '{{hours}} h {{minutes}} min',
    hours: '{{hours}} h',
    days: '{{days}} d',
    ago: '{{duration}} ago',
  },
  lastSeen: {
    idle: 'idle {{duration}}',
    finished: 'finished {{duration}} ago',
  },
  // What a screen reader says by itself (live-news.ts).
  news: {
    started: 'New session: {{name}}.',
    startedMany: '{{n, number}} new sessions: {{names}}.',
    idle: 'Idle now: {{name}}.',
    idleMany: '{{n, number}} sessions idle now: {{names}}.',
    andMore: '{{shown}} and {{n, number}} more',
  },
  notStarted: {
    title_one: 'Not started yet: {{missing, number}} of {{count, number}} student of {{className}}',
    title_other: 'Not started yet: {{missing, number}} of {{count, number}} students of {{className}}',
    titleSince_one: 'Not started yet since {{since}}: {{missing, number}} of {{count, number}} student of {{className}}',
    titleSince_other: 'Not started yet since {{since}}: {{missing, number}} of {{count, number}} students of {{className}}',
    lessonBegan: 'This lesson began when the activity was opened again: a student who played only before is listed.',
    hint:
      "A student playing without logging in shows above as an animal name, not here; a student whose login failed in the last hour (and who has not logged in since), or whom another class's activity refused (its tracking code typed by mistake), is named first, with when, then one playing another activity (its tracking code typed by mistake?), and every failed login is on <diagnostics>Diagnostics</diagnostics>.",
    loginFailed: 'login failed {{ago}}',
    loginFailedTimes: 'login failed {{n, number}} times, last {{ago}}',
    loggedInAfterFailing_one: 'logged in {{ago}}, after a failed login',
    loggedInAfterFailing_other: 'logged in {{ago}}, after {{count, number}} failed logins',
    playing: 'playing {{activity}} (code {{code}}), {{ago}}',
    refused: 'refused by {{activity}} (code {{code}}), {{ago}}',
    refusedTimes: 'refused {{n, number}} times by {{activity}} (code {{code}}), last {{ago}}',
  },
  outsiders: {
    title_one: 'Playing here, not in {{className}}: {{count, number}} student',
    title_other: 'Playing here, not in {{className}}: {{count, number}} students',
    hint:
      "They logged in with this activity's tracking code: if it was by mistake, their game must start again with their own class's code. What they sent stays in this activity (its Results and exports) unless you erase it from this activity on their page (their name above).",
    noClass: 'in no class',
    class_one: 'class {{list}}',
    class_other: 'classes {{list}}',
    noneOpen: "{{classes}}; none of their classes' activities is open",
    plays: '{{classes}} — their class plays {{open}}',
    openActivity: '{{name}}, code {{code}}',
  },
};
