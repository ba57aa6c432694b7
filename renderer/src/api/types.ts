// The admin API's answers, as the dashboard reads them (server/admin/*). Kept here: the renderer never imports server code.

export type PlayerKind = 'anonymous' | 'identified';

export interface PlayerRef {
  id: string;
  kind: PlayerKind;
  animalName: string;
  username: string | null;
  displayName: string | null;
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

export interface Activity {
  id: string;
  name: string;
  trackingCode: string;
  allowAnonymous: boolean;
  open: boolean;
  game: string;
  classId: string | null;
  className: string | null;
  created: string;
  statements: number;
  sessions: number;
  players: number;
  anonymousPlayers: number;
  identifiedPlayers: number;
  liveSessions: number;
  lastSeen: string | null;
}

export interface Session {
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

export interface PlayerSession extends Session {
  activityId: string | null;
  activityName: string | null;
}

export interface PlayerSummary {
  player: PlayerRef;
  created: string;
  lastSeen: string | null;
  sessions: number;
  statements: number;
}

export interface PlayerDetail extends PlayerSummary {
  sessionList: PlayerSession[];
  timeline: StatementRow[];
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

export interface RatePoint {
  minute: string;
  statements: number;
}

export interface ConnectInfo {
  port: number;
  urls: string[];
  reachableFromLan: boolean;
  activities: Array<{ id: string; name: string; game: string; trackingCode: string; open: boolean }>;
}

/** The SSE `changes` event (server/live/sse-events.ts). */
export interface Changes {
  statements: number;
  activities: Record<string, number>;
  sessions: number[];
  players: string[];
  sessionsStarted: number;
  sessionsEnded: number;
  rejected: Array<{ route: string; status: number; message: string }>;
  rejectedCount: number;
}
