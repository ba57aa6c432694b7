/**
 * The admin API's answers, as the server writes them and the dashboard reads them (renderer/src/api/types.ts and
 * the screens import these). Types only and no imports: the renderer loads nothing of the server through this file.
 */

/** The groups of the teacher's diagnostics (server/diagnostics/diagnostic-kinds.ts lists them in screen order). */
export type DiagnosticKind =
  | 'unknown-code'
  | 'activity-closed'
  | 'not-allowed'
  | 'invalid-track'
  | 'unknown-token'
  | 'login-failed'
  | 'silent-games'
  | 'busy'
  | 'other';

export interface PlayerRef {
  id: string;
  kind: 'anonymous' | 'identified';
  animalName: string;
  /** The student's username for identified players; null for anonymous ones. */
  username: string | null;
  /** The roster's display name, when the student has one; for a player an xAPI game identified, the name it sent. */
  displayName: string | null;
  /** Identified by an xAPI game's actor (its name, e-mail or account), not a roster student. */
  xapi: boolean;
}

export interface SessionRow {
  id: number;
  number: number;
  started: string;
  ended: string | null;
  lastSeen: string;
  statements: number;
  lastVerb: string | null;
  lastObject: string | null;
  /** The last object's `definition.type`, when the statement had one. */
  lastObjectType: string | null;
  /** The name an xAPI game gave the last object (`definition.name`, a language map): Live's list only, else absent. */
  lastObjectName?: Record<string, string> | null;
  progress: number | null;
  /**
   * The game's own completion (server/rules/finished-game.ts): true once its `serious-game` object was completed (or
   * said `result.completion`), as the last statement about it said; what Live calls finished, Diagnostics leaves out of
   * its silent games and the Idle rule leaves alone. A level's or a question's `result.completion` does not set it.
   */
  completion: boolean | null;
  success: boolean | null;
  score: number | null;
  /** The object success and score are the outcome of, and its type (null for sessions stored before Aula kept it). */
  resultObject: string | null;
  resultObjectType: string | null;
  /** Success and score are the game's own, not a level's. */
  resultOfGame: boolean;
  /** Batches of this session the collector refused (each re-send counted), and why the last one was. */
  refused: number;
  lastRefusal: string | null;
  player: PlayerRef;
  /**
   * Live's sessions only (GET /activities/:id/sessions): how long the game has been silent as of the answer's
   * serverTime, in ms, as the Idle rule counts it: the time the laptop slept, Aula was off or its clock was set is left
   * out (docs/clock.md). Absent for an ended session.
   */
  silentMs?: number;
}

export interface StatementRow {
  seq: number;
  id: string;
  stored: string;
  timestamp: string | null;
  verbId: string | null;
  objectId: string | null;
  objectType: string | null;
  activityId: string | null;
  activityName: string | null;
  sessionId: number | null;
  sessionNumber: number | null;
  player: PlayerRef | null;
  statement: unknown;
}

/**
 * What an alert says, as data: the dashboard words `rule` with `values` in the teacher's language, where `message` is
 * the same in English (server/rules/alert-wording.ts). `object` is the name the game gave the object (in the laptop's
 * language, at raise time), else the last part of its id; absent when the statement named none ("something").
 * Numbers are as the rule saw them: `minutes` a rule's setting, `percent` rounded to a tenth.
 */
export type AlertWording =
  | { rule: 'idle'; values: { minutes: number } }
  | { rule: 'noProgress'; values: { minutes: number; percent?: number } }
  | { rule: 'wrongInARow' | 'wrongTotal'; values: { count: number; object?: string; response?: string } }
  | { rule: 'lowScore'; values: { score: number; object?: string; threshold: number } }
  | { rule: 'quit'; values: { object?: string } }
  | { rule: 'quitAnything'; values: Record<string, never> }
  | { rule: 'custom'; values: { name: string; count: number; minutes?: number } };

