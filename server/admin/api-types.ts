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
  | 'other';

export interface PlayerRef {
  id: string;
  kind: 'anonymous' | 'identified';
  animalName: string;
  /** The student's username for identified players; null for anonymous ones. */
  username: string | null;
  /** The roster's display name, when the student has one. */
  displayName: string | null;
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
  progress: number | null;
  completion: boolean | null;
  success: boolean | null;
  score: number | null;
  player: PlayerRef;
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

export interface AlertItem {
  id: number;
  sessionId: number;
  sessionNumber: number | null;
  rule: string;
  severity: 'warning' | 'alert';
  message: string;
  raised: string;
  cleared: string | null;
  acknowledged: string | null;
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
  name: string;
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
}

export interface ClassAggregates {
  students: number;
  /** Share of students with a completed session (0..1), null without students. */
  completionRate: number | null;
  /** Levels, quizzes and everything else that was completed or scored, with class figures. */
  objects: Array<{ objectId: string; name: string; type: string; students: number; completed: number; averageScore: number | null }>;
  /** Answers chosen per question, most chosen first. */
  questions: Array<{ objectId: string; name: string; answers: Array<{ response: string; count: number; correct: boolean | null }> }>;
}

export interface ActivityResults {
  activity: { id: string; name: string };
  students: StudentResult[];
  aggregates: ClassAggregates;
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
}

export interface DiagnosticGroup {
  kind: DiagnosticKind;
  title: string;
  count: number;
  items: DiagnosticItem[];
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
  identifiedPlayers: number;
  /** Sessions not ended that sent something in the last few minutes. */
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

export interface Overview {
  serverTime: string;
  statements: number;
  sessions: number;
  liveSessions: number;
  players: { anonymous: number; identified: number };
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
}

export interface RatePoint {
  /** Start of the minute, ISO 8601 UTC. */
  minute: string;
  statements: number;
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
}
