/** The message catalogue of contract §11, verbatim: clients and scripts compare these texts. */
export const Messages = {
  bearer: "Authorization header found but the expected format is 'Bearer JSON Web Token' obtained by logging in to A2",
  notAuthorizedJoin: 'Not authorized to join this activity',
  notAuthorizedTrack: 'Not authorized to send traces to this activity',
  a2Token: "Token doesn't exist, login into the system so it can generate a new token.",
  token: 'Unknown or missing authToken',
  noCode: 'Tracking code not available!',
  noAnonymous: (id: string) =>
    `No anonymous player found with id ${id}. Start a new anonymous session without providing any body in this request.`,
  noActivity: 'Activity not found',
  notStarted: 'Activity is not started',
  notArray: 'Statements must be an array!',
  invalid: (index: number, reason: string) =>
    `Statement ${index} doesn't have a valid format. Error: ${reason} for statement ${index}`,
  invalidExtension: (index: number, key: string) =>
    `Statement ${index} doesn't have a valid format. Error: Extension ${key} cannot end with / for result of statement ${index}`,
  anonymousType: 'The anonymous field must be a string with a playerId returned by a previous start',
  json: 'Request body is not valid JSON',
  tooLarge: 'Request body is too large',
  unsupportedEncoding: (encoding: string) =>
    `Request body is sent with Content-Encoding ${encoding}, which Aula cannot read: send it uncompressed, or with gzip, deflate or br`,
  bodyStalled: (seconds: number) => `Request body stopped arriving (nothing for ${seconds} s): send it again`,
  undecodable: (encoding: string) => `Request body is not valid ${encoding} data (its Content-Encoding)`,
  numberOutOfRange: 'Request body has a number too large to store (beyond ±1.7976931348623157e308)',
  tooDeep: (limit: number) => `Request body is nested too deeply (more than ${limit} levels of arrays and objects)`,
  tooManyStarts: 'Too many session starts from this address, retry shortly',
  internal: 'Internal server error',
  success: 'Success.',
  notFound: 'Not found',
  missingCredentials: 'Missing credentials',
  wrongCredentials: 'Password or username are incorrect',
  busy: 'The collector is busy, retry shortly',
  shuttingDown: 'The collector is shutting down, retry shortly',
  storageFull: 'The collector cannot store more data: its disk is full',
} as const;