export interface AlertItem {
  id: number;
  sessionId: number;
  sessionNumber: number | null;
  rule: string;
  severity: 'warning' | 'alert';
  /** In English, as the rule raised it (the CLI, exports and scripts read it). */
  message: string;
  /** The same as data, for the dashboard to word in its language; null for an alert stored before Aula kept it. */
  wording: AlertWording | null;
  raised: string;
  cleared: string | null;
  acknowledged: string | null;
}

/** One of a player's alerts on their page, in whichever activity it was raised. */
export interface PlayerAlertItem extends AlertItem {
  activityId: string;
  activityName: string;
}

export interface StudentAlerts {
  player: PlayerRef;
  alerts: number;
  warnings: number;
  latest: string;
  /** Active ones (neither cleared nor acknowledged), newest first. */
  items: AlertItem[];
}

export interface ObjectResult {
  objectId: string;
  /** The last part of the object's id ("q1"). */
  name: string;
  /** The name an xAPI game gave the object (`object.definition.name`, a language map), null when none did. */
  definitionName: Record<string, string> | null;
  type: string;
  completed: boolean;
  bestScore: number | null;
  lastScore: number | null;
  correct: number;
  incorrect: number;
  progress: number | null;
}

export interface StudentResult {
  player: PlayerRef;
  sessions: number;
  /** Sum over sessions of last seen − started. */
  secondsPlayed: number;
  /** The best progress of any session (0..1). */
  progress: number | null;
  /** Whether any session reported completion. */
  finished: boolean;
  completed: number;
  correct: number;
  incorrect: number;
  bestScore: number | null;
  lastScore: number | null;
  objects: ObjectResult[];
  /**
   * A roster student who is not in the activity's class (Live's "Playing here, not in 1B": the other room's tracking
   * code typed by mistake), with their own classes (none for an account in no class); null for the class's students,
   * anonymous and xAPI players, and in an activity without a class. Such a student is not counted in `aggregates`.
   */
  fromOtherClass: { classes: string[] } | null;
}

export interface ClassAggregates {
  /** The players counted: everyone who played but students of another class (`fromOtherClass`). */
  students: number;
  /** Share of students with a completed session (0..1), null without students. */
  completionRate: number | null;
  /** Levels, quizzes and everything else that was completed or scored, with class figures. */
  objects: Array<{
    objectId: string;
    name: string;
    definitionName: Record<string, string> | null;
    type: string;
    /** The game's own object (its serious-game, or an ADL game or course: whole-game.ts), not a level of it. */
    wholeGame: boolean;
    students: number;
    completed: number;
    averageScore: number | null;
  }>;
  /** Answers chosen per question, most chosen first. */
  questions: Array<{ objectId: string; name: string; definitionName: Record<string, string> | null; answers: Array<{ response: string; count: number; correct: boolean | null }> }>;
}

export interface ActivityResults {
  activity: { id: string; name: string };
  students: StudentResult[];
  aggregates: ClassAggregates;
  /**
   * The students of the activity's class (its roster's students, not assistants or teachers) with no session of their
   * own in it, as Live's Not started yet: empty without a class. Not counted in `students` nor `aggregates`.
   */
  notStarted: NotStartedStudent[];
  /**
   * Only with `?lesson=current`: the lesson these results are of. Absent, they are of every lesson (the whole history).
   */
  lesson?: ResultsLesson;
}

/**
 * The lesson `GET …/results?lesson=current` answers for (server/results/read-lesson-results.ts): since the activity was
 * last opened, once it has been closed before, as Live's "this lesson" (RollCall.lessonSince).
 */
export interface ResultsLesson {
  /**
   * The opening the lesson began with: students with a session heard from since then, the statements stored since
   * then. Null when the activity was never closed and opened again: its whole history is its one lesson.
   */
  since: string | null;
  /** True when `since` is null: these results are the whole history's, as without `lesson`. */
  wholeHistory: boolean;
}

/** A roster student who has not played the activity yet (Results lists them, with no figures). */
export interface NotStartedStudent {
  studentId: string;
  username: string;
  /** The roster's name, when the student has one. */
  name: string | null;
}

