/**
 * The admin API's teacher-facing messages in English: the source, word for word what the server always said (the CLI,
 * scripts and tests read these). es.ts is typed against it, so a key missing in Spanish fails the type check.
 * `{{value}}` is filled as given (no HTML escaping: the answer is JSON, the dashboard escapes what it shows).
 */
export const en = {
  class: {
    exists: 'A class named "{{name}}" already exists',
    existsCaseless: '{{problem}} (class names are compared without regard to case).',
    notFound: 'There is no such class.',
    inUse_one:
      'Class {{name}} is not deleted: activity {{activities}} is linked to it. An activity with traces is not deleted (they are research data): give them another class or none first (Activities screen, Change; or aula activity edit CODE --class NAME or --no-class), delete the ones no game has played, or rename the class instead',
    inUse_other:
      'Class {{name}} is not deleted: {{count}} activities {{activities}} are linked to it. An activity with traces is not deleted (they are research data): give them another class or none first (Activities screen, Change; or aula activity edit CODE --class NAME or --no-class), delete the ones no game has played, or rename the class instead',
    sentence: '{{text}}.',
  },
  student: {
    exists: 'A student with username "{{username}}" already exists',
    existsEverywhere: 'A student "{{username}}" already exists (usernames are unique across all classes).',
    noSuchStudent: 'There is no student "{{username}}". Check the spelling, or add a new account with a password.',
    alreadyInClass: '{{username}} is already in class {{className}}. To change the role, remove {{username}} from the class first, then add again.',
    alreadyInClassAs:
      '{{username}} is already in class {{className}} (as {{role}}). To change the role, remove {{username}} from the class first, then add again.',
    notInClass: 'That student is not in class {{className}} (any more).',
    notFound: 'No student "{{username}}". See: aula student list',
    hasData_one:
      'Nothing deleted: {{username}} still has data in Aula ({{count}} session). Erase it first (aula player erase {{player}} --yes), then delete the account. In the dashboard, the player\'s page erases it.',
    hasData_other:
      'Nothing deleted: {{username}} still has data in Aula ({{count}} sessions). Erase it first (aula player erase {{player}} --yes), then delete the account. In the dashboard, the player\'s page erases it.',
  },
  /** A field's own message in a request schema (validate.ts words it in the request's language). */
  field: {
    className: 'Give the class a name',
    existingUsername: 'Give the username of an existing student',
    activityName: 'Give the activity a name',
    activityChange: 'Say what to change: name, classId or allowAnonymous.',
    confirmErasure: 'confirm must be true: an erasure cannot be undone',
  },
  role: { student: 'student', assistant: 'assistant', teacher: 'teacher' },
  activity: {
    notFound: 'There is no such activity (it may have been deleted).',
    unknownClass: 'That class does not exist.',
    noSuch: 'There is no such activity.',
    hasData:
      'Activity {{name}} is not deleted: it has {{sessions}}. Activities with data are not deleted (their traces are research data); close it instead, or rename it. At the end of a study, erase its data first (aula activity erase CODE, or Activities → Change → Erase this activity\'s data…), then delete it',
    sessionsAndStatements: '{{sessions}} and {{statements}}',
    sessions_one: '{{count}} session',
    sessions_other: '{{count}} sessions',
    statements_one: '{{count}} statement',
    statements_other: '{{count}} statements',
  },
  erasure: {
    playerRequired: 'player is required.',
    noPlayer: 'No player with the id "{{player}}".',
    ambiguous: '"{{player}}" names {{count}} players: {{listed}}. Give the playerId of the one to erase.',
    noActivity: 'No activity with the tracking code "{{activity}}".',
    noActivitySeeList: 'No activity with the tracking code "{{activity}}". See: aula activity list',
    playerNoDataHere: 'This player has no data in that activity.',
    playerNoData: 'This player has no data.',
    gamesPlaying_one:
      'Nothing erased: {{count}} game is still playing in {{name}} ({{code}}): sent something in the last {{minutes}} minutes. {{close}}let the students leave the game, and try again in {{minutes}} minutes.',
    gamesPlaying_other:
      'Nothing erased: {{count}} games are still playing in {{name}} ({{code}}): sent something in the last {{minutes}} minutes. {{close}}let the students leave the game, and try again in {{minutes}} minutes.',
    closeFirst: 'Close the activity (aula activity close {{code}}), ',
    activityNoData: 'Nothing to erase: no game has left data in {{name}} ({{code}}).',
    confirmationMismatch: "Type the activity's tracking code, {{code}}, to confirm. Nothing erased.",
    backupsHold: 'Backups made before the erasure still hold the data',
    backupsIn_one: '{{count}} backup in {{folder}} (and any copied elsewhere) were made before the erasure and still hold the data',
    backupsIn_other: '{{count}} backups in {{folder}} (and any copied elsewhere) were made before the erasure and still hold the data',
    backups: '{{held}}: delete those no longer needed (Settings → Backups, or aula backup list and aula backup delete NAME).',
  },
  data: {
    unknownExport: 'No export with that name is running.',
    uploadRunning: 'An upload is running already; wait for its summary.',
    notZip: 'Send the bundle as the request body with Content-Type: application/zip.',
    bundleTooLarge: 'The bundle is larger than {{max}} bytes.',
    importRunning: 'An import is running already; wait for its report.',
    diskFull: 'The disk is full: the bundle could not be received, and nothing of it was imported. Free some space and import it again.',
    emptyBody: 'The request carried no bundle.',
  },
  player: {
    notFound: 'There is no such player.',
    noStudent: 'There is no student "{{username}}".',
    searchOne: 'Expected one search text (q).',
    searchTooLong: 'The search text (q) is longer than {{max}} characters.',
  },
  credentials: {
    usernameEmpty: 'the username is empty',
    usernameTooLong: 'the username is longer than 64 characters',
    usernameCharacters: 'the username "{{username}}" may only hold letters a-z, digits and . _ - (no spaces or accents)',
    passwordEmpty: 'the password is empty',
    passwordTooLong: 'the password is longer than {{max}} characters',
    passwordSpaces: 'the password starts or ends with a space',
    passwordCharacters: 'the password contains " or \\ or a control character',
    notEmail: '"{{email}}" is not an e-mail address',
  },
  roster: {
    passwordOfStudent: '{{problem}} (student "{{username}}")',
    usernameTwice: 'the username "{{username}}" appears twice',
    usernameTwiceFirstOn: 'the username "{{username}}" appears twice (first on line {{line}})',
    studentExists: 'a student "{{username}}" already exists',
    notCsv: 'the file is not valid CSV ({{detail}})',
    columns: 'expected username,password[,name] but found {{found}} columns',
    usernameMissing: 'the username is missing',
    passwordMissing: 'the password of "{{username}}" is missing',
    notCsvText: 'Send the roster as CSV text (Content-Type: text/csv).',
    empty: 'The file holds no students: one per line, username,password[,name].',
    nothingImported_one: 'Nothing was imported: {{count}} problem to fix in the file.',
    nothingImported_other: 'Nothing was imported: {{count}} problems to fix in the file.',
  },
  request: {
    invalid: 'invalid request',
    wholeNumber: 'Expected a whole number from {{min}} to {{max}}.',
    noEndpoint: 'No such dashboard API endpoint.',
    tooLarge: 'The request body is too large.',
    unreadable: 'The request could not be read (is it valid JSON?).',
    internal: 'Something went wrong in Aula; the details are in its log.',
  },
} as const;

export type EnglishCatalog = typeof en;
