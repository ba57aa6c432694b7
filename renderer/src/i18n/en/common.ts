/** English wording of what every screen shares: the header, the navigation, the shared components and states. */
export const common = {
  brand: 'Aula',
  skipToContent: 'Skip to content',
  languageLabel: 'Language',
  nav: {
    label: 'Screens',
    live: 'Live',
    activities: 'Activities',
    alerts: 'Alerts & Warnings',
    classes: 'Classes',
    results: 'Results',
    players: 'Players',
    statements: 'Statements',
    connect: 'Connect',
    diagnostics: 'Diagnostics',
    data: 'Data',
    settings: 'Settings',
  },
  totals: {
    statements_one: '<strong>{{count, number}}</strong> statement',
    statements_other: '<strong>{{count, number}}</strong> statements',
    liveTitle:
      "Live: sessions Live shows active: not ended, their game silent for less than the activity's Idle alert minutes, or 3 minutes while that alert is off",
    live: '<strong>{{live, number}}</strong> live / {{sessions, number}} sessions',
    players_one: '<strong>{{count, number}}</strong> player',
    players_other: '<strong>{{count, number}}</strong> players',
    students_one: '{{count, number}} student',
    students_other: '{{count, number}} students',
    xapiPlayers_one: '{{count, number}} xAPI player',
    xapiPlayers_other: '{{count, number}} xAPI players',
    anonymous_one: '{{count, number}} anonymous',
    anonymous_other: '{{count, number}} anonymous',
    refusedTitle: 'Requests from games that Aula refused: Diagnostics lists them with what to do',
    refused: '{{count, number}} refused',
  },
  connection: {
    live: 'live',
    connecting: 'connecting…',
    offline: 'offline — retrying',
  },
  /** The API client's own words, when the server's answer has none. */
  api: {
    unreachable: 'Aula is not answering. Is the collector still running?',
    answered: 'Aula answered {{status}}.',
  },
  screenFailed: 'This screen failed to show.',
  notFound: {
    title: 'Not found',
    body: 'There is no screen at {{path}}.',
    back: 'Back to Live',
  },
  states: {
    error: 'Something went wrong.',
    tryAgain: 'Try again',
    loading: 'Loading…',
  },
  confirm: {
    close: 'Close',
    cancel: 'Cancel',
  },
  copy: {
    copy: 'Copy',
    copied: 'Copied ✓',
    failed: 'Copy failed',
    copiedStatus: 'Copied to the clipboard',
    failedStatus: 'Could not copy',
  },
  player: {
    anonymous: 'anonymous',
    anonymousTitle: 'Played without logging in',
    xapi: 'xAPI',
    xapiTitle: 'Named by an xAPI game (its name, e-mail or account), not a student of the roster',
    student: 'student',
    studentTitle: 'Logged in as a student of the roster',
  },
  qrFailed: 'The QR code could not be drawn; use the address and code instead.',
  chart: {
    label: 'Statements per minute, last {{minutes}} minutes: {{total, number}} in total',
    caption: 'Statements per minute',
    window: '(last {{minutes}} min: {{total, number}})',
    series: 'Statements',
  },
  activityPicker: {
    label: 'Activity',
    closed: '{{name}} (closed)',
    /** An activity and a screen's word about it (Alerts: its alerts and warnings). */
    withNote: '{{name}} — {{note}}',
  },
  classField: {
    label: 'Class',
    none: 'no class (anyone)',
  },
  progress: {
    label: 'Progress {{percent}}',
  },
};