/** Why the LAN name (aula.local) is not answered: `--no-mdns` / AULA_MDNS=0, the dashboard's switch, or loopback only. */
export type MdnsOffReason = 'switched-off' | 'off-in-settings' | 'not-on-lan';

export interface MdnsStatus {
  state: 'probing' | 'announced' | 'failed' | 'stopped';
  /** The name asked for, e.g. `aula.local`. */
  requested: string;
  /** The name Aula answers, e.g. `aula-2.local` when another device had `aula.local`. */
  hostName: string;
  /** The name another device on the network already uses, when that made Aula take another one. */
  conflict: string | null;
  /** The addresses Aula answers with, one per network it is on. */
  addresses: string[];
  error: string | null;
}

/** The LAN name as the Settings and Diagnostics screens show it. */
export type MdnsInfo = ({ enabled: true } & MdnsStatus) | { enabled: false; reason: MdnsOffReason };

export interface DiagnosticItem {
  /** The latest occurrence. */
  time: string;
  address: string | null;
  /** The tracking code tried (starts), or the message (other refusals), or the player (silent games). */
  detail: string;
  count: number;
  sample: string | null;
  /** For unknown codes: the existing code most likely meant. For closed/refusing activities: its name. */
  suggestion: string | null;
  activity: string | null;
  sessionId: number | null;
  /**
   * Whose game it is, when the refused request had a session: a student's username or an animal name, and the session.
   * A failed login's roster username; a start refused to a logged-in student not in the class, "a18 of 1A".
   */
  player: string | null;
  /**
   * `player` in parts, for the dashboard to word in its language (`player` stays as it is, in English): the username
   * or animal name; the session's number when it is a session's game; the student's classes when a start was refused
   * to a logged-in student (empty: in no class). Null when `player` is.
   */
  who: DiagnosticWho | null;
}

/** Whose game a diagnostic line is about, in parts (DiagnosticItem.who). */
export interface DiagnosticWho {
  name: string;
  session: number | null;
  classes: string[] | null;
}

export interface DiagnosticGroup {
  kind: DiagnosticKind;
  /** In English (diagnostic-kinds.ts TITLES): the dashboard words the group by its kind. */
  title: string;
  count: number;
  items: DiagnosticItem[];
  /**
   * Distinct lines of this group left out of `items` (refusals and busy machines keep the 20 most recent, silent games
   * up to 500): the screen says "and N more" instead of stopping at a fixed number without a word. 0 when none.
   */
  more: number;
}

export interface FirstRunCheck {
  /** Since when an activity has been open with no game from another machine (ISO time). */
  waitingSince: string;
  port: number;
  addresses: string[];
}

/** GET /admin/api/diagnostics (server/diagnostics/read-diagnostics.ts). */
export interface Diagnostics {
  generatedAt: string;
  mdns: MdnsInfo;
  lastLanClient: { time: string; address: string } | null;
  firstRun: FirstRunCheck | null;
  groups: DiagnosticGroup[];
  /**
   * `?session=<id>` only (Live's "N batches refused"): whose session it is and what Live counts of it; `groups` then
   * hold that session's refusals only, whatever their age or handled mark, and no silent or busy games.
   */
  session?: DiagnosticsSession;
}

/** The session Diagnostics shows alone (GET /admin/api/diagnostics?session=<id>, read-session-refusals.ts). */
export interface DiagnosticsSession {
  id: number;
  /** The player's session number, as Live and the other lines say "session 2". */
  number: number;
  /** Whose game: the student's username, the name an xAPI game sent, or an anonymous player's animal name. */
  player: string;
  activity: string | null;
  /** Its refused batches, each re-send counted: what Live's "N batches refused" says (read-sessions.ts). */
  refused: number;
  /** Of `refused`, those in the oldest refusals past the lines listed (the newest `listedAtMost` are): 0 when none. */
  unlisted: number;
  /** How many of the session's newest refusals are listed at most (500). */
  listedAtMost: number;
}

