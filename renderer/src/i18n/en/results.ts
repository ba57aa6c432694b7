/** English wording of the dashboard's results namespace (the source every translation mirrors). */
export const results = {
  title: 'Results',
  downloadCsv: 'Download CSV',
  noActivity: {
    title: 'No activity yet',
    body: "Create an activity for your class first: <go>Activities → New activity</go>. Each student's results (time played, levels completed, answers, scores) appear here as they play.",
  },
  nobodyPlayed: {
    title: 'Nobody has played this activity yet',
    withCode:
      "Start the game on a student's computer with tracking code <code>{{code}}</code> and this collector's address from <go>Connect</go>. Results appear here as the students play.",
    withoutCode:
      "Start the game on a student's computer with its tracking code and this collector's address from <go>Connect</go>. Results appear here as the students play.",
  },
  /** Said of a class with no name, where the class's name goes. */
  theClass: 'the class',
  finished_one: '<strong>{{percent}}</strong> of {{count, number}} player finished the game.',
  finished_other: '<strong>{{percent}}</strong> of {{count, number}} players finished the game.',
  otherClass_one:
    'Not counted: {{count, number}} student of another class, who played with this activity\'s tracking code (marked "not in {{className}}").',
  otherClass_other:
    'Not counted: {{count, number}} students of another class, who played with this activity\'s tracking code (marked "not in {{className}}").',
  notStartedLast_one: 'Not started yet: {{count, number}} student of {{className}}, listed last.',
  notStartedLast_other: 'Not started yet: {{count, number}} students of {{className}}, listed last.',
  notStartedOnly_one: 'Not started yet: {{count, number}} student of {{className}}.',
  notStartedOnly_other: 'Not started yet: {{count, number}} students of {{className}}.',
  notStartedLastSince_one: 'Not started yet since {{time}}: {{count, number}} student of {{className}}, listed last.',
  notStartedLastSince_other: 'Not started yet since {{time}}: {{count, number}} students of {{className}}, listed last.',
  notStartedOnlySince_one: 'Not started yet since {{time}}: {{count, number}} student of {{className}}.',
  notStartedOnlySince_other: 'Not started yet since {{time}}: {{count, number}} students of {{className}}.',
  /** Results of every lesson, or of the one since the activity was last opened again (as Live's "this lesson"). */
  lesson: {
    show: 'Show',
    current: 'this lesson, since {{time}}',
    all: 'all lessons',
  },
  nobodyThisLesson: {
    title: 'Nobody has played this lesson yet',
    body: 'No game has sent anything since {{time}}, when the activity was opened again. The earlier lessons are under Show: all lessons.',
  },
  columns: {
    player: 'Player',
    sessions: 'Sessions',
    timePlayed: 'Time played',
    progress: 'Progress',
    completed: 'Completed',
    correct: 'Correct',
    incorrect: 'Incorrect',
    bestScore: 'Best score',
    lastScore: 'Last score',
  },
  seconds: '{{count, number}} s',
  minutes: '{{count, number}} min',
  percent: '{{value, number}} %',
  score: '{{value, number(useGrouping: false)}}',
  otherClassBadge: 'not in {{className}} — {{classes}}',
  otherClassTitle: "Logged in with this activity's tracking code, but not a student of {{className}}: not counted in the class figures",
  notStartedBadge: 'not started',
  notStartedTitle: 'A student of the class with no session in this activity yet',
  answersTo: 'Answers to {{name}}',
  chosen: 'chosen',
  answerFigure: '{{response}}: {{count, number}}',
  levels: {
    title: 'Levels and quizzes',
    wholeGame: '{{name}} (whole game)',
    playersCompleted: 'players completed',
    averageScore: 'average score',
    figures_one: '{{name}}: {{count, number}} completed',
    figures_other: '{{name}}: {{count, number}} completed',
    figuresWithScore_one: '{{name}}: {{count, number}} completed · average score {{score}}',
    figuresWithScore_other: '{{name}}: {{count, number}} completed · average score {{score}}',
  },
  erase: {
    open: "Erase this player's data…",
    statements_one: '{{count, number}} statement',
    statements_other: '{{count, number}} statements',
    sessions_one: '{{count, number}} session',
    sessions_other: '{{count, number}} sessions',
    erased: 'Erased {{statements}} and {{sessions}}. Backups made before the erasure still hold the data (Settings → Backups).',
    /** Erased in one activity, where the last of the player's data was: their player record went with it. */
    erasedLast:
      'Erased {{statements}} and {{sessions}}: the last of their data, so the player went too. Backups made before the erasure still hold the data (Settings → Backups).',
    panel: 'Erase data',
    intro:
      "<strong>Erase {{label}}'s data.</strong> Their statements, sessions, results and alerts are removed for good (exports and uploads will not have them); the erasure is logged without their name. This cannot be undone.",
    where: 'Where',
    whereLabel: 'Erase where',
    everywhere: 'everywhere (and the player itself)',
    onlyIn: 'only in {{name}}',
    /** Erasing in one activity the last of the player's data: the player record goes too (said before confirming). */
    lastData: 'That is the last of their data: the player goes too, and is no longer listed on Players.',
    understand: 'I understand this cannot be undone',
    erase: 'Erase',
    cancel: 'Cancel',
  },
};
