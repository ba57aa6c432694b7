import type { DiagnosticGroup, DiagnosticItem } from './types';

/** One line the teacher can act on, per group (and per item where the item says more). */
export function groupFix(group: DiagnosticGroup): string {
  switch (group.kind) {
    case 'unknown-code':
      return 'These games use a tracking code no activity has: give them the code shown on the Connect screen (the closest existing code is suggested).';
    case 'activity-closed':
      return 'Open the activity on the Activities screen; games can start as soon as it is open.';
    case 'not-allowed':
      return 'The activity only accepts logged-in students of its class: let anonymous players join, or have students log in first.';
    case 'invalid-track':
      return "The game sends traces Aula cannot accept: its tracker keeps re-sending them and holds back everything the student does after, so the student's progress stops showing. Update the game's tracker, or send the message and sample below to its developer.";
    case 'unknown-token':
      return 'The game uses a session Aula does not know (started on another collector, or before the data was reset): restart the game.';
    case 'login-failed':
      return "Check the student's username and password in the class list, or set a new password.";
    case 'silent-games':
      return 'These games stopped sending: check the game is still running and its computer is awake and on the classroom network.';
    case 'busy':
      return 'More arrived at once than Aula takes in a moment (many games sending what they kept, say when the network came back): these games were told to retry shortly, and most trackers send the same traces again by themselves. If it keeps happening during ordinary play, this computer is too slow for so many games.';
    case 'other':
      return "Refused for the reason shown: what the game was told, or the address it sent to when Aula serves nothing there, or how it connected; each line says what to change where Aula can tell.";
  }
}

export function itemFix(group: DiagnosticGroup, item: DiagnosticItem): string | null {
  if (group.kind === 'unknown-code') return unknownCodeFix(item);
  if (group.kind === 'other' && item.suggestion) {
    const where = item.suggestion.includes(' /xapi/')
      ? "set the game's xAPI endpoint to this computer's address and port followed by /xapi/, with its last slash"
      : "in the game's tracker settings, set the host to http:// with this computer's address and port and nothing after, and the base path to /api/";
    return `Aula answers this at ${item.suggestion}: ${where}.`;
  }
  if ((group.kind === 'activity-closed' || group.kind === 'not-allowed') && item.activity) return `Activity: ${item.activity}`;
  const fix = DETAIL_FIXES.find(([kinds, start]) => kinds.includes(group.kind) && item.detail.startsWith(start))?.[2];
  if (group.kind !== 'other') return fix ?? null;
  // A refusal under Other may come from any activity: it is named, as the closed and not-allowed starts are.
  if (!fix) return item.activity ? `Activity: ${item.activity}` : null;
  return item.activity ? `${fix} Activity: ${item.activity}` : fix;
}

/**
 * What to do about the refusals the games' developers meet first, by the group and the start of the message the game
 * was told (the RAGE texts say "A2" and not what to change). The messages are the collector's catalogue (contract §11)
 * and the xAPI resource's.
 */
const DETAIL_FIXES: [kinds: DiagnosticGroup['kind'][], start: string, fix: string][] = [
  [
    ['other'],
    "Authorization header found but the expected format is 'Bearer JSON Web Token'",
    "The game started with an Authorization header that is not a student's login token from this Aula (expired after 7 days, from another laptop, or not 'Bearer <token>'): log the student in again, or start without it.",
  ],
  [
    ['other'],
    'No anonymous player found with id',
    'The game handed back a playerId this Aula does not know (from another laptop, or erased): start without it, and keep the playerId the new start answers.',
  ],
  [
    ['other'],
    'The anonymous field must be a string',
    'The game sent {"anonymous": …} with something other than the playerId string of an earlier start: send that string, or nothing.',
  ],
  [['other'], "Token doesn't exist", "The student's login was ended by logging out or a new password: log in again, then start."],
  [
    ['other', 'invalid-track'],
    'Request body is not valid JSON',
    'The game sent a body that is not JSON: check how it builds the request (a statement array on track, {} or nothing on start).',
  ],
  [
    ['other'],
    'A game connected with https://',
    "Set the game's host with http:// in front and the port after, e.g. http://192.168.1.10:3000/ (js-tracker without http:// uses https).",
  ],
  [
    ['other'],
    'No xAPI resource at',
    "The game's xAPI endpoint is wrong: set it to this computer's address and port followed by /xapi/ (statements then go to /xapi/statements).",
  ],
  [['other'], 'Unknown or revoked xAPI credentials', "Give the game the key and secret shown under For xAPI games on the activity's card (Connect screen)."],
  [
    ['other'],
    'Missing HTTP Basic credentials',
    "The game sent no key and secret: set its xAPI authentication to HTTP Basic (js-tracker 1.x: oauth_type 'OAuth1') with the key and secret shown under For xAPI games on the activity's card (Connect screen).",
  ],
  [
    ['unknown-token'],
    'No authToken:',
    "Not a session Aula forgot: the game sends traces before its start succeeded, or without the start's authToken. Start first, then send that authToken as the Authorization header of every track (the trackers do both).",
  ],
  [['invalid-track'], 'Statements must be an array!', 'Send the statements as a JSON array, [ … ], even a single one, and never an empty one.'],
  [['invalid-track'], 'Missing X-Experience-API-Version header', 'Send the header X-Experience-API-Version: 1.0.3 (or 2.0.0) with every xAPI request.'],
  [
    ['invalid-track'],
    'Unsupported X-Experience-API-Version',
    'Send X-Experience-API-Version 1.0.3 (any 1.0.x) or 2.0.0: the versions of xAPI Aula speaks.',
  ],
  [['invalid-track'], 'Request body is too large', 'One request was over 8 MB: send the statements in smaller batches.'],
];

/**
 * The closest existing code; and when the code tried is that code with a space, a line break or quotes around it
 * (copied from a document or a chat), so that both look the same on the screen, what differs.
 */
function unknownCodeFix(item: DiagnosticItem): string {
  if (!item.suggestion) return 'No existing code is close to it.';
  const wrapped = item.detail !== item.suggestion && item.detail.replace(/[\s"'`]/g, '') === item.suggestion;
  if (!wrapped) return `Did they mean ${item.suggestion}?`;
  return `Did they mean ${item.suggestion}? The game sent it with a space, a line break or quotes around it: set exactly ${item.suggestion} in the game.`;
}