/** An activity as the store keeps it, with its maintained counters (server/store/activities-repo.ts). */
export interface ActivityRecord {
  id: string;
  name: string;
  trackingCode: string;
  allowAnonymous: boolean;
  open: boolean;
  gameId: string;
  game: string;
  versionId: string;
  classId: string | null;
  className: string | null;
  created: string;
  opened: string | null;
  closed: string | null;
  statements: number;
  sessions: number;
  players: number;
  anonymousPlayers: number;
  lastSeen: string | null;
}

/** An activity in GET /admin/api/activities and /activities/:id (server/admin/read-activities.ts). */
export interface ActivityView extends ActivityRecord {
  /** Players not anonymous: roster students who logged in and, among them, the xAPI players (xapiPlayers). */
  identifiedPlayers: number;
  /** Identified players an xAPI game named (no roster student): the dashboard counts them apart from students. */
  xapiPlayers: number;
  /**
   * Sessions not ended whose game has been silent for less than the activity's idle threshold (the Idle alert's minutes
   * when it is on, else 3), silence counted as the Idle rule counts it: Live's active (server/admin/live-counts.ts).
   */
  liveSessions: number;
}

/** GET /admin/api/backups (server/admin/backup-list.ts). */
export interface BackupList {
  folder: string;
  /** How many backups the folder keeps: the oldest go first. */
  kept: number;
  /** Newest first. */
  backups: BackupFile[];
}

export interface BackupFile {
  name: string;
  bytes: number;
  createdAt: string;
  /**
   * In GET /backups: erasures made after this backup was taken (by the time in its name). Above 0, it may still hold
   * data erased since: delete it once no longer needed (DELETE /backups/:name, aula backup delete).
   */
  erasuresSince?: number;
}

export type ClassRole = 'student' | 'assistant' | 'teacher';

/** A member of one class as the dashboard lists it: the role is this class's, and there is no password hash. */
export interface ClassStudent {
  id: string;
  username: string;
  name: string | null;
  email: string;
  role: ClassRole;
  created: string;
}

/** A class's student whose login failed lately (GET /admin/api/classes/:id/failed-logins): Live's Not started yet. */
export interface FailedLogin {
  username: string;
  /** The latest failed login. */
  last: string;
  /** Failed logins in the window. */
  count: number;
}

/** A student whose login failed in the window and who then logged in (after the teacher reset the password, say). */
export interface LoggedInAfterFailing {
  username: string;
  /** The first successful login after those failures. */
  at: string;
  /** The failed logins before it, in the window. */
  failed: number;
}

/** Any student account, with every class it is in (GET /admin/api/students); never a password hash. */
export interface StudentAccount {
  id: string;
  username: string;
  name: string | null;
  email: string;
  created: string;
  classes: Array<{ name: string; role: ClassRole }>;
}

/** Where a statement stands with one central LRS (server/upload/upload-state.ts). */
export type UploadStateName = 'pending' | 'sent' | 'conflict' | 'rejected';

export type StateCounts = Record<UploadStateName, number>;

/** An LRS uploaded to before (GET /admin/api/data/upload/targets); its secret is never stored. */
export interface UploadTargetView {
  id: string;
  endpoint: string;
  username: string;
  created: string;
  counts: StateCounts;
  /** Stored statements this LRS has not been asked about yet (queued as pending at the next upload). */
  notQueued: number;
}

/** What one upload run did (server/upload/uploader.ts). */
export interface UploadSummary {
  /** Accepted by the LRS in this run. */
  sent: number;
  /** Already held by the LRS, found equal (or acknowledged as existing) in this run. */
  alreadyThere: number;
  conflicts: number;
  rejected: number;
  /** State of every selected statement for this target after the run. */
  totals: StateCounts;
  problems: Array<{ id: string; state: UploadStateName; message: string }>;
}

