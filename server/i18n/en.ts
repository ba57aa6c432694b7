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
  },
  role: { student: 'student', assistant: 'assistant', teacher: 'teacher' },
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
