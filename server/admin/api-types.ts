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