/** The dashboard's upload in progress or just ended (GET /admin/api/data/upload/status). */
export interface UploadJob {
  endpoint: string;
  username: string;
  activity: string | null;
  state: 'running' | 'done' | 'failed';
  started: string;
  finished: string | null;
  progress: { done: number; total: number };
  summary: UploadSummary | null;
  error: string | null;
  /**
   * The wait before the LRS is asked again (what `aula upload` announces on standard error), while it lasts: null
   * once a request got through again, or when the upload ended.
   */
  retry: UploadRetryNotice | null;
  /** Requests asked again in this upload (after 429, 503, another 5xx or a network error), for its outcome. */
  retries: number;
}

/** One wait before a retry: why, which attempt comes next, and when (server/upload/uploader.ts's UploadRetry). */
export interface UploadRetryNotice {
  /** In a few words: `the LRS answered 503`, or the network error. */
  problem: string;
  /** The attempt that follows the wait (2 for the first retry), of `attempts` at most. */
  attempt: number;
  attempts: number;
  waitMs: number;
  /** When the request is sent again (ISO 8601), by the laptop's clock when the wait began. */
  retryAt: string;
  /**
   * GET /data/upload/status only: the time left before the request is sent again, in ms, as of the answer (by the
   * laptop's monotonic clock). A browser counts down from it with its own monotonic clock: its wall clock may differ
   * from the laptop's by minutes.
   */
  retryInMs?: number;
}

/** What a bundle holds, table by table (server/import/import-report.ts lists them in order). */
export type ImportKind = 'classes' | 'games' | 'versions' | 'activities' | 'players' | 'gameplays' | 'sessions' | 'statements';

export interface ImportNote {
  kind: ImportKind;
  /** The id in the bundle. */
  id: string;
  /**
   * conflict: a different record under the same key, not overwritten; code-changed: a tracking code taken here got a
   * new one; renumbered: a session number taken here by another attempt; matched: merged with a local record found by
   * name or playerId; skipped: a row that could not be stored; rules: an activity's rules taken from the bundle, or
   * kept as they are here although the bundle's differ.
   */
  type: 'conflict' | 'code-changed' | 'renumbered' | 'matched' | 'skipped' | 'rules';
  message: string;
}

/** What an import did, for the CLI's summary and the dashboard. */
export interface ImportReport {
  bundle: { format: string; appVersion: string; schemaVersion: number; created: string; pseudonymized: boolean; filters: Record<string, unknown> };
  /** New here. */
  added: Record<ImportKind, number>;
  /** Already here (same id and content, or matched by name/playerId): nothing written. */
  alreadyThere: Record<ImportKind, number>;
  /** Same id, different content: kept as it is here and reported. */
  conflicts: Record<ImportKind, number>;
  skipped: number;
  /** At most MAX_NOTES, conflicts first; the counts above are complete. */
  notes: ImportNote[];
  /** Whether the import wrote anything. */
  changed: boolean;
}

export interface Overview {
  serverTime: string;
  statements: number;
  sessions: number;
  /** Live sessions of every activity, as ActivityView.liveSessions counts them. */
  liveSessions: number;
  /** identified includes xapi: the players an xAPI game identified, no roster students (the header counts them apart). */
  players: { anonymous: number; identified: number; xapi: number };
  activities: { total: number; open: number };
  rejectedRequests: number;
}

export interface PlayerSummary {
  player: PlayerRef;
  created: string;
  lastSeen: string | null;
  /** In the activity when the list is for one activity, else everywhere. */
  sessions: number;
  statements: number;
}

/** One player's page (GET /admin/api/players/:id), before its sessions and timeline. */
export interface PlayerProfile extends PlayerSummary {
  /** What exports, `aula export --player` and `aula player erase` name the player by: the anonymous playerId, or the username. */
  publicId: string;
  /** A roster student's classes, by name (several when the student is in two classes); absent for other players. */
  classes?: string[];
}

/** An activity a player has data in (GET /admin/api/players/:id's `activities`): where their data can be erased. */
export interface PlayerActivity {
  id: string;
  name: string;
}

export interface RatePoint {
  /** Start of the minute, ISO 8601 UTC, by the clock `stored` is read from (docs/clock.md). */
  minute: string;
  statements: number;
  /**
   * The same minute as the laptop's clock reads it: after the clock was set back, `stored` runs ahead of it until it
   * catches up, and the chart's labels showed times still to come. For labels.
   */
  clockMinute?: string;
}

