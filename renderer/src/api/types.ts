// The admin API's answers, as the dashboard reads them (server/admin/*). Those the server declares in
// server/admin/api-types.ts (types only) come from there; the rest are read as the dashboard needs them.
import type { PlayerRef, SessionRow, StatementRow } from '../../../server/admin/api-types.js';

export type { PlayerRef, StatementRow };

export type PlayerKind = PlayerRef['kind'];

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

export type Session = SessionRow;

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
