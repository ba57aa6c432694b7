// The admin API's answers, as the dashboard reads them (server/admin/*). Those the server declares in
// server/admin/api-types.ts (types only) come from there; the rest are read as the dashboard needs them.
import type {
  ChangesEvent,
  ConnectInfo,
  Overview,
  PlayerProfile,
  PlayerRef,
  PlayerSummary,
  RatePoint,
  SessionRow,
  StatementRow,
} from '../../../server/admin/api-types.js';

export type { ConnectInfo, Overview, PlayerRef, PlayerSummary, RatePoint, StatementRow };

/** The SSE `changes` event (server/live/sse-events.ts). */
export type Changes = ChangesEvent;

export type PlayerKind = PlayerRef['kind'];

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

export interface PlayerDetail extends PlayerProfile {
  sessionList: PlayerSession[];
  timeline: StatementRow[];
}