export interface ConnectInfo {
  port: number;
  /** Every URL games can use; the first is the one to show (a LAN address when there is one). */
  urls: string[];
  /** False when the collector listens on loopback only: games on other machines cannot reach it. */
  reachableFromLan: boolean;
  activities: Array<{ id: string; name: string; game: string; trackingCode: string; open: boolean }>;
}

/**
 * What the dashboard's one SSE stream (`/admin/api/events`) carries. Bus events are merged over a short window
 * into one `changes` event, so a classroom sending 1,000 statements/s still means a few events per second; the
 * dashboard refetches what it shows for the ids named here.
 */
export interface ChangesEvent {
  /** Statements stored in this window, all activities together. */
  statements: number;
  /** Activity id → statements stored in this window (also present with 0 when only sessions or settings changed). */
  activities: Record<string, number>;
  /** Sessions with new statements, started or ended in this window. */
  sessions: number[];
  players: string[];
  sessionsStarted: number;
  sessionsEnded: number;
  /** Requests the collector refused in this window (at most a few are listed). */
  rejected: Array<{ route: string; status: number; message: string }>;
  rejectedCount: number;
  /** Activities whose alerts were raised, cleared, acknowledged or erased in this window. */
  alerts: string[];
  /** Present when the disk became full (or has room again) in this window: the dashboard's red banner. */
  storage?: { full: boolean };
  /** Present when classes or their members changed in this window: their ids (the Classes screen refetches). */
  classes?: string[];
  /**
   * Present when students' results were written in this window: the activities' ids. Results are written up to a
   * second after the statements they come from, so the Results screen refetches on this too.
   */
  results?: string[];
  /**
   * Present when students logged in after failed logins in this window (how many): Live's Not started yet refetches
   * its failed logins, which then say they logged in since.
   */
  loginsAfterFailures?: number;
}

/**
 * An activity's HTTP Basic credentials for `/xapi/statements` (GET/POST /admin/api/activities/:id/xapi…). `revoked`:
 * the activity has none that work (revoked from the dashboard or `aula activity xapi-revoke`); new ones can be issued.
 */
export type XapiCredentialsView = { status: 'active'; key: string; secret: string; created: string } | { status: 'revoked' };

/** What erasing a player's data removes (the preview) and removed (the report and the erasure log). */
export interface ErasureCounts {
  statements: number;
  sessions: number;
  gameplays: number;
  results: number;
  alerts: number;
  /** Statements that had already been sent to an LRS: they must be erased there too. */
  uploaded: number;
}

/** One row of the erasure log (GET /admin/api/erasures, `aula erasure list`): when, by whom, where and how many; never who. */
export interface ErasureLogEntry extends ErasureCounts {
  /** The refused requests the erasure removed (player-refusals.ts); null for an erasure made before the log kept them. */
  refusedRequests: number | null;
  /**
   * Player records the erasure removed: 1 or 0 for a player's erasure (everywhere always; in one activity when it took
   * the last of their data), the players left with no data for a whole activity's (null before the log kept them).
   */
  playersRemoved: number | null;
  id: number;
  time: string;
  erasedBy: string;
  /** 'whole-activity': every player's data in one activity (erase-activity.ts); gameplays are then its players. */
  scope: 'everywhere' | 'activity' | 'whole-activity';
  activityId: string | null;
  /** 'all' for a whole activity's erasure: it names no player, not even of which kind. */
  playerKind: 'anonymous' | 'identified' | 'all';
  /** The activity's name and tracking code as they are now; null everywhere, or once the activity was deleted. */
  activityName: string | null;
  trackingCode: string | null;
}

/** GET /admin/api/erasures: the most recent first; `more` when older ones were left out (`?limit=` up to 1,000). */
export interface ErasureLog {
  erasures: ErasureLogEntry[];
  more?: true;
}

