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
    existsJoinInstead:
      'A student "{{username}}" already exists (usernames are unique across all classes). To put that account in class {{className}} too, use Add an existing student below.',
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
    gamesPlaying_one:
      'Nothing erased: {{count}} game is still playing in {{name}} ({{code}}): sent something in the last {{minutes}} minutes. {{next}}',
    gamesPlaying_other:
      'Nothing erased: {{count}} games are still playing in {{name}} ({{code}}): sent something in the last {{minutes}} minutes. {{next}}',
    /** What to do next: close the activity first while it is open; once it is closed, the sentence starts at the students. */
    closeFirst: 'Close the activity (aula activity close {{code}}), let the students leave the game, and try again in {{minutes}} minutes.',
    leaveFirst: 'Let the students leave the game, and try again in {{minutes}} minutes.',
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
    kindOne: 'The kind of player (kind) is one of: {{kinds}}.',
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
  /** The Data screen's upload to an LRS and its connection test (server/upload; the CLI reads the English). */
  upload: {
    keyField: 'the Key field',
    secretField: 'the Secret field',
    keyDiffers: 'The key in the endpoint URL differs from {{key}}: give it once, with {{key}}.',
    secretDiffers: 'The secret in the endpoint URL differs from {{secret}}: give it once, with {{secret}}.',
    keyNeeded: 'The LRS key is needed: {{key}}.',
    secretNeeded: 'The LRS secret is needed: {{secret}}.',
    notUrl: "The endpoint is not a URL: give the LRS's xAPI endpoint, e.g. https://lrs.example.org/xAPI",
    notHttp: 'The endpoint must be an http(s) URL, e.g. https://lrs.example.org/xAPI',
    redirects:
      '{{endpoint}} redirects to {{to}}: give that address as the endpoint (an upload cannot follow a redirect: the key, the secret and the statements would not go along).',
    redirectNoAddress: "{{endpoint}} answered {{status}} (a redirect without an address): check the endpoint with the LRS's administrator.",
    aboutAnswered: '{{endpoint}}/about answered {{status}}: is this the xAPI endpoint?',
    connected: 'Connected.',
    connectedVersions: 'Connected (xAPI {{versions}}).',
    cannotReach: 'Cannot reach {{endpoint}}: {{cause}}',
    lockHeld:
      'Another upload from this data folder is running (aula upload, or Data → Upload in the dashboard). Wait for its summary, then run it again: it sends what is still pending.',
    answeredWithoutIds: 'The LRS answered 200 without the ids sent: {{text}}',
    answered: 'The LRS answered {{status}}: {{text}}',
    credentials: 'The LRS refused the credentials ({{status}}). Check the key and secret.',
    unreachable: 'The LRS could not be reached ({{problem}}). Nothing is lost: run the upload again to resume.',
    waitAnswered: 'the LRS answered {{status}}',
    choice:
      'Nothing sent. {{sent}} statements went to this LRS (key "{{username}}") {{before}}; sending the rest {{now}} would give each student a second identity there. Make the same choice as before, or upload to another LRS store (another key).',
    choiceBeforePseudonymised: 'pseudonymised (--pseudonymize, Pseudonymise usernames)',
    choiceBeforeIdentified: 'with usernames and playerIds (without --pseudonymize)',
    choiceNowPseudonymised: 'pseudonymised',
    choiceNowIdentified: 'with usernames and playerIds',
  },
  /** A statement's problem in an upload's summary (server/upload/uploader.ts; stored and printed in English). */
  uploadProblem: {
    notValid: 'not valid xAPI: {{problem}}',
    lrs: 'LRS {{status}}: {{message}}',
    differs: 'the LRS holds a different statement with this id',
    differsVoided: 'the LRS holds a different statement with this id (voided there)',
    already: 'already in the LRS',
    alreadyVoided: 'already in the LRS, voided there',
    existsUnverified: 'exists upstream, not verified',
  },
  /** The bundle import's refusals (server/import; `aula import` reads the English). */
  import: {
    notZip: 'This file is not a zip bundle ({{detail}}).',
    noManifest: 'This zip has no manifest.json: it is not an Aula bundle.',
    manifestTooLarge: 'manifest.json is too large.',
    unreadableZip: 'This zip cannot be read ({{detail}}).',
    missingFile: '{{name}} is listed in the manifest but missing from the bundle.',
    damagedFile: '{{name}} cannot be read ({{detail}}): the bundle is damaged.',
    hashMismatch: '{{name}} does not match its SHA-256 in the manifest: the bundle was changed or damaged after export.',
    rowCount: '{{name}} has {{lines}} rows but the manifest counts {{expected}}.',
    noFile: 'The bundle has no {{name}}.',
    lineTooLong: '{{name}} line {{line}} is longer than {{mib}} MiB, more than any row Aula writes.',
    sizeMismatch: '{{name}} is {{inZip}} bytes in the zip but {{inManifest}} in the manifest: the bundle was changed or damaged after export.',
    tablesTooLarge: "The bundle's tables (players, sessions…) take {{bytes}} bytes, more than the {{max}} import holds in memory.",
    lineNotJson: '{{name}} line {{line}} is not valid JSON.',
    manifestNotJson: 'manifest.json is not valid JSON.',
    notAulaBundle: 'This zip is not an Aula bundle (its manifest names no aula-bundle format).',
    newerFormat: 'This bundle was made by a newer Aula (bundle format {{format}}; this Aula reads {{ours}}). Update Aula on this computer, then import again.',
    manifestIncomplete: 'manifest.json is incomplete ({{path}}: {{detail}}).',
    newerSchema:
      'This bundle was made by Aula {{version}} with database schema {{schema}}; this Aula knows schema {{ours}}. Update Aula on this computer, then import again.',
    notListed: 'The manifest does not list {{name}}.',
    badRow: '{{name}} row {{line}}: {{path}} {{detail}}',
    rowNotIri: 'not an absolute IRI',
    diskFull:
      'The disk is full: the import stopped after {{done, number}} of {{total, number}} statements. What was imported is kept and consistent; free some space and import the same bundle again to add the rest.',
  },
  /** Who may use the dashboard's API (server/http/teacher-refusal.ts, server/admin/loopback-only.ts). */
  access: {
    how: "On another device, open {{page}} and enter the teacher key shown in Settings of the dashboard on the computer running Aula (scripts: send 'Authorization: Bearer <teacher key>').",
    tooMany: 'Too many wrong teacher keys from this address; try again in {{seconds}} s.',
    wrongKey: 'That is not the teacher key. {{how}}',
    keyChanged: 'The teacher key has changed since this device entered it. {{how}}',
    noKey: "The dashboard is the teacher's. {{how}}",
    foreignHost:
      "This request reached Aula on this computer under another site's name (its Host header), as a web page that renamed itself to this computer would. On this computer, open the dashboard at http://127.0.0.1 or http://localhost with Aula's port; through a proxy or another name, send the teacher key.",
    crossSite: "The dashboard's data can only be changed from the dashboard itself, not from another web page.",
  },
  settings: {
    mdnsBody: 'Send {"enabled": true} or {"enabled": false}.',
  },
  backup: {
    diskFull: 'The backup could not be written: the disk is full. Free some space and try again.',
    failed: 'The backup could not be written: {{detail}}',
    invalidName: '"{{name}}" is not the name of a backup in {{folder}}: give a name as aula backup list shows it (aula-….sqlite), without a folder.',
    notFound: 'There is no backup {{name}} in {{folder}}. See: aula backup list',
  },
  /** A bundle import's notes, row by row, as the Data screen lists them (server/import). */
  importNote: {
    erased: 'erased here (aula player erase or aula activity erase): not imported again',
    mergedClass: 'merged with the class "{{name}}" here',
    mergedGame: 'merged with the game "{{title}}" here',
    versionNoGame: 'its game is not in the bundle',
    versionCodeChanged: 'tracking code {{code}} is used here; the game version got {{newCode}}',
    activityNoGame: '"{{name}}": its game is not in the bundle',
    activityCodeChanged: '"{{name}}": tracking code {{code}} is used here; it got {{newCode}}',
    mergedPlayer: 'merged with the player {{player}} here',
    gameplayMissing: 'its player, activity or game version is not in the bundle',
    sessionMissing: 'its gameplay, player or game version is not in the bundle',
    renumbered: 'attempt {{number}} of this player was another attempt here; stored as attempt {{newNumber}}',
    statementConflict: 'a different statement with this id is stored here; kept as it is here',
    statementMissing: 'its session, activity or player is not in the bundle',
    statementReserved: 'its id is reserved for a statement this installation has not stored yet',
    rulesUnreadable: '"{{name}}": its rules could not be read ({{detail}}) and were left out',
    rulesTaken: '"{{name}}": had no rules here; took the bundle\'s',
    rulesKept: '"{{name}}": kept the rules set here; the bundle\'s differ',
    attachmentUnreadable: 'unreadable attachment row',
    attachmentControl: 'its attachment {{sha2}} has a content type with control characters (line breaks), which no header may hold',
    attachmentNoData: 'its attachment {{sha2}} does not have the data its hash names',
  },
  /** An export's or upload's filter naming nothing here (server/export/filters.ts; the CLI reads the English). */
  filter: {
    noActivity: 'No activity with tracking code "{{code}}"',
    noActivityMeant: 'No activity with tracking code "{{code}}" (did you mean {{meant}}?)',
    noClass: 'No class named "{{name}}"',
    noSession: 'No session with id {{id}}',
    noPlayer: 'No player with id "{{typed}}" (nor an xAPI player with that e-mail address or account name)',
    ambiguousPlayer: '"{{typed}}" names {{players}} players: {{listed}}. Give one of these playerIds with --player',
  },
  /**
   * An export's options refused as the Data screen words them: its fields, not the CLI's flags. The admin API's English
   * answer stays the CLI's sentence (export-options.ts, filters.ts); these are the source of the other languages.
   */
  exportOption: {
    sinceField: '"Stored from"',
    untilField: '"until"',
    notTime: '{{field}} is not a date and time: choose one in its calendar, or leave it empty.',
    sinceNotBeforeUntil:
      '"Stored from" is not before "until": no statement could match (the time "Stored from" names is included, the one "until" names is not). Change one of the two, or leave one empty.',
    notSession: '"{{value}}" is not a session id: a session is given by its id, a whole number such as 12.',
    asReceivedFormat: 'Only ndjson and json can hold the statements as received, not {{format}}.',
    asReceivedPseudonymised: 'The statements as received cannot be pseudonymised: as the games sent them, they name the players. Leave out one of the two.',
  },
  request: {
    invalid: 'invalid request',
    lessonOne: 'The lesson (lesson) is current (since the activity was last opened again) or all (every lesson, as without it).',
    wholeNumber: 'Expected a whole number from {{min}} to {{max}}.',
    noEndpoint: 'No such dashboard API endpoint.',
    tooLarge: 'The request body is too large.',
    unreadable: 'The request could not be read (is it valid JSON?).',
    internal: 'Something went wrong in Aula; the details are in its log.',
  },
} as const;

export type EnglishCatalog = typeof en;
