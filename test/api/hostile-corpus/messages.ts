/** Answers of contract rage-collector.md §11 and §6.4, written out from the contract (not imported from the server). */
const m = (text: string): string => JSON.stringify({ message: text });

export const M = {
  json: m('Request body is not valid JSON'),
  tooLarge: m('Request body is too large'),
  tooDeep: m('Request body is nested too deeply (more than 64 levels of arrays and objects)'),
  numberOutOfRange: m('Request body has a number too large to store (beyond ±1.7976931348623157e308)'),
  notArray: m('Statements must be an array!'),
  token: m('Unknown or missing authToken'),
  bearer: m("Authorization header found but the expected format is 'Bearer JSON Web Token' obtained by logging in to A2"),
  a2Token: m("Token doesn't exist, login into the system so it can generate a new token."),
  noCode: m('Tracking code not available!'),
  notStarted: m('Activity is not started'),
  notAuthorizedJoin: m('Not authorized to join this activity'),
  notFound: m('Not found'),
  success: m('Success.'),
  missingCredentials: m('Missing credentials'),
  wrongCredentials: m('Password or username are incorrect'),
  anonymousType: m('The anonymous field must be a string with a playerId returned by a previous start'),
  noAnonymous: (id: string) =>
    m(`No anonymous player found with id ${id}. Start a new anonymous session without providing any body in this request.`),
  invalid: (index: number, reason: string) => m(`Statement ${index} doesn't have a valid format. Error: ${reason} for statement ${index}`),
  invalidExtension: (index: number, key: string) =>
    m(`Statement ${index} doesn't have a valid format. Error: Extension ${key} cannot end with / for result of statement ${index}`),
};

/** xAPI answers (xapi.md ): `{"message":…}` naming the statement and the JSON path. */
export const X = {
  json: m('The body is not valid JSON'),
  contentType: m('Content-Type must be application/json'),
  tooLarge: m('Request body is too large'),
  numberOutOfRange: m('The body has a number too large to store (beyond ±1.7976931348623157e308)'),
  invalidAt: (index: number, pointer: string) => new RegExp(`^\\{"message":"Statement ${index} is invalid: ${pointer.replaceAll('/', '\\/')}[ /]`),
};