/** What erasing a whole activity's data removes (the preview) and removed (the report). */
export interface ActivityErasureCounts {
  statements: number;
  sessions: number;
  /** Players who played the activity (their gameplays in it go). */
  players: number;
  /** Of those, the players left with no data anywhere: their player records go too (a student's login stays). */
  playersRemoved: number;
  results: number;
  alerts: number;
  /**
   * Requests the collector refused, kept for the Diagnostics screen with the sender's address and a sample: those of
   * the activity's sessions, and starts and xAPI requests refused for its tracking code (their sample is the code).
   */
  refusedRequests: number;
  /** Upload states (per LRS) of the erased statements. */
  uploadStates: number;
  /** Statements that had already been sent to an LRS: they must be erased there too. */
  uploaded: number;
}

export interface ActivityErasurePreview extends ActivityErasureCounts {
  activityId: string;
  trackingCode: string;
  name: string;
  /** Whether the activity is open now (the erasure closes it: no new session may refill it). */
  open: boolean;
}

export interface ActivityErasureReport extends ActivityErasureCounts {
  id: number;
  time: string;
  scope: 'whole-activity';
  activityId: string;
  trackingCode: string;
  name: string;
  /** The erasure closed the activity (it was open). The activity itself stays, closed and empty. */
  closed: boolean;
  /** xAPI keys of the activity the erasure revoked: an xAPI client could otherwise refill it, closed or not. */
  xapiRevoked: number;
  sessionIds: number[];
}

/** Said with every erasure (GET/POST …/erase, player and activity): the backups made before still hold the data. */
export interface BackupsNote {
  /** The data folder's backups/, where Aula keeps the backups it makes (Settings → Backups lists them). */
  folder: string;
  /** Backups there now: each was made before the erasure and may still hold the erased data. */
  count: number;
  message: string;
}

/**
 * GET /admin/api/activities/:id/roll-call (server/admin/roll-call.ts): what Live's Not started yet needs beyond the
 * roster and the sessions when one laptop serves several classes.
 */
export interface RollCall {
  serverTime: string;
  /**
   * When this lesson began: the activity's last opening, once it has been closed before (1A's morning lesson closed,
   * opened again after lunch); null while it never was closed. A student has started this lesson with a session
   * heard from since then: this morning's sessions do not count for the afternoon.
   */
  lessonSince: string | null;
  /**
   * The class's students with no session of their own in this activity (this lesson's, when lessonSince is set),
   * among all its sessions: Live's Not started yet, by username. Live's session list holds only the 500 most recent.
   */
  notStarted: NotStartedStudent[];
  /** The class's students whose latest session in another activity was heard from in the last hour. */
  elsewhere: StudentElsewhere[];
  /** Roster students with a session in this activity (this lesson's, when lessonSince is set) who are not in its class. */
  outsiders: StudentOutsider[];
  /**
   * The class's students refused at a start in the last hour (this lesson) as not in the class of the activity whose
   * code they typed (401 Not authorized to join this activity), and not marked handled on Diagnostics: latest first.
   */
  refused: StudentRefused[];
}

/** A class's student whose logged-in start was refused by another class's activity (its tracking code typed by mistake). */
export interface StudentRefused {
  username: string;
  activityId: string;
  activityName: string;
  trackingCode: string;
  /** The latest refusal, and how many in the window (a tracker retries its start). */
  last: string;
  count: number;
}

/** A student of the class playing another activity: often the next room's tracking code typed by mistake. */
export interface StudentElsewhere {
  username: string;
  activityId: string;
  activityName: string;
  trackingCode: string;
  lastSeen: string;
}

/** A roster student playing in an activity of a class they are not in, with where their own classes play. */
export interface StudentOutsider {
  /** The player's id, as Players' page for them takes it (GET /admin/api/players/:id): there their data here can be erased. */
  playerId: string;
  username: string;
  name: string | null;
  /** Their classes' names (none when the account is in no class). */
  classes: string[];
  /** The open activities of their classes: the tracking code they probably meant. */
  openActivities: Array<{ name: string; trackingCode: string }>;
}
