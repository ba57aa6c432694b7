// The admin API's answers, as the dashboard reads them (server/admin/*). Those the server declares in
// server/admin/api-types.ts (types only) come from there; the rest are read as the dashboard needs them.
import type {
  ActivityErasureCounts,
  ActivityView,
  BackupsNote,
  ChangesEvent,
  ConnectInfo,
  Overview,
  PlayerActivity,
  PlayerProfile,
  PlayerRef,
  PlayerSummary,
  RatePoint,
  SessionRow,
  StatementRow,
} from '../../../server/admin/api-types.js';

export type { ActivityErasureCounts, BackupsNote, ConnectInfo, Overview, PlayerRef, PlayerSummary, RatePoint, StatementRow };

/** The SSE `changes` event (server/live/sse-events.ts). */
export type Changes = ChangesEvent;

export type PlayerKind = PlayerRef['kind'];

/** The dashboard's name for an activity as the admin API answers it. */
export type Activity = ActivityView;

export type Session = SessionRow;

export interface PlayerSession extends Session {
  activityId: string | null;
  activityName: string | null;
}

export interface PlayerDetail extends PlayerProfile {
  sessionList: PlayerSession[];
  timeline: StatementRow[];
  /** Every activity the player has sessions in, the latest played first (not only the 200 listed sessions'). */
  activities: PlayerActivity[];
  /** Present when the player has sessions older than the 200 listed. */
  moreSessions?: boolean;
  /** Present when the player has statements older than the timeline's (the 100 most recent, or ?limit=). */
  moreStatements?: boolean;
}


export type { XapiCredentialsView } from '../../../server/admin/api-types.js';
