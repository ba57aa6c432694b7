/** English wording of the dashboard's diagnostics namespace (the source every translation mirrors). */
export const diagnostics = {
  title: 'Diagnostics',
  network: {
    title: 'This computer on the network',
    off: 'Name on the network: off ({{reason}}).',
    name: 'Name on the network: <code>{{hostName}}</code> ({{state}}, {{addresses}})',
    nameNoNetwork: 'Name on the network: <code>{{hostName}}</code> ({{state}}, no network yet)',
    conflict: '{{conflict}} is used by another device, so Aula took {{hostName}}.',
    lastClient: 'Last game or browser from another computer: {{address}} at {{time}}.',
    noClient: 'No other computer has connected since Aula started.',
  },
  /** The LAN name's state, as the server names it (MdnsStatus.state). */
  mdnsState: {
    probing: 'probing',
    announced: 'announced',
    failed: 'failed',
    stopped: 'stopped',
  },
  /** The LAN name's one error Aula words itself (mdns-responder.ts); the system's errors are shown as they come. */
  mdnsNoFreeName: 'No free name found on this network',
  empty: {
    title: 'No connection problems',
    body: 'Refused requests and games that go silent appear here as they happen, each with what to do.',
  },
  /** The groups' titles, by kind (the server's TITLES in English). */
  groups: {
    'unknown-code': 'Starts with an unknown tracking code',
    'activity-closed': 'Starts refused: the activity is closed',
    'not-allowed': 'Starts refused: the activity does not accept these players',
    'invalid-track': 'Traces rejected as invalid',
    'unknown-token': 'Traces with an unknown session (authToken)',
    'login-failed': 'Failed student logins',
    'silent-games': 'Games that went silent',
    busy: 'Games asked to wait: Aula was busy',
    other: 'Other refused requests',
  },
  columns: {
    lastSeen: 'Last seen',
    last: 'Last',
    player: 'Player',
    codeTried: 'Code tried',
    message: 'Message',
    activity: 'Activity',
    from: 'From',
    times: 'Times',
    whatToDo: 'What to do',
  },
  sampleSent: 'Sample sent',
  refusedBy: ' — refused by {{activity}}: not in its class',
  withActivity: ' · {{activity}}',
  markHandled: 'Mark as handled',
  /** A group's distinct lines past the 20 listed (the answer's `more`): said, not left out without a word. */
  more_one: 'And {{count, number}} more different line, older than these, not listed; the number above counts it. Mark as handled hides it too; if it happens again it shows here.',
  more_other:
    'And {{count, number}} more different lines, older than these, not listed; the number above counts them. Mark as handled hides them too; those that happen again show here.',
  listAll: 'List them all',
  moreSilent_one: 'And {{count, number}} more silent game, not listed: Live shows it among its activity’s idle sessions.',
  moreSilent_other: 'And {{count, number}} more silent games, not listed: Live shows them among each activity’s idle sessions.',
  /** One session's refusals, where Live's "N batches refused" leads (`?session=<id>`, the answer's `session`). */
  session: {
    title: 'Refused batches of {{who}} · {{activity}}',
    titleNoActivity: 'Refused batches of {{who}}',
    refused_one: 'Live counts {{count, number}} batch refused for this game.',
    refused_other: 'Live counts {{count, number}} batches refused for this game.',
    everyOne:
      'Listed here: every refusal of this session Aula keeps, however old, including those marked as handled. The whole screen shows only the last hour’s, not handled.',
    unlisted_one: '{{count, number}} refused batch, in the oldest refusals, is not listed: only the newest {{listed, number}} are.',
    unlisted_other: '{{count, number}} refused batches, in the oldest refusals, are not listed: only the newest {{listed, number}} are.',
    none: 'Aula keeps no refusal of this session any more',
    noneBody: 'Refusals are kept for 30 days unless Aula is set up otherwise, and erased with their player’s data.',
    back: 'All diagnostics',
    notFound: 'No such session',
    notFoundBody: 'Its player’s data was erased, or the link is wrong.',
    invalid: 'This link does not name a session',
    invalidBody: 'A session is named by its number id, as Live’s links carry it.',
  },
  /** Whose game a line is about (the answer's `who`). */
  who: {
    session: '{{name}} · session {{number}}',
    ofClasses: '{{name}} of {{classes}}',
    noClass: '{{name}}, in no class',
  },
  /** Aula's own sentence for a refusal the game was told nothing about (server/diagnostics/tls-attempts.ts). */
  tlsMessage: 'A game connected with https:// to this port, which speaks http:// only',
  /** Aula's own sentences for traces refused with M-TOKEN (server/collector/refusals.ts): the game was told M-TOKEN. */
  noAuthorizationMessage: 'No authToken: traces sent without the authToken of a start (no Authorization header, or null)',
  erasedSessionMessage: "Traces of a session whose player's data was erased: refused, and not kept",
  /** One line the teacher can act on, per group. */
  groupFix: {
    'unknown-code':
      'These games use a tracking code no activity has: give them the code shown on the Connect screen (the closest existing code is suggested).',
    'activity-closed': 'Open the activity on the Activities screen; games can start as soon as it is open.',
    'not-allowed':
      'The activity only accepts logged-in students of its class: let anonymous players join, or have students log in first.',
    'invalid-track':
      "The game sends traces Aula cannot accept: its tracker keeps re-sending them and holds back everything the student does after, so the student's progress stops showing. Update the game's tracker, or send the message and sample below to its developer.",
    'unknown-token':
      'The game uses a session Aula does not know (started on another collector, or before the data was reset): restart the game.',
    'login-failed': "Check the student's username and password in the class list, or set a new password.",
    'silent-games':
      'These games stopped sending: check the game is still running and its computer is awake and on the classroom network.',
    busy: 'More arrived at once than Aula takes in a moment (many games sending what they kept, say when the network came back): these games were told to retry shortly, and most trackers send the same traces again by themselves. If it keeps happening during ordinary play, this computer is too slow for so many games.',
    other:
      'Refused for the reason shown: what the game was told, or the address it sent to when Aula serves nothing there, or how it connected; each line says what to change where Aula can tell.',
  },
  /** What to do about one line. */
  fix: {
    activity: 'Activity: {{activity}}',
    wrongPathXapi:
      "Aula answers this at {{request}}: set the game's xAPI endpoint to this computer's address and port followed by /xapi/, with its last slash.",
    wrongPathRage:
      "Aula answers this at {{request}}: in the game's tracker settings, set the host to http:// with this computer's address and port and nothing after, and the base path to /api/.",
    noCloseCode: 'No existing code is close to it.',
    didTheyMean: 'Did they mean {{code}}?',
    didTheyMeanWrapped:
      'Did they mean {{code}}? The game sent it with a space, a line break or quotes around it: set exactly {{code}} in the game.',
    foreignToken:
      "The game started with an Authorization header that is not a student's login token from this Aula (expired after 7 days, from another laptop, or not 'Bearer <token>'): log the student in again, or start without it.",
    unknownPlayerId:
      'The game handed back a playerId this Aula does not know (from another laptop, or erased): start without it, and keep the playerId the new start answers.',
    anonymousNotString:
      'The game sent {"anonymous": …} with something other than the playerId string of an earlier start: send that string, or nothing.',
    loginEnded: "The student's login was ended by logging out or a new password: log in again, then start.",
    notJson:
      'The game sent a body that is not JSON: check how it builds the request (a statement array on track, {} or nothing on start).',
    https:
      "Set the game's host with http:// in front and the port after, e.g. http://192.168.1.10:3000/ (js-tracker without http:// uses https).",
    noXapiResource:
      "The game's xAPI endpoint is wrong: set it to this computer's address and port followed by /xapi/ (statements then go to /xapi/statements).",
    unknownCredentials: "Give the game the key and secret shown under For xAPI games on the activity's card (Connect screen).",
    noCredentials:
      "The game sent no key and secret: set its xAPI authentication to HTTP Basic (js-tracker 1.x: oauth_type 'OAuth1') with the key and secret shown under For xAPI games on the activity's card (Connect screen).",
    noAuthToken:
      "Not a session Aula forgot: the game sends traces before its start succeeded, or without the start's authToken. Start first, then send that authToken as the Authorization header of every track (the trackers do both).",
    erasedSession:
      'This player\'s data was erased while their game was still running, and what it sends now is not kept: close the game. Started again, it opens a new session.',
    notArray: 'Send the statements as a JSON array, [ … ], even a single one, and never an empty one.',
    noVersion: 'Send the header X-Experience-API-Version: 1.0.3 (or 2.0.0) with every xAPI request.',
    badVersion: 'Send X-Experience-API-Version 1.0.3 (any 1.0.x) or 2.0.0: the versions of xAPI Aula speaks.',
    tooLarge: 'One request was over 8 MB: send the statements in smaller batches.',
  },
  firstRun: {
    title: 'No game from another computer has reached Aula yet',
    thisAddress: 'this computer’s address',
    intro:
      "An activity is open, but for several minutes no other computer has connected. The usual causes, most likely first. To test one fix, open <code>http://{{address}}:{{port}}/</code> in a browser on a student's computer: it shows a page saying Aula is reachable.",
    firewall: '<strong>The firewall blocks Aula</strong> (often because its prompt was closed or answered "Cancel").',
    firewallWindows:
      'Windows: Start → "Allow an app through Windows Firewall" → Change settings → tick Aula (or Node.js) for <em>Private</em> networks, and <em>Public</em> ones too when the classroom’s Wi-Fi counts as public, or add an inbound rule for TCP port {{port}} (both need an administrator).',
    firewallMac: 'macOS: System Settings → Network → Firewall → Options → set Aula to "Allow incoming connections".',
    firewallLinux: 'Linux: allow the port, e.g. <code>sudo ufw allow {{port}}/tcp</code> or <code>sudo firewall-cmd --add-port={{port}}/tcp</code>.',
    otherNetwork:
      "<strong>The students' computers are on another network</strong> (a second Wi-Fi, a wired network, a phone hotspot).",
    otherNetworkWindows: 'Windows: Settings → Network & internet shows the network name; compare it on both computers.',
    otherNetworkMac: 'macOS: the Wi-Fi menu in the menu bar shows the network name.',
    otherNetworkLinux: 'Linux: the network menu, or <code>nmcli connection show --active</code>.',
    isolation:
      '<strong>The Wi-Fi keeps devices apart</strong> (guest networks and some school networks use "client isolation"): computers reach the internet but not each other. Use the staff network, ask IT to allow traffic to this computer on port {{port}}, or connect the classroom through a small router of your own.',
    isolationWindows:
      'Windows: also make sure this network is set to <em>Private</em> (Settings → Network & internet → the network → Network profile type).',
    isolationOthers: 'macOS and Linux: nothing to set on this computer; the network itself must allow it.',
  },
  /** The Connect screen's lines about the LAN name and the first-run notice (mdns-name.tsx). */
  connect: {
    nameSwitchedOff: 'The name on the network (aula.local) is switched off; games use the IP address.',
    nameLoopback: 'Aula listens on this computer only, so it has no name on the network.',
    name: 'Name on the network:',
    copyName: 'Copy name address',
    conflict:
      'Another device already uses {{conflict}}, so Aula took {{hostName}}. Games set up with {{conflict}} reach the other device: give them this name (or the IP address).',
    nameStays:
      'It stays the same when the IP address changes. Windows 10+, macOS, iOS and most Linux resolve it; if a game cannot, use the IP address above.',
    firstRunNotice: 'No game from another computer has reached Aula yet.',
    firstRunLink: 'See the usual causes and how to fix them',
  },
};
